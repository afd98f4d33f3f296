"""The browser visitor: modules that cannot work in a tab, calls that block or fail.

``STC201`` for importing a module of :data:`UNSUPPORTED_MODULES` (a warning when the
import is optional: the app is ready for it to fail), ``STC202`` for a call of
:data:`BLOCKING_CALLS` or a blocking method on what a :data:`BLOCKING_METHODS`
constructor made (``Thread(...).join()``, ``t = Thread(...); t.join()``), and
``STC203`` for importing a network client of :data:`SOCKET_CLIENTS`, which opens
sockets of its own (``requests``, ``httpx``, ``urllib`` and ``http.client`` go through
the browser's fetch, so they are fine).
"""

from __future__ import annotations

import dataclasses

import libcst as cst
from libcst.metadata import (
    Assignment,
    ParentNodeProvider,
    PositionProvider,
    ScopeProvider,
)

from compiler.analyse.passes._context import ModuleVisitor
from compiler.analyse.passes._imports import is_optional
from compiler.analyse.passes._names import dotted, qualified_names
from compiler.analyse.passes._rules import (
    BLOCKING_CALLS,
    BLOCKING_METHODS,
    SOCKET_CLIENTS,
    UNSUPPORTED_MODULES,
    Rule,
)

__all__ = ["BrowserVisitor"]


class BrowserVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (
        PositionProvider,
        ParentNodeProvider,
        ScopeProvider,
    )

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._check_module(dotted(alias.name), alias.name, node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None:
            return  # the app's own modules
        module = dotted(node.module)
        self._check_module(module, node.module, node)
        if not isinstance(node.names, cst.ImportStar):
            for alias in node.names:  # "from urllib import request"
                self._check_module(f"{module}.{dotted(alias.name)}", alias.name, node, exact=True)

    def visit_Call(self, node: cst.Call) -> None:
        for name in qualified_names(self, node.func):
            rule = BLOCKING_CALLS.get(name)
            if rule is not None:
                self.report(rule, node)
                return
        if isinstance(node.func, cst.Attribute):
            made_by = self._constructor(node.func.value)
            rule = BLOCKING_METHODS.get(made_by, {}).get(node.func.attr.value)
            if rule is not None:
                self.report(rule, node)

    def _check_module(
        self, module: str, where: cst.CSTNode, statement: cst.CSTNode, *, exact: bool = False
    ) -> None:
        prefixes = [module] if exact else _prefixes(module)
        for prefix in prefixes:
            rule = UNSUPPORTED_MODULES.get(prefix)
            if rule is not None:
                if is_optional(self, statement):
                    rule = dataclasses.replace(rule, severity="warning")
                self.report(rule, where)
                return
            client: Rule | None = SOCKET_CLIENTS.get(prefix)
            if client is not None:
                self.report(client, where)
                return

    def _constructor(self, node: cst.BaseExpression) -> str:
        """The qualified name of the call that made *node*, followed through one name."""
        if isinstance(node, cst.Name):
            scope = self.get_metadata(ScopeProvider, node, None)
            bindings = list(scope[node.value]) if scope is not None else []
            if len(bindings) != 1 or not isinstance(bindings[0], Assignment):
                return ""
            parent = self.get_metadata(ParentNodeProvider, bindings[0].node, None)
            if isinstance(parent, cst.AssignTarget):
                parent = self.get_metadata(ParentNodeProvider, parent, None)
            node = parent.value if isinstance(parent, cst.Assign) else node
        if isinstance(node, cst.Call):
            names = qualified_names(self, node.func)
            return next(iter(names)) if len(names) == 1 else ""
        return ""


def _prefixes(module: str) -> list[str]:
    """ "a.b.c" → ["a", "a.b", "a.b.c"]: a rule on a package covers its submodules."""
    parts = module.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]
