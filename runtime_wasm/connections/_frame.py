"""A proxy's :class:`ResultSet` as the pandas DataFrame Streamlit's ``query`` returns,
and a DataFrame as the rows ``write_pandas`` sends (the same column-oriented form).

pandas is not stc's runtime dependency (it loads from the Pyodide CDN for apps that
use it); it is imported only when a query's rows arrive, and the compiler adds it to
the site's packages whenever the app uses a SQL connection.
"""

from __future__ import annotations

from typing import Any

from runtime_wasm.connections._wire import ResultSet

__all__ = ["from_frame", "to_frame"]


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


def from_frame(frame: Any) -> ResultSet:
    """The rows of the DataFrame *frame*, column by column, JSON-ready: missing values
    are ``None``, times ISO text, numbers Python's (the index is not sent, as
    ``write_pandas`` does not write it)."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    columns, dtypes, data = [], [], []
    for name in frame.columns:
        series = frame[name]
        dtype = str(series.dtype)
        values = [None if _missing(pd, v) else v for v in series.tolist()]
        if dtype.startswith("datetime64"):
            values = [v.isoformat() if v is not None else None for v in values]
        columns.append(str(name))
        dtypes.append(dtype if dtype.startswith(_KEPT) else "object")
        data.append(tuple(values))
    return ResultSet(columns=tuple(columns), dtypes=tuple(dtypes), data=tuple(data))


_KEPT = ("int", "float", "bool", "datetime64")


def _missing(pd: Any, value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array in a cell is a value
        return False
