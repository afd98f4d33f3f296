"""Media columns: ``ImageColumn``, ``AudioColumn`` and ``VideoColumn``."""

from __future__ import annotations

from typing import Any

from ._column import ColumnConfig, column_config

__all__ = ["AudioColumn", "ImageColumn", "VideoColumn"]


def ImageColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
) -> ColumnConfig:
    """``st.column_config.ImageColumn``."""
    return column_config(
        label, {"width": width, "help": help, "pinned": pinned, "alignment": alignment}, "image"
    )


def AudioColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
) -> ColumnConfig:
    """``st.column_config.AudioColumn``."""
    return column_config(
        label, {"width": width, "help": help, "pinned": pinned, "alignment": alignment}, "audio"
    )


def VideoColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
) -> ColumnConfig:
    """``st.column_config.VideoColumn``."""
    return column_config(
        label, {"width": width, "help": help, "pinned": pinned, "alignment": alignment}, "video"
    )
