"""Fixtures for ``stc proxy``: a site's allowlist and secrets written to files, a
TestClient over the app, SQLite files, and a throwaway PostgreSQL cluster per session.

The PostgreSQL cluster is Debian's ``postgresql`` (``scripts/test.sh`` installs it),
made with ``initdb`` on a free 127.0.0.1 port with a password (scram), run as the
``postgres`` user when the tests run as root (``initdb`` refuses root), and removed
after the session.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from proxy_harness import (
    ORIGIN,
    PETS,
    MakeProxy,
    Proxy,
    param_names,
    toml_table,
)
from starlette.testclient import TestClient

from proxy import create_app, load_settings
from runtime_wasm.connections import AllowedQuery, AllowedWrite, dump_allowlist


@pytest.fixture
def make_proxy(tmp_path: Path) -> Iterator[MakeProxy]:
    """``make_proxy(connections={name: table}, queries=[(conn, sql), ...], writes=[...],
    **limits)``."""
    clients: list[TestClient] = []

    def make(
        *,
        connections: Mapping[str, Mapping[str, Any]],
        queries: Sequence[tuple[str, str]],
        writes: Sequence[AllowedWrite] = (),
        **limits: Any,
    ) -> Proxy:
        site = tmp_path / "site"
        (site / "stc").mkdir(parents=True, exist_ok=True)
        allowed = [
            AllowedQuery(sql=sql, connection=conn, params=param_names(sql), where=f"app.py:{i}:1")
            for i, (conn, sql) in enumerate(queries, 1)
        ]
        (site / "stc" / "queries.json").write_text(dump_allowlist(allowed, writes))
        secrets = tmp_path / "secrets.toml"
        secrets.write_text("".join(toml_table(n, t) for n, t in connections.items()))
        settings = load_settings(site=site, secrets=secrets, allow_origins=[ORIGIN], **limits)
        client = TestClient(create_app(settings), client=("10.0.0.1", 5000))
        client.__enter__()
        clients.append(client)
        return Proxy(client, settings, site)

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def pets_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "pets.db"
    with sqlite3.connect(path) as db:
        db.execute("create table pets (id integer, name text, kind text, weight real, ok bool)")
        db.executemany("insert into pets values (?, ?, ?, ?, ?)", PETS)
    db.close()
    return path
