"""``AppTest.secrets`` and the queries of a test run, as Streamlit's AppTest has them.

Streamlit's ``AppTest`` takes ``at.secrets`` (a dict) and its connections talk to the
database from the test process. stc's do the same: during a run with secrets, the
whole ``at.secrets`` is ``st.secrets`` (a developer's machine, not a public site),
connection types come from its ``[connections.*]`` tables, and, unless
``STC_PROXY_URL`` names a running ``stc proxy`` (then the real wire is used), each
query runs in this process through the proxy's own database code (``proxy``, the
``stc-compiler[proxy]`` extra), with bound parameters, as the proxy would run it.

Without ``at.secrets``, the secrets files are read as Streamlit reads them
(:func:`secrets_from_files`): a test of an app with a ``.streamlit/secrets.toml``
then reaches its databases without a line of setup, as in Streamlit.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from runtime_wasm.connections import _transport
from runtime_wasm.connections._wire import WRITE_ROUTE, AllowedQuery, ProxyError, ResultSet

__all__ = ["local_data", "secrets_from_files"]


def secrets_from_files(script: Path) -> dict[str, Any]:
    """Streamlit's secrets for *script*: ``~/.streamlit/secrets.toml``, then the working
    directory's, then the script folder's, a later file's keys winning (Streamlit's
    ``secrets.files`` default). A file that does not parse is an error, as there."""
    found: dict[str, Any] = {}
    for folder in dict.fromkeys((Path.home(), Path.cwd(), script.parent)):
        path = folder / ".streamlit" / "secrets.toml"
        if path.is_file():
            found.update(tomllib.loads(path.read_text(encoding="utf-8")))
    return found


@contextmanager
def local_data(secrets: Mapping[str, Any]) -> Iterator[None]:
    """Within the block, ``st.secrets`` is *secrets* and queries reach its databases."""
    before, poster = _transport.current(), _transport.poster()
    tables = secrets.get("connections", {})
    tables = tables if isinstance(tables, Mapping) else {}
    types = {
        name: str(table.get("type") or ("snowflake" if name == "snowflake" else "sql"))
        for name, table in tables.items()
        if isinstance(table, Mapping)
    }
    _transport.configure(
        _transport.DataConfig(
            proxy_url=before.proxy_url or "http://stc-apptest.invalid",
            connections={**before.connections, **types},
            public_secrets=secrets,
        )
    )
    databases = None
    if not before.proxy_url:
        databases = _Databases(tables)
        _transport.set_poster(databases.post)
    try:
        yield
    finally:
        _transport.configure(before)
        _transport.set_poster(poster)
        if databases is not None:
            databases.close()


class _Databases:
    """The proxy's database layer, in process, for the statements this run sent."""

    def __init__(self, tables: Mapping[str, Any]) -> None:
        from proxy._backend import Limits
        from proxy._databases import Databases
        from proxy._secrets import ConnectionSettings

        settings = {}
        for name, table in tables.items():
            options = dict(table)
            kind = options.pop("type", "snowflake" if name == "snowflake" else "sql")
            if kind in ("sql", "snowflake"):
                settings[name] = ConnectionSettings(
                    name=name, kind=kind, options=options,
                    allow_writes=bool(options.pop("allow_writes", False)),
                )  # fmt: skip
        self._databases = Databases(settings)
        self._limits = Limits(max_rows=100_000, timeout=30.0)

    def post(self, url: str, body: str) -> tuple[int, str]:
        from proxy._errors import QueryRefused

        request = json.loads(body)
        if url.endswith(WRITE_ROUTE):
            target = _transport.writes().get(request["write"])
            if target is None:
                return 404, ProxyError(
                    code="unknown-write", message="not sent by this run"
                ).to_json()
            rows = ResultSet.from_json(json.dumps(request["rows"]))
            try:
                answer = self._databases.get(target.connection).write(
                    target, rows, request.get("chunk_size")
                )
            except QueryRefused as refused:
                return refused.status, ProxyError(
                    code=refused.code, message=refused.message
                ).to_json()
            return 200, json.dumps(answer)
        sql = _transport.statements().get(request["query"])
        params = request.get("params") or {}
        if sql is None:
            return 404, ProxyError(code="unknown-query", message="not sent by this run").to_json()
        query = AllowedQuery(sql=sql, connection=request["connection"], params=tuple(params))
        try:
            result = self._databases.get(query.connection).run(query, params, self._limits)
        except QueryRefused as refused:
            return refused.status, ProxyError(code=refused.code, message=refused.message).to_json()
        return 200, result.to_json()

    def close(self) -> None:
        self._databases.close()
