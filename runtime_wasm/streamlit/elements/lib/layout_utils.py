"""``streamlit.elements.lib.layout_utils``: ``LayoutConfig``, a plain data holder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["LayoutConfig"]


@dataclass
class LayoutConfig:
    width: Any = None
    height: Any = None
    text_alignment: str | None = None
