"""Vega-Lite specs for ``st.line_chart``, ``area_chart``, ``bar_chart`` and ``scatter_chart``.

A pandas-free port of Streamlit 1.67's ``lib/built_in_chart_utils.generate_chart``:
the same column choice, melting of wide data into long form (``x``, ``color``,
``value`` under Streamlit's ``" -- streamlit-generated"`` names), encodings, titles,
stacking, sorting and tooltips, written as the dict ``altair`` would produce, with the
data inline (``data.values``) instead of in named datasets. Param names are fixed so
the spec, and so the element's props, are identical across reruns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ...._errors import StreamlitAPIException
from ._chart_data import Frame, VegaType, infer_type, to_frame

__all__ = ["ChartType", "chart_spec", "to_css_color"]

ChartType = Literal["line", "area", "bar", "horizontal_bar", "scatter"]
_MARKS = {
    "line": "line",
    "area": "area",
    "bar": "bar",
    "horizontal_bar": "bar",
    "scatter": "circle",
}

_COLOR_LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
_SIZE_LEGEND = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
_SUFFIX = " -- streamlit-generated"
INDEX = "index" + _SUFFIX
VALUE = "value" + _SUFFIX
COLOR = "color" + _SUFFIX
_MISSING = "DOES_NOT_EXIST" + _SUFFIX
# Streamlit resolves these names to theme colours in its front end; stc, here.
_BUILTIN_COLORS = {
    "red": "#ff4b4b", "orange": "#ffa421", "yellow": "#ffe312", "green": "#21c354",
    "blue": "#1c83e1", "violet": "#803df5", "gray": "#a3a8b8", "grey": "#a3a8b8",
    "primary": "#ff4b4b",
}  # fmt: skip
STACKS = (None, True, False, "normalize", "center", "layered")


def chart_spec(
    chart_type: ChartType, data: Any, *, x: str | None = None, y: str | Sequence[str] | None = None,
    x_label: str | None = None, y_label: str | None = None, color: Any = None,
    size: Any = None, width: Any = None, height: Any = None, stack: Any = None,
    sort: bool | str = False,
) -> dict[str, Any]:  # fmt: skip
    """The Vega-Lite spec (data inline) Streamlit would draw for this call."""
    if stack not in STACKS:
        raise StreamlitAPIException(
            "Invalid `stack` value. Expected one of: True, False, 'normalize', 'center', "
            f"'layered', None. Got {stack!r}."
        )
    frame = to_frame(data)
    x_col = _check_column(frame, x, "x") if x is not None else None
    y_cols = _y_columns(frame, y, x_col)
    color_col, color_value = _column_or_value(frame, color)
    size_col, size_value = _column_or_value(frame, size)
    sort_col = None if isinstance(sort, bool) else _check_column(frame, sort.removeprefix("-"))
    if x_col is None and y_cols:
        x_col = frame.index_name or INDEX
        _reset_index(frame, x_col)
    if color_col is not None:
        frame.columns[color_col] = [_maybe_css(c) for c in frame.columns[color_col]]
    y_col, records, frame = _maybe_melt(frame, x_col, y_cols, color_col, size_col, sort_col)
    if y_col == VALUE:
        color_col = COLOR
    horizontal = chart_type == "horizontal_bar"
    x_enc = _axis(frame, chart_type, x_col, x, x_label, "x", INDEX)
    y_enc = _axis(frame, chart_type, y_col, y, y_label, "y", VALUE)
    if horizontal:
        x_enc = _axis(frame, chart_type, y_col, y, y_label, "x", VALUE)
        y_enc = _axis(frame, chart_type, x_col, x, x_label, "y", INDEX)
    if stack is not None:
        (x_enc if horizontal else y_enc)["stack"] = False if stack == "layered" else stack
    if chart_type in ("bar", "horizontal_bar"):
        _sort(y_enc if horizontal else x_enc, sort)
    encoding: dict[str, Any] = {"x": x_enc, "y": y_enc}
    if stack is False and color_col is not None and chart_type in ("bar", "horizontal_bar"):
        offsets: dict[str, Any] = {
            "xOffset": {},
            "yOffset": {},
        }  # altair writes the unused one empty
        offsets["yOffset" if horizontal else "xOffset"] = {"field": color_col}
        encoding.update(offsets)
    if color_col and (chart_type == "area" or stack == "layered"):
        encoding["opacity"] = {"value": 0.7}
    color_enc = _color(frame, color_value, color_col, y_cols, color)
    if color_enc is not None:
        encoding["color"] = color_enc
    if chart_type == "scatter":
        encoding["size"] = _size(frame, size_col, size_value)
    if x_col is not None and y_col is not None:
        encoding["tooltip"] = _tooltip(frame, x_col, y_col, size_col, color_col, color_enc)
    chart_w = width if isinstance(width, int) and not isinstance(width, bool) else 0
    chart_h = height if isinstance(height, int) and not isinstance(height, bool) else 0
    spec: dict[str, Any] = {"data": {"values": records}, "width": chart_w, "height": chart_h}
    zoom = {"name": "stc_zoom", "select": {"type": "interval", "encodings": ["x", "y"]}}
    base = {"mark": {"type": _MARKS[chart_type]}, "encoding": encoding}
    if chart_type == "line" and x_col is not None:
        hover = {"name": "stc_hover", "select": {
            "type": "point", "clear": "mouseleave", "fields": [x_col], "nearest": True,
            "on": "mousemove"}}  # fmt: skip
        # The hovered point shows by a conditional opacity, not by a layer filtered to
        # it: that layer's data is empty until a hover, and Vega warns "Infinite
        # extent" for its scales on every draw.
        shown = {"condition": {"param": "stc_hover", "empty": False, "value": 1}, "value": 0}
        spec["layer"] = [
            {**base, "name": "stc_line", "params": [{**zoom, "bind": "scales"}]},
            {"mark": {"type": "point", "filled": True, "size": 65},
             "encoding": {**encoding, "opacity": shown}, "name": "stc_detect",
             "params": [hover]},
        ]  # fmt: skip
        spec["config"] = {"legend": {"symbolType": "stroke"}}
        return spec
    return {**spec, **base, "params": [{**zoom, "bind": "scales"}]}


def to_css_color(value: Any) -> str:
    """``#hex`` as is, an RGB(A) tuple as ``rgb()``/``rgba()``, Streamlit's names as hex."""
    if isinstance(value, str):
        return _BUILTIN_COLORS.get(value.lower(), value)
    parts = list(value)
    if all(isinstance(p, int) for p in parts):
        rgb = parts[:3]
        alpha = parts[3] / 255 if len(parts) == 4 else None
    else:
        rgb = [round(float(p) * 255) for p in parts[:3]]
        alpha = float(parts[3]) if len(parts) == 4 else None
    if alpha is None:
        return f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"
    return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {alpha:g})"


