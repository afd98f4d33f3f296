"""What a database backend of the proxy is: the :class:`Database` protocol that
``_sql`` (SQLAlchemy) and ``_snowflake`` implement, and the :class:`Limits` every
statement runs under. Its own module so the backends and :mod:`proxy._databases`,
which makes them, do not import each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from runtime_wasm.connections import AllowedQuery, AllowedWrite, ResultSet

__all__ = ["Database", "Limits"]


@dataclass(frozen=True, kw_only=True)
class Limits:
    """What one statement may take."""

    max_rows: int
    timeout: float  # seconds


class Database(Protocol):
    """A connection the proxy runs statements on."""

    def run(self, query: AllowedQuery, params: Mapping[str, Any], limits: Limits) -> ResultSet:
        """Run *query* with *params* bound; raises ``QueryRefused``."""
        ...

    def write(self, target: AllowedWrite, rows: ResultSet, chunk_size: int | None) -> Any:
        """``write_pandas`` *rows* to *target*: ``{"success", "nchunks", "nrows"}``;
        raises ``QueryRefused`` (only Snowflake connections write DataFrames)."""
        ...

    def close(self) -> None:
        """Release pooled connections."""
        ...
