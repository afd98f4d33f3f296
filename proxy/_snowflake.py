"""Statements on Snowflake through snowflake-connector-python, connected with the
secrets table's keyword arguments as Streamlit's ``SnowflakeConnection._connect`` does.

Parameters are bound server-side (``paramstyle = "qmark"``, as Streamlit sets it):
``:name`` placeholders become ``?`` in order. Snowflake has no read-only transaction,
and DDL commits by itself, so a read-only connection runs only statements that read
(``select``, ``with``, ``show``, ``describe``, ``explain``, ``list``) and rolls back;
give the proxy's role only the grants it needs too. The timeout is the connector's:
it cancels the statement on the server.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Mapping
from typing import Any

from proxy._backend import Limits
from proxy._errors import QueryRefused
from proxy._results import result_set
from proxy._secrets import ConnectionSettings
from proxy._statements import to_qmark
from runtime_wasm.connections import AllowedQuery, AllowedWrite, ResultSet

__all__ = ["SnowflakeDatabase"]

_READS = re.compile(
    r"\s*(?:(?:--[^\n]*\n|/\*.*?\*/)\s*)*(select|with|show|describe|desc|explain|list)\b",
    re.I | re.S,
)
_TIMEOUT_ERRNO = 604  # "SQL execution was cancelled by the client due to a timeout"


class SnowflakeDatabase:
    """A few idle connections, reused; one per statement at a time."""

    def __init__(self, connection: ConnectionSettings) -> None:
        self._connection = connection
        self._idle: list[Any] = []
        self._lock = threading.Lock()

    def run(self, query: AllowedQuery, params: Mapping[str, Any], limits: Limits) -> ResultSet:
        import snowflake.connector

        read_only = not self._connection.allow_writes
        if read_only and not _READS.match(query.sql):
            raise QueryRefused(
                "read-only",
                f"connection {self._connection.name!r} is read-only; set allow_writes = true "
                "in its secrets table to let the proxy run statements that write",
            )
        sql, values = to_qmark(query.sql, params)
        conn = self._checkout()
        try:
            cursor = conn.cursor()
            cursor.execute(sql, values, timeout=max(1, int(limits.timeout)))
            columns = [d[0] for d in cursor.description or ()]
            rows = cursor.fetchmany(limits.max_rows + 1) if columns else []
            conn.rollback() if read_only else conn.commit()
        except snowflake.connector.Error as error:
            self._discard(conn)
            raise self._refusal(error) from None
        self._checkin(conn)
        truncated = len(rows) > limits.max_rows
        return result_set(columns, [tuple(r) for r in rows[: limits.max_rows]], truncated=truncated)

    def write(self, target: AllowedWrite, rows: ResultSet, chunk_size: int | None) -> Any:
        """``snowflake.connector.pandas_tools.write_pandas`` on a connection that allows
        writes, committed; the DataFrame is rebuilt from *rows* in their dtypes."""
        import snowflake.connector

        name = self._connection.name
        if not self._connection.allow_writes:
            raise QueryRefused(
                "read-only",
                f"connection {name!r} is read-only; set allow_writes = true in its secrets "
                "table to let the proxy write DataFrames with write_pandas",
            )
        try:
            from snowflake.connector.pandas_tools import write_pandas

            from runtime_wasm.connections._frame import to_frame

            frame = to_frame(rows)
        except ImportError as error:
            raise QueryRefused(
                "internal",
                f"write_pandas needs pandas on the proxy: pip install "
                f"'snowflake-connector-python[pandas]' ({error})",
            ) from None
        options: dict[str, Any] = dict(target.options)  # literals the compiler saw
        conn = self._checkout()
        try:
            success, nchunks, nrows, *_ = write_pandas(
                conn, frame, target.table, database=target.database, schema=target.schema,
                chunk_size=chunk_size, **options,
            )  # fmt: skip
            conn.commit()
        except snowflake.connector.Error as error:
            self._discard(conn)
            raise self._refusal(error) from None
        self._checkin(conn)
        return {"success": bool(success), "nchunks": int(nchunks), "nrows": int(nrows)}

    def _refusal(self, error: Any) -> QueryRefused:
        name = self._connection.name
        if getattr(error, "errno", None) == _TIMEOUT_ERRNO:
            return QueryRefused("timeout", "the statement ran longer than the proxy's timeout")
        text = (str(getattr(error, "msg", "") or error).strip().splitlines() or ["error"])[0]
        return QueryRefused("database", f"Snowflake ({name!r}) refused the statement: {text}")

    def _checkout(self) -> Any:
        import snowflake.connector

        with self._lock:
            if self._idle:
                return self._idle.pop()
        snowflake.connector.paramstyle = "qmark"
        try:
            conn = snowflake.connector.connect(**dict(self._connection.options))
        except snowflake.connector.Error as error:
            text = (str(getattr(error, "msg", "") or error).strip().splitlines() or ["error"])[0]
            raise QueryRefused(
                "database", f"cannot reach Snowflake for {self._connection.name!r}: {text}"
            ) from None
        conn.autocommit(False)
        return conn

    def _checkin(self, conn: Any) -> None:
        with self._lock:
            if len(self._idle) < 4:
                self._idle.append(conn)
                return
        conn.close()

    def _discard(self, conn: Any) -> None:
        # closing a broken connection may fail; it is gone either way
        with contextlib.suppress(Exception):
            conn.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            self._discard(conn)
