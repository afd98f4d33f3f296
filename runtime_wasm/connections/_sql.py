"""``SQLConnection`` and ``SnowflakeConnection`` in the browser: queries by id through
``stc proxy``.

``query`` keeps Streamlit 1.67's signature and caching: the answer goes through
``st.cache_data`` with the call's ``ttl`` (so it survives a reload, in IndexedDB),
keyed by the connection, the statement and its parameters. The statement itself is
never sent: its id is (see :mod:`runtime_wasm.connections._wire`), and the proxy runs
only statements the compiler allowlisted. What cannot be allowlisted, an SQLAlchemy
``session``, ``engine`` or ``connect()`` for arbitrary statements and ORM use, raises
an error saying why instead of failing somewhere deeper.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, NoReturn

from runtime_wasm._caching import CacheDataAPI
from runtime_wasm._errors import StreamlitAPIException
from runtime_wasm._unsupported import refused
from runtime_wasm.connections._base import BaseConnection
from runtime_wasm.connections._frame import from_frame, to_frame
from runtime_wasm.connections._transport import remember, remember_write, run_query, run_write
from runtime_wasm.connections._wire import (
    WRITE_OPTIONS,
    AllowedWrite,
    QueryRequest,
    WriteRequest,
    query_id,
)

__all__ = ["ProxyClient", "SQLConnection", "SnowflakeConnection"]

_cache_data = CacheDataAPI()
_QUERY = refused("streamlit.connections.SQLConnection.query")  # Snowflake's too
_PANDAS_OPTIONS = frozenset(_QUERY.accepted or ())


@dataclass(frozen=True)
class ProxyClient:
    """The raw connection of a proxied connection: where its queries go."""

    connection: str

    def query(self, sql: str, params: Mapping[str, Any] | None, ttl: float | None = None) -> Any:
        if params is not None and not isinstance(params, Mapping):
            raise StreamlitAPIException(
                "stc sends query parameters by name: pass params as a dict "
                "(`params={'kind': kind}` for `:kind` in the statement)."
            )
        request = QueryRequest(connection=self.connection, query=query_id(sql),
                               params=dict(params or {}), ttl=ttl)  # fmt: skip
        remember(request.query, sql)
        return run_query(request)

    def write_pandas(
        self, df: Any, table_name: str, database: str | None, schema: str | None,
        chunk_size: int | None, options: Mapping[str, Any],
    ) -> tuple[bool, int, int]:  # fmt: skip
        unknown = sorted(set(options) - WRITE_OPTIONS)
        if unknown:
            raise StreamlitAPIException(
                f"write_pandas option(s) {', '.join(unknown)} cannot go through `stc proxy`; "
                f"it takes {', '.join(sorted(WRITE_OPTIONS))}."
            )
        target = AllowedWrite(connection=self.connection, table=table_name, database=database,
                              schema=schema, options=dict(options))  # fmt: skip
        remember_write(target)
        request = WriteRequest(connection=self.connection, write=target.id,
                               rows=from_frame(df), chunk_size=chunk_size)  # fmt: skip
        return run_write(request)


def _not_through_proxy(api: str) -> NoReturn:
    raise StreamlitAPIException(refused(f"streamlit.connections.{api}").message)


class _ProxiedConnection(BaseConnection[ProxyClient]):
    _default_spinner = "Running `sql.query(...)`."

    def _connect(self, **kwargs: Any) -> ProxyClient:
        return ProxyClient(self._connection_name)

    def query(
        self,
        sql: str,
        *,
        show_spinner: bool | str = "Running `sql.query(...)`.",
        ttl: float | int | timedelta | None = None,
        index_col: str | list[str] | None = None,
        chunksize: int | None = None,
        params: Any | None = None,
        **kwargs: Any,
    ) -> Any:
        """Run the allowlisted statement *sql* with *params*; a pandas DataFrame."""
        unknown = sorted(set(kwargs) - _PANDAS_OPTIONS)
        if unknown:
            raise StreamlitAPIException(_QUERY.text(unknown))
        client = self._instance
        seconds = ttl.total_seconds() if isinstance(ttl, timedelta) else ttl  # for a CDN

        def _query(sql: str, index_col: Any, params: Any, options: dict[str, Any]) -> Any:
            frame = to_frame(client.query(sql, params, seconds), index_col)
            for column in options.get("parse_dates") or ():
                import pandas as pd  # type: ignore[import-untyped, unused-ignore]

                frame[column] = pd.to_datetime(frame[column])
            if options.get("dtype") is not None:
                frame = frame.astype(options["dtype"])
            return frame

        ttl_name = str(ttl).replace(".", "_")
        _query.__qualname__ = f"{_query.__qualname__}_{self._connection_name}_{ttl_name}"
        cached = _cache_data(_query, show_spinner=show_spinner, ttl=ttl)
        return cached(sql, index_col, params, dict(kwargs))


class SQLConnection(_ProxiedConnection):
    """``st.connection(name, type="sql")``: SQL through the proxy's SQLAlchemy."""

    def connect(self) -> NoReturn:
        _not_through_proxy("SQLConnection.connect")

    @property
    def engine(self) -> NoReturn:
        _not_through_proxy("SQLConnection.engine")

    @property
    def driver(self) -> NoReturn:
        _not_through_proxy("SQLConnection.driver")

    @property
    def session(self) -> NoReturn:
        _not_through_proxy("SQLConnection.session")


class SnowflakeConnection(_ProxiedConnection):
    """``st.connection("snowflake")``: Snowflake through the proxy's connector."""

    def query(  # Snowflake's own order and spinner text
        self,
        sql: str,
        *,
        ttl: float | int | timedelta | None = None,
        show_spinner: bool | str = "Running `snowflake.query(...)`.",
        params: Any = None,
        **kwargs: Any,
    ) -> Any:
        """Run the allowlisted statement *sql*; a pandas DataFrame."""
        return super().query(sql, show_spinner=show_spinner, ttl=ttl, params=params, **kwargs)

    def cursor(self) -> NoReturn:
        _not_through_proxy("SnowflakeConnection.cursor")

    def raw_connection(self) -> NoReturn:
        _not_through_proxy("SnowflakeConnection.raw_connection")

    def session(self) -> NoReturn:
        _not_through_proxy("SnowflakeConnection.session")

    def write_pandas(
        self,
        df: Any,
        table_name: str,
        database: str | None = None,
        schema: str | None = None,
        chunk_size: int | None = None,
        **kwargs: Any,
    ) -> tuple[bool, int, int]:
        """Write *df* to the allowlisted table through the proxy, which must allow
        writes on this connection; (success, chunks, rows), as Streamlit returns."""
        return self._instance.write_pandas(df, table_name, database, schema, chunk_size, kwargs)
