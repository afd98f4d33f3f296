"""``st.radio``: a single choice among options, all shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..._base import DGBase
from ..._widget import Key
from ..lib._options import single_choice

__all__ = ["RadioMixin"]


class RadioMixin(DGBase):
    def radio(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], Any] = str,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        horizontal: bool = False,
        captions: Sequence[str] | None = None,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: Any = None,
        persist_state: Any = None,
    ) -> Any:
        return single_choice(
            self,
            "radio",
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
                "horizontal": horizontal,
                "captions": list(captions) if captions is not None else None,
            },
            bind=bind,
        )
