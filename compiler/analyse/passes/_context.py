"""What every analysis visitor shares: the module it reads and where findings go.

A visitor gets the :class:`AppModule` it walks and the app-wide :class:`Findings`;
it appends to the findings and never changes the tree.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider, ProviderT

from compiler._diagnostics import Diagnostic, Span
from compiler.analyse._facts import (
    ConnectionUse,
    ImportRef,
    LoginUse,
    PageRef,
    RegisterUse,
    RemoteResource,
)
from compiler.analyse._project import Project
from compiler.analyse.passes._rules import (
    Rule,
)
from runtime_wasm.connections import AllowedQuery, AllowedWrite

__all__ = [
    "AppModule",
    "Findings",
    "ModuleVisitor",
    "StreamlitUses",
    "module_name",
    "resolve_relative",
]


@dataclass(frozen=True, kw_only=True)
class AppModule:
    """One parsed module of the app, wrapped for metadata."""

    rel: str  # relative to the app folder: "pkg/util.py"
    name: str  # dotted import name: "pkg.util"
    display: str  # the path shown in diagnostics (where render_diagnostic reads it)
    is_entry: bool
    wrapper: MetadataWrapper

    @property
    def package(self) -> str:
        """The package relative imports resolve against ("" at the app's top level)."""
        if self.rel.endswith("__init__.py"):
            return self.name
        return self.name.rpartition(".")[0]


@dataclass(frozen=True, kw_only=True)
class StreamlitUses:
    """Which ``st.*`` names the app uses, as far as reading its source can tell.

    ``names``: attributes of streamlit and of its containers, and names imported
    from it. ``opaque_calls``: the names called with an argument that is not a
    literal (``st.write(x)``), whose element kind depends on the value. ``unsure``:
    why the app may use names the analysis cannot see (``getattr(st, name)``, ``st``
    passed to a function, an ambiguous binding); empty when ``names`` is complete.
    """

    names: frozenset[str] = frozenset()
    opaque_calls: frozenset[str] = frozenset()
    unsure: tuple[str, ...] = ()


@dataclass(kw_only=True)
class Findings:
    """What the visitors found in the whole app."""

    app_dir: Path
    entry: str  # the entry script's file name
    shipped: frozenset[str]  # rel paths of every shipped file
    diagnostics: list[Diagnostic] = field(default_factory=list)
    imports: list[ImportRef] = field(default_factory=list)
    pages: list[PageRef] = field(default_factory=list)
    streamlit_names: set[str] = field(default_factory=set)
    opaque_calls: set[str] = field(default_factory=set)
    unsure: list[str] = field(default_factory=list)  # "app.py:3: getattr(st, ...)"
    project: Project = field(default_factory=Project)  # secrets.toml names, [tool.stc]
    connections: list[ConnectionUse] = field(default_factory=list)  # through stc proxy
    queries: list[AllowedQuery] = field(default_factory=list)  # the allowlist
    writes: list[AllowedWrite] = field(default_factory=list)  # its write_pandas targets
    # imports of FETCH_CLIENTS (requests, urllib.request…), which need urllib3 in the site
    fetch_clients: list[ImportRef] = field(default_factory=list)
    # reads of secrets stc proxy holds ([tool.stc.secrets]): the name, where it is read
    held_reads: list[tuple[str, Span]] = field(default_factory=list)
    logins: list[LoginUse] = field(default_factory=list)  # streamlit_authenticator's
    registers: list[RegisterUse] = field(default_factory=list)  # its register_user calls
    remote: list[RemoteResource] = field(default_factory=list)  # URLs the page fetches

    def streamlit_uses(self) -> StreamlitUses:
        return StreamlitUses(
            names=frozenset(self.streamlit_names),
            opaque_calls=frozenset(self.opaque_calls),
            unsure=tuple(self.unsure),
        )


class ModuleVisitor(cst.BatchableCSTVisitor):
    """Base of the analysis visitors: knows its module and how to report.

    Batchable, so all of them share one walk of each module (``visit_batched``)."""

    METADATA_DEPENDENCIES: ClassVar[Collection[ProviderT]] = (PositionProvider,)

    def __init__(self, module: AppModule, findings: Findings) -> None:
        super().__init__()
        self.module = module
        self.findings = findings

    def span(self, node: cst.CSTNode) -> Span:
        where: CodeRange = self.get_metadata(PositionProvider, node)
        return Span(
            path=self.module.display,
            line=where.start.line,
            col=where.start.column + 1,
            end_line=where.end.line,
            end_col=where.end.column + 1,
        )

    def report(self, rule: Rule, node: cst.CSTNode, **fields: str) -> None:
        """Add *rule*'s diagnostic at *node*, its texts formatted with *fields*."""
        self.findings.diagnostics.append(rule.diagnostic(self.span(node), **fields))


def module_name(rel: str) -> str:
    """The import name of the app file *rel*: "pkg/__init__.py" → "pkg"."""
    parts = rel.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve_relative(package: str, level: int, name: str) -> str | None:
    """Resolve ``from <level dots><name>`` in *package* to an absolute dotted name;
    ``None`` when it climbs above the top (Python raises ImportError there: the app's
    top-level modules and scripts have no package)."""
    parts = package.split(".") if package else []
    if level > len(parts):
        return None
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, name] if name else base)
