"""``streamlit.components.v1``: ``html`` and ``iframe`` (the main area's ``_html`` and
``_iframe``, as in Streamlit) and ``declare_component``, whose components run from the
frontends the site carries (see ``custom_component``)."""

from __future__ import annotations

from typing import Any

from ..._roots import main_dg
from . import components, custom_component
from .components import declare_component
from .custom_component import CustomComponent

__all__ = [
    "CustomComponent",
    "components",
    "custom_component",
    "declare_component",
    "html",
    "iframe",
]


def html(
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> Any:
    """Show ``html`` in an iframe of its own (Streamlit's default height: 150 px)."""
    return main_dg()._html(html, width, height, scrolling, tab_index=tab_index)


def iframe(
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> Any:
    """Show the page at ``src`` in an iframe (Streamlit's default height: 150 px)."""
    return main_dg()._iframe(src, width, height, scrolling, tab_index=tab_index)
