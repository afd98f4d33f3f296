"""``st.echarts_chart``: an Apache ECharts option, checked and sent as JSON.

The option (a dict, a JSON string or a pyecharts chart) is checked the way Streamlit
checks it, with its messages: JSON only (no JavaScript callbacks), no map, GL or
extension series. A dataframe in ``dataset.source`` becomes rows with its column
names as ``dimensions``, which is what Streamlit's front end makes of the Arrow table
it sends. The page draws it with ECharts (``js/elements/echarts.mjs``), loaded on first use.
With ``on_select`` the chart is a widget: the page reports the points clicked
(``selectedMode``) and brushed (``brush``) as Streamlit's ``.selection.selected`` and
``.areas``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from ..._tree import Element
from .._base import DGBase
from .._widget import widget
from .lib._chart_data import to_frame
from .lib._chart_selection import ChartState
from .lib._diagram_props import check_size, normalize_alt

__all__ = ["EChartsMixin"]

# "content" sizes: an ECharts option has none of its own (Streamlit's defaults).
_CONTENT_WIDTH, _CONTENT_HEIGHT = 700, 350
# What pyecharts' InitOpts always holds: not a size the author chose.
_PYECHARTS_WIDTH, _PYECHARTS_HEIGHT = "900px", "500px"

_GL_SERIES = frozenset(
    {"bar3D", "flowGL", "globe", "graphGL", "line3D", "lines3D", "linesGL", "map3D",
     "polygons3D", "scatter3D", "scatterGL", "surface"}
)  # fmt: skip
_GL_COMPONENTS = frozenset({"geo3D", "globe", "grid3D", "mapbox3D", "maptalks3D"})
_EXTENSION_SERIES = {"liquidFill": "echarts-liquidfill", "wordCloud": "echarts-wordcloud"}
_JS_FUNCTION = re.compile(r"\bfunction\s*\(")
_JSCODE = "--x_x--"  # how pyecharts' JsCode wraps JavaScript


def _error(message: str) -> StreamlitAPIException:
    return StreamlitAPIException(message)


def _callback_error() -> StreamlitAPIException:
    return _error(
        "The provided ECharts spec contains JavaScript callbacks (e.g. `function` values "
        "or `JsCode`), which `st.echarts_chart` does not support. Only JSON-compatible "
        "option objects are supported. Use ECharts string-template formatters instead of "
        "JavaScript functions."
    )


def _has_jscode(value: Any) -> bool:
    if isinstance(value, str):
        s = value.strip()
        return s.startswith(_JSCODE) and s.endswith(_JSCODE) and len(s) > 2 * len(_JSCODE)
    if isinstance(value, dict):
        return any(_has_jscode(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_jscode(v) for v in value)
    return False


def _loads(raw: str) -> Any:
    try:
        option = json.loads(raw)
    except (TypeError, ValueError) as ex:
        # Only the part json could not read: "=>" inside a string already read is text.
        rest = raw[ex.pos :] if isinstance(ex, json.JSONDecodeError) else raw
        if _JS_FUNCTION.search(rest) or "=>" in rest:
            raise _callback_error() from ex
        raise _error(
            "The provided ECharts spec could not be parsed as JSON. `st.echarts_chart` "
            "only supports JSON-compatible option objects."
        ) from ex
    if _has_jscode(option):
        raise _callback_error()
    return option


def _is_frame(value: Any) -> bool:
    """A dataframe, series or array (what Streamlit's ``is_dataframe_like`` accepts)."""
    root = type(value).__module__.split(".")[0]
    return root in ("pandas", "polars", "pyarrow", "numpy") and hasattr(value, "shape")


def _copy(value: Any) -> Any:
    """The dicts and lists the checks may change copied; dataframes and leaves shared."""
    if isinstance(value, dict):
        return {k: v if k == "source" and _is_frame(v) else _copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and any(isinstance(v, dict) for v in value):
        items = [_copy(v) for v in value]
        return items if isinstance(value, list) else tuple(items)
    return value


def _entries(value: Any, key: str) -> Iterator[Any]:
    if value is None:
        return
    if not isinstance(value, (list, tuple)):
        raise _error(
            f"The provided ECharts spec has a `{key}` value that is not a list. "
            "`st.echarts_chart` only supports JSON-compatible option objects."
        )
    yield from value


def _media(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for entry in _entries(option.get("media"), "media"):
        if isinstance(entry, dict) and isinstance(entry.get("option"), dict):
            yield entry["option"]


def _variants(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The option, its media overrides, and its timeline's base and per-tick options."""
    yield option
    yield from _media(option)
    base = option.get("baseOption")
    if isinstance(base, dict):
        yield base
        yield from _media(base)
    for tick in _entries(option.get("options"), "options"):
        if isinstance(tick, dict):
            yield tick
            yield from _media(tick)


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
    elif isinstance(value, (list, tuple)):
        yield from (v for v in value if isinstance(v, dict))


def _series(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for variant in _variants(option):
        yield from _dicts(variant.get("series"))


def _check_features(option: dict[str, Any]) -> None:
    """Streamlit's ``_validate_supported_features``: what ECharts alone cannot draw."""
    geo = any("geo" in v for v in _variants(option)) or any(
        s.get("coordinateSystem") == "geo" for s in _series(option)
    )
    gl = sorted(c for v in _variants(option) for c in _GL_COMPONENTS & v.keys())
    if gl:
        raise _error(
            f"The provided ECharts spec uses the `{gl[0]}` component, which requires the "
            "ECharts GL extension. `st.echarts_chart` does not support 3D or WebGL charts."
        )
    for series in _series(option):
        kind = series.get("type")
        if kind in _GL_SERIES:
            raise _error(
                f"The provided ECharts spec uses the `{kind}` series, which requires the "
                "ECharts GL extension. `st.echarts_chart` does not support 3D or WebGL charts."
            )
        if isinstance(kind, str) and kind in _EXTENSION_SERIES:
            raise _error(
                f"The provided ECharts spec uses the `{kind}` series, which requires the "
                f"`{_EXTENSION_SERIES[kind]}` extension. `st.echarts_chart` bundles only "
                "core ECharts, so this chart would render empty."
            )
        geo = geo or kind == "map"
        if kind == "custom":
            raise _error(
                "The provided ECharts spec uses a `custom` series, which requires a "
                "JavaScript `renderItem` callback. `st.echarts_chart` only supports "
                "JSON-compatible option objects, so custom series are not supported."
            )
    if geo:
        raise _error(
            "The provided ECharts spec uses a map or geo coordinate system, which requires "
            "registering GeoJSON map data. `st.echarts_chart` does not support map charts."
        )


def _inline_datasets(option: dict[str, Any]) -> None:
    """A dataframe ``dataset.source`` as rows, its columns as ``dimensions``."""
    for variant in _variants(option):
        for dataset in _dicts(variant.get("dataset")):
            source = dataset.get("source")
            if source is None or not _is_frame(source):
                continue
            frame = to_frame(source)
            names = list(frame.columns)
            dataset["source"] = [list(row) for row in zip(*frame.columns.values(), strict=True)]
            if not isinstance(dataset.get("dimensions"), list):
                dataset["dimensions"] = names
            dataset.setdefault("sourceHeader", False)


def _normalize(spec: Any) -> dict[str, Any]:
    if isinstance(spec, str):
        option = _loads(spec)
    elif isinstance(spec, Mapping):
        option = _copy(dict(spec))
    elif callable(getattr(spec, "dump_options", None)):  # a pyecharts chart
        option = _loads(spec.dump_options())
    else:
        raise StreamlitInvalidParameterTypeError(
            "spec", type(spec).__name__, ["dict", "str", "pyecharts chart"]
        )
    if not isinstance(option, dict):
        raise StreamlitInvalidParameterTypeError(
            "spec", type(option).__name__, ["dict"],
            detail="An ECharts spec must be a JSON object (mapping).",
        )  # fmt: skip
    _check_features(option)
    _inline_datasets(option)
    return option


def _unserializable(value: Any, path: str) -> tuple[str, Any] | None:
    """The path and value of the first value JSON rejects; ``None`` if no one value is."""
    if isinstance(value, float):
        return None if math.isfinite(value) else (path, value)
    if value is None or isinstance(value, (str, int)):
        return None
    if isinstance(value, dict):
        items: Iterator[tuple[str, Any]] = (
            (f"{path}.{k}" if path else str(k), v) for k, v in value.items()
        )
    elif isinstance(value, (list, tuple)):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return path, value
    return next((found for p, v in items if (found := _unserializable(v, p))), None)


def _describe(value: Any) -> str:
    if isinstance(value, float):
        name = "NaN" if math.isnan(value) else repr(value)
        return f"`{name}`. Use `None` for missing or non-finite numbers"
    kind = type(value)
    module = kind.__module__.split(".")[0]
    name = kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"
    described = f"a `{name}`"
    if module == "numpy" and getattr(value, "ndim", None) == 0 and value.dtype.kind in "biufc":
        return f"{described}. Convert it with `int()`, `float()`, or `bool()`"
    if kind.__name__ in ("NaTType", "NAType"):
        return f"{described}. Use `None` for missing values"
    if isinstance(value, (dt.date, dt.time)):
        return f"{described}. Convert it with `.isoformat()`"
    if _is_frame(value):
        return (
            f"{described}. Only `dataset.source` accepts dataframes and arrays, so pass the "
            "data there"
        )
    if callable(value):
        template = '`"{b}: {c}"`'
        return (
            f"{described}. Use an ECharts string template such as {template} instead of a callback"
        )
    return f"{described}. Convert it to a plain Python value"


def _serialize(option: dict[str, Any]) -> str:
    """Strict JSON, as Streamlit's: no NaN, no ``default``, so mistakes are named."""
    try:
        return json.dumps(option, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as ex:
        try:
            found = _unserializable(option, "")
        except RecursionError:  # a circular reference: no single value to blame
            found = None
        detail = f" `{found[0]}` is {_describe(found[1])}." if found else ""
        raise _error(
            f"The provided ECharts spec is not JSON-serializable.{detail} `st.echarts_chart` "
            "only supports JSON-compatible option objects. Pass chart data as a dataframe in "
            "`dataset.source`, which converts datetimes, NumPy values, and missing values "
            "automatically. Values anywhere else (for example `series.data`) must already be "
            "plain Python values such as `int`, `float`, `str`, `None`, lists, and dicts."
        ) from ex


def _pyecharts_size(value: Any, library_default: str) -> int | str | None:
    """A pyecharts chart's own width or height, if the author chose one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if value > 0 else None
    if not isinstance(value, str) or not value.strip() or value.strip() == library_default:
        return None
    if value.strip() == "100%":
        return "stretch"
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*px\s*", value)
    return (int(float(match[1])) or None) if match else None


def _content_size(given: Any, spec: Any, attr: str, library_default: str, default: int) -> Any:
    if given != "content":
        return given
    own = _pyecharts_size(getattr(spec, attr, None), library_default)
    return default if own is None else own


def _selection(ui_value: str | Mapping[str, Any] | None) -> ChartState:
    """The state from the page's JSON, as Streamlit's ``EChartsChartSelectionSerde``."""
    state = json.loads(ui_value) if isinstance(ui_value, str) else ui_value or {}
    chosen = state.get("selection", {})
    selected, areas = chosen.get("selected", []), chosen.get("areas", [])
    return ChartState(selection=ChartState(selected=selected, areas=areas))


class EChartsMixin(DGBase):
    def echarts_chart(
        self, spec: Any, *, width: Any = "stretch", height: Any = "content",
        theme: Any = "streamlit", key: Any = None, on_select: Any = "ignore",
        renderer: Any = "canvas", alt: str | None = None,
    ) -> Any:  # fmt: skip
        check_size("width", width)
        check_size("height", height)
        if theme not in ("streamlit", None):
            raise StreamlitValueError("theme", ["'streamlit'", "None"])
        if renderer not in ("canvas", "svg"):
            raise StreamlitValueError("renderer", ["'canvas'", "'svg'"])
        if not callable(on_select) and not (
            isinstance(on_select, str) and on_select in ("rerun", "ignore")
        ):
            raise StreamlitValueError("on_select", ["'rerun'", "'ignore'", "a callback function"])
        option = _normalize(spec)
        props = {
            "spec": _serialize(option),
            "theme": theme or "",
            "renderer": renderer,
            "width": _content_size(width, spec, "width", _PYECHARTS_WIDTH, _CONTENT_WIDTH),
            "height": _content_size(height, spec, "height", _PYECHARTS_HEIGHT, _CONTENT_HEIGHT),
            "alt": normalize_alt(alt),
        }
        if on_select == "ignore":
            return self._enqueue(Element("echarts_chart", props))
        # A widget, as in Streamlit: its state is in st.session_state[key] too.
        return widget(
            self, "echarts_chart", key=key, identity={**props, "selection": True},
            default=_selection(None), props=props, serialize=json.dumps, deserialize=_selection,
            on_change=on_select if callable(on_select) else None, read_only=True,
        )  # fmt: skip
