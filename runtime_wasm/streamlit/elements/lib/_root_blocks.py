"""The blocks beside main and sidebar under the run's root: ``st.logo``'s and
``st.bottom``'s, made on first use in each run."""

from __future__ import annotations

from typing import Any

from ...._context import current
from ...._tree import Element

__all__ = ["root_child"]


def root_child(kind: str, props: dict[str, Any]) -> Element:
    """The run's ``kind`` block beside main and sidebar, created on first use."""
    root = current().root
    assert root.children is not None
    for child in root.children:
        if child.kind == kind:
            child.props.update(props)
            return child
    block = Element(kind, props, children=[])
    root.children.append(block)
    return block
