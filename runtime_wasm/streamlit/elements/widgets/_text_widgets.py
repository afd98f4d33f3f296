"""``st.text_input`` and ``st.text_area``: one text widget drawn two ways."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...._errors import (
    StreamlitAPIException,
)
from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._url_codecs import text_codec

__all__ = ["TextWidgetsMixin"]


class TextWidgetsMixin(DGBase):
    def _text(
        self,
        kind: str,
        label: str,
        value: Any,
        max_chars: int | None,
        key: Key | None,
        help: str | None,
        on_change: Any,
        args: Any,
        kwargs: Any,
        label_visibility: str,
        props: dict[str, Any],
        bind: Any,
    ) -> str | None:
        check_label_visibility(label_visibility)

        def text(raw: Any) -> str | None:
            # Streamlit cuts a longer value (default or session_state) to max_chars.
            return None if raw is None else str(raw)[:max_chars]

        default = text(value)

        result = widget(
            self,
            kind,
            key=key,
            shared={"label": label, "max_chars": max_chars, "help": help},
            identity={
                "value": default,
                **{k: v for k, v in props.items() if k in ("type", "placeholder")},
            },
            default=default,
            deserialize=text,
            coerce=text,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={"label_visibility": label_visibility, **props},
            bind=bind,
            url=text_codec(),
        )
        return result if result is None else str(result)

    def text_input(
        self,
        label: str,
        value: Any = "",
        max_chars: int | None = None,
        key: Key | None = None,
        type: str = "default",
        help: str | None = None,
        autocomplete: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        icon: str | None = None,
        validate: Any = None,
        live: str | bool = False,
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> str | None:
        if type not in ("default", "password", "email", "url", "phone", "search"):
            raise StreamlitAPIException(
                f"'{type}' is not a valid text_input type. Valid types are 'default', "
                "'password', 'email', 'url', 'phone' and 'search'."
            )
        return self._text(
            "text_input",
            label,
            value,
            max_chars,
            key,
            help,
            on_change,
            args,
            kwargs,
            label_visibility,
            {
                "type": type,
                "autocomplete": autocomplete,
                "placeholder": placeholder,
                "disabled": disabled,
            },
            bind,
        )

    def text_area(
        self,
        label: str,
        value: Any = "",
        height: Any = None,
        max_chars: int | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> str | None:
        return self._text(
            "text_area",
            label,
            value,
            max_chars,
            key,
            help,
            on_change,
            args,
            kwargs,
            label_visibility,
            {
                "height": height if isinstance(height, int) else None,
                "placeholder": placeholder,
                "disabled": disabled,
            },
            bind,
        )
