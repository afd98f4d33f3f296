"""Helpers for the ``stc proxy`` tests (this folder is not a package: a package named
``proxy`` here would hide the real one); the fixtures are in ``conftest.py``, the
PostgreSQL cluster in ``tests/pg_cluster.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pg_cluster import PETS, PG_BIN, PG_PASSWORD, Postgres, free_port
from starlette.testclient import TestClient

__all__ = ["PETS", "PG_BIN", "PG_PASSWORD", "Postgres", "free_port"]  # and the helpers below
from proxy import Settings
from runtime_wasm.connections import query_id

ORIGIN = "https://me.github.io"


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
