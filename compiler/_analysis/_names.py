"""Small readers of libcst nodes the visitors and the rewrite share."""

from __future__ import annotations

from collections.abc import Collection

import libcst as cst
from libcst.metadata import QualifiedName, QualifiedNameSource, ScopeProvider

__all__ = ["dotted", "qualified", "qualified_names", "string_value"]


def dotted(node: cst.BaseExpression) -> str:
    """``a.b.c`` for a chain of names and attributes, else ``""``."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr.value}" if base else ""
    return ""


def qualified(visitor: cst.MetadataDependent, node: cst.CSTNode) -> Collection[QualifiedName]:
    """What libcst's ``QualifiedNameProvider`` would say of *node*, asked of its scope
    only for the nodes a pass looks at: the provider computes it for every node of the
    module, a quarter of the analysis time. Needs ``ScopeProvider``."""
    scope = visitor.get_metadata(ScopeProvider, node, None)
    return scope.get_qualified_names_for(node) if scope is not None else set()


def qualified_names(visitor: cst.MetadataDependent, node: cst.CSTNode) -> frozenset[str]:
    """Every name from elsewhere *node* may stand for (``{"streamlit.slider"}`` for
    ``st.slider``); names the module defines itself (a local ``class time``) are left out."""
    found = qualified(visitor, node)
    return frozenset(q.name for q in found if q.source != QualifiedNameSource.LOCAL)


def string_value(node: cst.BaseExpression) -> str | None:
    """The value of a plain string literal (no f-string, no bytes), else ``None``."""
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None
