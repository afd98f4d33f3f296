"""The databases behind the proxy: one :class:`Database` per connection in the
secrets, made lazily (a proxy starts even when a database is down, and says so in the
answers) and kept for the life of the process (engines pool their connections).

Each ``run`` is synchronous, called in a worker thread, and runs exactly one
allowlisted statement with bound parameters under the proxy's ``Limits``
(:mod:`proxy._backend`, the protocol ``_sql`` and ``_snowflake`` implement).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from proxy._backend import Database
from proxy._secrets import ConnectionSettings

__all__ = ["Databases"]


class Databases:
    """The process's databases by connection name, made on first use."""

    def __init__(self, connections: Mapping[str, ConnectionSettings]) -> None:
        self._connections = dict(connections)
        self._made: dict[str, Database] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> Database:
        with self._lock:
            if name not in self._made:
                self._made[name] = _make(self._connections[name])
            return self._made[name]

    def close(self) -> None:
        with self._lock:
            for database in self._made.values():
                database.close()
            self._made.clear()


def _make(connection: ConnectionSettings) -> Database:
    if connection.kind == "snowflake":
        from proxy._snowflake import SnowflakeDatabase

        return SnowflakeDatabase(connection)
    from proxy._sql import SqlDatabase

    return SqlDatabase(connection)
