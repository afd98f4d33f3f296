"""The registration visitor: streamlit-authenticator's ``register_user``, and what it allows.

The package registers a user in the app, with the ``roles``, email ``domains`` and
``pre_authorized`` emails its call passes. In a static site the app runs in the
visitor's browser, so whatever the page sent ``stc proxy`` could be anything: a
visitor could give themselves the ``admin`` role. The proxy therefore registers users
only within a :class:`~runtime_wasm.auth.RegisterRules` read here, at build time, from
the call's literal arguments:

- ``roles=["viewer"]`` and ``domains=["example.com"]``: lists (or tuples) of string
  literals, or ``None`` / left out;
- ``pre_authorized=["a@example.com"]``: listed emails; ``config["pre-authorized"]
  ["emails"]`` (any value whose last keys are ``pre-authorized``, ``emails``): the
  credentials file's list, which the proxy reads and removes each email from as it
  registers, as the package does; left out: the file's list if it has one.

Anything else is ``STC715`` at the argument, saying what to write.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider, ScopeProvider

from compiler.analyse._facts import RegisterUse
from compiler.analyse.passes._context import ModuleVisitor
from compiler.analyse.passes._names import argument, bound_value, key_step, string_value
from compiler.analyse.passes._proxy_rules import REGISTER_UNSEEN
from runtime_wasm.auth import RegisterRules

__all__ = ["RegisterVisitor"]

_LIST_HOW = "write {name}=[...] with string literals in the register_user call (or leave it out)"
_EMAILS_HOW = (
    'pass pre_authorized=config["pre-authorized"]["emails"] (the credentials file\'s list, '
    "which stc proxy reads) or a list of string literals"
)


class _Unread(Exception):
    def __init__(self, what: str, how: str, node: cst.CSTNode) -> None:
        super().__init__(what)
        self.what, self.how, self.node = what, how, node


class RegisterVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (PositionProvider, ParentNodeProvider, ScopeProvider)

    def visit_Call(self, node: cst.Call) -> None:
        if not (isinstance(node.func, cst.Attribute) and node.func.attr.value == "register_user"):
            return
        span = self.span(node)
        where = f"{self.module.rel}:{span.line}:{span.col}"
        try:
            rules: RegisterRules | None = self._rules(node)
        except _Unread as unread:
            self.report(REGISTER_UNSEEN, unread.node, what=unread.what, how=unread.how)
            rules = None
        self.findings.registers.append(RegisterUse(rules=rules, span=span, where=where))

    def _rules(self, call: cst.Call) -> RegisterRules:
        if any(a.star for a in call.args):
            raise _Unread("arguments", "pass roles, domains and pre_authorized by name", call)
        # register_user(location, pre_authorized, domains, fields, captcha, roles, …)
        roles = self._names(argument(call, 5, "roles"), "roles")
        domains = self._names(argument(call, 2, "domains"), "domains")
        emails, from_file = self._pre_authorized(argument(call, 1, "pre_authorized"))
        return RegisterRules(roles=roles, domains=domains, emails=emails, from_file=from_file)

    def _pre_authorized(self, node: cst.BaseExpression | None) -> tuple[tuple[str, ...], bool]:
        if node is None or (isinstance(node, cst.Name) and node.value == "None"):
            return (), True
        if _keys(self._follow(node))[-2:] == ["pre-authorized", "emails"]:
            return (), True
        return self._names(node, "pre_authorized", _EMAILS_HOW), False

    def _names(
        self, node: cst.BaseExpression | None, name: str, how: str = _LIST_HOW
    ) -> tuple[str, ...]:
        if node is None:
            return ()
        value = self._follow(node)
        if isinstance(value, cst.Name) and value.value == "None":
            return ()
        if isinstance(value, cst.List | cst.Tuple):
            found = [
                string_value(e.value) if isinstance(e, cst.Element) else None
                for e in value.elements
            ]
            if all(f is not None for f in found):
                return tuple(f for f in found if f is not None)
        raise _Unread(name, how.format(name=name), node)

    def _follow(self, node: cst.BaseExpression) -> cst.BaseExpression:
        """*node*, or what a name bound once in the module holds."""
        for _ in range(16):
            if not isinstance(node, cst.Name) or node.value == "None":
                return node
            bound = bound_value(self, node)
            if not isinstance(bound, cst.BaseExpression):
                return node
            node = bound
        return node


def _keys(node: cst.BaseExpression) -> list[str]:
    """The literal keys of ``x["a"]["b"]`` / ``x.get("a").get("b")``: ``["a", "b"]``."""
    keys: list[str] = []
    while (step := key_step(node)) is not None:
        node, key = step
        if key is None:
            return []
        keys.append(key)
    return keys[::-1]
