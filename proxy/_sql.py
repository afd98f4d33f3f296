"""Statements on SQLAlchemy (any dialect), engines built from secrets as Streamlit's
``SQLConnection._connect`` builds them.

Every statement runs through ``text()`` with bound parameters, inside a transaction:
rolled back unless the connection opted into writes. The database itself enforces
read-only where it can (PostgreSQL ``SET TRANSACTION READ ONLY``, SQLite
``PRAGMA query_only``); elsewhere the rollback undoes a write. The timeout is the
database's where it has one (PostgreSQL ``statement_timeout``), SQLite's progress
handler interrupting the statement, and for other dialects the endpoint's deadline.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy
from sqlalchemy import exc
from sqlalchemy.engine import URL, Connection, Engine, make_url

from proxy._backend import Limits
from proxy._errors import QueryRefused
from proxy._results import result_set
from proxy._secrets import ConnectionSettings
from runtime_wasm.connections import AllowedQuery, AllowedWrite, ResultSet

__all__ = ["SqlDatabase", "engine_url"]

_TIMEOUT_SQLSTATES = {"57014"}  # PostgreSQL query_canceled
_READ_ONLY_SQLSTATES = {"25006"}  # PostgreSQL read_only_sql_transaction


def engine_url(options: Mapping[str, Any]) -> URL:
    """The URL Streamlit 1.67 would connect to for these secrets."""
    if "url" in options:
        return make_url(options["url"])
    drivername = options["dialect"] + (f"+{options['driver']}" if "driver" in options else "")
    return URL.create(
        drivername=drivername,
        username=options["username"],
        password=options.get("password"),
        host=options["host"],
        port=int(options["port"]) if "port" in options else None,
        database=options.get("database"),
        query=options.get("query", {}),
    )


class SqlDatabase:
    """One SQLAlchemy engine, made on first use."""

    def __init__(self, connection: ConnectionSettings) -> None:
        self._connection = connection
        self._engine: Engine | None = None

    def _get_engine(self) -> Engine:
        if self._engine is None:
            options = self._connection.options
            kwargs = dict(options.get("create_engine_kwargs", {}))
            try:
                self._engine = sqlalchemy.create_engine(engine_url(options), **kwargs)
            except (exc.ArgumentError, exc.NoSuchModuleError, ImportError, TypeError) as error:
                raise QueryRefused(
                    "database",
                    f"connection {self._connection.name!r} is misconfigured: "
                    f"{type(error).__name__}: {_first_line(error)}",
                ) from None
        return self._engine

    def run(self, query: AllowedQuery, params: Mapping[str, Any], limits: Limits) -> ResultSet:
        engine = self._get_engine()
        read_only = not self._connection.allow_writes
        deadline = time.monotonic() + limits.timeout
        try:
            with engine.connect() as conn, conn.begin() as transaction:
                with _guarded(conn, read_only=read_only, limits=limits, deadline=deadline):
                    result = conn.execute(sqlalchemy.text(query.sql), dict(params))
                    if result.returns_rows:
                        columns = list(result.keys())
                        rows = result.fetchmany(limits.max_rows + 1)
                    else:
                        columns, rows = [], []
                if read_only:
                    transaction.rollback()
        except exc.DBAPIError as error:
            raise self._refusal(error, timed_out=time.monotonic() >= deadline) from None
        truncated = len(rows) > limits.max_rows
        return result_set(columns, [tuple(r) for r in rows[: limits.max_rows]], truncated=truncated)

    def _refusal(self, error: exc.DBAPIError, *, timed_out: bool) -> QueryRefused:
        orig = error.orig
        state = str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")
        text = _first_line(orig if orig is not None else error)
        name = self._connection.name
        if state in _TIMEOUT_SQLSTATES or (timed_out and "interrupt" in text.lower()):
            return QueryRefused("timeout", "the statement ran longer than the proxy's timeout")
        if state in _READ_ONLY_SQLSTATES or "readonly database" in text.replace("-", ""):
            return QueryRefused(
                "read-only",
                f"connection {name!r} is read-only; set allow_writes = true in its "
                "secrets table to let the proxy commit",
            )
        if (
            error.connection_invalidated
            or isinstance(error, exc.InterfaceError)
            or _at_connect(error)
        ):
            return QueryRefused("database", f"cannot reach the database of {name!r}: {text}")
        return QueryRefused("database", f"the database of {name!r} refused the statement: {text}")

    def write(self, target: AllowedWrite, rows: ResultSet, chunk_size: int | None) -> Any:
        raise QueryRefused(
            "bad-request",
            f"connection {self._connection.name!r} is SQL: write_pandas is Snowflake's",
        )

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


@contextmanager
def _guarded(
    conn: Connection, *, read_only: bool, limits: Limits, deadline: float
) -> Iterator[None]:
    """Read-only mode and the timeout, the way this dialect can enforce them."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        if read_only:
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {max(1, int(limits.timeout * 1000))}")
        yield
        return
    if dialect != "sqlite":
        yield
        return
    raw: Any = conn.connection.dbapi_connection
    raw.execute(f"PRAGMA query_only = {'ON' if read_only else 'OFF'}")
    raw.set_progress_handler(lambda: int(time.monotonic() >= deadline), 1000)
    try:
        yield
    finally:
        raw.set_progress_handler(None, 0)


def _at_connect(error: exc.DBAPIError) -> bool:
    # SQLAlchemy marks errors raised while opening a connection with no statement.
    return error.statement is None


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
