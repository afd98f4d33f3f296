"""The imports visitor: every ``import`` of the app as an :class:`ImportRef`.

Relative imports are resolved against the importing file's package. An import the
app survives without is ``optional``: inside a ``try`` whose handlers catch
``ImportError`` or ``ModuleNotFoundError`` (or everything), or under an ``if``.
``importlib.import_module("x")`` and ``__import__("x")`` with a literal are
``dynamic``.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider, ScopeProvider

from compiler.analyse._facts import ImportRef
from compiler.analyse.passes._context import ModuleVisitor, resolve_relative
from compiler.analyse.passes._names import dotted, qualified_names, string_value
from compiler.analyse.passes._rules import (
    RELATIVE_BEYOND,
)

__all__ = ["ImportVisitor", "import_ref", "is_optional"]

_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})
_DYNAMIC = frozenset({"importlib.import_module", "builtins.__import__"})


class ImportVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (PositionProvider, ParentNodeProvider, ScopeProvider)

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._add(dotted(alias.name), alias.name, node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        name = dotted(node.module) if node.module else ""
        level = len(node.relative)
        if level == 0:
            assert node.module is not None
            self._add(name, node.module, node)
            return
        base = resolve_relative(self.module.package, level, name)
        if base is None:
            top = self.module.package.partition(".")[0]
            where = (
                f"climbs above the top-level package `{top}`"
                if top
                else ("in a file that is not in a package")
            )
            self.report(RELATIVE_BEYOND, node, dots="." * level, where=where)
            return
        if node.module is not None or isinstance(node.names, cst.ImportStar):
            self._add(base, node.module or node, node)
            return
        for alias in node.names:  # "from . import util": each name may be a module
            target = dotted(alias.name)
            self._add(f"{base}.{target}" if base else target, alias.name, node)

    def visit_Call(self, node: cst.Call) -> None:
        if not node.args or not qualified_names(self, node.func) & _DYNAMIC:
            return
        name = string_value(node.args[0].value)
        if name and not name.startswith("."):
            self._add(name, node.args[0].value, node, dynamic=True)

    def _add(
        self, module: str, where: cst.CSTNode, statement: cst.CSTNode, *, dynamic: bool = False
    ) -> None:
        if not module:
            return
        self.findings.imports.append(import_ref(self, module, where, statement, dynamic=dynamic))


def is_optional(visitor: cst.MetadataDependent, node: cst.CSTNode) -> bool:
    """Whether the app runs on when *node* raises ImportError: under an ``if``, or
    in the body of a ``try`` that catches it. Needs ``ParentNodeProvider``."""
    child = node
    while True:
        parent = visitor.get_metadata(ParentNodeProvider, child, None)
        if parent is None or isinstance(parent, cst.FunctionDef | cst.ClassDef | cst.Lambda):
            return False
        if isinstance(parent, cst.If):
            return True
        if isinstance(parent, cst.Try) and child is parent.body and _catches_import(parent):
            return True
        child = parent


def _catches_import(node: cst.Try) -> bool:
    for handler in node.handlers:
        if handler.type is None:
            return True
        caught = handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type]
        for item in caught:
            value = item.value if isinstance(item, cst.Element) else item
            if isinstance(value, cst.BaseExpression) and dotted(value) in _IMPORT_ERRORS:
                return True
    return False


def import_ref(
    visitor: ModuleVisitor,
    module: str,
    where: cst.CSTNode,
    statement: cst.CSTNode,
    *,
    dynamic: bool = False,
) -> ImportRef:
    """The import of *module* that *visitor* found at *where*, in *statement*."""
    return ImportRef(
        module=module,
        top=module.partition(".")[0],
        file=visitor.module.rel,
        span=visitor.span(where),
        optional=is_optional(visitor, statement),
        dynamic=dynamic,
    )
