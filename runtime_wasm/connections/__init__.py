"""Connections from a static site: SQL and Snowflake through ``stc proxy``.

The browser has no sockets and every visitor can read what a site ships, so a
connection's secrets and the power to run SQL stay on the proxy the user owns; the
site sends only the id of a statement the compiler allowlisted, with its parameters.
:mod:`runtime_wasm.connections._wire` is the contract the three sides share.

Every site imports this package at boot (the bridge configures it), and most never
open a connection, so its names are imported on first use (PEP 562).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from runtime_wasm.connections._base import BaseConnection
    from runtime_wasm.connections._factory import connection_factory
    from runtime_wasm.connections._sql import SnowflakeConnection, SQLConnection
    from runtime_wasm.connections._transport import (
        ConnectionProblem,
        DataConfig,
        configure,
        set_poster,
    )
    from runtime_wasm.connections._wire import (
        ALLOWLIST_PATH,
        QUERY_ROUTE,
        WIRE_VERSION,
        WRITE_OPTIONS,
        WRITE_ROUTE,
        AllowedQuery,
        AllowedWrite,
        ProxyError,
        QueryRequest,
        ResultSet,
        WriteRequest,
        dump_allowlist,
        load_allowlist,
        load_writes,
        query_id,
    )

_WHERE = {
    "BaseConnection": "_base",
    "connection_factory": "_factory",
    "SQLConnection": "_sql",
    "SnowflakeConnection": "_sql",
    "ConnectionProblem": "_transport",
    "DataConfig": "_transport",
    "configure": "_transport",
    "set_poster": "_transport",
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_WHERE.get(name, '_wire')}")
    return getattr(module, name)


__all__ = [
    "ALLOWLIST_PATH",
    "QUERY_ROUTE",
    "WIRE_VERSION",
    "WRITE_OPTIONS",
    "WRITE_ROUTE",
    "AllowedQuery",
    "AllowedWrite",
    "BaseConnection",
    "ConnectionProblem",
    "DataConfig",
    "ProxyError",
    "QueryRequest",
    "ResultSet",
    "SQLConnection",
    "SnowflakeConnection",
    "WriteRequest",
    "configure",
    "connection_factory",
    "dump_allowlist",
    "load_allowlist",
    "load_writes",
    "query_id",
    "set_poster",
]
