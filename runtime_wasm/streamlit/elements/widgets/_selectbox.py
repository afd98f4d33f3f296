"""``st.selectbox``: a single choice among options, in a drop-down."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..._base import DGBase
from ..._widget import Key
from ..lib._options import single_choice

__all__ = ["SelectboxMixin"]


class SelectboxMixin(DGBase):
    def selectbox(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], str] = str,
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
        icon: str | None = None,
        accept_new_options: bool = False,
        filter_mode: str = "fuzzy",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> Any:
        return single_choice(
            self,
            "selectbox",
            label,
            options,
            index,
            format_func,
            key,
            help,
            on_change,
            args,
            kwargs,
            label_visibility,
            {
                "disabled": disabled,
                "placeholder": placeholder if placeholder is not None else "Choose an option",
            },
            bind=bind,
        )
