"""``st.connection``: Streamlit 1.67's factory, with the connection types from the build.

The type comes from ``type=`` (``"sql"``, ``"snowflake"``, a class or a dotted path),
else from the name (``st.connection("sql")``, ``"snowflake"``), else from the
``type`` the app's secrets.toml gives ``[connections.<name>]``, which the compiler
passes to the site (only the type: the secrets stay with the proxy). Instances are
cached per name, class and arguments through ``st.cache_resource``, as in Streamlit.
"""

from __future__ import annotations

import importlib
import os
from datetime import timedelta
from typing import Any

from runtime_wasm._caching import CacheResourceAPI
from runtime_wasm._errors import StreamlitAPIException
from runtime_wasm._sentinels import TTL_NOT_SPECIFIED
from runtime_wasm.connections._base import BaseConnection
from runtime_wasm.connections._sql import SnowflakeConnection, SQLConnection
from runtime_wasm.connections._transport import current

__all__ = ["FIRST_PARTY", "connection_factory"]

FIRST_PARTY: dict[str, type[BaseConnection[Any]]] = {
    "sql": SQLConnection,
    "snowflake": SnowflakeConnection,
}
_USE_ENV_PREFIX = "env:"
_type = type  # the builtin: st.connection's own parameter is called `type`


_cache_resource = CacheResourceAPI()


def connection_factory(
    name: str,
    type: Any = None,  # Streamlit's parameter name
    max_entries: int | None = None,
    ttl: Any = TTL_NOT_SPECIFIED,
    **kwargs: Any,
) -> Any:
    """``st.connection(name, type=None, max_entries=None, ttl=<unset>, **kwargs)``."""
    if name.startswith(_USE_ENV_PREFIX):
        name = os.environ[name.removeprefix(_USE_ENV_PREFIX)]
    connection_class = type
    if connection_class is None:
        if name in FIRST_PARTY:
            connection_class = FIRST_PARTY[name]
        else:
            connection_class = current().connections.get(name)
            if connection_class is None:
                raise StreamlitAPIException(
                    f"st.connection({name!r}) has no type: give `type=` or set `type` in "
                    f"[connections.{name}] of .streamlit/secrets.toml before building "
                    f"(connections the build saw: {sorted(current().connections) or 'none'})"
                )
    if isinstance(connection_class, str):
        connection_class = _class_named(connection_class)
    if not (isinstance(connection_class, _type) and issubclass(connection_class, BaseConnection)):
        raise StreamlitAPIException(f"{connection_class} is not a subclass of BaseConnection!")
    if ttl is TTL_NOT_SPECIFIED:
        ttl = None
    if isinstance(ttl, timedelta):
        ttl = ttl.total_seconds()

    def __create_connection(name: str, connection_class: Any, **kwargs: Any) -> Any:
        return connection_class(connection_name=name, **kwargs)

    ttl_name = str(ttl).replace(".", "_")
    __create_connection.__qualname__ = (
        f"{__create_connection.__qualname__}_{ttl_name}_{max_entries}"
    )
    cached = _cache_resource(
        max_entries=max_entries,
        show_spinner="Running `st.connection(...)`.",
        ttl=ttl,
        scope=connection_class.scope(),
        on_release=lambda connection: connection.close(),
    )(__create_connection)
    return cached(name, connection_class, **kwargs)


def _class_named(name: str) -> Any:
    if "." not in name:
        if name in FIRST_PARTY:
            return FIRST_PARTY[name]
        raise StreamlitAPIException(
            f"Invalid connection '{name}'. Supported connection classes: {FIRST_PARTY}"
        )
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)
