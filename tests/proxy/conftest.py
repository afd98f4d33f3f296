"""Fixtures for ``stc proxy``: a site's allowlist and secrets written to files, a
TestClient over the app, SQLite files, a throwaway PostgreSQL cluster per session,
a fake web API with a proxy whose forward rules point at it, and a proxy with logins.

The PostgreSQL cluster is Debian's ``postgresql`` (``scripts/test.sh`` installs it),
made with ``initdb`` on a free 127.0.0.1 port with a password (scram), run as the
``postgres`` user when the tests run as root (``initdb`` refuses root), and removed
after the session.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from auth_harness import Auth, MakeAuth, write_app
from fake_upstream import Upstream, serving
from forward_harness import VALUES, Forward, MakeForward, write_site
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
from runtime_wasm.auth import AuthConfig
from runtime_wasm.connections import AllowedQuery, AllowedWrite, dump_allowlist
from runtime_wasm.http import ForwardRules


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


@pytest.fixture(scope="session")
def upstream_server() -> Iterator[Upstream]:
    with serving() as upstream:
        yield upstream


@pytest.fixture
def upstream(upstream_server: Upstream) -> Upstream:
    """The fake web API (tests/proxy/fake_upstream.py), with nothing seen yet."""
    upstream_server.seen.clear()
    return upstream_server


@pytest.fixture
def make_forward(tmp_path: Path, upstream: Upstream) -> Iterator[MakeForward]:
    """``make_forward(secrets={name: hosts}, hosts=[...], transport=None, **limits)``:
    a site with only forward rules; every secret of forward_harness.VALUES is in the
    secrets file, and by default API_KEY, TOKEN and openai.api_key may go to the fake
    API, OTHER only to a host no test reaches."""
    clients: list[TestClient] = []

    def make(
        *,
        secrets: Mapping[str, Sequence[str]] | None = None,
        hosts: Sequence[str] = (),
        transport: httpx.AsyncBaseTransport | None = None,
        **limits: Any,
    ) -> Forward:
        if secrets is None:
            here = (upstream.host,)
            secrets = {"API_KEY": here, "TOKEN": here, "openai.api_key": here,
                       "OTHER": ("api.other.example",)}  # fmt: skip
        rules = ForwardRules(secrets={k: tuple(v) for k, v in secrets.items()}, hosts=tuple(hosts))
        site, secrets_file = write_site(tmp_path, rules, VALUES)
        settings = load_settings(site=site, secrets=secrets_file, allow_origins=[ORIGIN], **limits)
        client = TestClient(create_app(settings, transport=transport), client=("10.0.0.2", 5000))
        client.__enter__()
        clients.append(client)
        return Forward(client, settings)

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def make_auth(tmp_path: Path, pets_sqlite: Path, upstream: Upstream) -> Iterator[MakeAuth]:
    """``make_auth(config=None, auth=None, extra_secrets="", **settings)``: a site with
    queries on pets_db, admin_db and open_db, forward rules toward the fake API, and
    logins (auth_harness.write_app); the app folder is found from its secrets file."""
    clients: list[TestClient] = []

    def make(
        *,
        config: str | None = None,
        auth: AuthConfig | None = None,
        extra_secrets: str = "",
        environ: Mapping[str, str] | None = None,
        **fields: Any,
    ) -> Auth:
        site, secrets = write_app(
            tmp_path, pets_db=pets_sqlite, config=config, auth=auth,
            extra_secrets=extra_secrets, upstream_host=upstream.host,
        )  # fmt: skip
        settings = load_settings(
            site=site, secrets=secrets, allow_origins=[ORIGIN], environ=environ or {}
        )
        settings = dataclasses.replace(settings, **fields)  # login_attempts, login_window
        client = TestClient(create_app(settings), client=("10.0.0.3", 5000))
        client.__enter__()
        clients.append(client)
        return Auth(client, settings, site)

    yield make
    for client in clients:
        client.__exit__(None, None, None)
