"""The one contract between the site, the compiler and ``stc proxy`` for SQL queries.

Declared once, here, in plain Python that the runtime (in the browser), the compiler
(which writes the allowlist) and the proxy (which enforces it) all import::

    compiler:  query(...) literal  ──query_id()──▶  stc/queries.json   (the allowlist,
                                                                        public: the SQL
                                                                        is in app.zip too)
    browser:   conn.query(sql, params=...) ──POST /v1/query {connection, query: id,
                                                             params}──▶ stc proxy
    proxy:     looks the id up in the allowlist, runs *its* text with bound parameters,
               ◀── 200 ResultSet (column-oriented JSON with dtypes) | 4xx/5xx ProxyError

``SnowflakeConnection.write_pandas(df, "table", ...)`` goes the same way: the compiler
allowlists the *target* (connection, table, database, schema and the literal options
such as ``overwrite=True``) as an :class:`AllowedWrite`; the site posts its id and the
rows to ``/v1/write``, and the proxy writes them only on a connection that allows
writes.

The browser never sends SQL text, only its id: a tampered id names no statement, and
a statement the compiler did not see cannot run. The id is the sha256 of the text as
Python evaluates it, stripped of leading and trailing whitespace (which never changes
what a statement means), so the compiler hashing a literal and the runtime hashing the
string it is handed agree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ALLOWLIST_PATH",
    "QUERY_ROUTE",
    "WIRE_VERSION",
    "WRITE_OPTIONS",
    "WRITE_ROUTE",
    "AllowedQuery",
    "AllowedWrite",
    "ProxyError",
    "QueryRequest",
    "ResultSet",
    "WriteRequest",
    "dump_allowlist",
    "load_allowlist",
    "load_writes",
    "query_id",
]

WIRE_VERSION = 1
QUERY_ROUTE = "/v1/query"  # POST, JSON body: QueryRequest
WRITE_ROUTE = "/v1/write"  # POST, JSON body: WriteRequest
# write_pandas keywords fixed at build time (literals; part of the write's id). Their
# meaning is snowflake.connector.pandas_tools.write_pandas's.
WRITE_OPTIONS = frozenset(
    {
        "auto_create_table", "create_temp_table", "overwrite", "table_type",
        "quote_identifiers", "use_logical_type", "on_error", "compression", "parallel",
    }
)  # fmt: skip
ALLOWLIST_PATH = "stc/queries.json"  # in the built site, beside app.zip


def query_id(sql: str) -> str:
    """The id of the statement *sql*: hex sha256 of its stripped UTF-8 text."""
    return hashlib.sha256(sql.strip().encode("utf-8")).hexdigest()


@dataclass(frozen=True, kw_only=True)
class AllowedQuery:
    """One statement the compiler saw: its text, the connection it is sent to, and the
    names of its bound parameters (``:kind`` → ``"kind"``; ``()`` when it takes none)."""

    sql: str
    connection: str
    params: tuple[str, ...] = ()
    where: str = ""  # "app.py:12:9", for the proxy's log and errors


Scalar = bool | int | float | str


@dataclass(frozen=True, kw_only=True)
class AllowedWrite:
    """One ``write_pandas`` target the compiler saw: the table (and database and schema
    when given) on a connection, and the options it is called with."""

    connection: str
    table: str
    database: str | None = None
    schema: str | None = None
    options: Mapping[str, Scalar] = field(default_factory=dict)
    where: str = ""

    @property
    def id(self) -> str:
        """sha256 of the target and options, as canonical JSON: ``where`` is not part."""
        target = {
            "connection": self.connection, "table": self.table, "database": self.database,
            "schema": self.schema, "options": dict(sorted(self.options.items())),
        }  # fmt: skip
        return hashlib.sha256(json.dumps(target, sort_keys=True).encode()).hexdigest()


def dump_allowlist(queries: Sequence[AllowedQuery], writes: Sequence[AllowedWrite] = ()) -> str:
    """The allowlist file's text (sorted by id: builds are deterministic)."""
    targets = {
        w.id: {"connection": w.connection, "table": w.table, "database": w.database,
               "schema": w.schema, "options": dict(sorted(w.options.items())), "where": w.where}
        for w in writes
    }  # fmt: skip
    body = {
        query_id(q.sql): {
            "sql": q.sql.strip(),
            "connection": q.connection,
            "params": list(q.params),
            "where": q.where,
        }
        for q in queries
    }
    document: dict[str, Any] = {"version": WIRE_VERSION, "queries": dict(sorted(body.items()))}
    if targets:
        document["writes"] = dict(sorted(targets.items()))
    return json.dumps(document, indent=1)


