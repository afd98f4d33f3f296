"""Data: ``st.table``, ``st.dataframe``, ``st.json`` and ``st.metric``.

Data is normalised in Python into columns, an index and rows of display strings, so
the page only draws a table. Accepted: a dict of lists (columns), a list of dicts
(records), a list of lists or tuples, a flat list (one column), a dict of scalars
(one row each), and objects with pandas' ``to_dict`` interface (DataFrame, Series).
With ``on_select`` a dataframe is a widget whose value is its selection
(``lib/_dataframe_selection``). ``st.json`` sends the value as indented JSON text;
``st.metric`` a value and a delta as text, as Streamlit does.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json as _json
import textwrap
from collections import ChainMap, UserDict
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..._errors import StreamlitAPIException, StreamlitIncompatibleParametersError
from ..._tree import Element
from .._base import DGBase
from .._types import (
    has_callable_attr,
    is_custom_dict,
    is_dbapi_cursor,
    is_list_like,
    is_namedtuple,
    is_pydantic_model,
    is_sequence_of_pydantic_models,
)
from .._widget_state import check_on_select
from .lib._dataframe_selection import (
    ROW_MODES,
    DataframeState,
    normalize_selection_mode,
    selectable_dataframe,
)
from .lib._table_memo import remembered
from .lib._to_pandas import as_pandas

if TYPE_CHECKING:
    from .._dg import DeltaGenerator

__all__ = ["DataMixin", "normalise_table"]

Table = tuple[list[str], list[str] | None, list[list[str]]]


def _cell(value: Any) -> str:
    if type(value) is str:
        return value
    if value is None:
        return "None"
    if isinstance(value, float) and value.is_integer() is False:
        return f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else repr(value)
    return str(value)


def _from_pandas(data: Any) -> Table:
    if hasattr(data, "to_frame") and not hasattr(data, "columns"):  # a Series
        data = data.to_frame()
    columns = [str(c) for c in data.columns]
    index = [str(i) for i in data.index]
    rows = [[_cell(v) for v in row] for row in data.itertuples(index=False, name=None)]
    return columns, index, rows


def _cursor_table(cursor: Any) -> Table:
    """A DB-API cursor's rows, at most Streamlit's 10,000."""
    columns = [str(d[0]) for d in cursor.description] if cursor.description else None
    rows = [[_cell(v) for v in row] for row in cursor.fetchmany(10_000)]
    width = max((len(r) for r in rows), default=0)
    return columns or [str(i) for i in range(width)], None, rows


def normalise_table(data: Any) -> Table:
    """Return ``(columns, index, rows)``; ``index`` is None for a default range index.

    A big table whose data pickles as it did last time is not converted again
    (``lib/_table_memo``)."""
    return remembered(data, _normalise)


def _normalise(data: Any) -> Table:
    if data is None:
        return [], None, []
    if is_dbapi_cursor(data):
        return _cursor_table(data)
    data = as_pandas(data)
    if (hasattr(data, "columns") and hasattr(data, "itertuples")) or hasattr(data, "to_frame"):
        return _from_pandas(data)
    if hasattr(data, "tolist") and hasattr(data, "shape"):  # numpy arrays
        data = data.tolist()
    if isinstance(data, Mapping):
        values = list(data.values())
        if values and all(isinstance(v, Sequence) and not isinstance(v, str) for v in values):
            columns = [str(k) for k in data]
            length = max(len(v) for v in values)
            if any(len(v) != length for v in values):
                raise StreamlitAPIException("All arrays must be of the same length.")
            rows = [[_cell(v[i]) for v in values] for i in range(length)]
            return columns, None, rows
        return ["value"], [str(k) for k in data], [[_cell(v)] for v in values]
    if isinstance(data, Sequence) and not isinstance(data, str):
        items = list(data)
        kinds = set(map(type, items))  # a handful of types: checked once each, not per row
        if items and all(issubclass(k, Mapping) for k in kinds):
            return _records_table(items)
        if items and all(issubclass(k, Sequence) and not issubclass(k, str) for k in kinds):
            width = max(len(r) for r in items)
            rows = [[_cell(r[i]) if i < len(r) else "None" for i in range(width)] for r in items]
            return [str(i) for i in range(width)], None, rows
        return ["0"], None, [[_cell(v)] for v in items]
    raise StreamlitAPIException(f"Unable to convert object of type `{type(data)}` to a table.")


def _records_table(records: list[Mapping[Any, Any]]) -> Table:
    """A list of dicts: one column per key (as text, in order of first appearance), the
    first value whose key reads as that text, ``None`` where a record lacks it.

    Linear in the cells: a 100,000-row table is converted on every rerun."""
    keys = dict.fromkeys(itertools.chain.from_iterable(records))  # every key, in order
    names = list(dict.fromkeys(str(k) for k in keys))
    if not all(type(k) is str for k in keys):
        records = list(map(_by_text, records))
    columns = [_cells([r.get(c) for r in records]) for c in names]
    if not columns:
        return names, None, [[] for _ in records]
    return names, None, list(map(list, zip(*columns, strict=True)))


def _cells(values: list[Any]) -> list[str]:
    """``[_cell(v) for v in values]``, a column at a time: ``_cell`` is ``str`` for
    everything but floats, so a column without floats is one ``map(str, ...)`` in C (a
    100,000-row table is converted on every rerun: per-cell calls were most of it)."""
    if not any(issubclass(kind, float) for kind in set(map(type, values))):
        return list(map(str, values))
    return list(map(_cell, values))


def _by_text(record: Mapping[Any, Any]) -> dict[str, Any]:
    by_text: dict[str, Any] = {}
    for key, value in record.items():
        by_text.setdefault(str(key), value)
    return by_text


def _json_value(body: Any) -> Any:
    """What of ``body`` ``st.json`` shows, as Streamlit's: its own mappings, namedtuples,
    Pydantic models and mapping views as dicts, every list-like as a list."""
    if is_custom_dict(body):
        body = body.to_dict()
    if is_namedtuple(body):
        body = body._asdict()
    if isinstance(body, ChainMap | MappingProxyType | UserDict) or is_pydantic_model(body):
        body = dict(body)
    if is_list_like(body):
        if is_sequence_of_pydantic_models(body):
            try:
                body = [_pydantic_dump(item) for item in body]
            except AttributeError:  # not all of them models
                body = list(body)
        else:
            body = list(body)
    return body


def _pydantic_dump(model: Any) -> Any:
    if has_callable_attr(model, "model_dump"):
        return model.model_dump(mode="json")
    return model.dict()  # Pydantic 1


def _json_default(obj: Any) -> Any:
    """Sets as lists, anything else JSON cannot say as its ``repr``."""
    return list(obj) if isinstance(obj, set) else repr(obj)


def _metric_text(value: Any, name: str) -> str:
    if value is None:
        return "—" if name == "value" else ""
    if isinstance(value, str):
        return textwrap.dedent(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if hasattr(value, "item"):  # numpy scalars
        return str(value.item())
    raise StreamlitAPIException(
        f"'{value}' is of type {type(value)}, which is not an accepted type. {name} only "
        "accepts: int, float, str, or None. Please convert the value to an accepted type."
    )


class DataMixin(DGBase):
    def table(
        self,
        data: Any = None,
        *,
        border: bool | str = True,
        width: Any = "stretch",
        height: Any = "content",
        hide_index: bool | None = None,
        hide_header: bool | None = None,
        alt: str | None = None,
    ) -> DeltaGenerator:
        columns, index, rows = normalise_table(data)
        return self._enqueue(
            Element(
                "table",
                {
                    "columns": columns,
                    "index": index,
                    "rows": rows,
                    "border": border,
                    "hide_index": hide_index,
                    "hide_header": hide_header,
                },
            )
        )

    def dataframe(
        self,
        data: Any = None,
        width: Any = "stretch",
        height: Any = "auto",
        *,
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Any = None,
        column_config: Any = None,
        key: Any = None,
        on_select: Any = "ignore",
        selection_mode: Any = "multi-row",
        selection_default: Any = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        lazy: bool | None = None,
        alt: str | None = None,
    ) -> DeltaGenerator | DataframeState:
        on_select_callback = check_on_select(on_select)
        selectable = on_select != "ignore"
        if selection_default is not None and not selectable:
            raise StreamlitIncompatibleParametersError(
                "selection_default",
                "on_select='ignore'",
                explanation=(
                    "Set `on_select` to `'rerun'` or a callback to use `selection_default`."
                ),
            )
        modes = normalize_selection_mode(selection_mode) if selectable else set()
        all_columns, index, all_rows = normalise_table(data)
        columns, rows = all_columns, all_rows
        if column_order is not None:
            order = [str(c) for c in column_order]
            picks = [columns.index(c) for c in order if c in columns]
            columns = [columns[i] for i in picks]
            rows = [[row[i] for i in picks] for row in rows]
        # Streamlit hides a range index when rows are selectable (the selection column
        # takes its place); an index equal to the positions is taken for one.
        positional = index is None or index == [str(i) for i in range(len(rows))]
        if hide_index is None and modes & ROW_MODES and positional:
            hide_index = True
        props = {
            "columns": columns,
            "index": index,
            "rows": rows,
            "hide_index": hide_index,
            "height": height if isinstance(height, int) else None,
        }
        if not selectable:
            return self._enqueue(Element("dataframe", props))
        return selectable_dataframe(
            self,
            props,
            columns=all_columns,
            identity={
                "columns": all_columns,
                "index": index,
                "rows": all_rows,
                "column_order": column_order,
                "width": width,
                "height": height,
                "row_height": row_height,
                "placeholder": placeholder,
                "alt": alt,
            },
            key=key,
            on_select=on_select_callback,
            modes=modes,
            selection_default=selection_default,
        )

    def json(
        self, body: object, *, expanded: bool | int = True, width: Any = "stretch"
    ) -> DeltaGenerator:
        if isinstance(body, str):
            with contextlib.suppress(ValueError):
                body = _json.loads(body)
        body = _json_value(body)
        dump = functools.partial(_json.dumps, default=_json_default, indent=2, ensure_ascii=False)
        try:
            text = dump(body)
        except TypeError as err:  # keys JSON cannot have: left out, with Streamlit's warning
            self.warning(  # type: ignore[attr-defined]  # the status family's
                "Warning: this data structure was not fully serializable as JSON due to "
                f"one or more unexpected keys.  (Error was: {err})"
            )
            text = dump(body, skipkeys=True)
        return self._enqueue(Element("json", {"body": text, "expanded": expanded}))

    def metric(
        self,
        label: str,
        value: Any,
        delta: Any = None,
        delta_color: str = "normal",
        *,
        help: str | None = None,
        icon: str | None = None,
        label_visibility: str = "visible",
        border: bool = False,
        width: Any = "stretch",
        height: Any = "content",
        chart_data: Any = None,
        chart_type: str = "line",
        delta_arrow: str = "auto",
        format: Any = None,
        delta_description: str | None = None,
    ) -> DeltaGenerator:
        colors = (
            "normal",
            "inverse",
            "off",
            "red",
            "orange",
            "yellow",
            "green",
            "blue",
            "violet",
            "gray",
            "grey",
            "primary",
        )
        if delta_color not in colors:
            raise StreamlitAPIException(
                f"'{delta_color}' is not an accepted value. delta_color only accepts: "
                "'normal', 'inverse', or 'off'"
            )
        delta_text = _metric_text(delta, "delta")
        props = {
            "label": str(label),
            "value": _metric_text(value, "value"),
            "delta": delta_text or None,
            "delta_color": delta_color,
            "help": help,
            "label_visibility": label_visibility,
            "border": border,
            "icon": icon,
        }
        return self._enqueue(Element("metric", props))
