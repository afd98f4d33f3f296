"""Tables from data: the columns, index and display text ``st.dataframe`` and
``st.table`` send, so the page only draws them.

Accepted: a dict of lists (columns), a list of dicts (records), a list of lists or
tuples, a flat list (one column), a dict of scalars (one row each), DB-API cursors,
and what ``_to_pandas`` turns into a DataFrame (pandas, polars, pyarrow, numpy...).
Each cell becomes text through a *cell* function: the two elements format floats
differently, as Streamlit's do.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ...._errors import StreamlitAPIException
from ..._types import is_dbapi_cursor
from ._table_memo import Table, remembered
from ._to_pandas import as_pandas

__all__ = ["Cell", "Table", "dataframe_cell", "normalise_table", "table_cell"]

Cell = Callable[[Any], str]


def dataframe_cell(value: Any) -> str:
    """A cell of ``st.dataframe``: floats with up to four decimals, as its grid shows them."""
    if type(value) is str:
        return value
    if value is None:
        return "None"
    if isinstance(value, float) and value.is_integer() is False:
        return f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else repr(value)
    return str(value)


def table_cell(value: Any) -> str:
    """A cell of ``st.table``: floats with four decimals, ``12.2500``, as Streamlit's."""
    if isinstance(value, float) and math.isfinite(value):
        return f"{value:.4f}"
    return dataframe_cell(value)


def normalise_table(data: Any, cell: Cell = dataframe_cell) -> Table:
    """Return ``(columns, index, rows)``, each cell made text by *cell*; ``index`` is
    None for a default range index.

    A big table whose data pickles as it did last time is not converted again
    (``_table_memo``)."""
    return remembered(data, functools.partial(_normalise, cell=cell), variant=cell.__name__)


def _from_pandas(data: Any, cell: Cell) -> Table:
    if hasattr(data, "to_frame") and not hasattr(data, "columns"):  # a Series
        data = data.to_frame()
    columns = [str(c) for c in data.columns]
    index = [str(i) for i in data.index]
    rows = [[cell(v) for v in row] for row in data.itertuples(index=False, name=None)]
    return columns, index, rows


def _cursor_table(cursor: Any, cell: Cell) -> Table:
    """A DB-API cursor's rows, at most Streamlit's 10,000."""
    columns = [str(d[0]) for d in cursor.description] if cursor.description else None
    rows = [[cell(v) for v in row] for row in cursor.fetchmany(10_000)]
    width = max((len(r) for r in rows), default=0)
    return columns or [str(i) for i in range(width)], None, rows


def _normalise(data: Any, cell: Cell) -> Table:
    if data is None:
        return [], None, []
    if is_dbapi_cursor(data):
        return _cursor_table(data, cell)
    data = as_pandas(data)
    if (hasattr(data, "columns") and hasattr(data, "itertuples")) or hasattr(data, "to_frame"):
        return _from_pandas(data, cell)
    if hasattr(data, "tolist") and hasattr(data, "shape"):  # numpy arrays
        data = data.tolist()
    if isinstance(data, Mapping):
        values = list(data.values())
        if values and all(isinstance(v, Sequence) and not isinstance(v, str) for v in values):
            columns = [str(k) for k in data]
            length = max(len(v) for v in values)
            if any(len(v) != length for v in values):
                raise StreamlitAPIException("All arrays must be of the same length.")
            rows = [[cell(v[i]) for v in values] for i in range(length)]
            return columns, None, rows
        return ["value"], [str(k) for k in data], [[cell(v)] for v in values]
    if isinstance(data, Sequence) and not isinstance(data, str):
        items = list(data)
        kinds = set(map(type, items))  # a handful of types: checked once each, not per row
        if items and all(issubclass(k, Mapping) for k in kinds):
            return _records_table(items, cell)
        if items and all(issubclass(k, Sequence) and not issubclass(k, str) for k in kinds):
            width = max(len(r) for r in items)
            rows = [[cell(r[i]) if i < len(r) else "None" for i in range(width)] for r in items]
            return [str(i) for i in range(width)], None, rows
        return ["0"], None, [[cell(v)] for v in items]
    raise StreamlitAPIException(f"Unable to convert object of type `{type(data)}` to a table.")


def _records_table(records: list[Mapping[Any, Any]], cell: Cell) -> Table:
    """A list of dicts: one column per key (as text, in order of first appearance), the
    first value whose key reads as that text, ``None`` where a record lacks it.

    Linear in the cells: a 100,000-row table is converted on every rerun."""
    keys = dict.fromkeys(itertools.chain.from_iterable(records))  # every key, in order
    names = list(dict.fromkeys(str(k) for k in keys))
    if not all(type(k) is str for k in keys):
        records = list(map(_by_text, records))
    columns = [_cells([r.get(c) for r in records], cell) for c in names]
    if not columns:
        return names, None, [[] for _ in records]
    return names, None, list(map(list, zip(*columns, strict=True)))


def _cells(values: list[Any], cell: Cell) -> list[str]:
    """``[cell(v) for v in values]``, a column at a time: *cell* is ``str`` for
    everything but floats, so a column without floats is one ``map(str, ...)`` in C (a
    100,000-row table is converted on every rerun: per-cell calls were most of it)."""
    if not any(issubclass(kind, float) for kind in set(map(type, values))):
        return list(map(str, values))
    return list(map(cell, values))


def _by_text(record: Mapping[Any, Any]) -> dict[str, Any]:
    by_text: dict[str, Any] = {}
    for key, value in record.items():
        by_text.setdefault(str(key), value)
    return by_text
