"""Columns of choices: ``CheckboxColumn``, ``SelectboxColumn`` and
``MultiselectColumn`` (whose ``format_func`` is applied here: the page only sees labels)."""

from __future__ import annotations

from typing import Any

from ._column import ColumnConfig, column_config

__all__ = ["CheckboxColumn", "MultiselectColumn", "SelectboxColumn"]


def CheckboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
) -> ColumnConfig:
    """``st.column_config.CheckboxColumn``."""
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
        "checkbox",
    )


def SelectboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    default: Any = None,
    options: Any = None,
    format_func: Any = None,
) -> ColumnConfig:
    """``st.column_config.SelectboxColumn``."""
    if options is not None and format_func is not None:
        options = [{"value": o, "label": str(format_func(o))} for o in options]
    return column_config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "default": default,
        },
        "selectbox",
        options=options,
    )


def MultiselectColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    default: Any = None,
    options: Any = None,
    accept_new_options: Any = None,
    color: Any = None,
    format_func: Any = None,
) -> ColumnConfig:
    """``st.column_config.MultiselectColumn``."""
    if options is not None and format_func is not None:
        options = [{"value": o, "label": str(format_func(o))} for o in options]
    return column_config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "default": default,
        },
        "multiselect",
        options=options,
        accept_new_options=accept_new_options,
    )
