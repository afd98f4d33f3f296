"""Chart data without pandas: any ``st.*_chart`` input as named columns of JSON values.

Streamlit converts everything to a pandas DataFrame first; in the browser pandas is a
multi-megabyte download an app may not need, so charts read a dict of lists, a list
of dicts, a list of lists, a flat list, numpy arrays and pandas objects alike into a
:class:`Frame`, and infer each column's Vega-Lite type the way Streamlit's
``_infer_vegalite_type`` does (from ``pandas.api.types.infer_dtype``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ...._errors import StreamlitAPIException

__all__ = ["Frame", "VegaType", "jsonable", "to_frame"]

VegaType = Literal["quantitative", "nominal", "ordinal", "temporal"]


@dataclass
class Frame:
    """Columns in order, their JSON-ready values, and each column's Vega-Lite type."""

    columns: dict[str, list[Any]] = field(default_factory=dict)
    types: dict[str, VegaType] = field(default_factory=dict)
    integer: set[str] = field(default_factory=set)  # all-int columns (axis tickMinStep)
    dates: set[str] = field(default_factory=set)  # columns of dates/datetimes
    index: list[Any] | None = None  # None: a default range index
    index_name: str | None = None
    index_type: VegaType = "quantitative"

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()), self.index or []))

    def add(self, name: str, raw: Sequence[Any], ordered: bool = False) -> None:
        self.columns[name] = [jsonable(v) for v in raw]
        self.types[name] = "ordinal" if ordered else infer_type(raw)
        if _all_int(raw):
            self.integer.add(name)
        if _first(raw, (dt.date, dt.datetime)) or _is_timestamp(_first_value(raw)):
            self.dates.add(name)

    def records(self, names: Sequence[str]) -> list[dict[str, Any]]:
        cols = [self.columns[n] for n in names]
        return [dict(zip(names, row, strict=True)) for row in zip(*cols, strict=True)]


def jsonable(value: Any) -> Any:
    """A value JSON can carry: NaN/inf become None, dates ISO text, numpy scalars Python."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if _is_timestamp(value):
        return None if value != value else value.isoformat()  # NaT != NaT
    if hasattr(value, "dtype") and hasattr(value, "tolist"):  # numpy scalars and arrays
        return jsonable(value.tolist())
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return str(value)


def infer_type(values: Sequence[Any]) -> VegaType:
    """``quantitative`` for numbers, ``temporal`` for dates and times, else ``nominal``."""
    seen = [v for v in values if v is not None and not (isinstance(v, float) and v != v)]
    if not seen:
        return "nominal"  # infer_dtype says "empty" (or "floating" for all-NaN)
    if all(_is_number(v) for v in seen):
        return "quantitative"
    if any(_is_number(v) and isinstance(v, int) for v in seen) and not any(
        isinstance(v, float) for v in seen
    ):
        return "quantitative"  # "mixed-integer"
    if all(isinstance(v, (dt.date, dt.time, dt.timedelta)) or _is_timestamp(v) for v in seen):
        return "temporal"
    return "nominal"


def to_frame(data: Any) -> Frame:
    """Read *data* (see the module docstring) into a :class:`Frame`."""
    frame = Frame()
    if data is None:
        return frame
    if hasattr(data, "to_frame") and not hasattr(data, "columns"):  # a pandas Series
        data = data.to_frame()
    if hasattr(data, "columns") and hasattr(data, "dtypes"):  # a pandas DataFrame
        return _from_pandas(data)
    if hasattr(data, "tolist") and hasattr(data, "shape"):  # numpy arrays
        data = data.tolist()
    if isinstance(data, Mapping):
        values = list(data.values())
        if values and all(_is_column(v) for v in values):
            lengths = {len(v) for v in values}
            if len(lengths) > 1:
                raise StreamlitAPIException("All arrays must be of the same length.")
            for key, column in data.items():
                frame.add(str(key), list(column))
            return frame
        frame.add("value", values)
        frame.index, frame.index_type = [jsonable(k) for k in data], infer_type(list(data))
        return frame
    if isinstance(data, Sequence) and not isinstance(data, str):
        items = list(data)
        if items and all(isinstance(r, Mapping) for r in items):
            names: list[Any] = []
            for record in items:
                names.extend(k for k in record if k not in names)
            for name in names:
                frame.add(str(name), [r.get(name) for r in items])
            return frame
        if items and all(_is_column(r) for r in items):
            width = max(len(r) for r in items)
            for i in range(width):
                frame.add(str(i), [r[i] if i < len(r) else None for r in items])
            return frame
        frame.add("0", items)
        return frame
    raise StreamlitAPIException(f"Unable to convert object of type `{type(data)}` to a chart.")


def _from_pandas(df: Any) -> Frame:
    frame = Frame()
    for i, name in enumerate(df.columns):
        series = df.iloc[:, i]
        ordered = (
            bool(getattr(getattr(series, "cat", None), "ordered", False))
            if (str(series.dtype) == "category")
            else False
        )
        frame.add(str(name), series.tolist(), ordered=ordered)
    index = df.index
    is_range = type(index).__name__ == "RangeIndex" and index.start == 0 and index.step == 1
    if not is_range or index.name is not None:
        raw = index.tolist()
        frame.index = [jsonable(v) for v in raw]
        frame.index_type = infer_type(raw)
    frame.index_name = None if index.name is None else str(index.name)
    return frame


def _is_column(value: Any) -> bool:
    return (isinstance(value, Sequence) and not isinstance(value, (str, bytes))) or (
        hasattr(value, "tolist") and hasattr(value, "shape")
    )


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    kind = getattr(getattr(value, "dtype", None), "kind", "")
    return kind in ("i", "u", "f", "c")


def _is_timestamp(value: Any) -> bool:
    return type(value).__name__ in ("Timestamp", "NaTType", "Timedelta", "Period", "datetime64")


def _first_value(values: Sequence[Any]) -> Any:
    return values[0] if len(values) else None


def _first(values: Sequence[Any], types: tuple[type, ...]) -> bool:
    return bool(len(values)) and isinstance(values[0], types)


def _all_int(values: Sequence[Any]) -> bool:
    seen = [v for v in values if v is not None]
    return bool(seen) and all(
        (isinstance(v, int) and not isinstance(v, bool))
        or getattr(getattr(v, "dtype", None), "kind", "") in ("i", "u")
        for v in seen
    )
