"""Columns of structured values: ``ListColumn`` and ``JsonColumn``."""

from __future__ import annotations

from typing import Any

from ._column import ColumnConfig, column_config

__all__ = ["JsonColumn", "ListColumn"]


def ListColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    disabled: Any = None,
    required: Any = None,
    default: Any = None,
) -> ColumnConfig:
    """``st.column_config.ListColumn``."""
    return column_config(
        label,
        {
            "width": width,
            "help": help,
            "pinned": pinned,
            "disabled": disabled,
            "required": required,
            "default": default,
        },
        "list",
    )


def JsonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
) -> ColumnConfig:
    """``st.column_config.JsonColumn``."""
    return column_config(
        label, {"width": width, "help": help, "pinned": pinned, "alignment": alignment}, "json"
    )
