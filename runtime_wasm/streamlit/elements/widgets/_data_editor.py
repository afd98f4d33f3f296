"""``st.data_editor``: an editable table whose edits round-trip to Python.

The widget's value is Streamlit's editing state, ``{"edited_rows": {row: {column:
value}}, "added_rows": [{column: value}], "deleted_rows": [row]}`` (row = position
in the input data), which is also what ``st.session_state[key]`` shows. The page
gets the original cells plus that state and sends the whole state back after each
edit; Python applies it to a copy of the input and returns the edited data in the
input's type: a pandas DataFrame for a DataFrame, a dict of lists for a dict of
lists, a list of dicts for a list of dicts, a list for a flat list.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from ...._errors import StreamlitAPIException, StreamlitValueError
from ..._base import DGBase
from ..._widget import Key, widget

__all__ = ["DataEditorMixin", "column_props"]

_Table = tuple[str, list[str], list[Any], list[list[Any]]]  # shape, columns, index, rows


def _table(data: Any) -> _Table:
    if hasattr(data, "columns") and hasattr(data, "itertuples"):
        rows = [list(r) for r in data.itertuples(index=False, name=None)]
        return "pandas", [str(c) for c in data.columns], list(data.index), rows
    if isinstance(data, Mapping):
        columns = [str(k) for k in data]
        values = [list(v) for v in data.values()]
        length = max((len(v) for v in values), default=0)
        rows = [[v[i] if i < len(v) else None for v in values] for i in range(length)]
        return "columns", columns, list(range(length)), rows
    if isinstance(data, Sequence) and not isinstance(data, str):
        items = list(data)
        if items and all(isinstance(r, Mapping) for r in items):
            columns = []
            for record in items:
                columns.extend(str(k) for k in record if str(k) not in columns)
            rows = [[r.get(c) for c in columns] for r in items]
            return "records", columns, list(range(len(items))), rows
        return "list", ["value"], list(range(len(items))), [[v] for v in items]
    raise StreamlitAPIException(f"The data type ({type(data).__name__}) is not supported.")


def _is_array(value: Any) -> bool:
    """A NumPy array, as pandas holds a list cell read from Parquet or Arrow."""
    return type(value).__module__.split(".")[0] == "numpy" and getattr(value, "ndim", 0) > 0


def _present(value: Any) -> bool:
    """Not None nor NaN (nor NaT, nor pd.NA); an array is a value, whatever ``==``
    says of it."""
    if value is None:
        return False
    if _is_array(value):
        return True
    try:
        return bool(value == value)
    except (TypeError, ValueError):  # pd.NA == pd.NA is NA, which has no truth value
        return False


def _kind(values: list[Any]) -> str:
    present = [v for v in values if _present(v)]
    if present and all(isinstance(v, bool) for v in present):
        return "checkbox"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "number"
    if present and all(isinstance(v, datetime) for v in present):
        return "datetime"
    if present and all(isinstance(v, date) for v in present):
        return "date"
    if present and all(isinstance(v, list | tuple) or _is_array(v) for v in present):
        return "list"
    return "text"


def _numeric(values: list[Any]) -> str:
    return "int" if all(isinstance(v, int) for v in values if v is not None) else "float"


def _cell(value: Any) -> Any:
    """A cell as JSON for the page."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_cell(v) for v in value]
    if hasattr(value, "tolist"):  # a NumPy scalar or array: Python values
        return _cell(value.tolist())
    return str(value)


def column_props(
    columns: list[str],
    rows: list[list[Any]],
    column_config: Mapping[Any, Any] | None,
    column_order: Iterable[str] | None,
) -> list[dict[str, Any]]:
    """Each column's display and editing settings for the page, in display order."""
    config = {str(k): v for k, v in (column_config or {}).items()}
    out: list[dict[str, Any]] = []
    order = [str(c) for c in column_order] if column_order is not None else None
    for i, name in enumerate(columns):
        values = [r[i] for r in rows]
        raw = config.get(name, {})
        if isinstance(raw, str):
            raw = {"label": raw}
        type_config = dict((raw or {}).get("type_config") or {})
        kind = type_config.pop("type", None) or _kind(values)
        out.append(
            {
                "name": name,
                "label": (raw or {}).get("label") or name,
                "hidden": raw is None or (order is not None and name not in order),
                "type": kind,
                "numeric": _numeric(values) if kind == "number" else None,
                "disabled": bool((raw or {}).get("disabled")),
                "help": (raw or {}).get("help"),
                **type_config,
            }
        )
    if order is not None:
        out.sort(key=lambda c: order.index(c["name"]) if c["name"] in order else len(order))
    return out


def _from_page(value: Any, column: dict[str, Any]) -> Any:
    """A value the page sent, as the column's Python type."""
    if value is None or value == "":
        return None
    kind = column["type"]
    if kind == "number":
        number = float(value)
        return int(number) if column.get("numeric") == "int" and number.is_integer() else number
    if kind == "checkbox":
        return bool(value)
    if kind == "date":
        return date.fromisoformat(str(value)[:10])
    if kind == "datetime":
        return datetime.fromisoformat(str(value))
    if kind == "selectbox":
        for option in column.get("options") or []:
            plain = option["value"] if isinstance(option, dict) else option
            if _cell(plain) == value:
                return plain
    return value