def _is_color(value: Any) -> bool:
    if isinstance(value, str):
        text = value[1:] if value.startswith("#") else ""
        return len(text) in (3, 4, 6, 8) and all(c in "0123456789abcdefABCDEF" for c in text)
    return _is_color_tuple(value)


def _is_color_tuple(value: Any) -> bool:
    return (
        isinstance(value, (list, tuple))
        and len(value) in (3, 4)
        and all(isinstance(p, (int, float)) and not isinstance(p, bool) for p in value)
    )


def _maybe_css(value: Any) -> Any:
    return to_css_color(value) if _is_color_tuple(value) else value


def _check_column(frame: Frame, name: Any, what: str = "") -> str:
    if not isinstance(name, str):
        raise StreamlitAPIException(
            f"Invalid `{what}` type: {type(name).__name__}. Expected str or None."
        )
    if name not in frame.columns:
        available = ", ".join(frame.columns)
        raise StreamlitAPIException(
            f'Data does not have a column named `"{name}"`. Available columns are `{available}`'
        )
    return name


def _y_columns(frame: Frame, y: Any, x_col: str | None) -> list[str]:
    if y is None:
        cols = list(frame.columns)
    elif isinstance(y, str):
        cols = [y]
    else:
        cols = [str(c) for c in y]
    for col in cols:
        _check_column(frame, col)
    if x_col in cols and (not y or x_col not in y):
        cols.remove(x_col)
    return cols


def _column_or_value(frame: Frame, value: Any) -> tuple[str | None, Any]:
    if isinstance(value, str) and value in frame.columns:
        return value, None
    return None, value


def _reset_index(frame: Frame, name: str) -> None:
    n = len(frame)
    index = frame.index if frame.index is not None else list(range(n))
    columns, types = frame.columns, frame.types
    frame.columns = {name: index, **{k: v for k, v in columns.items() if k != name}}
    frame.types = {name: frame.index_type, **{k: v for k, v in types.items() if k != name}}
    if frame.index is None or all(isinstance(v, int) for v in index):
        frame.integer.add(name)


def _maybe_melt(
    frame: Frame, x_col: str | None, y_cols: list[str], color_col: str | None,
    size_col: str | None, sort_col: str | None,
) -> tuple[str | None, list[dict[str, Any]], Frame]:  # fmt: skip
    """Streamlit's ``_drop_unused_columns`` then ``_maybe_melt``: rows for ``data.values``."""
    keep = list(dict.fromkeys(c for c in (x_col, color_col, size_col, sort_col, *y_cols) if c))
    if len(y_cols) <= 1 or x_col is None:
        return (y_cols[0] if y_cols else None), frame.records(keep), frame
    ids = list(dict.fromkeys(c for c in (x_col, size_col, sort_col) if c))
    melted = Frame(index=None)
    melt = [c for c in y_cols if c not in ids]  # pandas.melt skips value_vars in id_vars
    rows = frame.records(ids + melt)
    records = [{**{c: r[c] for c in ids}, COLOR: y, VALUE: r[y]} for y in melt for r in rows]
    for c in ids:
        melted.columns[c] = [r[c] for r in records]
        melted.types[c] = frame.types[c]
        if c in frame.integer:
            melted.integer.add(c)
        if c in frame.dates:
            melted.dates.add(c)
    melted.columns[COLOR] = [r[COLOR] for r in records]
    melted.types[COLOR] = "nominal"
    values = melted.columns[VALUE] = [r[VALUE] for r in records]
    melted.types[VALUE] = infer_type(values)
    if all(c in frame.integer for c in melt):
        melted.integer.add(VALUE)
    return VALUE, records, melted


