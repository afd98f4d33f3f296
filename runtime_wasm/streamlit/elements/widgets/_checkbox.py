"""``st.checkbox`` and ``st.toggle``: one boolean widget drawn two ways."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._url_codecs import bool_codec

__all__ = ["CheckboxMixin"]


class CheckboxMixin(DGBase):
    def _bool_widget(
        self,
        kind: str,
        label: str,
        value: bool,
        key: Key | None,
        help: str | None,
        on_change: Any,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
        bind: Any,
    ) -> bool:
        check_label_visibility(label_visibility)
        return bool(
            widget(
                self,
                kind,
                key=key,
                shared={"label": label, "help": help},
                identity={"value": bool(value)},
                default=bool(value),
                deserialize=bool,
                coerce=bool,
                on_change=on_change,
                args=args,
                kwargs=kwargs,
                props={"disabled": disabled, "label_visibility": label_visibility},
                bind=bind,
                url=bool_codec(),
            )
        )

    def checkbox(
        self,
        label: str,
        value: bool = False,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        wrap: bool | None = None,
        bind: Any = None,
        persist_state: Any = None,
    ) -> bool:
        return self._bool_widget(
            "checkbox",
            label,
            value,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
            bind,
        )

    def toggle(
        self,
        label: str,
        value: bool = False,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        wrap: bool | None = None,
        bind: Any = None,
        persist_state: Any = None,
    ) -> bool:
        return self._bool_widget(
            "toggle",
            label,
            value,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
            bind,
        )
