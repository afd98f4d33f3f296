"""``stc build --bake``: the statements that take no parameters run at build time, and
their answers ship as files of the app, so a dashboard over slowly changing data needs
no server at all (rebuild on a schedule to refresh it).

Each answer is the proxy's own (a ``ResultSet``), made by the proxy's own database
code (the ``stc-compiler[proxy]`` extra) from the local secrets file, in a read-only
transaction under the proxy's row cap and timeout. It goes into ``app.zip`` at
``.stc/baked/<statement id>.json``, where the runtime looks before it would ask the
proxy (``runtime_wasm.connections._transport``). No secret value is written, and a
failure's message is scrubbed of them before it is shown (CI logs are often public).
What is baked *is* public: the build says so at every statement (STC709).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from compiler._diagnostics import Diagnostic, Span
from compiler.analyse._parse import display_path
from compiler.analyse.passes._connections import statement_span
from compiler.analyse.passes._proxy_rules import (
    BAKE_FAILED,
    BAKE_SETUP,
    BAKED,
)
from runtime_wasm.connections import AllowedQuery, query_id
from runtime_wasm.connections._transport import BAKED_FOLDER

__all__ = ["BakedAnswer", "bake", "baked_members"]

MAX_ROWS = 100_000  # the proxy's default cap: more is too much to ship in a page
TIMEOUT = 60.0  # seconds per statement


@dataclass(frozen=True, kw_only=True)
class BakedAnswer:
    """A statement's answer as shipped: ``path`` in app.zip, ``text`` a ResultSet."""

    query: AllowedQuery
    rows: int
    text: str

    @property
    def path(self) -> str:
        return f"{BAKED_FOLDER}/{query_id(self.query.sql)}.json"


def bake(
    queries: tuple[AllowedQuery, ...], *, secrets: Path, app_dir: Path
) -> tuple[tuple[BakedAnswer, ...], tuple[Diagnostic, ...]]:
    """Run each of *queries* (of the app in *app_dir*) that takes no parameters, with
    the connections of the secrets file *secrets*."""
    wanted = [query for query in queries if not query.params]
    if not wanted:
        return (), ()
    shown = display_path(secrets)

    def span(query: AllowedQuery) -> Span:
        return statement_span(query, lambda rel: display_path(app_dir / rel))

    first = span(wanted[0])
    try:
        from proxy._backend import Limits
        from proxy._databases import Databases
        from proxy._errors import ProxyConfigError, QueryRefused
        from proxy._secrets import read_connections, secret_values
    except ImportError as error:
        why = f"that needs stc proxy's database code, which is not installed ({error})"
        return (), (BAKE_SETUP.diagnostic(first, why=why, fix="pip install 'stc-compiler[proxy]'"),)
    if not secrets.is_file():
        fix = (
            "give the secrets file with --secrets FILE (default: .streamlit/secrets.toml in "
            "the app's folder); it is read, never shipped"
        )
        why = f"there is no secrets file at {shown}"
        return (), (BAKE_SETUP.diagnostic(first, why=why, fix=fix),)
    try:
        connections = read_connections(secrets)
    except ProxyConfigError as error:  # names a key or a line, never a value
        return (), (BAKE_SETUP.diagnostic(first, why=str(error), fix=f"fix {shown}"),)
    scrub = _scrubber(secret_values(connections))
    databases = Databases(connections)
    limits = Limits(max_rows=MAX_ROWS, timeout=TIMEOUT)
    answers: list[BakedAnswer] = []
    diagnostics: list[Diagnostic] = []
    try:
        for query in wanted:
            at = span(query)
            names = {"name": query.connection, "secrets": shown}
            try:
                if query.connection not in connections:
                    why = f"{shown} has no [connections.{query.connection}] table"
                    raise QueryRefused("unknown-connection", why)
                result = databases.get(query.connection).run(query, {}, limits)
                if result.truncated:
                    why = f"it returns over {MAX_ROWS} rows, too many for a page: aggregate in SQL"
                    raise QueryRefused("too-many-rows", why, status=400)
            except QueryRefused as refused:
                why = scrub(refused.message)
                diagnostics.append(BAKE_FAILED.diagnostic(at, code=refused.code, why=why, **names))
                continue
            except Exception as error:  # a driver that is missing, or breaks
                why = scrub(f"{type(error).__name__}: {error}".splitlines()[0])
                diagnostics.append(BAKE_FAILED.diagnostic(at, code="internal", why=why, **names))
                continue
            rows = len(result.data[0]) if result.data else 0
            answers.append(BakedAnswer(query=query, rows=rows, text=result.to_json()))
            diagnostics.append(BAKED.diagnostic(at, name=query.connection, rows=str(rows)))
    finally:
        databases.close()
    return tuple(answers), tuple(diagnostics)


def _scrubber(secrets: frozenset[str]) -> Callable[[str], str]:
    ordered = sorted(secrets, key=len, reverse=True)

    def scrub(text: str) -> str:
        for secret in ordered:
            text = text.replace(secret, "***")
        return text

    return scrub


def baked_members(answers: tuple[BakedAnswer, ...]) -> tuple[tuple[str, bytes], ...]:
    """app.zip's members for *answers*."""
    return tuple((answer.path, answer.text.encode("utf-8")) for answer in answers)
