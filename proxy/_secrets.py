"""Read ``[connections.<name>]`` tables from a Streamlit ``secrets.toml``, the way
Streamlit 1.67 reads them, into the proxy's :class:`ConnectionSettings`.

A SQL connection is built like ``SQLConnection._connect``: ``url`` goes to
``sqlalchemy.engine.make_url``; otherwise ``dialect`` (+ ``driver``), ``username`` and
``host`` are required and, with ``password``/``port``/``database``/``query``, go to
``URL.create``; ``create_engine_kwargs`` goes to ``create_engine``. A Snowflake
connection (``type = "snowflake"``, or the table named ``snowflake``) passes the whole
table to ``snowflake.connector.connect`` as ``SnowflakeConnection._connect`` does.

One key is the proxy's own and is removed before the table reaches a driver:
``allow_writes = true`` lets that connection commit (``write_pandas`` needs it);
every other connection runs in a read-only transaction that is rolled back.

A file database named by a relative path (``url = "sqlite:///pets.db"``, DuckDB
alike) is found from the app's folder (the one holding ``.streamlit/``), not from
wherever the proxy or the build happens to start: Streamlit resolves it from its
working directory, which is the app's folder when users run ``streamlit run``. A file
that is not there is an error, since SQLite would otherwise create an empty one.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from proxy._errors import ProxyConfigError

__all__ = [
    "ConnectionSettings",
    "app_folder",
    "dotted",
    "read_connections",
    "read_toml",
    "secret_values",
]

_SQL_URL_PARTS = frozenset(
    ("url", "driver", "dialect", "username", "password", "host", "port", "database", "query")
)
_REQUIRED = ("dialect", "username", "host")


@dataclass(frozen=True, kw_only=True)
class ConnectionSettings:
    """One connection the proxy may use. ``options`` hold secrets: never shown."""

    name: str
    kind: Literal["sql", "snowflake"]
    options: Mapping[str, Any] = field(repr=False)
    allow_writes: bool = False


def read_connections(path: Path) -> dict[str, ConnectionSettings]:
    """Every SQL or Snowflake connection in the secrets file *path*.

    Tables of other types (a custom ``BaseConnection`` class) are skipped: they run in
    the browser, not through the proxy.
    """
    tables = read_toml(path).get("connections", {})
    if not isinstance(tables, dict):
        raise ProxyConfigError(f"{path}: [connections] must be a table of tables")
    found: dict[str, ConnectionSettings] = {}
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise ProxyConfigError(f"{path}: connections.{name} must be a table")
        options = dict(table)
        kind = options.pop("type", "snowflake" if name == "snowflake" else "sql")
        allow_writes = options.pop("allow_writes", False)
        if not isinstance(allow_writes, bool):
            raise ProxyConfigError(f"{path}: connections.{name}.allow_writes must be true/false")
        if kind not in ("sql", "snowflake"):
            continue
        if kind == "sql":
            _check_sql(path, name, options)
            options = _anchor_file_database(path, name, options)
        found[name] = ConnectionSettings(
            name=name, kind=kind, options=options, allow_writes=allow_writes
        )
    return found


def read_toml(path: Path) -> dict[str, Any]:
    """The secrets file *path*, parsed; raises :class:`ProxyConfigError`."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        # TOMLDecodeError names a line and column, never a value.
        raise ProxyConfigError(f"cannot read secrets file {path}: {error}") from None


def app_folder(secrets: Path) -> Path:
    """The app's folder for the secrets file *secrets*: the one holding ``.streamlit/``
    when the file is ``.streamlit/secrets.toml``, else the file's own folder."""
    return secrets.parent.parent if secrets.parent.name == ".streamlit" else secrets.parent


def dotted(table: Mapping[str, Any], name: str) -> Any:
    """``table[name]``, else the nested key a dotted *name* spells (as ``st.secrets``
    nests tables); ``None`` when there is none."""
    if name in table:
        return table[name]
    node: Any = table
    for part in name.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _check_sql(path: Path, name: str, options: Mapping[str, Any]) -> None:
    if "url" in options:
        return
    if not any(key in options for key in _SQL_URL_PARTS):
        raise ProxyConfigError(f"{path}: connections.{name} has neither url nor dialect/host")
    for key in _REQUIRED:
        if key not in options:
            raise ProxyConfigError(
                f"{path}: connections.{name} needs {key!r} (or a url), as in Streamlit"
            )


_FILE_DIALECTS = ("sqlite", "duckdb")


def _anchor_file_database(path: Path, name: str, options: dict[str, Any]) -> dict[str, Any]:
    """*options* with a relative file database made absolute from the app's folder."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    folder = app_folder(path)
    if "url" in options:
        try:
            url = make_url(str(options["url"]))
        except ArgumentError:
            return options  # the database layer says what is wrong with it, scrubbed
        dialect, database = url.get_backend_name(), url.database
    else:
        dialect, database = str(options.get("dialect", "")), options.get("database")
    if dialect not in _FILE_DIALECTS or not isinstance(database, str):
        return options
    if database in ("", ":memory:") or database.startswith("file:"):
        return options  # in memory, or an SQLite URI filename the user spelled out
    file = (folder / database).resolve()
    if not file.is_file():
        raise ProxyConfigError(
            f"{path}: connections.{name} names the database file {database!r}, and "
            f"{file} does not exist (a relative path starts at the app's folder, {folder})"
        )
    if "url" in options:
        return {**options, "url": url.set(database=str(file)).render_as_string(False)}
    return {**options, "database": str(file)}


def secret_values(connections: Mapping[str, ConnectionSettings]) -> frozenset[str]:
    """The values of secret-looking keys (``password``, ``url``, ``private_key``,
    ``token``…) at any depth, and where the database is and who logs in (``host``,
    ``user``…, and a URL's password, host and user name): error messages are scrubbed
    of them before they leave the proxy, since a driver's message often names them."""
    found: set[str] = set()

    def walk(key: str, value: Any) -> None:
        if isinstance(value, Mapping):
            for inner_key, inner in value.items():
                walk(str(inner_key), inner)
        elif isinstance(value, str) and any(part in key.lower() for part in _SECRET_KEYS):
            found.add(value)
            if key == "url":
                found.update(_url_parts(value))

    for connection in connections.values():
        walk("", connection.options)
    return frozenset(value for value in found if len(value) >= 3)


_SECRET_KEYS = (
    "password", "passcode", "secret", "token", "key", "url", "credential", "host", "user",
    "account",
)  # fmt: skip


def _url_parts(url: str) -> list[str]:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return []
    return [str(part) for part in (parsed.password, parsed.host, parsed.username) if part]
