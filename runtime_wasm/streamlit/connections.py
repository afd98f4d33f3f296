"""``streamlit.connections``: the connection classes, as Streamlit exports them.

They live in :mod:`runtime_wasm.connections` (a subsystem of its own: the wire
contract with ``stc proxy``, the transport, the classes); this module is the name
apps import them by.
"""

from runtime_wasm.connections import BaseConnection, SnowflakeConnection, SQLConnection

ExperimentalBaseConnection = BaseConnection  # Streamlit's deprecated alias

__all__ = ["BaseConnection", "ExperimentalBaseConnection", "SQLConnection", "SnowflakeConnection"]