def load_allowlist(text: str) -> dict[str, AllowedQuery]:
    """Parse an allowlist file; raises ``ValueError`` when it is not one of ours."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("version") != WIRE_VERSION:
        raise ValueError(f"not an stc allowlist of version {WIRE_VERSION}")
    found: dict[str, AllowedQuery] = {}
    for key, entry in data["queries"].items():
        query = AllowedQuery(
            sql=str(entry["sql"]),
            connection=str(entry["connection"]),
            params=tuple(str(p) for p in entry.get("params", ())),
            where=str(entry.get("where", "")),
        )
        if query_id(query.sql) != key:
            raise ValueError(f"allowlist entry {key[:12]}… does not match its text")
        found[key] = query
    return found


def load_writes(text: str) -> dict[str, AllowedWrite]:
    """The ``write_pandas`` targets of an allowlist file (none in most sites)."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("version") != WIRE_VERSION:
        raise ValueError(f"not an stc allowlist of version {WIRE_VERSION}")
    found: dict[str, AllowedWrite] = {}
    for key, entry in data.get("writes", {}).items():
        write = AllowedWrite(
            connection=str(entry["connection"]),
            table=str(entry["table"]),
            database=entry.get("database"),
            schema=entry.get("schema"),
            options=dict(entry.get("options", {})),
            where=str(entry.get("where", "")),
        )
        if write.id != key:
            raise ValueError(f"allowlist write {key[:12]}… does not match its target")
        found[key] = write
    return found


@dataclass(frozen=True, kw_only=True)
class QueryRequest:
    """What the browser posts to :data:`QUERY_ROUTE`."""

    connection: str
    query: str  # query_id of the statement
    params: Mapping[str, Any] = field(default_factory=dict)
    # seconds the answer may be reused (the query's ttl): the proxy sends it back as
    # Cache-Control max-age, so a CDN in front of it can absorb read traffic
    ttl: float | None = None

    def to_json(self) -> str:
        body: dict[str, Any] = {
            "connection": self.connection,
            "query": self.query,
            "params": dict(self.params),
        }
        if self.ttl is not None:
            body["ttl"] = self.ttl
        return json.dumps(body)


@dataclass(frozen=True, kw_only=True)
class ResultSet:
    """A query's answer, column-oriented: ``data[i]`` is the column ``columns[i]``.

    ``dtypes`` are pandas dtype names (``"int64"``, ``"float64"``, ``"bool"``,
    ``"object"``, ``"datetime64[ns]"``…), so the runtime rebuilds the DataFrame the
    database would have given on a server. ``truncated`` says the proxy's row cap cut it.
    """

    columns: tuple[str, ...]
    dtypes: tuple[str, ...]
    data: tuple[tuple[Any, ...], ...]
    truncated: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "columns": list(self.columns),
                "dtypes": list(self.dtypes),
                "data": [list(column) for column in self.data],
                "truncated": self.truncated,
            },
            default=str,
        )

    @classmethod
    def from_json(cls, text: str) -> ResultSet:
        raw = json.loads(text)
        return cls(
            columns=tuple(raw["columns"]),
            dtypes=tuple(raw["dtypes"]),
            data=tuple(tuple(column) for column in raw["data"]),
            truncated=bool(raw.get("truncated", False)),
        )


@dataclass(frozen=True, kw_only=True)
class WriteRequest:
    """What the browser posts to :data:`WRITE_ROUTE`: the id of an :class:`AllowedWrite`
    and the DataFrame's rows, column-oriented as a :class:`ResultSet` carries them.
    The proxy answers ``{"success": bool, "nchunks": int, "nrows": int}``."""

    connection: str
    write: str  # AllowedWrite.id
    rows: ResultSet
    chunk_size: int | None = None

    def to_json(self) -> str:
        body = {
            "connection": self.connection,
            "write": self.write,
            "rows": json.loads(self.rows.to_json()),
            "chunk_size": self.chunk_size,
        }
        return json.dumps(body, default=str)


@dataclass(frozen=True, kw_only=True)
class ProxyError:
    """The body of every 4xx/5xx answer: ``{"error": {"code": ..., "message": ...}}``.

    Codes: ``unknown-query`` (no such id, or not for this connection), ``bad-params``
    (missing, extra or non-scalar parameters), ``bad-request`` (malformed JSON, too
    large), ``forbidden-origin``, ``rate-limited``, ``timeout`` (the statement ran past
    the proxy's limit), ``read-only`` (a write on a read-only connection),
    ``database`` (the database refused or is down; the message says which, without
    secrets), ``unknown-connection``, ``internal`` (a bug in the proxy; its log has the
    traceback, the answer has nothing more).
    """

    code: str
    message: str

    def to_json(self) -> str:
        return json.dumps({"error": {"code": self.code, "message": self.message}})

    @classmethod
    def from_json(cls, text: str) -> ProxyError:
        raw = json.loads(text)["error"]
        return cls(code=str(raw["code"]), message=str(raw["message"]))
