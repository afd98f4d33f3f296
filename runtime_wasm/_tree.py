"""The element tree one script run builds, and its JSON form for the page.

A run appends elements to blocks; the page receives the whole tree after each run
(see ``_protocol``). Ids are assigned at serialisation: a widget keeps its widget id,
everything else gets its position path, which is what Streamlit's delta path is too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._protocol import Node

__all__ = ["GONE", "Element", "container", "new_root", "to_node"]

# The kind of the place a transient element (st.spinner) held once it is over. It stays
# in its block, so the elements after it keep their position ids (the page keeps their
# DOM), and is never sent: Streamlit's transients take no place in the element tree.
GONE = "gone"


@dataclass(eq=False, slots=True)
class Element:
    """One node of the tree: a leaf element, a widget, or a block with children."""

    kind: str
    props: dict[str, Any] = field(default_factory=dict)
    widget_id: str | None = None
    children: list[Element] | None = None

    @property
    def is_block(self) -> bool:
        return self.children is not None


def container(
    *, border: bool | None = None, height: int | None = None, horizontal: bool = False,
    gap: str | None = "small",
) -> Element:  # fmt: skip
    """An empty ``st.container`` block (the defaults are ``st.container()``'s)."""
    return Element(
        "container",
        {"border": border, "height": height, "horizontal": horizontal, "gap": gap},
        children=[],
    )


def new_root() -> tuple[Element, Element, Element]:
    """Return ``(root, main, sidebar)`` for a fresh run. The root also holds the
    ``event`` block, Streamlit's third root container, where ``st.toast`` goes."""
    main = Element("main", children=[])
    sidebar = Element("sidebar", children=[])
    event = Element("event", children=[])
    return Element("root", children=[main, sidebar, event]), main, sidebar


def to_node(element: Element, path: str = "root") -> Node:
    """Serialise ``element`` (and its subtree) to the protocol's ``Node``."""
    node: Node = {
        "id": element.widget_id or path,
        "kind": element.kind,
        "props": element.props,
    }
    if element.children is not None:
        if element.kind == "root":
            node["children"] = [to_node(child, child.kind) for child in element.children]
        else:
            node["children"] = [
                to_node(child, f"{path}/{i}")
                for i, child in enumerate(element.children)
                if child.kind != GONE
            ]
    return node
