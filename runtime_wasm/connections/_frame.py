"""A proxy's :class:`ResultSet` as the pandas DataFrame Streamlit's ``query`` returns.

pandas is not stc's runtime dependency (it loads from the Pyodide CDN for apps that
use it); it is imported only when a query's rows arrive, and the compiler adds it to
the site's packages whenever the app uses a SQL connection.
"""

from __future__ import annotations

from typing import Any

from runtime_wasm.connections._wire import ResultSet

__all__ = ["to_frame"]


def to_frame(result: ResultSet, index_col: str | list[str] | None = None) -> Any:
    """The DataFrame of *result*, each column in its dtype, indexed by *index_col*."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    columns = {}
    for name, dtype, values in zip(result.columns, result.dtypes, result.data, strict=True):
        series = pd.Series(list(values), dtype=None if dtype == "object" else "object")
        if dtype.startswith("datetime64"):
            series = pd.to_datetime(series)
        elif dtype != "object":
            try:
                series = series.astype(dtype)
            except (TypeError, ValueError):  # NULLs in an int column: pandas' own choice
                series = pd.Series(list(values))
        columns[name] = series
    frame = pd.DataFrame(columns, columns=list(result.columns))
    if index_col is not None:
        frame = frame.set_index(index_col)
    return frame
