"""Data: ``st.table``, ``st.dataframe``, ``st.json`` and ``st.metric``.

Data is normalised in Python into columns, an index and rows of display strings
(``lib/_tables``), so the page only draws a table. With ``on_select`` a dataframe is
a widget whose value is its selection (``lib/_dataframe_selection``). ``st.json``
sends the value as indented JSON text; ``st.metric`` a value and a delta as text, as
Streamlit does.
"""

from __future__ import annotations

import contextlib
import functools
import json as _json
import textwrap
from collections import ChainMap, UserDict
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..._errors import StreamlitAPIException, StreamlitIncompatibleParametersError
from ..._tree import Element
from .._base import DGBase
from .._types import (
    has_callable_attr,
    is_custom_dict,
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
from .lib._tables import normalise_table, table_cell

if TYPE_CHECKING:
    from .._dg import DeltaGenerator

__all__ = ["DataMixin"]


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
        columns, index, rows = normalise_table(data, table_cell)
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
