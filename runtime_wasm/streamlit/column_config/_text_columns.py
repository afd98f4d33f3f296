"""Text-like columns: ``TextColumn``, ``LinkColumn`` and ``MarkdownColumn``."""

from __future__ import annotations

from typing import Any

from ._column import ColumnConfig, column_config

__all__ = ["LinkColumn", "MarkdownColumn", "TextColumn"]


def TextColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
    max_chars: Any = None,
    validate: Any = None,
) -> ColumnConfig:
    """``st.column_config.TextColumn``."""
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
        "text",
        max_chars=max_chars,
        validate=validate,
    )


def LinkColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
    max_chars: Any = None,
    validate: Any = None,
    display_text: Any = None,
) -> ColumnConfig:
    """``st.column_config.LinkColumn``."""
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
        "link",
        max_chars=max_chars,
        validate=validate,
        display_text=display_text,
    )


def MarkdownColumn(
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
    """``st.column_config.MarkdownColumn``."""
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
        "markdown",
    )
