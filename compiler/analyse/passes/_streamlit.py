"""The ``st.*`` visitor: every Streamlit name the app uses, checked against the runtime.

A name is ``streamlit`` when scope analysis says it was bound by importing
streamlit (so ``import streamlit as s`` works and a local ``st = "x"`` does not
count); a container when it was bound to what a container command returns
(``c1, c2 = st.columns(2)``, ``with st.form("f") as f``, ``for t in st.tabs(...)``).
Attribute uses on those are checked against :mod:`runtime_wasm.streamlit._registry`. A name
bound both ways (rebound in an ``if``, shadowed in a function, deleted) is
ambiguous: ``STC103`` at the binding, and its uses go unchecked.

``declare_component(url=...)`` (STC105) and a components v2 ``css=`` / ``js=`` that
names a file (STC107) are reported at the call.

Calls of the commands the runtime has a signature for (``st.title(...)``,
``col.write(...)``, ``st.column_config.TextColumn(...)``, an imported ``slider(...)``)
are checked against it (:mod:`compiler.analyse.passes._signatures`): ``STC104``;
commands the runtime refuses (``st.login``, ``st.logout``) are ``STC106``
(:mod:`compiler.analyse.passes._refusals`).

Literal URLs given to media elements (``st.image("https://…")``) are recorded as
remote resources (:mod:`compiler.analyse.passes._remote`), and so is the map style a
``pydeck.Deck(...)`` names, whose basemap the page draws
(:mod:`compiler.analyse.passes._basemap`).

Every name used is also recorded (``Findings.streamlit_names``, for the optional
assets of :mod:`compiler.resolve._assets`), with what makes that list incomplete: an
ambiguous binding, a star import, ``st`` passed to a call (``getattr(st, name)``).
"""

from __future__ import annotations

from typing import Literal

import libcst as cst
from libcst.metadata import (
    Assignment,
    BaseAssignment,
    GlobalScope,
    ImportAssignment,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameSource,
    Scope,
    ScopeProvider,
)

from compiler.analyse._facts import RemoteResource
from compiler.analyse.passes._basemap import DECK_NAMES, basemap_url
from compiler.analyse.passes._context import AppModule, Findings, ModuleVisitor
from compiler.analyse.passes._imports import is_optional
from compiler.analyse.passes._names import dotted, qualified, qualified_names
from compiler.analyse.passes._refusals import (
    COMMANDS,
    refused_call,
    refused_reference,
    report_refusal,
)
from compiler.analyse.passes._remote import media_urls
from compiler.analyse.passes._rules import (
    AMBIGUOUS,
    BAD_CALL,
    DEV_SERVER_COMPONENT,
    FILE_BACKED_COMPONENT,
    INTERNAL_MODULE,
    NOT_A_COMMAND,
    NOT_YET,
)
from compiler.analyse.passes._signatures import mismatch, parameters, shown
from runtime_wasm.streamlit import _registry
from runtime_wasm.streamlit.components.v2._definitions import looks_like_inline_content

__all__ = ["StreamlitVisitor"]

Kind = Literal["streamlit", "container", "containers", "other"]

# container commands → what they return: one container, or a sequence of them
CONTAINER_COMMANDS: dict[str, Kind] = {
    "container": "container",
    "expander": "container",
    "form": "container",
    "empty": "container",
    "popover": "container",
    "chat_message": "container",
    "status": "container",
    "columns": "containers",
    "tabs": "containers",
}


_DECLARE_COMPONENT = frozenset(
    {
        "streamlit.components.v1.declare_component",
        "streamlit.components.v1.components.declare_component",
        "streamlit.components.v1.component_registry.declare_component",
    }
)


class StreamlitVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (
        PositionProvider,
        ParentNodeProvider,
        ScopeProvider,
    )

    def __init__(self, module: AppModule, findings: Findings) -> None:
        super().__init__(module, findings)
        self.implemented = _registry.implemented()
        self.methods = _registry.element_methods()
        self._warned: set[int] = set()  # ids of bindings already reported ambiguous
        self._import_kinds: dict[int, Kind] = {}  # id of an import binding → its kind
        self._kinds: dict[int, Kind | None] = {}  # id of a node → what it is

    # -- imports ------------------------------------------------------------------------
    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._check_submodule(dotted(alias.name), alias.name)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None:
            return
        module = dotted(node.module)
        if module != "streamlit":
            self._check_submodule(module, node.module)
        elif isinstance(node.names, cst.ImportStar):
            self._unsure(node, "from streamlit import *")
        else:
            for alias in node.names:
                self.findings.streamlit_names.add(dotted(alias.name))
                self._check(dotted(alias.name), alias.name, self.implemented)
                self._refused(dotted(alias.name), alias.name)

    def _check_submodule(self, module: str, node: cst.CSTNode) -> None:
        first = module.split(".")[1] if module.startswith("streamlit.") else None
        if first is not None and first not in self.implemented:
            rule = NOT_YET if first in _registry.NOT_YET else INTERNAL_MODULE
            self.report(rule, node, name=first)

    # -- uses ---------------------------------------------------------------------------
    def visit_Attribute(self, node: cst.Attribute) -> None:
        kind = self._kind_of(node.value)
        if kind in ("streamlit", "container"):
            self.findings.streamlit_names.add(node.attr.value)
        if kind == "streamlit":
            self._check(node.attr.value, node, self.implemented)
            self._refused(node.attr.value, node)
        elif kind == "container":
            self._check(node.attr.value, node, self.methods)

    def visit_Call(self, node: cst.Call) -> None:
        for arg in node.args:
            if self._kind_of(arg.value) not in (None, "other"):
                self._unsure(arg, f"{dotted(arg.value) or 'streamlit'} passed to a call")
        if any(not _literal(arg.value) for arg in node.args):
            self.findings.opaque_calls.update(self._commands(node.func))
        self._check_call(node)

    def _check_call(self, node: cst.Call) -> None:
        self._check_component(node)
        self._check_file_backed(node)
        self._check_basemap(node)
        command = self._command(node.func)
        params = parameters(command) if command else None
        if command is None or params is None:
            return
        name = f"st.{command.removeprefix('DeltaGenerator.')}"
        refusal = refused_call(self, COMMANDS.get(name.removeprefix("st."), ()), node)
        if refusal is not None:
            report_refusal(self, refusal, node)
        for url, literal in media_urls(command, node):
            self.findings.remote.append(
                RemoteResource(url=url, command=name, span=self.span(literal))
            )
        found = mismatch(name, params, node)
        if found is not None:
            signature = shown(params.signature)
            self.report(BAD_CALL, found.node, message=found.message, name=name, signature=signature)

    def _check_basemap(self, node: cst.Call) -> None:
        """``pydeck.Deck(...)`` naming a map style on the web: the page will fetch it."""
        if not (qualified_names(self, node.func) & DECK_NAMES):
            return
        found = basemap_url(node)
        if found is not None:
            url, literal = found
            where = self.span(literal)
            self.findings.remote.append(RemoteResource(url=url, command="pydeck.Deck", span=where))

    def _check_component(self, node: cst.Call) -> None:
        """``declare_component(url=...)`` that always runs: a development server."""
        if not (qualified_names(self, node.func) & _DECLARE_COMPONENT):
            return
        url = next((a for a in node.args if a.keyword and a.keyword.value == "url"), None)
        if url is None or (isinstance(url.value, cst.Name) and url.value.value == "None"):
            return
        if not is_optional(self, node):  # the _RELEASE switch of the component template
            self.report(DEV_SERVER_COMPONENT, url)

    def _check_file_backed(self, node: cst.Call) -> None:
        """``components.v2.component("dial", js="index.js")``: a file of an ``asset_dir``,
        which a name without a dot (not ``"<project>.<component>"``) never has."""
        if "streamlit.components.v2.component" not in qualified_names(self, node.func):
            return
        name = next((a.value for a in node.args if a.keyword is None or a.keyword.value == "name"),
                    None)  # fmt: skip
        if not isinstance(name, cst.SimpleString | cst.ConcatenatedString):
            return
        named = name.evaluated_value
        if not isinstance(named, str) or "." in named:
            return  # a package's component, maybe: checked at run time, as in Streamlit
        for arg in node.args:
            if arg.keyword is None or arg.keyword.value not in ("css", "js"):
                continue
            if not isinstance(arg.value, cst.SimpleString | cst.ConcatenatedString):
                continue
            text = arg.value.evaluated_value
            if isinstance(text, str) and not looks_like_inline_content(text):
                self.report(FILE_BACKED_COMPONENT, arg, param=arg.keyword.value,
                            value=repr(text))  # fmt: skip

    def _command(self, func: cst.BaseExpression) -> str | None:
        """What *func* is in :func:`_registry.signature`: ``"DeltaGenerator.write"`` for
        ``col.write``, ``"column_config.TextColumn"`` for ``st.column_config.TextColumn``."""
        if isinstance(func, cst.Attribute):
            receiver = self._kind_of(func.value)
            if receiver == "container":
                return f"DeltaGenerator.{func.attr.value}"
            if receiver == "streamlit":
                return func.attr.value
        # A bare name (``sl(...)``) is never streamlit itself or a container.
        path = self._imported(func) if isinstance(func, cst.Name) else self._api_path(func)
        return ".".join(path) if path else None

    def _api_path(self, node: cst.BaseExpression) -> tuple[str, ...] | None:
        """The names under streamlit *node* stands for: ``()`` for ``st`` itself,
        ``("components", "v1", "html")`` for ``components.html`` after ``import
        streamlit.components.v1 as components``; ``None`` when not (surely) streamlit's."""
        if isinstance(node, cst.Attribute):
            base = self._api_path(node.value)
            return None if base is None else (*base, node.attr.value)
        if not isinstance(node, cst.Name):
            return None
        kind = self._kind_of(node)
        if kind == "streamlit":
            return ()
        if kind not in (None, "other"):
            return None  # a container: its methods are DeltaGenerator's
        return self._imported(node)

    def _imported(self, node: cst.Name) -> tuple[str, ...] | None:
        """``("slider",)`` for a name bound only by ``from streamlit import slider``."""
        found = qualified(self, node)
        if len(found) != 1:
            return None  # not imported, or bound more than one way
        (name,) = found
        if name.source is not QualifiedNameSource.IMPORT or not name.name.startswith("streamlit."):
            return None
        return tuple(name.name.split(".")[1:])

    def _commands(self, func: cst.BaseExpression) -> set[str]:
        """The st name *func* calls (``st.write``, ``col.write``, imported ``write``)."""
        if isinstance(func, cst.Attribute):
            return (
                {func.attr.value}
                if self._kind_of(func.value) in ("streamlit", "container")
                else set()
            )
        names = qualified_names(self, func) if isinstance(func, cst.Name) else frozenset()
        return {
            n.removeprefix("streamlit.")
            for n in names
            if n.count(".") == 1 and n.startswith("streamlit.")
        }

    def _refused(self, name: str, node: cst.CSTNode) -> None:
        """STC106 for a command the runtime refuses whatever the call (``st.login``)."""
        refusal = refused_reference(COMMANDS.get(name, ()))
        if refusal is not None:
            report_refusal(self, refusal, node)

    def visit_Del(self, node: cst.Del) -> None:
        targets = node.target.elements if isinstance(node.target, cst.Tuple) else [node.target]
        for target in targets:
            name = target.value if isinstance(target, cst.Element) else target
            if isinstance(name, cst.Name) and self._kind_of(name) not in (None, "other"):
                self._ambiguous(node, name.value, "is deleted")

    def _check(self, name: str, node: cst.CSTNode, available: frozenset[str]) -> None:
        if name.startswith("_") or name in available:
            return
        self.report(NOT_YET if name in _registry.NOT_YET else NOT_A_COMMAND, node, name=name)

    # -- what a name or expression is ---------------------------------------------------
    def _kind_of(self, node: cst.BaseExpression, seen: frozenset[int] = frozenset()) -> Kind | None:
        if seen:  # inside a chain of bindings: may be cut short, so not kept
            return self._find_kind(node, seen)
        # Asked of a node by more than one check (the name, the call, STC104): kept.
        if id(node) not in self._kinds:
            self._kinds[id(node)] = self._find_kind(node, seen)
        return self._kinds[id(node)]

    def _find_kind(self, node: cst.BaseExpression, seen: frozenset[int]) -> Kind | None:
        if isinstance(node, cst.Name):
            return self._name_kind(node, seen)
        if isinstance(node, cst.Attribute):
            if node.attr.value == "sidebar" and self._kind_of(node.value, seen) == "streamlit":
                return "container"
            return None
        if isinstance(node, cst.Subscript):
            return "container" if self._kind_of(node.value, seen) == "containers" else None
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            receiver = self._kind_of(node.func.value, seen)
            if receiver in ("streamlit", "container"):
                return CONTAINER_COMMANDS.get(node.func.attr.value)
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name):
            names = qualified_names(self, node.func)
            commands = {n.removeprefix("streamlit.") for n in names if n.startswith("streamlit.")}
            if len(names) == 1 and len(commands) == 1:
                return CONTAINER_COMMANDS.get(commands.pop())
        return None

    def _name_kind(self, node: cst.Name, seen: frozenset[int]) -> Kind | None:
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is None or id(node) in seen:
            return None
        seen = seen | {id(node)}
        bindings = list(scope[node.value])
        kinds = [self._binding_kind(b, seen) for b in bindings]
        if not bindings or set(kinds) == {"other"}:
            return self._shadowing(scope, node.value, bindings, seen)
        if len(set(kinds)) == 1:
            return kinds[0]
        for binding, kind in zip(bindings, kinds, strict=True):
            if kind == "other" and isinstance(binding, Assignment):
                self._ambiguous(binding.node, node.value, "is also bound to something else here")
        self._unsure(node, f"{node.value} is ambiguous")
        return None

    def _shadowing(
        self, scope: Scope, name: str, bindings: list[BaseAssignment], seen: frozenset[int]
    ) -> Kind | None:
        if isinstance(scope, GlobalScope) or not bindings:
            return None
        outer = list(scope.globals[name])
        if outer and any(self._binding_kind(b, seen) != "other" for b in outer):
            for binding in bindings:
                if isinstance(binding, Assignment):
                    self._ambiguous(binding.node, name, "is shadowed by this local name")
                    self._unsure(binding.node, f"{name} is shadowed")
        return None

    def _binding_kind(self, binding: BaseAssignment, seen: frozenset[int]) -> Kind:
        if isinstance(binding, ImportAssignment):
            # Asked for every use of every name, and libcst's answer is slow: kept.
            kind = self._import_kinds.get(id(binding))
            if kind is None:
                names = {q.name for q in binding.get_qualified_names_for(binding.name)}
                kind = self._import_kinds[id(binding)] = _import_kind(names)
            return kind
        if not isinstance(binding, Assignment) or not isinstance(binding.node, cst.Name):
            return "other"
        return self._target_kind(binding.node, seen)

    def _target_kind(self, target: cst.Name, seen: frozenset[int]) -> Kind:
        """What the statement that binds *target* puts there."""
        unpacked = False
        node: cst.CSTNode = target
        while True:
            parent = self.get_metadata(ParentNodeProvider, node)
            if isinstance(parent, cst.Element | cst.Tuple | cst.List):
                unpacked = unpacked or not isinstance(parent, cst.Element)
                node = parent
            elif isinstance(parent, cst.AssignTarget | cst.AsName):
                node = parent
            else:
                break
        value: cst.BaseExpression | None = None
        iterated = False
        if isinstance(parent, cst.Assign | cst.AnnAssign):
            value = parent.value
        elif isinstance(parent, cst.WithItem):
            value = parent.item
        elif isinstance(parent, cst.For | cst.CompFor):
            value, iterated = parent.iter, True
        kind = self._kind_of(value, seen) if value is not None else None
        if kind == "containers" and (unpacked or iterated):
            return "container"
        if kind in ("container", "containers", "streamlit") and not (unpacked or iterated):
            return kind
        return "other"

    def _unsure(self, node: cst.CSTNode, why: str) -> None:
        where = f"{self.module.display}:{self.span(node).line}: {why}"
        if where not in self.findings.unsure:
            self.findings.unsure.append(where)

    def _ambiguous(self, node: cst.CSTNode, name: str, why: str) -> None:
        if id(node) not in self._warned:
            self._warned.add(id(node))
            self.report(AMBIGUOUS, node, name=name, why=why)


def _import_kind(names: set[str]) -> Kind:
    """What an import binds, from the qualified names it may bind."""
    if names == {"streamlit"}:
        return "streamlit"
    return "container" if names == {"streamlit.sidebar"} else "other"


def _literal(node: cst.BaseExpression) -> bool:
    """A value whose element kind the source shows: a string (f-strings too) or number."""
    return isinstance(
        node,
        cst.SimpleString | cst.ConcatenatedString | cst.FormattedString | cst.Integer | cst.Float,
    )
