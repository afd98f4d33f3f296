"""The blocks beside main and sidebar under the run's root, made on first use in each
run: ``st.bottom``'s, and Streamlit's event container, where ``st.toast`` goes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...._context import current
from ...._tree import Element
from ..._roots import new_dg

if TYPE_CHECKING:
    from ..._dg import DeltaGenerator

__all__ = ["bottom_dg", "root_child"]


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


def bottom_dg() -> DeltaGenerator:
    """A generator writing into the run's bottom container: ``st.bottom``'s, and where
    ``st.chat_input`` goes when it is called at the top of the main area."""
    return new_dg(block=root_child("bottom", {}), container="bottom")
