"""Number columns: ``NumberColumn`` and ``ProgressColumn``."""

from __future__ import annotations

from typing import Any

from ._column import ColumnConfig, column_config

__all__ = ["NumberColumn", "ProgressColumn"]


def NumberColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
    format: Any = None,
    min_value: Any = None,
    max_value: Any = None,
    step: Any = None,
) -> ColumnConfig:
    """``st.column_config.NumberColumn``."""
    return column_config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
            "default": default,
        },
        "number",
        min_value=min_value,
        max_value=max_value,
        format=format,
        step=step,
    )


def ProgressColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    format: Any = None,
    min_value: Any = None,
    max_value: Any = None,
    step: Any = None,
    color: Any = None,
) -> ColumnConfig:
    """``st.column_config.ProgressColumn``."""
    return column_config(
        label,
        {"width": width, "help": help, "pinned": pinned},
        "progress",
        format=format,
        min_value=min_value,
        max_value=max_value,
        step=step,
        color=color,
    )