def _with_rows(frame: Any, added: list[list[Any]]) -> Any:
    """*frame* with the *added* rows, as Streamlit adds them: each at the next label of
    a range or integer index (after deletions: above the highest label left), set
    through ``.loc`` so that columns keep their dtype where the value fits (a missing
    number is NaN in a float column, as in Streamlit, not None in an object one)."""
    import warnings

    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    index = frame.index
    if isinstance(index, pd.RangeIndex):
        label, step = index.stop, index.step
    elif pd.api.types.is_integer_dtype(index.dtype):
        label, step = (0 if index.empty else int(index.max()) + 1), 1
    else:  # Streamlit's page names the new row's label; stc's sends none: append
        extra = pd.DataFrame(added, columns=frame.columns)
        return pd.concat([frame, extra])
    with warnings.catch_warnings():  # pandas 2.1-2.x, on all-NA entries: not actionable
        warnings.filterwarnings("ignore", "The behavior of DataFrame concatenation", FutureWarning)
        for row in added:
            frame.loc[label] = dict(zip(frame.columns, row, strict=True))
            label += step
    return frame


def _empty_state() -> dict[str, Any]:
    return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def _apply(
    shape: str,
    data: Any,
    columns: list[str],
    rows: list[list[Any]],
    state: dict[str, Any],
    by_name: dict[str, dict[str, Any]],
) -> Any:

    def convert(name: str, value: Any) -> Any:
        return _from_page(value, by_name[name]) if name in by_name else value

    edited = [list(r) for r in rows]
    for row, changes in state["edited_rows"].items():
        if 0 <= int(row) < len(edited):
            for name, value in changes.items():
                if name in columns:
                    edited[int(row)][columns.index(name)] = convert(name, value)
    added = [[convert(c, a.get(c)) for c in columns] for a in state["added_rows"]]
    deleted = {int(r) for r in state["deleted_rows"]}
    kept = [i for i in range(len(edited)) if i not in deleted]
    if shape == "pandas":
        frame = data.copy()
        for i in range(len(edited)):
            for j in range(len(columns)):
                if edited[i][j] is not rows[i][j] and edited[i][j] != rows[i][j]:
                    frame.iloc[i, j] = edited[i][j]
        frame = frame.iloc[kept].copy()
        return _with_rows(frame, added) if added else frame
    final = [edited[i] for i in kept] + added
    if shape == "columns":
        return {k: [r[j] for r in final] for j, k in enumerate(data)}
    if shape == "records":
        return [dict(zip(columns, r, strict=True)) for r in final]
    return [r[0] for r in final]


class DataEditorMixin(DGBase):
    def data_editor(
        self,
        data: Any,
        *,
        width: Any = "stretch",
        height: Any = "auto",
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: Mapping[Any, Any] | None = None,
        num_rows: str = "fixed",
        disabled: bool | Iterable[str | int] = False,
        key: Key | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        alt: str | None = None,
    ) -> Any:
        if num_rows not in ("fixed", "dynamic", "add", "delete"):
            raise StreamlitValueError("num_rows", ["'fixed'", "'dynamic'", "'add'", "'delete'"])
        shape, columns, index, rows = _table(data)
        cols = column_props(columns, rows, column_config, column_order)
        if disabled is not True and disabled is not False:
            locked = {str(c) for c in disabled}
            for c in cols:
                c["disabled"] = c["disabled"] or c["name"] in locked
        by_name = {c["name"]: c for c in cols}
        position = {name: i for i, name in enumerate(columns)}

        def deserialize(raw: Any) -> dict[str, Any]:
            state = json.loads(raw) if isinstance(raw, str) else dict(raw or {})
            for name, default in _empty_state().items():
                state.setdefault(name, default)
            state["edited_rows"] = {int(k): v for k, v in state["edited_rows"].items()}
            return state

        def serialize(state: Any) -> dict[str, Any]:
            state = state or _empty_state()
            return {
                "edited_rows": {
                    str(k): {c: _cell(v) for c, v in ch.items()}
                    for k, ch in state.get("edited_rows", {}).items()
                },
                "added_rows": [
                    {c: _cell(v) for c, v in r.items()} for r in state.get("added_rows", [])
                ],
                "deleted_rows": list(state.get("deleted_rows", [])),
            }

        state = widget(
            self,
            "data_editor",
            key=key,
            shared={"num_rows": num_rows},
            identity={"columns": columns, "rows": len(rows)},
            default=_empty_state(),
            serialize=serialize,
            deserialize=deserialize,
            coerce=lambda v: deserialize(serialize(v)),
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "columns": cols,
                "index": [_cell(i) for i in index] if shape == "pandas" else None,
                "rows": [[_cell(r[position[c["name"]]]) for c in cols] for r in rows],
                "hide_index": bool(hide_index) or shape != "pandas",
                "disabled": disabled is True,
                "height": height if isinstance(height, int) else None,
            },
        )
        return _apply(shape, data, columns, rows, state, by_name)
