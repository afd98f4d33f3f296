"""A TEST-ONLY stand-in for pandas, shipped inside one browser test's app folder.

Pyodide's pandas is a binary package that only the Pyodide CDN has, and the browser
tier runs offline. ``runtime_wasm/connections/_frame.py`` turns a proxy's answer into
a DataFrame with ``import pandas``; in tests/browser/test_connections.py this module
answers that import (an app's own module wins over a package), so the round trip
page -> worker -> stc proxy -> database -> page can run in Chromium. It implements
only what that path and the test's app use; the real pandas path is tested on
CPython (tests/unit/test_runtime_connections.py, tests/proxy/test_round_trip.py).
"""

from __future__ import annotations

from typing import Any

_CASTS = {"int64": int, "float64": float, "bool": bool, "object": lambda v: v}


class Series:
    def __init__(self, values: list[Any], dtype: str | None = None) -> None:
        self.values = list(values)
        self.dtype = dtype or _infer(self.values)

    def astype(self, dtype: str) -> Series:
        cast = _CASTS.get(dtype, lambda v: v)
        return Series([None if v is None else cast(v) for v in self.values], dtype)

    def tolist(self) -> list[Any]:
        return list(self.values)

    def __iter__(self) -> Any:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)


class DataFrame:
    def __init__(self, data: dict[str, Series], columns: Any = None) -> None:
        self._columns = dict(data)

    def __getitem__(self, name: str) -> Series:
        return self._columns[name]

    def __setitem__(self, name: str, value: Series) -> None:
        self._columns[name] = value

    def set_index(self, name: Any) -> DataFrame:
        return self


def to_datetime(series: Series) -> Series:
    return Series(series.values, "datetime64[ns]")


def _infer(values: list[Any]) -> str:
    if values and all(isinstance(v, bool) for v in values):
        return "bool"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int64"
    if values and all(isinstance(v, float) for v in values):
        return "float64"
    return "object"
