"""Small readers of libcst nodes the visitors and the rewrite share."""

from __future__ import annotations

from collections.abc import Collection

import libcst as cst
from libcst.metadata import (
    Assignment,
    ParentNodeProvider,
    QualifiedName,
    QualifiedNameSource,
    ScopeProvider,
)

__all__ = [
    "argument",
    "bound_value",
    "dotted",
    "key_step",
    "qualified",
    "qualified_names",
    "string_value",
]


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


def argument(call: cst.Call, position: int | None, keyword: str) -> cst.BaseExpression | None:
    """The value *call* gives a parameter, by *keyword* or at *position* (``None``: a
    keyword-only parameter)."""
    positional = [a for a in call.args if a.keyword is None and not a.star]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    if position is not None and position < len(positional):
        return positional[position].value
    return None


def bound_value(
    visitor: cst.MetadataDependent, name: cst.Name
) -> cst.BaseExpression | cst.FunctionDef | int | None:
    """What the only binding of *name* holds: the assigned value, the function it
    defines; the number of bindings when there are several; ``None`` otherwise.
    Needs ``ScopeProvider`` and ``ParentNodeProvider``."""
    scope = visitor.get_metadata(ScopeProvider, name, None)
    if scope is None:
        return None
    bindings = list(scope[name.value])
    if len(bindings) != 1:
        return len(bindings) or None
    (binding,) = bindings
    if not isinstance(binding, Assignment):
        return None
    if isinstance(binding.node, cst.FunctionDef):
        return binding.node
    parent = visitor.get_metadata(ParentNodeProvider, binding.node, None)
    if isinstance(parent, cst.AssignTarget):
        parent = visitor.get_metadata(ParentNodeProvider, parent, None)
        return parent.value if isinstance(parent, cst.Assign) else None
    if isinstance(parent, cst.AnnAssign) and parent.target is binding.node:
        return parent.value
    return None


def key_step(node: cst.BaseExpression) -> tuple[cst.BaseExpression, str | None] | None:
    """``x["k"]`` or ``x.get("k")`` → (x, "k"); a key that is not a literal → (x, None)."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            return node.value, string_value(index.value)
        return None
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "get"
        and node.args
        and node.args[0].keyword is None
    ):
        return node.func.value, string_value(node.args[0].value)
    return None
