"""Date and time columns: ``DateColumn``, ``DatetimeColumn`` and ``TimeColumn``."""

from __future__ import annotations

from typing import Any

from ._column import ColumnConfig, column_config

__all__ = ["DateColumn", "DatetimeColumn", "TimeColumn"]


def DateColumn(
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
    """``st.column_config.DateColumn``."""
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
        "date",
        format=format,
        min_value=min_value,
        max_value=max_value,
        step=step,
    )


def DatetimeColumn(
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
    timezone: Any = None,
) -> ColumnConfig:
    """``st.column_config.DatetimeColumn``."""
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
        "datetime",
        format=format,
        min_value=min_value,
        max_value=max_value,
        step=step,
        timezone=timezone,
    )


def TimeColumn(
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
    """``st.column_config.TimeColumn``."""
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
        "time",
        format=format,
        min_value=min_value,
        max_value=max_value,
        step=step,
    )
