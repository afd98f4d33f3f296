"""Helpers for the ``stc proxy`` tests (this folder is not a package: a package named
``proxy`` here would hide the real one); the fixtures are in ``conftest.py``.

The PostgreSQL cluster is Debian's ``postgresql`` (``scripts/test.sh`` installs it),
made with ``initdb`` on a free 127.0.0.1 port with a password (scram), run as the
``postgres`` user when the tests run as root (``initdb`` refuses root), and removed
after the session.
"""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from proxy import Settings
from runtime_wasm.connections import query_id

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PASSWORD = "canary-pg-Pa55word-7f3e9b"  # must never appear in an answer or a log line
ORIGIN = "https://me.github.io"

PETS = [
    (1, "Rex", "dog", 12.5, True),
    (2, "Tom", "cat", 4.2, False),
    (3, "Kiki", "bird", 0.3, True),
    (4, "O'Malley", "cat", 5.0, True),
]


def param_names(sql: str) -> tuple[str, ...]:
    """The names of *sql*'s ``:name`` parameters, as the compiler lists them."""
    from proxy._statements import _BIND

    return tuple(dict.fromkeys(m.group(1) for m in _BIND.finditer(sql)))


def sqlite_rows(path: Path) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute("select * from pets order by id").fetchall()
    finally:
        db.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def toml_table(name: str, table: Mapping[str, Any]) -> str:
    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int | float):
            return str(v)
        if isinstance(v, Mapping):
            return "{" + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + "}"
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"[connections.{name}]"] + [f"{k} = {value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


class Proxy:
    """A proxy over files in a temporary folder, and helpers to call it."""

    def __init__(self, client: TestClient, settings: Settings, site: Path) -> None:
        self.client, self.settings, self.site = client, settings, site

    def post(
        self,
        connection: str,
        sql: str,
        params: Mapping[str, Any] | None = None,
        *,
        origin: str | None = ORIGIN,
        **body: Any,
    ) -> Any:
        payload = {"connection": connection, "query": query_id(sql), "params": dict(params or {})}
        headers = {"Origin": origin} if origin else {}
        return self.client.post("/v1/query", json={**payload, **body}, headers=headers)


MakeProxy = Callable[..., Proxy]


class Postgres:
    """The session's cluster: its secrets table and a way to look at it directly."""

    def __init__(self, port: int) -> None:
        self.port = port

    def table(self, **extra: Any) -> dict[str, Any]:
        return {
            "dialect": "postgresql",
            "driver": "psycopg",
            "host": "127.0.0.1",
            "port": self.port,
            "username": "postgres",
            "password": PG_PASSWORD,
            "database": "postgres",
            **extra,
        }

    def execute(self, sql: str) -> list[tuple[Any, ...]]:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", password=PG_PASSWORD
        ) as conn:
            cursor = conn.execute(sql.encode())
            return cursor.fetchall() if cursor.description else []

    def reset_pets(self) -> None:
        values = ", ".join(
            "({}, '{}', '{}', {}, {})".format(i, n.replace("'", "''"), k, w, o)
            for i, n, k, w, o in PETS
        )
        self.execute(
            "drop table if exists pets; drop table if exists audit;"
            "create table pets (id int primary key, name text, kind text, weight float8, ok bool);"
            "create table audit (note text);"
            f"insert into pets values {values}"
        )
