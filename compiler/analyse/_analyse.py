"""Stage 2, analyse: what the build needs to know about the app beyond its files.

Every module of the app goes through each visitor of :data:`VISITORS` (libcst
visitors with metadata, see :mod:`compiler.analyse.passes`); they collect imports and
diagnostics and change nothing. Then the browser rewrite (:mod:`compiler.analyse._rewrite`)
turns blocking sleeps into awaits; the rewritten sources are what ship. Analysis
never raises for a mistake in the app: it returns diagnostics.

It also reads what the app folder declares beside its code (:mod:`compiler.analyse._project`:
the connection names of secrets.toml, ``[tool.stc]``), which the connections and
secrets passes check against, and settles the proxy URL: an app whose queries, web
requests or logins go through ``stc proxy`` cannot be built without one (``STC706``).
The logins (streamlit-authenticator's ``Authenticate``) become ``stc/auth.json`` and
a redacted copy of their credentials file (:mod:`compiler.analyse._logins`). Packages the app
needs without importing them join its imports: pandas for a connection's DataFrames
(``STC707``), urllib3 for the HTTP clients the browser runs on it (``STC204``),
extra-streamlit-components for the login cookie, PyYAML to read ``config.yaml``
(``STC714``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from libcst.metadata import MetadataWrapper

from compiler._diagnostics import Diagnostic, Span
from compiler.analyse._facts import ConnectionUse, ImportRef, LoginUse, PageRef, RemoteResource
from compiler.analyse._logins import plan_logins
from compiler.analyse._parse import ParsedApp, display_path
from compiler.analyse._project import PYPROJECT, Project, choose_proxy_url, file_span, read_project
from compiler.analyse._rewrite import AwaitTransformer, plan_rewrites
from compiler.analyse.passes import (
    VISITORS,
    AppModule,
    CallFacts,
    CallVisitor,
    Findings,
    PagesVisitor,
    StreamlitUses,
    module_name,
    pages_folder_collisions,
)
from compiler.analyse.passes._connections import statement_span
from compiler.analyse.passes._proxy_rules import (
    BAD_PROXY,
    NEEDS_COOKIES,
    NEEDS_PANDAS,
    NO_PROXY,
    NO_PROXY_FOR_FORWARD,
    NO_PROXY_FOR_LOGIN,
    NO_PROXY_FOR_PARAMS,
    NO_PROXY_FOR_SECRET,
    SHARED_STATEMENT,
)
from compiler.analyse.passes._rules import (
    NEEDS_URLLIB3,
)
from runtime_wasm._pagefiles import is_page_script
from runtime_wasm.auth import AuthConfig
from runtime_wasm.connections import AllowedQuery, AllowedWrite, query_id

__all__ = ["Analysis", "analyse"]

_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, kw_only=True)
class Analysis:
    title: str
    diagnostics: tuple[Diagnostic, ...]
    imports: tuple[ImportRef, ...] = ()
    pages: tuple[PageRef, ...] = ()  # pages the app declares (st.Page, st.navigation)
    streamlit: StreamlitUses = field(default_factory=StreamlitUses)  # the st.* names used
    # rel path → new source, for the modules the browser rewrite changed
    rewritten: Mapping[str, str] = field(default_factory=dict)
    connections: tuple[ConnectionUse, ...] = ()  # whose queries go through stc proxy
    queries: tuple[AllowedQuery, ...] = ()  # the allowlist, one entry per statement
    writes: tuple[AllowedWrite, ...] = ()  # write_pandas targets, one entry each
    project: Project = field(default_factory=Project)  # secrets.toml names, [tool.stc]
    proxy_url: str | None = None  # --proxy-url, else STC_PROXY_URL, else [tool.stc]
    auth: AuthConfig | None = None  # stc/auth.json: the app's logins, checked by stc proxy
    # rel → the redacted copy app.zip carries of a credentials file (None: no copy)
    redacted: Mapping[str, bytes | None] = field(default_factory=dict)
    # users in st.secrets: the redacted view the page's st.secrets gets of them
    login_secrets: Mapping[str, Any] = field(default_factory=dict)
    remote: tuple[RemoteResource, ...] = ()  # URLs on other hosts the page will fetch

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")


def analyse(
    parsed: ParsedApp,
    *,
    proxy_url: str | None = None,
    env: Mapping[str, str] | None = None,
    bake: bool = False,
) -> Analysis:
    """Run every visitor over every module, then the rewrite; errors first.

    *proxy_url* is ``--proxy-url``; *env* (default ``os.environ``) may give
    ``STC_PROXY_URL``. With *bake* (``--bake``), only statements that take parameters
    need a proxy: the others run at build time."""
    # Fresh from the parser, so every node is unique: the defensive copy is waste.
    wrappers = {
        rel: MetadataWrapper(tree, unsafe_skip_copy=True) for rel, tree in parsed.modules.items()
    }
    scripts = _page_scripts(parsed, wrappers)
    modules = [
        AppModule(
            rel=rel,
            name=module_name(rel),
            display=display_path(parsed.app_dir / rel),
            # Pages (pages/*.py, st.Page files) run as scripts too (their own __main__),
            # top-level await included, so a time.sleep there can become an await.
            is_entry=rel == parsed.entry or is_page_script(rel) or rel in scripts,
            wrapper=wrapper,
        )
        for rel, wrapper in wrappers.items()
    ]
    project = read_project(parsed.app_dir, display_path(parsed.app_dir))
    findings = _findings(parsed, project)
    facts = CallFacts(modules=frozenset(m.name for m in modules))
    for module in modules:
        visitors = [visitor(module, findings) for visitor in VISITORS]
        module.wrapper.visit_batched([*visitors, CallVisitor(module, findings, facts)])
    plan = plan_rewrites(facts)
    rewritten = {
        module.rel: module.wrapper.module.visit(AwaitTransformer(plan)).code
        for module in modules
        if module.name in plan.modules
    }
    folder = pages_folder_collisions(
        parsed.entry, findings.shipped, lambda rel: display_path(parsed.app_dir / rel)
    )
    logins = plan_logins(findings.logins, parsed, project, findings.registers)
    diagnostics = [*parsed.diagnostics, *folder, *findings.diagnostics]
    diagnostics = [d for d in diagnostics if not logins.supersedes(d)]
    diagnostics += [*logins.diagnostics, *plan.diagnostics]
    url = choose_proxy_url(proxy_url, os.environ if env is None else env, project)

    def display(rel: str) -> str:
        return display_path(parsed.app_dir / rel)

    queries, shared = _unique(findings.queries, display)
    diagnostics += [*project.diagnostics, *shared]
    baked = queries if bake else None
    for_queries = _proxy_diagnostics(findings.connections, url, baked, display)
    diagnostics += for_queries
    if not any(d.code == NO_PROXY.code for d in for_queries):  # one is enough
        pyproject = file_span(display_path(parsed.app_dir), PYPROJECT)
        for_forward = _forward_diagnostics(project, findings.held_reads, url, pyproject)
        diagnostics += for_forward or _login_proxy_diagnostics(findings.logins, url)
    imports = [*findings.imports, *parsed.imports]
    if findings.connections and not any(i.top == "pandas" for i in imports):
        first = findings.connections[0]  # query() returns DataFrames: as if it imported pandas
        imports.append(ImportRef(module="pandas", top="pandas", file=first.file, span=first.span))
        diagnostics.append(NEEDS_PANDAS.diagnostic(first.span))
    diagnostics += _add_urllib3(findings.fetch_clients, imports)
    diagnostics += _add_login_packages(findings.logins, imports)
    return Analysis(
        title=_title(parsed.app_dir.name),
        diagnostics=tuple(sorted(diagnostics, key=_sort_key)),
        imports=tuple(imports),
        pages=tuple(findings.pages),
        streamlit=findings.streamlit_uses(),
        rewritten=rewritten,
        connections=tuple(findings.connections),
        queries=queries,
        writes=tuple({w.id: w for w in findings.writes[::-1]}.values())[::-1],  # first of each
        project=project,
        proxy_url=url,
        auth=logins.config,
        redacted=logins.redacted,
        login_secrets=logins.public_secrets,
        remote=tuple(findings.remote),
    )


def _findings(parsed: ParsedApp, project: Project | None = None) -> Findings:
    return Findings(
        app_dir=parsed.app_dir,
        entry=parsed.entry,
        shipped=frozenset(f.rel for f in parsed.files),
        project=project or Project(),
    )


def _proxy_diagnostics(
    connections: list[ConnectionUse],
    url: str | None,
    baked: tuple[AllowedQuery, ...] | None,
    display: Callable[[str], str],
) -> list[Diagnostic]:
    """``STC706`` at the first connection when there is no proxy URL, or a bad one;
    when the build bakes (*baked* are its statements), at each statement that still
    needs the proxy: those with parameters."""
    if not connections:
        return []
    first = connections[0]
    if url is None and baked is not None:
        return [
            NO_PROXY_FOR_PARAMS.diagnostic(
                statement_span(query, display), params=", ".join(f":{p}" for p in query.params)
            )
            for query in baked
            if query.params
        ]
    if url is None:
        return [NO_PROXY.diagnostic(first.span, name=first.name)]
    if not url.startswith(("https://", "http://")):
        return [BAD_PROXY.diagnostic(first.span, url=url)]
    return []


def _forward_diagnostics(
    project: Project, held_reads: list[tuple[str, Span]], url: str | None, pyproject: Span
) -> list[Diagnostic]:
    """``STC706`` when ``[tool.stc.secrets]`` or ``proxy_hosts`` send requests through
    stc proxy and there is no proxy URL, or a bad one: at the first read of a secret
    the proxy holds, else at pyproject.toml."""
    forward = project.forward
    if not (forward.secrets or forward.hosts) or (url or "").startswith(("https://", "http://")):
        return []
    span = held_reads[0][1] if held_reads else pyproject
    if url is not None:
        return [BAD_PROXY.diagnostic(span, url=url)]
    if held_reads:
        return [NO_PROXY_FOR_SECRET.diagnostic(span, key=held_reads[0][0])]
    parts = [("[tool.stc.secrets]", forward.secrets), ("[tool.stc] proxy_hosts", forward.hosts)]
    return [NO_PROXY_FOR_FORWARD.diagnostic(span, what=" and ".join(w for w, on in parts if on))]


def _login_proxy_diagnostics(logins: list[LoginUse], url: str | None) -> list[Diagnostic]:
    """``STC706`` at the first ``Authenticate`` when there is no proxy URL, or a bad one:
    the proxy checks the passwords."""
    if not logins or (url or "").startswith(("https://", "http://")):
        return []
    first = logins[0]
    if url is not None:
        return [BAD_PROXY.diagnostic(first.span, url=url)]
    return [NO_PROXY_FOR_LOGIN.diagnostic(first.span)]


def _add_login_packages(logins: list[LoginUse], imports: list[ImportRef]) -> list[Diagnostic]:
    """What stc's streamlit_authenticator needs joins *imports*: extra-streamlit-components
    (its CookieManager keeps the login) when the app imports streamlit_authenticator
    (``STC714``). A config file given to Authenticate needs no YAML parser: the site's
    redacted copy is JSON (see compiler.analyse._redact)."""
    found: list[Diagnostic] = []
    users = [i for i in imports if i.top == "streamlit_authenticator"]
    if users and not any(i.top == "extra_streamlit_components" for i in imports):
        first = min(users, key=lambda i: (i.optional, i.file, i.span.line, i.span.col))
        imports.append(replace(first, module="extra_streamlit_components",
                               top="extra_streamlit_components", dynamic=False))  # fmt: skip
        found.append(NEEDS_COOKIES.diagnostic(first.span))
    return found


def _add_urllib3(clients: list[ImportRef], imports: list[ImportRef]) -> list[Diagnostic]:
    """urllib3 joins *imports* when the app uses an HTTP client the browser runs on it
    (``STC204`` when nothing the app imports brings it already)."""
    if not clients or any(i.top == "urllib3" for i in imports):
        return []
    first = min(clients, key=lambda c: (c.optional, c.file, c.span.line, c.span.col))
    imports.append(
        ImportRef(
            module="urllib3", top="urllib3", file=first.file, span=first.span,
            optional=first.optional,
        )
    )  # fmt: skip
    if any(i.top in ("requests", "urllib3") for i in clients):  # a dependency of requests
        return []
    return [NEEDS_URLLIB3.diagnostic(first.span, module=first.module)]


def _unique(
    queries: list[AllowedQuery], display: Callable[[str], str]
) -> tuple[tuple[AllowedQuery, ...], list[Diagnostic]]:
    """One entry per statement: the first place it is used. The allowlist names a
    statement by its text alone, so the same text sent to a second connection is an
    error (STC708) until a comment tells the two apart."""
    seen: dict[str, AllowedQuery] = {}
    diagnostics: list[Diagnostic] = []
    for query in queries:
        first = seen.setdefault(query_id(query.sql), query)
        if first.connection != query.connection:
            names = {"first": first.connection, "where": first.where, "second": query.connection}
            diagnostics.append(SHARED_STATEMENT.diagnostic(statement_span(query, display), **names))
    return tuple(seen.values()), diagnostics


def _page_scripts(parsed: ParsedApp, wrappers: Mapping[str, MetadataWrapper]) -> frozenset[str]:
    """The files the app declares as pages (``st.Page("x.py")``…): a first pass of the
    pages visitor alone (its metadata is kept for the full pass), since whether a
    module runs as a script decides what the full pass may rewrite in it."""
    scratch = _findings(parsed)
    for rel, wrapper in wrappers.items():
        module = AppModule(rel=rel, name=module_name(rel), display=rel, is_entry=False,
                           wrapper=wrapper)  # fmt: skip
        wrapper.visit_batched([PagesVisitor(module, scratch)])
    return frozenset(p.script for p in scratch.pages if p.script is not None)


def _sort_key(diagnostic: Diagnostic) -> tuple[int, str, int, int]:
    span = diagnostic.span
    return (_ORDER[diagnostic.severity], span.path, span.line, span.col)


def _title(folder: str) -> str:
    words = folder.replace("_", " ").replace("-", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or "Streamlit app"
