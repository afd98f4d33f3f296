"""The call-graph visitor: what the ``time.sleep`` → ``await`` rewrite needs to know.

For each module it records the app's functions, the blocking calls to rewrite
(``time.sleep``, ``asyncio.run``), the calls between the app's own functions, and
every way a function escapes being called directly (passed as a value, called
through an object), each with the *context* it happens in: a function, the
module's top level, or a place that cannot ``await`` (a lambda, a generator
expression, a class body). It changes nothing; :mod:`compiler.analyse._rewrite` decides.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import (
    Assignment,
    ParentNodeProvider,
    PositionProvider,
    QualifiedName,
    QualifiedNameSource,
    ScopeProvider,
)

from compiler._diagnostics import Span
from compiler.analyse.passes._context import AppModule, Findings, ModuleVisitor, resolve_relative
from compiler.analyse.passes._names import dotted, qualified, qualified_names

__all__ = ["BLOCKING", "CallFacts", "CallVisitor", "Context", "Function", "Site"]

# what becomes an await, by qualified name
BLOCKING = frozenset({"time.sleep", "asyncio.run"})
# keyword arguments whose callables the runtime awaits when they return a coroutine
_CALLBACK_KEYWORDS = frozenset({"on_click", "on_change", "on_submit"})
_METHOD_KINDS = frozenset({"staticmethod", "classmethod"})
_NO_AWAIT = {
    cst.Lambda: "a lambda",
    cst.GeneratorExp: "a generator expression",
    cst.ClassDef: "a class body",
}


@dataclass(frozen=True, kw_only=True)
class Context:
    """Where a call happens: in ``function`` (a key), or a top level, or nowhere awaitable."""

    function: str | None = None
    awaitable: bool = False  # True in async functions and at the main script's top level
    why_not: str = ""  # when neither in a function nor awaitable: where it is ("a lambda")


@dataclass(frozen=True, kw_only=True)
class Function:
    key: str  # "pkg.util:Class.method"
    name: str  # as the user writes it: "Class.method"
    node: cst.FunctionDef
    is_async: bool
    method: str  # its name when defined directly in a class, else ""
    why_not: str  # why it can never become async ("" when it might)


@dataclass(frozen=True, kw_only=True)
class Site:
    """A call inside *context*: a blocking call, or a call of an app function."""

    node: cst.Call
    module: str  # dotted name of the module it is in
    context: Context
    span: Span
    target: str  # the blocking call's qualified name, or the called function's key
    method: str  # for ``self.m(...)`` and ``obj.m(...)``: "m", else ""
    needs_parens: bool  # ``f().x`` must become ``(await f()).x``


@dataclass(kw_only=True)
class CallFacts:
    """The app-wide facts, filled module by module."""

    modules: frozenset[str]  # dotted names of the app's modules
    functions: dict[str, Function] = field(default_factory=dict)
    blocking: list[Site] = field(default_factory=list)
    calls: list[Site] = field(default_factory=list)
    escapes: dict[str, str] = field(default_factory=dict)  # function key → why
    attribute_uses: dict[str, str] = field(default_factory=dict)  # ".m" not via self → where


class CallVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (
        PositionProvider,
        ParentNodeProvider,
        ScopeProvider,
    )

    def __init__(self, module: AppModule, findings: Findings, facts: CallFacts) -> None:
        super().__init__(module, findings)
        self.facts = facts
        self._stack: list[tuple[cst.CSTNode, str]] = []  # (scope node, qualname prefix)
        self._resolved: set[int] = set()  # ids of call targets resolved to a function
        self._methods: set[int] = set()  # ids of ``obj.m`` resolved to a method

    # -- where we are -------------------------------------------------------------------
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        name = self._qualname(node.name.value)
        in_class = bool(self._stack) and isinstance(self._stack[-1][0], cst.ClassDef)
        self.facts.functions[self._key(name)] = Function(
            key=self._key(name),
            name=name,
            node=node,
            is_async=node.asynchronous is not None,
            method=node.name.value if in_class else "",
            why_not=_why_not_async(node, name),
        )
        self._stack.append((node, f"{name}.<locals>"))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._stack.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._stack.append((node, self._qualname(node.name.value)))

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._stack.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self._stack.append((node, self._qualname("<lambda>")))

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self._stack.pop()

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> None:
        self._stack.append((node, self._qualname("<genexpr>")))

    def leave_GeneratorExp(self, original_node: cst.GeneratorExp) -> None:
        self._stack.pop()

    def _qualname(self, name: str) -> str:
        return f"{self._stack[-1][1]}.{name}" if self._stack else name

    def _key(self, qualname: str) -> str:
        return f"{self.module.name}:{qualname}"

    def _context(self) -> Context:
        if not self._stack:
            if self.module.is_entry:
                return Context(awaitable=True)
            return Context(why_not="the top level of an imported module")
        node, prefix = self._stack[-1]
        if isinstance(node, cst.FunctionDef):
            key = self._key(prefix.removesuffix(".<locals>"))
            return Context(function=key, awaitable=node.asynchronous is not None)
        return Context(why_not=_NO_AWAIT[type(node)])

    # -- calls and references -----------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        blocking = qualified_names(self, node.func) & BLOCKING
        if blocking:
            self.facts.blocking.append(self._site(node, min(blocking)))
            return
        names = qualified(self, node.func)
        method = self._self_method(node.func) or self._instance_method(node.func)
        target = method or (self._function_key(names) if dotted(node.func) else None)
        if method:
            self._methods.add(id(node.func))
        if target is not None:
            self._resolved.add(id(node.func))
            self.facts.calls.append(self._site(node, target, method.rpartition(".")[2]))

    def visit_Name(self, node: cst.Name) -> None:
        self._reference(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if id(node) not in self._methods and _is_load(self, node, calls=True):
            self.facts.attribute_uses.setdefault(node.attr.value, self._where(node))
        self._reference(node)

    def _reference(self, node: cst.Name | cst.Attribute) -> None:
        """A function used other than by calling it escapes: it must stay sync."""
        if id(node) in self._resolved or not _is_load(self, node):
            return
        parent = self.get_metadata(ParentNodeProvider, node, None)
        keyword = parent.keyword if isinstance(parent, cst.Arg) else None
        if keyword is not None and keyword.value in _CALLBACK_KEYWORDS:
            return  # the runtime awaits coroutine callbacks
        names: Collection[QualifiedName] = qualified(self, node)
        key = self._function_key(names)
        if key is not None:
            self.facts.escapes.setdefault(key, f"it is used as a value at {self._where(node)}")

    def _self_method(self, func: cst.BaseExpression) -> str:
        """``self.m(...)`` in a method of ``C`` calls ``C.m``: returns "C.m", else ""."""
        if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)):
            return ""
        if len(self._stack) < 2 or not isinstance(self._stack[-2][0], cst.ClassDef):
            return ""
        method = self._stack[-1][0]
        if not isinstance(method, cst.FunctionDef) or not method.params.params:
            return ""
        if method.params.params[0].name.value != func.value.value:
            return ""
        return self._key(f"{self._stack[-2][1]}.{func.attr.value}")

    def _instance_method(self, func: cst.BaseExpression) -> str:
        """``C().m(...)``, or ``c.m(...)`` after ``c = C()``, calls ``C.m``: its key, or ""."""
        if not isinstance(func, cst.Attribute):
            return ""
        receiver = func.value
        if isinstance(receiver, cst.Name):
            scope = self.get_metadata(ScopeProvider, receiver, None)
            bindings = list(scope[receiver.value]) if scope is not None else []
            if len(bindings) != 1 or not isinstance(bindings[0], Assignment):
                return ""
            parent = self.get_metadata(ParentNodeProvider, bindings[0].node, None)
            statement = self.get_metadata(ParentNodeProvider, parent, None) if parent else None
            if not isinstance(parent, cst.AssignTarget) or not isinstance(statement, cst.Assign):
                return ""
            receiver = statement.value
        if not isinstance(receiver, cst.Call) or not dotted(receiver.func):
            return ""
        cls = self._function_key(qualified(self, receiver.func))
        return f"{cls}.{func.attr.value}" if cls else ""

    def _function_key(self, names: Collection[QualifiedName]) -> str | None:
        """The key of the app function *names* stand for, if one module defines it."""
        if len(names) != 1:
            return None
        found = next(iter(names))
        if found.source == QualifiedNameSource.LOCAL:
            return self._key(found.name)
        if found.source != QualifiedNameSource.IMPORT:
            return None
        name = found.name
        level = len(name) - len(name.lstrip("."))
        if level:
            resolved = resolve_relative(self.module.package, level, name[level:])
            if resolved is None:
                return None
            name = resolved
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:cut])
            if module in self.facts.modules:
                return f"{module}:{'.'.join(parts[cut:])}"
        return None

    def _site(self, node: cst.Call, target: str, method: str = "") -> Site:
        parent = self.get_metadata(ParentNodeProvider, node, None)
        needs_parens = (
            isinstance(parent, cst.Attribute | cst.Subscript) and parent.value is node
        ) or (isinstance(parent, cst.Call) and parent.func is node)
        return Site(
            node=node,
            module=self.module.name,
            context=self._context(),
            span=self.span(node),
            target=target,
            method=method,
            needs_parens=needs_parens,
        )

    def _where(self, node: cst.CSTNode) -> str:
        span = self.span(node)
        return f"{span.path}:{span.line}"


def _why_not_async(node: cst.FunctionDef, name: str) -> str:
    if node.asynchronous is not None:
        return ""
    if any(_dotted(d.decorator) not in _METHOD_KINDS for d in node.decorators):
        return f"{name} is decorated"
    if node.name.value.startswith("__") and node.name.value.endswith("__"):
        return f"{name} is a special method"
    if _YieldFinder.has_yield(node):
        return f"{name} is a generator"
    return ""


def _dotted(node: cst.BaseExpression) -> str:
    return node.value if isinstance(node, cst.Name) else ""


def _is_load(
    visitor: cst.MetadataDependent, node: cst.Name | cst.Attribute, *, calls: bool = False
) -> bool:
    """Whether *node* reads a value (not a definition, an import or an ``.attr`` part);
    as the function of a call only when *calls*."""
    parent = visitor.get_metadata(ParentNodeProvider, node, None)
    if isinstance(parent, cst.Attribute) and parent.attr is node:
        return False
    if isinstance(parent, cst.FunctionDef | cst.ClassDef | cst.Param | cst.ImportAlias):
        return False
    if isinstance(parent, cst.ImportFrom | cst.Import | cst.AssignTarget):
        return False
    return calls or not (isinstance(parent, cst.Call) and parent.func is node)


class _YieldFinder(cst.CSTVisitor):
    """Whether a function's own body yields (nested functions do not count)."""

    def __init__(self) -> None:
        self.found = False

    @classmethod
    def has_yield(cls, node: cst.FunctionDef) -> bool:
        finder = cls()
        node.body.visit(finder)
        return finder.found

    def visit_Yield(self, node: cst.Yield) -> None:
        self.found = True

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False
