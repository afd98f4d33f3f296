"""``ButtonColumn``: a column of buttons, shown disabled (stc runs no column callbacks)."""

from __future__ import annotations

from typing import Any

from ._column import ColumnConfig, column_config

__all__ = ["ButtonColumn"]


def ButtonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    type: Any = "secondary",
    on_click: Any = None,
    args: Any = None,
    kwargs: Any = None,
    key: Any = None,
) -> ColumnConfig:
    """``st.column_config.ButtonColumn``."""
    return column_config(
        label,
        {
            "width": width,
            "help": help,
            "pinned": pinned,
            "alignment": alignment,
            "disabled": True,
        },
        "button",
        button_type=type,
    )
