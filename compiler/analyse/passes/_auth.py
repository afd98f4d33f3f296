"""The logins visitor: streamlit-authenticator's ``Authenticate``, and where its users are.

In a static site every file is public, so the users' bcrypt hashes and the cookie's
signing key must stay on ``stc proxy``, which checks the passwords
(:mod:`runtime_wasm.auth`). For each call of ``streamlit_authenticator.Authenticate``
(by qualified name: ``stauth.Authenticate``, ``from streamlit_authenticator import
Authenticate as A``) this pass finds where the proxy reads them, a
:class:`~runtime_wasm.auth.CredentialsSource`:

- a path given as the credentials (0.4 reads the YAML file itself):
  ``Authenticate("config.yaml")``: that file, ``credentials``, ``cookie.key``;
- keys read from a YAML document loaded from a file of the app by a literal path:
  ``config["credentials"]`` (or ``.get("credentials")``) where ``config`` is bound once
  to ``yaml.load(f, …)`` / ``yaml.safe_load(…)`` of ``open("config.yaml")`` (through
  ``with … as f``), ``Path("config.yaml").read_text()`` or ``Path(__file__).parent /
  "config.yaml"``, or to a call of the app's own function that returns such a load:
  that file and those keys; the cookie key at the keys the third argument reads from
  the same document, else ``cookie.key``;
- ``st.secrets["credentials"]`` (``.to_dict()``, ``dict(…)``): the proxy's secrets at
  that dotted key, the cookie key at the ``st.secrets`` key of the third argument, else
  ``""`` (the proxy's ``STC_PROXY_AUTH_KEY``); a key ``public_secrets`` ships to every
  visitor is an ``STC712`` error.

Names bound once are followed. Anything else is ``STC712`` at the call, saying what to
write; the file itself is read and redacted after the analysis (:mod:`compiler.analyse._logins`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider, ScopeProvider

from compiler._diagnostics import Span
from compiler.analyse._facts import LoginUse
from compiler.analyse.passes._context import ModuleVisitor
from compiler.analyse.passes._names import (
    argument,
    bound_value,
    key_step,
    qualified_names,
    string_value,
)
from compiler.analyse.passes._proxy_rules import (
    CREDENTIALS_PUBLIC,
    CREDENTIALS_UNSEEN,
)
from compiler.analyse.passes._secret_reads import SecretReadProvider
from runtime_wasm.auth import CredentialsSource

__all__ = ["AuthVisitor"]

_PACKAGE = "streamlit_authenticator"
_YAML_LOADS = frozenset({"yaml.load", "yaml.safe_load", "yaml.full_load", "yaml.unsafe_load"})
_OPENERS = frozenset({"builtins.open", "io.open"})
_PATHS = frozenset({"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath"})
_READS = frozenset({"read", "read_text", "read_bytes", "open"})  # f.read(), Path(…).open()
_MAX_NAMES = 16  # names followed from one argument


@dataclass(frozen=True)
class _Unseen:
    how: str  # why stc cannot tell, for CREDENTIALS_UNSEEN


@dataclass(frozen=True)
class _Public:
    key: str  # an st.secrets key Authenticate reads that public_secrets ships
    what: str


@dataclass(frozen=True)
class _Document:
    """A YAML document loaded from a file of the app: ``path`` relative to the app
    folder, ``literal`` the node of the path as written (``None``: not a literal)."""

    path: str
    literal: cst.CSTNode | None
    loader: cst.Call | None  # the yaml.load call (None: the path went to Authenticate)


class AuthVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (
        PositionProvider,
        ParentNodeProvider,
        ScopeProvider,
        SecretReadProvider,
    )

    def visit_Call(self, node: cst.Call) -> None:
        names = qualified_names(self, node.func)
        if not any(_is_authenticate(n) for n in names):
            return
        span = self.span(node)
        where = f"{self.module.rel}:{span.line}:{span.col}"
        try:
            found = self._source(node)
        except RecursionError:  # an expression nested past what this pass reads
            found = _Unseen("an expression too deeply nested to read")
        source: CredentialsSource | None = None
        accounted: tuple[Span, ...] = ()
        if isinstance(found, _Unseen):
            self.report(CREDENTIALS_UNSEEN, node, how=found.how)
        elif isinstance(found, _Public):
            self.report(CREDENTIALS_PUBLIC, node, key=found.key, top=found.key.split(".")[0],
                        what=found.what)  # fmt: skip
        else:
            source, accounted = found
        self.findings.logins.append(
            LoginUse(source=source, span=span, file=self.module.rel, where=where,
                     accounted=accounted)
        )  # fmt: skip

    # -- the credentials ----------------------------------------------------------------
    def _source(
        self, call: cst.Call
    ) -> tuple[CredentialsSource, tuple[Span, ...]] | _Unseen | _Public:
        credentials = argument(call, 0, "credentials")
        if credentials is None:
            starred = any(a.star for a in call.args)
            return _Unseen("given by *args or **kwargs" if starred else "no credentials given")
        value = self._follow(credentials)
        if isinstance(value, _Unseen):
            return value
        cookie = argument(call, 2, "cookie_key")
        cookie_value = self._follow(cookie) if cookie is not None else None
        read = self.get_metadata(SecretReadProvider, value, None)
        if read is not None:  # st.secrets["credentials"]
            accounted = [self.span(read.where)]
            cookie_key = ""
            cookie_read = (
                self.get_metadata(SecretReadProvider, cookie_value, None)
                if isinstance(cookie_value, cst.BaseExpression)
                else None
            )
            if cookie_read is not None:
                cookie_key = cookie_read.name
                accounted.append(self.span(cookie_read.where))
            public = self.findings.project.public_keys
            if read.path[0] in public:
                return _Public(read.name, "the users and their password hashes")
            if cookie_read is not None and cookie_read.path[0] in public:
                return _Public(cookie_read.name, "the key that signs the logins")
            source = CredentialsSource(kind="secrets", key=read.name, cookie_key=cookie_key)
            return source, tuple(accounted)
        document, keys = self._document_keys(value)
        if isinstance(document, _Unseen):
            return document
        cookie_keys: tuple[str, ...] = ("cookie", "key")
        if document.loader is None:  # Authenticate("config.yaml")
            keys = ("credentials",)
        elif isinstance(cookie_value, cst.BaseExpression):
            other, their_keys = self._document_keys(cookie_value)
            if isinstance(other, _Document) and other.loader is document.loader and their_keys:
                cookie_keys = their_keys
        if not keys:
            return _Unseen("the whole YAML document, not its credentials table: pass config[…]")
        rel = _inside(document.path)
        if rel is None:
            return _Unseen(f"{document.path!r} is not a path inside the app folder")
        source = CredentialsSource(
            kind="file", path=rel, key=".".join(keys), cookie_key=".".join(cookie_keys)
        )
        literal = () if document.literal is None else (self.span(document.literal),)
        return source, literal

    def _document_keys(
        self, value: cst.BaseExpression
    ) -> tuple[_Document | _Unseen, tuple[str, ...]]:
        """The YAML document *value* reads from, and the keys it reads in it (a path
        literal is the document itself: ``Authenticate("config.yaml")``)."""
        keys: list[str] = []
        node = value
        while True:
            step = key_step(node)
            if step is None:
                break
            node, key = step
            if key is None:
                return _Unseen("a key that is not a string literal"), ()
            keys.append(key)
            node = self._follow_expression(node)
        keys.reverse()
        if not keys:
            path = self._path(node)
            if path is not None:  # a path: 0.4 reads the file itself
                return _Document(path=path[0], literal=path[1], loader=None), ()
        returned = self._returned(node)  # config = load_config(), the app's own function
        if returned is not None:
            node = self._follow_expression(returned)
        loader = node if isinstance(node, cst.Call) else None
        if loader is None or not qualified_names(self, loader.func) & _YAML_LOADS:
            return _Unseen(_not_read(node)), ()
        stream = argument(loader, 0, "stream")
        opened = self._opened(stream) if stream is not None else None
        if opened is None:
            return _Unseen("YAML loaded from a file stc cannot name: open it by a literal path"), ()
        return _Document(path=opened[0], literal=opened[1], loader=loader), tuple(keys)

    # -- files ----------------------------------------------------------------------------
    def _opened(self, node: cst.BaseExpression) -> tuple[str, cst.CSTNode | None] | None:
        """The path of the file *node* reads, when it is ``open(path)``, ``f`` of ``with
        open(path) as f``, ``f.read()``, ``Path(path).read_text()`` or ``.open()``."""
        for _ in range(_MAX_NAMES):
            if isinstance(node, cst.Name):
                followed = self._with_item(node) or self._bound(node)
                if followed is None:
                    return None
                node = followed
                continue
            if not isinstance(node, cst.Call):
                return None
            func = node.func
            if qualified_names(self, func) & _OPENERS:
                given = argument(node, 0, "file")
                return self._path(given) if given is not None else None
            if isinstance(func, cst.Attribute) and func.attr.value in _READS:
                if func.attr.value in ("read_text", "read_bytes", "open"):
                    path = self._path(func.value)
                    if path is not None:
                        return path
                node = func.value
                continue
            return None
        return None

    def _path(self, node: cst.BaseExpression) -> tuple[str, cst.CSTNode | None] | None:
        """A file path known at build time, relative to the app folder: a literal, a
        name bound once to one, ``Path(literal)``, ``Path(__file__).parent / literal``."""
        for _ in range(_MAX_NAMES):
            text = string_value(node)
            if text is not None:
                return text, node
            if isinstance(node, cst.Name):
                followed = self._bound(node)
                if followed is None:
                    return None
                node = followed
            elif isinstance(node, cst.Call) and qualified_names(self, node.func) & _PATHS:
                if len(node.args) != 1 or node.args[0].keyword or node.args[0].star:
                    return None
                node = node.args[0].value
            elif isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
                name = string_value(node.right)
                if name is None or not self._module_folder(node.left):
                    return None
                folder = posixpath.dirname(self.module.rel)
                return posixpath.join(folder, name), None
            else:
                return None
        return None

    def _module_folder(self, node: cst.BaseExpression) -> bool:
        """``Path(__file__).parent`` (with ``.resolve()`` or ``.absolute()`` between)."""
        if not (isinstance(node, cst.Attribute) and node.attr.value == "parent"):
            return False
        inner = node.value
        if (
            isinstance(inner, cst.Call)
            and isinstance(inner.func, cst.Attribute)
            and inner.func.attr.value in ("resolve", "absolute")
            and not inner.args
        ):
            inner = inner.func.value
        return (
            isinstance(inner, cst.Call)
            and bool(qualified_names(self, inner.func) & _PATHS)
            and len(inner.args) == 1
            and isinstance(inner.args[0].value, cst.Name)
            and inner.args[0].value.value == "__file__"
        )

    def _returned(self, node: cst.BaseExpression) -> cst.BaseExpression | None:
        """What a call of the app's own function returns, when it has one ``return``."""
        if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Name)):
            return None
        function = bound_value(self, node.func)
        if not isinstance(function, cst.FunctionDef):
            return None
        returns = list(_returns(function.body))
        if len(returns) != 1 or returns[0].value is None:
            return None
        return returns[0].value

    # -- names ----------------------------------------------------------------------------
    def _follow(self, node: cst.BaseExpression) -> cst.BaseExpression | _Unseen:
        """*node*, through names bound once and ``.to_dict()`` / ``dict(…)``."""
        for _ in range(_MAX_NAMES):
            if isinstance(node, cst.Name):
                bound = bound_value(self, node)
                if isinstance(bound, int):
                    return _Unseen(f"{node.value} is bound more than once")
                if not isinstance(bound, cst.BaseExpression):
                    return _Unseen(
                        f"{node.value} is not a value stc can follow (a function's parameter, "
                        "an import, a loop variable)"
                    )
                node = bound
            elif isinstance(node, cst.Dict):
                return _Unseen(
                    "written in the code, where every visitor could read the users and "
                    "their password hashes"
                )
            else:
                inner = _unwrapped(node, self)
                if inner is None:
                    return node
                node = inner
        return _Unseen("names that refer to each other")

    def _follow_expression(self, node: cst.BaseExpression) -> cst.BaseExpression:
        followed = self._follow(node)
        return node if isinstance(followed, _Unseen) else followed

    def _bound(self, name: cst.Name) -> cst.BaseExpression | None:
        bound = bound_value(self, name)
        if isinstance(bound, cst.BaseExpression):
            return bound
        return self._with_item(name, anywhere=True)

    def _with_item(self, name: cst.Name, *, anywhere: bool = False) -> cst.BaseExpression | None:
        """What ``with <item> as name`` binds *name* to: the innermost ``with`` around
        *name* that binds it (a file variable reused by later ``with`` blocks is
        common); with *anywhere*, the only binding of *name*, when it is such a ``with``."""
        node: cst.CSTNode | None = name
        while node is not None and not anywhere:
            node = self.get_metadata(ParentNodeProvider, node, None)
            if isinstance(node, cst.FunctionDef | cst.Lambda | cst.ClassDef):
                break
            if isinstance(node, cst.With):
                for item in node.items:
                    target = item.asname.name if item.asname else None
                    if isinstance(target, cst.Name) and target.value == name.value:
                        return item.item
        if not anywhere:
            return None
        scope = self.get_metadata(ScopeProvider, name, None)
        bindings = list(scope[name.value]) if scope is not None else []
        if len(bindings) != 1:
            return None
        target_node = getattr(bindings[0], "node", None)
        alias = self.get_metadata(ParentNodeProvider, target_node, None) if target_node else None
        parent = self.get_metadata(ParentNodeProvider, alias, None) if alias else None
        return parent.item if isinstance(parent, cst.WithItem) else None


