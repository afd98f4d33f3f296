"""Reads of ``st.secrets``, as a libcst metadata provider that the passes share.

``st.secrets["openai"]["api_key"]``, ``st.secrets.openai.api_key`` and
``st.secrets.get("openai").get("api_key")`` all read the key path
``("openai", "api_key")``, the secret ``[tool.stc.secrets]`` names
``"openai.api_key"``. The outermost node of such a chain gets a :class:`SecretRead`
with the literal keys up to the first computed one (``st.secrets[name]`` reads
nothing stc can name, so it gets none). Recognised by qualified name, so
``from streamlit import secrets as s`` works.

:class:`SecretsVisitor` checks each read against what the site has: a key
``[tool.stc] public_secrets`` names (its value is in the page config), or a secret
``[tool.stc.secrets]`` names (in the browser a placeholder, which ``stc proxy``
replaces in the requests it forwards). Any other key is ``STC705``: the site does not
hold it. The web-requests pass (:mod:`compiler.analyse.passes._http`) follows reads into
the requests that send them (``STC711``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import BatchableMetadataProvider, PositionProvider, ScopeProvider

from compiler.analyse._project import toml_key
from compiler.analyse.passes._context import ModuleVisitor
from compiler.analyse.passes._names import qualified_names, string_value
from compiler.analyse.passes._proxy_rules import (
    PRIVATE_SECRET,
    PROXY_SECRET,
    SECRETS_METHODS,
)

__all__ = ["SecretRead", "SecretReadProvider", "SecretsVisitor", "held_by"]

_SECRETS = "streamlit.secrets"


@dataclass(frozen=True, kw_only=True)
class SecretRead:
    """``path``: the literal keys read, outermost first; ``where``: the node of the
    first key, where a diagnostic about the read points."""

    path: tuple[str, ...]
    where: cst.CSTNode

    @property
    def name(self) -> str:
        """The path as ``[tool.stc.secrets]`` names it: ``"openai.api_key"``."""
        return ".".join(self.path)


class SecretReadProvider(BatchableMetadataProvider[SecretRead]):
    METADATA_DEPENDENCIES = (ScopeProvider,)

    def __init__(self) -> None:
        super().__init__()
        self._inner: set[int] = set()  # links of a chain already read from its top

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self._read(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._read(node)

    def visit_Call(self, node: cst.Call) -> None:
        self._read(node)

    def _read(self, node: cst.BaseExpression) -> None:
        if id(node) in self._inner:
            return
        links: list[tuple[str | None, cst.CSTNode]] = []  # (key, its node), outermost first
        link: cst.BaseExpression | None = node
        while link is not None and not self._is_secrets(link):
            step = _step(link)
            if step is None:
                return
            link, key, where = step
            links.append((key, where))
        if link is None or not links:
            return
        links.reverse()
        path: list[str] = []
        for key, _where in links:
            if key is None:
                break
            path.append(key)
        if not path:
            return
        self._inner.update(id(n) for n in _chain(node))
        self.set_metadata(node, SecretRead(path=tuple(path), where=links[0][1]))

    def _is_secrets(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.Attribute) and node.attr.value != "secrets":
            return False
        if not isinstance(node, cst.Attribute | cst.Name):
            return False
        return qualified_names(self, node) == {_SECRETS}


class SecretsVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (PositionProvider, SecretReadProvider)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self._check(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._check(node)

    def visit_Call(self, node: cst.Call) -> None:
        self._check(node)

    def _check(self, node: cst.CSTNode) -> None:
        read = self.get_metadata(SecretReadProvider, node, None)
        if read is None:
            return
        project = self.findings.project
        if held_by(read, project.forward.secrets):
            self.findings.held_reads.append((read.name, self.span(read.where)))
            return
        key = read.path[0]
        if key in project.public_keys:
            return
        if key == "connections":
            self.report(PROXY_SECRET, read.where, key=key)
        else:
            public = ", ".join(project.public_keys) or "none"
            entry = toml_key(read.name)
            self.report(PRIVATE_SECRET, read.where, key=read.name, public=public, entry=entry)


def _step(
    node: cst.BaseExpression,
) -> tuple[cst.BaseExpression, str | None, cst.CSTNode] | None:
    """One link of a read: (what it reads from, the key or None, where the key is)."""
    if isinstance(node, cst.Subscript):
        index = node.slice[0].slice if len(node.slice) == 1 else None
        if isinstance(index, cst.Index):
            return node.value, string_value(index.value), index.value
        return None
    if isinstance(node, cst.Attribute) and node.attr.value not in SECRETS_METHODS:
        return node.value, node.attr.value, node
    if isinstance(node, cst.Call) and node.args and not node.args[0].keyword:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "get":
            value = node.args[0].value
            return func.value, string_value(value), value
    return None


def _chain(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The links below the top of the read *node*: what each link reads from."""
    found: list[cst.BaseExpression] = []
    step = _step(node)
    while step is not None:
        found.append(step[0])
        step = _step(step[0])
    return found


def held_by(read: SecretRead, names: Iterable[str]) -> tuple[str, ...]:
    """The secrets of *names* (``[tool.stc.secrets]``) that *read* gives the app: the
    one it names, the one it reads inside, or those in the table it reads."""
    path = read.name
    return tuple(
        sorted(
            name
            for name in names
            if name == path or path.startswith(name + ".") or name.startswith(path + ".")
        )
    )
