"""The web-requests visitor: the HTTP clients the app uses, and a secret sent toward a
host its rules do not allow.

Every import of a :data:`FETCH_CLIENTS` module (``import requests``, ``from urllib
import request``, ``urllib.request.urlopen`` after ``import urllib``) is a fact for
:func:`compiler.analyse._analyse.analyse`, which ships urllib3 for it: the runtime sends their
requests through the browser's fetch with urllib3's emscripten backend.

In the browser, a secret ``[tool.stc.secrets]`` names is a placeholder, and
``stc proxy`` puts its value only into requests toward the hosts listed for it
(:mod:`runtime_wasm.http`): a request elsewhere is refused at run time. This pass says
so at build time (``STC711``) for the requests it can read: a call of
:data:`REQUEST_FUNCTIONS` (``requests.get``, ``httpx.post``, ``httpx.Client``,
``urllib.request.urlopen``…, by qualified name) whose URL starts with a literal
scheme and host (a string, an f-string or ``+`` whose fields come after the host, or
a name bound once to one) and whose arguments read such a secret: directly, anywhere
inside them (a dict of headers, an f-string, a tuple for ``auth=``), or through names
bound once to such expressions. A request whose host stc cannot read is left to the
proxy; a secret the site does not hold is ``STC705`` already.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider, ScopeProvider

from compiler.analyse._project import toml_key
from compiler.analyse.passes._context import ModuleVisitor
from compiler.analyse.passes._imports import import_ref
from compiler.analyse.passes._names import argument, bound_value, dotted, qualified_names
from compiler.analyse.passes._proxy_rules import (
    REQUEST_FUNCTIONS,
    SECRET_TO_HOST,
)
from compiler.analyse.passes._rules import (
    FETCH_CLIENTS,
)
from compiler.analyse.passes._secret_reads import SecretReadProvider, held_by
from runtime_wasm.http import host_allowed, host_of

__all__ = ["HttpVisitor"]

_SUBMODULES = {"urllib": "request", "http": "client"}  # packages whose client is a submodule
_MAX_NAMES = 32  # names followed from one argument: enough for code, bounded for the rest


@dataclass(frozen=True)
class _Prefix:
    """The start of a string known at build time; ``whole`` when it is all of it."""

    text: str
    whole: bool


class HttpVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (
        PositionProvider,
        ParentNodeProvider,
        ScopeProvider,
        SecretReadProvider,
    )

    # -- the clients ----------------------------------------------------------------------
    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._client(dotted(alias.name), alias.name, node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None:
            return
        module = dotted(node.module)
        self._client(module, node.module, node)
        submodule = _SUBMODULES.get(module)
        if submodule is not None and not isinstance(node.names, cst.ImportStar):
            for alias in node.names:  # "from urllib import request"
                if dotted(alias.name) == submodule:
                    self._client(f"{module}.{submodule}", alias.name, node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if _SUBMODULES.get(dotted(node.value)) == node.attr.value:  # after "import urllib"
            for name in qualified_names(self, node) & FETCH_CLIENTS:
                self._client(name, node, node)

    def _client(self, module: str, where: cst.CSTNode, statement: cst.CSTNode) -> None:
        if not any(module == c or module.startswith(c + ".") for c in FETCH_CLIENTS):
            return
        self.findings.fetch_clients.append(import_ref(self, module, where, statement))

    # -- secrets toward hosts -------------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        rules = self.findings.project.forward.secrets
        if not rules:
            return
        functions = qualified_names(self, node.func) & REQUEST_FUNCTIONS.keys()
        if not functions:
            return
        url = argument(node, *REQUEST_FUNCTIONS[min(functions)])
        sent: set[str] = set()
        try:
            host = _host(self._prefix(url, frozenset())) if url is not None else None
            if host is None:
                return
            for arg in node.args:
                self._collect(arg.value, sent, frozenset())
        except RecursionError:  # nested past what this pass follows: a warning less
            return
        for name in sorted(sent):
            allowed = rules[name]
            if not host_allowed(host, allowed):
                shown = ", ".join(allowed)
                entry = toml_key(name)
                self.report(SECRET_TO_HOST, node, key=name, host=host, allowed=shown, entry=entry)

    def _collect(self, node: cst.CSTNode, sent: set[str], seen: frozenset[int]) -> None:
        """Add to *sent* the held secrets *node* reads, following names bound once."""
        read = self.get_metadata(SecretReadProvider, node, None)
        if read is not None:
            sent.update(held_by(read, self.findings.project.forward.secrets))
            return
        if isinstance(node, cst.Name):
            if id(node) not in seen and len(seen) < _MAX_NAMES:
                bound = bound_value(self, node)
                if isinstance(bound, cst.BaseExpression):
                    self._collect(bound, sent, seen | {id(node)})
            return
        if isinstance(node, cst.Attribute):  # its attr is a name of no binding
            self._collect(node.value, sent, seen)
            return
        if isinstance(node, cst.Lambda):
            return
        for child in node.children:
            self._collect(child.value if isinstance(child, cst.Arg) else child, sent, seen)

    def _prefix(self, node: cst.BaseExpression, seen: frozenset[int]) -> _Prefix | None:
        """How *node*, a URL, starts, as far as the source alone says."""
        if isinstance(node, cst.SimpleString):
            value = node.evaluated_value
            return _Prefix(value, True) if isinstance(value, str) else None
        if isinstance(node, cst.ConcatenatedString):
            left = self._prefix(node.left, seen)
            return _then(left, lambda: self._prefix(node.right, seen))
        if isinstance(node, cst.FormattedString):
            return _fstring_prefix(node)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            left = self._prefix(node.left, seen)
            return _then(left, lambda: self._prefix(node.right, seen))
        if isinstance(node, cst.Name) and id(node) not in seen and len(seen) < _MAX_NAMES:
            bound = bound_value(self, node)
            if isinstance(bound, cst.BaseExpression):
                return self._prefix(bound, seen | {id(node)})
        return None


def _then(first: _Prefix | None, rest: Callable[[], _Prefix | None]) -> _Prefix | None:
    """*first* followed by what *rest* gives."""
    if first is None or not first.whole:
        return first
    after = rest()
    if after is None:
        return _Prefix(first.text, False)
    return _Prefix(first.text + after.text, after.whole)


def _fstring_prefix(node: cst.FormattedString) -> _Prefix | None:
    """The text of an f-string before its first ``{field}``."""
    text: list[str] = []
    whole = True
    for part in node.parts:
        if not isinstance(part, cst.FormattedStringText):
            whole = False
            break
        text.append(part.value)
    raw = "".join(text).replace("{{", "{").replace("}}", "}")
    prefix = node.prefix.lower().replace("f", "")
    quote = node.start[len(node.prefix) :]
    try:
        value = ast.literal_eval(f"{prefix}{quote}{raw}{quote}")
    except (ValueError, SyntaxError):
        return None  # a field cut an escape in two: no prefix worth reading
    return _Prefix(value, whole) if isinstance(value, str) else None


def _host(prefix: _Prefix | None) -> str | None:
    """The host of a URL that starts with *prefix*, when the prefix holds all of it."""
    if prefix is None:
        return None
    scheme, separator, rest = prefix.text.partition("://")
    if not separator or scheme.lower() not in ("http", "https"):
        return None
    if not prefix.whole and not any(mark in rest for mark in "/?#"):
        return None  # a field may go on with the host name: f"https://api.{domain}"
    return host_of(prefix.text) or None
