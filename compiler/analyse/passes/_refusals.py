"""STC106: the APIs the runtime refuses (:data:`runtime_wasm._unsupported.REFUSALS`),
reported where the app reaches them, in the runtime's own words.

The table says *what*; this module says *where*:

- ``st.X`` commands (``st.login``, ``st.logout``) are found by
  :class:`~compiler.analyse.passes._streamlit.StreamlitVisitor`, which already follows
  aliases and containers, through :data:`COMMANDS`, :func:`refused_reference` and
  :func:`refused_call`;
- other functions and attributes by qualified name (``st.secrets.merge_programmatic_secrets``,
  ``streamlit.runtime.get_instance``), by :class:`RefusalVisitor`;
- methods of instances (``Authenticate(...).forgot_password()``), by
  :class:`RefusalVisitor`, when the receiver is a call of the class or a name bound
  once to one; connections' are found by :mod:`compiler.analyse.passes._connections`,
  which follows ``st.connection``: ``.session``, ``.engine``… as STC704, options
  ``query()`` does not take as STC106.

A refusal that depends on a parameter (``two_factor_auth=True``, a ``query()`` option)
is reported only when the call shows that value: a literal, a call of the type that
makes it, or a name bound once to one. The diagnostic is an error where the app
reaches the API unconditionally, and a warning under an ``if``, a loop or a ``try``,
which may be the app's own way around it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider, ScopeProvider

from compiler.analyse.passes._context import AppModule, Findings, ModuleVisitor
from compiler.analyse.passes._names import argument, bound_value, dotted, qualified_names
from compiler.analyse.passes._rules import REFUSED, REFUSED_GUARDED
from runtime_wasm._unsupported import REFUSALS, Refusal

__all__ = ["COMMANDS", "RefusalVisitor", "refused_call", "refused_reference", "report_refusal"]

# Reported by STC704, which knows which names hold a connection.
_CONNECTIONS = "streamlit.connections."


def _group(pairs: Iterator[tuple[str, Refusal]]) -> dict[str, tuple[Refusal, ...]]:
    grouped: dict[str, tuple[Refusal, ...]] = {}
    for key, refusal in pairs:
        grouped[key] = (*grouped.get(key, ()), refusal)
    return grouped


def _is_command(refusal: Refusal) -> bool:
    return (
        not refusal.instance
        and refusal.api.count(".") == 1
        and refusal.api.startswith("streamlit.")
    )


COMMANDS: Mapping[str, tuple[Refusal, ...]] = _group(
    (r.api.removeprefix("streamlit."), r) for r in REFUSALS if _is_command(r)
)
"""``st.X`` command → its refusals (``"login"``, ``"logout"``)."""
_QUALIFIED = _group(
    (r.api, r)
    for r in REFUSALS
    if not r.instance and not _is_command(r) and not r.api.startswith(_CONNECTIONS)
)
# method name → its refusals (the class is in each one's api)
_METHODS = _group(
    (r.api.rpartition(".")[2], r)
    for r in REFUSALS
    if r.instance and not r.api.startswith(_CONNECTIONS)
)


# The last names of those APIs: a node is looked up by qualified name (slow: a scope
# query) only when it ends in one of these, or in a name an import bound one to.
_LAST_NAMES = frozenset(api.rpartition(".")[2] for api in _QUALIFIED)


def refused_reference(refusals: tuple[Refusal, ...]) -> Refusal | None:
    """The refusal of any use of the API (one without a parameter condition)."""
    return next((r for r in refusals if not r.arguments), None)


def refused_call(
    visitor: cst.MetadataDependent, refusals: tuple[Refusal, ...], call: cst.Call
) -> Refusal | None:
    """The refusal whose parameter condition *call* meets. Needs ``ScopeProvider`` and
    ``ParentNodeProvider``."""
    for refusal in refusals:
        for name, position in refusal.arguments:
            value = argument(call, position, name)
            if value is not None and any(
                _is_refused_value(visitor, item, refusal.values) for item in _values(visitor, value)
            ):
                return refusal
    return None


def report_refusal(
    visitor: ModuleVisitor, refusal: Refusal, node: cst.CSTNode, names: list[str] | None = None
) -> None:
    """STC106 at *node*: an error, or a warning where the app may never reach it.
    *names*: the keywords an ``accepted`` refusal does not accept."""
    rule = REFUSED_GUARDED if _guarded(visitor, node) else REFUSED
    visitor.report(rule, node, message=refusal.text(names), hint=refusal.hint)


class RefusalVisitor(ModuleVisitor):
    """Refused APIs reached by qualified name or through an instance (not ``st.X``)."""

    METADATA_DEPENDENCIES = (PositionProvider, ParentNodeProvider, ScopeProvider)

    def __init__(self, module: AppModule, findings: Findings) -> None:
        super().__init__(module, findings)
        self._names = set(_LAST_NAMES)  # and what imports bind them to

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        alias = node.asname.name if node.asname is not None else None
        if isinstance(alias, cst.Name) and dotted(node.name).rpartition(".")[2] in _LAST_NAMES:
            self._names.add(alias.value)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self._names:
            self._reference(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in self._names:
            self._reference(node)
        refusals = self._methods(node)
        refusal = refused_reference(refusals) if refusals else None
        if refusal is not None:
            report_refusal(self, refusal, node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        last = func.value if isinstance(func, cst.Name) else dotted(func).rpartition(".")[2]
        refusals: list[Refusal] = []
        if last in self._names:
            refusals += [r for n in qualified_names(self, func) for r in _QUALIFIED.get(n, ())]
        if isinstance(func, cst.Attribute):
            refusals += self._methods(func)
        refusal = refused_call(self, tuple(refusals), node) if refusals else None
        if refusal is not None:
            report_refusal(self, refusal, node)

    def _reference(self, node: cst.Name | cst.Attribute) -> None:
        for name in qualified_names(self, node):
            refusal = refused_reference(_QUALIFIED.get(name, ()))
            if refusal is not None:
                report_refusal(self, refusal, node)

    def _methods(self, node: cst.Attribute) -> tuple[Refusal, ...]:
        """The refusals of ``x.method`` when ``x`` is an instance of their class."""
        refusals = _METHODS.get(node.attr.value, ())
        if not refusals:
            return ()
        receiver = node.value
        if isinstance(receiver, cst.Name):
            bound = bound_value(self, receiver)
            receiver = bound if isinstance(bound, cst.Call) else receiver
        if not isinstance(receiver, cst.Call):
            return ()
        made = qualified_names(self, receiver.func)
        return tuple(r for r in refusals if _makes(made, r.api.rpartition(".")[0]))


def _makes(names: frozenset[str], cls: str) -> bool:
    """Whether a call of one of *names* makes a *cls*: the class itself, or the same
    class by the module that defines it (``streamlit_authenticator.views.Authenticate``)."""
    package, _, name = cls.rpartition(".")
    return any(n == cls or (n.startswith(package + ".") and n.endswith("." + name)) for n in names)


def _values(visitor: cst.MetadataDependent, value: cst.BaseExpression) -> Iterator[cst.CSTNode]:
    """*value*, the items of a list or tuple literal, and what a name bound once holds."""
    if isinstance(value, cst.Name):
        bound = bound_value(visitor, value)
        if isinstance(bound, cst.BaseExpression):
            value = bound
    if isinstance(value, cst.List | cst.Tuple):
        yield from (element.value for element in value.elements)
    else:
        yield value


def _is_refused_value(
    visitor: cst.MetadataDependent, node: cst.CSTNode, values: tuple[str, ...]
) -> bool:
    if isinstance(node, cst.Name) and node.value in values:  # True
        return True
    if not isinstance(node, cst.Call):
        return False
    made = qualified_names(visitor, node.func)
    return any(n == v or n.startswith(v + ".") for n in made for v in values)


def _guarded(visitor: cst.MetadataDependent, node: cst.CSTNode) -> bool:
    """Whether *node* runs only on some paths of its function or module: a branch of an
    ``if`` or a conditional expression, a loop's body, a ``try`` body or handler, a
    ``match`` case, the right of ``and`` / ``or``."""
    child = node
    while True:
        parent = visitor.get_metadata(ParentNodeProvider, child, None)
        if parent is None or isinstance(parent, cst.FunctionDef | cst.ClassDef | cst.Lambda):
            return False
        if isinstance(parent, cst.If | cst.IfExp | cst.While) and child is not parent.test:
            return True
        if isinstance(parent, cst.For) and child is parent.body:
            return True
        if isinstance(parent, cst.Try | cst.TryStar) and child is not parent.finalbody:
            return True
        if isinstance(parent, cst.Match) and child is not parent.subject:
            return True
        if isinstance(parent, cst.BooleanOperation) and child is parent.right:
            return True
        child = parent
