"""``st.multiselect``: any number of options, sent as a list of option indices."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._options import (
    check_max_selections,
    default_indices,
    index_of,
    locate,
    to_options,
)
from ..lib._url_codecs import choices_codec

__all__ = ["MultiselectMixin"]


class MultiselectMixin(DGBase):
    def multiselect(
        self,
        label: str,
        options: Any,
        default: Any | None = None,
        format_func: Callable[[Any], str] = str,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        max_selections: int | None = None,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        accept_new_options: bool = False,
        filter_mode: str = "fuzzy",
        select_all: bool | int = 1000,
        width: Any = "stretch",
        wrap: bool | None = None,
        bind: Any = None,
        persist_state: Any = None,
    ) -> list[Any]:
        check_label_visibility(label_visibility)
        opts = to_options(options)
        defaults = [opts[i] for i in default_indices(opts, default)]
        check_max_selections(defaults, max_selections)
        labels = [str(format_func(o)) for o in opts]

        def serialize(values: list[Any]) -> list[int]:
            return [index_of(opts, v) for v in values]

        def deserialize(raw: Any) -> list[Any]:
            return [opts[int(i)] for i in (raw or [])]

        def coerce(values: Any) -> list[Any]:
            return [opts[locate(opts, labels, format_func, v)] for v in values]

        selected = list(
            widget(
                self,
                "multiselect",
                key=key,
                shared={
                    "label": label,
                    "options": labels,
                    "help": help,
                    "max_selections": max_selections,
                },
                identity={"default": serialize(defaults)},
                default=defaults,
                serialize=serialize,
                deserialize=deserialize,
                coerce=coerce,
                on_change=on_change,
                args=args,
                kwargs=kwargs,
                props={
                    "placeholder": placeholder if placeholder is not None else "Choose options",
                    "disabled": disabled,
                    "label_visibility": label_visibility,
                },
                bind=bind,
                url=choices_codec(opts, labels, format_func, max_length=max_selections),
            )
        )
        check_max_selections(selected, max_selections)  # also a value set via session_state
        return selected
