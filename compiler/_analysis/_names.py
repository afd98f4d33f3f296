"""Small readers of libcst nodes the visitors and the rewrite share."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import QualifiedNameProvider, QualifiedNameSource

__all__ = ["dotted", "qualified_names", "string_value"]


def dotted(node: cst.BaseExpression) -> str:
    """``a.b.c`` for a chain of names and attributes, else ``""``."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr.value}" if base else ""
    return ""


def qualified_names(visitor: cst.MetadataDependent, node: cst.CSTNode) -> frozenset[str]:
    """Every name from elsewhere *node* may stand for (``{"streamlit.slider"}`` for
    ``st.slider``); names the module defines itself (a local ``class time``) are left out."""
    found = visitor.get_metadata(QualifiedNameProvider, node, set())
    return frozenset(q.name for q in found if q.source != QualifiedNameSource.LOCAL)


def string_value(node: cst.BaseExpression) -> str | None:
    """The value of a plain string literal (no f-string, no bytes), else ``None``."""
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None
