"""Rows from a driver into the contract's column-oriented, typed :class:`ResultSet`.

The dtype names are pandas' (what ``pandas.read_sql`` would give on a server), derived
from the Python values the driver returned, so the proxy does not import pandas:
integers → ``int64`` (``float64`` when a NULL is among them, as pandas does), floats
and ``Decimal`` → ``float64`` (``read_sql``'s ``coerce_float``), booleans → ``bool``
(``object`` with NULLs), naive datetimes → ``datetime64[ns]``, aware ones →
``datetime64[ns, UTC]`` (sent in UTC), anything else or a mix → ``object``.
Values become JSON: dates and times in ISO 8601, NaN and infinities as null (JSON has
neither), bytes as hex, anything else as ``str``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from runtime_wasm.connections import ResultSet

__all__ = ["result_set"]


def result_set(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], *, truncated: bool
) -> ResultSet:
    """The :class:`ResultSet` of *rows* (tuples, in *columns* order)."""
    data = [[row[i] for row in rows] for i in range(len(columns))]
    dtypes = tuple(_dtype(column) for column in data)
    return ResultSet(
        columns=tuple(columns),
        dtypes=dtypes,
        data=tuple(
            tuple(_json_value(v, dtype) for v in column)
            for column, dtype in zip(data, dtypes, strict=True)
        ),
        truncated=truncated,
    )


def _dtype(values: Sequence[Any]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "object"
    kinds = {_kind(v) for v in present}
    if len(kinds) != 1:
        return "float64" if kinds <= {"int", "float"} else "object"
    kind = kinds.pop()
    nulls = len(present) != len(values)
    if kind == "int":
        return "float64" if nulls else "int64"
    if kind == "bool":
        return "object" if nulls else "bool"
    return {
        "float": "float64",
        "datetime": "datetime64[ns]",
        "datetime-tz": "datetime64[ns, UTC]",
    }.get(kind, "object")


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float | Decimal):
        return "float"
    if isinstance(value, dt.datetime):
        return "datetime" if value.tzinfo is None else "datetime-tz"
    return type(value).__name__


def _json_value(value: Any, dtype: str) -> Any:
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return float(value) if dtype == "float64" else value
    if isinstance(value, float | Decimal):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return str(value)
