"""``st.menu_button``: a trigger widget, the chosen option for the one run after the
click, else ``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...._errors import (
    FORM_DOCS_INFO,
    StreamlitAPIException,
    StreamlitValueError,
)
from ..._base import DGBase
from ..._widget import Key, widget
from ..lib._numbers import is_int
from ..lib._one_run_value import Fresh

__all__ = ["MenuButtonMixin"]


class MenuButtonMixin(DGBase):
    def menu_button(
        self,
        label: str,
        options: Any,
        *,
        key: Key | None = None,
        help: str | None = None,
        on_click: Callable[..., Any] | None = None,
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        type: str = "secondary",
        icon: str | None = None,
        disabled: bool = False,
        width: Any = "content",
        format_func: Callable[[Any], str] = str,
        wrap: bool | None = None,
    ) -> Any:
        label = "" if label is None else str(label)
        if self._current_form_id() is not None:
            raise StreamlitAPIException(
                f"`st.menu_button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}"
            )
        if type not in ("primary", "secondary", "tertiary"):
            raise StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
        opts = list(options)
        if not opts:
            raise StreamlitAPIException(
                "Missing required parameter `options`. Provide at least one option."
            )
        labels = [str(format_func(o)) for o in opts]
        if len(set(labels)) != len(labels):
            raise StreamlitAPIException(
                "The `format_func` produced duplicate labels for the menu button "
                "options. Each formatted option label must be unique."
            )

        # A one-run value, as chat_input's: the first read of a click returns the
        # option, the next run's None (Streamlit's ``string_trigger_value``).
        def deserialize(raw: Any) -> Any:
            return Fresh(opts[raw]) if is_int(raw) and 0 <= raw < len(opts) else None

        def coerce(value: Any) -> Any:
            return value.value if isinstance(value, Fresh) else None

        return widget(
            self,
            "menu_button",
            key=key,
            shared={"label": label, "options": labels, "help": help, "type": type, "icon": icon},
            default=None,
            serialize=lambda value: opts.index(value) if value in opts else None,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            props={"disabled": disabled},
        )