def _axis(
    frame: Frame, chart_type: ChartType, column: str | None, from_user: Any,
    label: str | None, axis: str, generated: str,
) -> dict[str, Any]:  # fmt: skip
    if column is None:
        field, title = _MISSING, ""
    elif column == generated:
        field, title = column, ""
    else:
        field, title = column, "" if from_user is None else column
    if label is not None:
        title = label
    grid = (chart_type == "horizontal_bar") == (axis == "x")
    axis_config: dict[str, Any] = {"grid": grid}
    if column is not None and column in frame.integer:
        axis_config = {"tickMinStep": 1, "grid": grid}
    discrete = (chart_type == "bar" and axis == "x") or (
        chart_type == "horizontal_bar" and axis == "y"
    )
    vega_type: VegaType = "quantitative"
    if column is not None:
        is_date = column in frame.dates
        vega_type = "ordinal" if discrete and not is_date else frame.types[column]
    elif discrete:
        vega_type = "ordinal" if axis == "y" else "quantitative"
    return {"axis": axis_config, "field": field, "scale": {}, "title": title, "type": vega_type}


def _sort(encoding: dict[str, Any], sort: bool | str) -> None:
    if sort is False:
        encoding["sort"] = None
    elif isinstance(sort, str):
        order = "descending" if sort.startswith("-") else "ascending"
        encoding["sort"] = {"field": sort.removeprefix("-"), "order": order}


def _color(
    frame: Frame, value: Any, column: str | None, y_cols: list[str], from_user: Any
) -> dict[str, Any] | None:
    if value is not None and value != [] and value != ():
        if _is_color(value) or (isinstance(value, str) and value.lower() in _BUILTIN_COLORS):
            if len(y_cols) != 1:
                _length_mismatch([value], y_cols)
            return {"value": to_css_color(value)}
        if isinstance(value, (list, tuple)):
            if len(value) != len(y_cols):
                _length_mismatch(value, y_cols)
            if len(value) == 1:
                return {"value": to_css_color(value[0])}
            encoding = {"scale": {"domain": y_cols, "range": [to_css_color(c) for c in value]},
                        "legend": _COLOR_LEGEND, "type": "nominal", "title": " "}  # fmt: skip
            return {"field": column, **encoding} if column is not None else encoding
        raise StreamlitAPIException(
            f"This does not look like a valid color argument: `{from_user}`.\n"
            "The color argument can be:\n"
            '* A hex string like "#ffaa00" or "#ffaa0088".\n'
            "* An RGB or RGBA tuple with the red, green, blue, and alpha components "
            "specified as ints from 0 to 255 or floats from 0.0 to 1.0.\n"
            "* The name of a column.\n"
            "* Or a list of colors, matching the number of y columns to draw."
        )
    if column is None:
        return None
    encoding = {"field": column, "legend": _COLOR_LEGEND, "type": frame.types[column]}
    if column == COLOR:
        encoding["title"] = " "
    elif (values := frame.columns[column]) and _is_color(values[0]):
        unique = list(dict.fromkeys(values))
        encoding["scale"] = {"range": [to_css_color(c) for c in unique]}
        encoding["legend"] = None
    return encoding


def _size(frame: Frame, column: str | None, value: Any) -> dict[str, Any]:
    if column is not None:
        return {"field": column, "legend": _SIZE_LEGEND, "title": column,
                "type": frame.types[column]}  # fmt: skip
    if value is None:
        return {"value": 100}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"value": value}
    raise StreamlitAPIException(
        f"Invalid `size` value. Expected one of: a column name, a number. Got {value!r}."
    )


def _tooltip(
    frame: Frame, x_col: str, y_col: str, size_col: str | None, color_col: str | None,
    color_enc: dict[str, Any] | None,
) -> list[dict[str, Any]]:  # fmt: skip
    def tip(column: str, title: str | None = None, vega_type: str | None = None) -> dict[str, Any]:
        entry = {"field": column, "type": vega_type or frame.types.get(column, "nominal")}
        return {**entry, "title": title} if title else entry

    tips = [tip(x_col, "index") if x_col == INDEX else tip(x_col)]
    tips.append(tip(y_col, "value", "quantitative") if y_col == VALUE else tip(y_col))
    if color_col and (color_enc is None or color_enc.get("legend", True) is not None):
        tips.append(tip(color_col, "color", "nominal") if color_col == COLOR else tip(color_col))
    if size_col:
        tips.append(tip(size_col))
    return tips


def _length_mismatch(colors: Any, y_cols: list[str]) -> None:
    raise StreamlitAPIException(
        f"The list of colors `{list(colors)}` must have the same length as the list of "
        f"columns to be colored `{y_cols}`."
    )