def _is_authenticate(name: str) -> bool:
    return name.startswith(_PACKAGE + ".") and name.rpartition(".")[2] == "Authenticate"


def _returns(node: cst.CSTNode) -> Iterator[cst.Return]:
    """The ``return`` statements of a function body, not of the functions inside it."""
    for child in node.children:
        if isinstance(child, cst.Return):
            yield child
        elif not isinstance(child, cst.FunctionDef | cst.ClassDef | cst.Lambda):
            yield from _returns(child)


def _unwrapped(
    node: cst.BaseExpression, visitor: cst.MetadataDependent
) -> cst.BaseExpression | None:
    """What ``x.to_dict()``, ``dict(x)`` or ``copy.deepcopy(x)`` copies: ``x``."""
    if not isinstance(node, cst.Call):
        return None
    func = node.func
    if isinstance(func, cst.Attribute) and func.attr.value in ("to_dict", "copy") and not node.args:
        return func.value
    names = qualified_names(visitor, func)
    if names & {"builtins.dict", "copy.deepcopy", "copy.copy"} and len(node.args) == 1:
        return node.args[0].value
    return None


def _not_read(node: cst.CSTNode) -> str:
    if isinstance(node, cst.Call):
        return (
            "the result of a call stc does not read: load the file with yaml.load or yaml.safe_load"
        )
    return "not read from a YAML file of the app or from st.secrets"


def _inside(path: str) -> str | None:
    """*path* relative to the app folder, or ``None`` when it is absolute or climbs out."""
    path = path.replace("\\", "/")
    if path.startswith(("/", "~")) or (len(path) > 1 and path[1] == ":"):
        return None
    normal = posixpath.normpath(path)
    if normal == "." or normal == ".." or normal.startswith("../"):
        return None
    return normal
