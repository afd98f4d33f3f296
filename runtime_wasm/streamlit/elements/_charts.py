"""Charts: the built-in charts, Altair, Vega-Lite, maps, Plotly and Matplotlib.

Every Vega-Lite chart becomes an element whose kind is the command's name
(``line_chart``, ``altair_chart``, ``map``…) and whose props hold the whole spec with
its data inline; the page draws them all with vega-embed (``js/elements/charts.mjs``), which
it loads the first time a chart appears. The spec is built in Python, so an unchanged
chart has unchanged props and the page keeps its DOM.

``st.map`` draws points on a plain Mercator projection: no map tiles, because a
static site must not depend on a tile server. ``st.pyplot`` sends a PNG. A Plotly
figure (a ``plotly`` Figure, a ``{"data": …, "layout": …}`` dict or a list of traces)
is sent as plotly.js's JSON, ``data``, ``layout`` and ``frames``, with its ``config``
beside it; the page draws it with plotly.js, loaded on first use.
With ``on_select`` an Altair, Vega-Lite or Plotly chart is a widget whose value is
its selection (``lib/_chart_selection.py``).
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._errors import StreamlitAPIException, StreamlitValueError
from ..._tree import Element
from .._base import DGBase
from .._widget_state import check_on_select
from .lib._chart_data import jsonable, to_frame
from .lib._chart_selection import (
    plotly_selection_modes,
    selectable_chart,
    stable_names,
    vega_selection_modes,
)
from .lib._chart_spec import ChartType, chart_spec, to_css_color

if TYPE_CHECKING:
    from .._dg import DeltaGenerator

__all__ = ["ChartsMixin"]

_LAT = ("LAT", "LATITUDE", "lat", "latitude")
_LON = ("LON", "LONGITUDE", "lon", "longitude")
_MAP_COLOR = "rgba(200, 30, 0, 0.627)"  # Streamlit's default [200, 30, 0, 160]


def _width(width: Any, use_container_width: bool | None) -> Any:
    if use_container_width is True:
        return "stretch"
    if use_container_width is False and not isinstance(width, int):
        return "content"
    return width


def _plotly_figure(figure: Any) -> Any:
    """The figure as plotly.js takes it: ``{"data": [...], "layout": {...}}``."""
    if hasattr(figure, "to_plotly_json") and hasattr(figure, "to_json"):
        # plotly's own encoder knows numpy dates, pandas and typed arrays; jsonable does not.
        figure = json.loads(figure.to_json(validate=False))
    elif hasattr(figure, "to_plotly_json"):  # a single trace or layout object
        figure = figure.to_plotly_json()
    if isinstance(figure, (list, tuple)):
        return {"data": list(figure), "layout": {}}
    if isinstance(figure, Mapping) and "data" not in figure and "type" in figure:
        return {"data": [figure], "layout": {}}  # one trace
    return figure


def _records(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list) and all(isinstance(r, Mapping) for r in data):
        return [jsonable(r) for r in data]
    frame = to_frame(data)
    return frame.records(list(frame.columns))


def _with_data(spec: Mapping[str, Any], data: Any) -> dict[str, Any]:
    """Streamlit's ``_marshall_chart_data``, with data inline instead of Arrow datasets."""
    spec = dict(spec)
    if data is not None:
        spec["data"] = {"values": _records(data)}
    elif "data" in spec:
        given = spec["data"]
        if isinstance(given, Mapping):
            if "values" in given:
                spec["data"] = {**given, "values": _records(given["values"])}
        else:
            spec["data"] = {"values": _records(given)}
    if isinstance(spec.get("datasets"), Mapping):
        spec["datasets"] = {str(k): _records(v) for k, v in spec["datasets"].items()}
    return spec


def _is_composite(spec: Mapping[str, Any]) -> bool:
    encoding = spec.get("encoding")
    facet = "facet" in spec or (
        isinstance(encoding, Mapping) and any(c in encoding for c in ("row", "column", "facet"))
    )
    return facet or any(k in spec for k in ("hconcat", "vconcat", "concat", "repeat"))


def _check_theme(theme: Any) -> None:
    if theme not in ("streamlit", None):
        raise StreamlitValueError("theme", ["'streamlit'", "None"])


class ChartsMixin(DGBase):
    def _builtin(
        self, command: str, chart_type: ChartType, data: Any, width: Any, height: Any,
        use_container_width: bool | None, alt: str | None, **options: Any,
    ) -> DeltaGenerator:  # fmt: skip
        width = _width(width, use_container_width)
        spec = chart_spec(chart_type, data, width=width, height=height, **options)
        spec["autosize"] = {"type": "fit", "contains": "padding"}
        return self._chart(command, spec, width=width, height=height, theme="streamlit", alt=alt)

    def _chart(
        self, kind: str, spec: dict[str, Any], *, width: Any, height: Any, theme: Any,
        alt: str | None,
    ) -> DeltaGenerator:  # fmt: skip
        props = {"spec": jsonable(spec), "width": width, "height": height, "theme": theme,
                 "alt": alt}  # fmt: skip
        return self._enqueue(Element(kind, props))

    def line_chart(
        self, data: Any = None, *, x: str | None = None, y: Any = None,
        x_label: str | None = None, y_label: str | None = None, color: Any = None,
        width: Any = "stretch", height: Any = "content",
        use_container_width: bool | None = None, alt: str | None = None,
    ) -> DeltaGenerator:  # fmt: skip
        return self._builtin(
            "line_chart", "line", data, width, height, use_container_width, alt,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color,
        )  # fmt: skip

    def area_chart(
        self, data: Any = None, *, x: str | None = None, y: Any = None,
        x_label: str | None = None, y_label: str | None = None, color: Any = None,
        stack: Any = None, width: Any = "stretch", height: Any = "content",
        use_container_width: bool | None = None, alt: str | None = None,
    ) -> DeltaGenerator:  # fmt: skip
        return self._builtin(
            "area_chart", "area", data, width, height, use_container_width, alt,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color, stack=stack,
        )  # fmt: skip

    def bar_chart(
        self, data: Any = None, *, x: str | None = None, y: Any = None,
        x_label: str | None = None, y_label: str | None = None, color: Any = None,
        horizontal: bool = False, sort: bool | str = True, stack: Any = None,
        width: Any = "stretch", height: Any = "content",
        use_container_width: bool | None = None, alt: str | None = None,
    ) -> DeltaGenerator:  # fmt: skip
        chart_type: ChartType = "horizontal_bar" if horizontal else "bar"
        return self._builtin(
            "bar_chart", chart_type, data, width, height, use_container_width, alt,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color, stack=stack, sort=sort,
        )  # fmt: skip

    def scatter_chart(
        self, data: Any = None, *, x: str | None = None, y: Any = None,
        x_label: str | None = None, y_label: str | None = None, color: Any = None,
        size: Any = None, width: Any = "stretch", height: Any = "content",
        use_container_width: bool | None = None, alt: str | None = None,
    ) -> DeltaGenerator:  # fmt: skip
        return self._builtin(
            "scatter_chart", "scatter", data, width, height, use_container_width, alt,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color, size=size,
        )  # fmt: skip

    def vega_lite_chart(
        self, data: Any = None, spec: Mapping[str, Any] | None = None, *, width: Any = None,
        height: Any = "content", use_container_width: bool | None = None,
        theme: Any = "streamlit", key: Any = None, on_select: Any = "ignore",
        selection_mode: Any = None, alt: str | None = None,
    ) -> Any:  # fmt: skip
        if isinstance(data, Mapping) and spec is None:
            data, spec = None, data
        return self._user_spec(
            "vega_lite_chart", spec, data, width, height, use_container_width, theme, key,
            on_select, selection_mode, alt,
        )  # fmt: skip

    def altair_chart(
        self, altair_chart: Any, *, width: Any = None, height: Any = "content",
        use_container_width: bool | None = None, theme: Any = "streamlit", key: Any = None,
        on_select: Any = "ignore", selection_mode: Any = None, alt: str | None = None,
    ) -> Any:  # fmt: skip
        spec = _altair_to_dict(altair_chart)
        return self._user_spec(
            "altair_chart", spec, None, width, height, use_container_width, theme, key,
            on_select, selection_mode, alt,
        )  # fmt: skip

    def _user_spec(
        self, kind: str, given: Mapping[str, Any] | None, data: Any, width: Any, height: Any,
        use_container_width: bool | None, theme: Any, key: Any, on_select: Any,
        selection_mode: Any, alt: str | None,
    ) -> Any:  # fmt: skip
        _check_theme(theme)
        callback = check_on_select(on_select)
        if not given:
            raise StreamlitAPIException(
                "The `spec` parameter is required. Vega-Lite charts require a non-empty spec dict."
            )
        spec = _with_data(given, data)
        if width is None and use_container_width is None:
            width = "content" if _is_composite(spec) else "stretch"
        width = _width(width, use_container_width)
        if "autosize" not in spec:
            composite = _is_composite(spec)
            if "vconcat" in spec and width == "stretch":
                spec["autosize"] = {"type": "fit-x", "contains": "padding"}
            else:
                fit = "pad" if composite else "fit"
                spec["autosize"] = {"type": fit, "contains": "padding"}
        spec = stable_names(jsonable(spec))
        props = {"spec": spec, "width": width, "height": height, "theme": theme, "alt": alt}
        if on_select == "ignore":
            return self._enqueue(Element(kind, props))
        identity = {"spec": spec, "theme": theme, "use_container_width": use_container_width,
                    "alt": alt}  # fmt: skip
        return selectable_chart(
            self, kind, props=props, identity=identity, key=key, on_select=callback,
            modes=vega_selection_modes(spec, selection_mode),
        )  # fmt: skip

    def map(
        self, data: Any = None, *, latitude: str | None = None, longitude: str | None = None,
        color: Any = None, size: Any = None, zoom: int | None = None, width: Any = "stretch",
        height: Any = 500, use_container_width: bool | None = None, alt: str | None = None,
    ) -> DeltaGenerator:  # fmt: skip
        frame = to_frame(data)
        lat = _map_column(frame.columns, latitude, _LAT, "latitude")
        lon = _map_column(frame.columns, longitude, _LON, "longitude")
        encoding: dict[str, Any] = {
            "latitude": {"field": lat, "type": "quantitative"},
            "longitude": {"field": lon, "type": "quantitative"},
        }
        if isinstance(color, str) and color in frame.columns:
            encoding["color"] = {"field": color, "type": "nominal", "legend": None}
        else:
            encoding["color"] = {"value": _MAP_COLOR if color is None else to_css_color(color)}
        if isinstance(size, str) and size in frame.columns:
            encoding["size"] = {"field": size, "type": "quantitative", "legend": None}
        else:  # Streamlit's size is in metres on a tiled map; here, px² on a bare projection
            encoding["size"] = {"value": 60.0 if size is None else float(size)}
        spec = {
            "data": {"values": frame.records(list(frame.columns))},
            "projection": {"type": "mercator"},
            "mark": {"type": "circle", "tooltip": {"content": "data"}},
            "encoding": encoding,
            "width": width if isinstance(width, int) else 0,
            "height": height if isinstance(height, int) else 500,
            "autosize": {"type": "fit", "contains": "padding"},
        }
        width = _width(width, use_container_width)
        return self._chart("map", spec, width=width, height=height, theme="streamlit", alt=alt)

    def plotly_chart(
        self, figure_or_data: Any, use_container_width: bool | None = None, *,
        width: Any = "stretch", height: Any = "content", theme: Any = "streamlit",
        key: Any = None, on_select: Any = "ignore",
        selection_mode: Any = ("points", "box", "lasso"), config: dict[str, Any] | None = None,
        alt: str | None = None,
    ) -> Any:  # fmt: skip
        _check_theme(theme)
        callback = check_on_select(on_select)
        figure = _plotly_figure(figure_or_data)
        props = {"figure": jsonable(figure), "config": jsonable(config or {}), "alt": alt,
                 "width": _width(width, use_container_width), "height": height,
                 "theme": theme}  # fmt: skip
        if on_select == "ignore":
            return self._enqueue(Element("plotly_chart", props))
        return selectable_chart(
            self, "plotly_chart", props=props, identity=props, key=key, on_select=callback,
            modes=plotly_selection_modes(selection_mode),
        )  # fmt: skip

    def pyplot(
        self, fig: Any, clear_figure: bool = False, *, width: Any = "stretch",
        use_container_width: bool | None = None, alt: str | None = None, **kwargs: Any,
    ) -> DeltaGenerator:  # fmt: skip
        buffer = io.BytesIO()
        fig.savefig(buffer, **{"format": "png", "bbox_inches": "tight", "dpi": 200, **kwargs})
        if clear_figure:
            fig.clf()
        src = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
        props = {"src": src, "alt": alt or "", "width": _width(width, use_container_width)}
        return self._enqueue(Element("pyplot", props))


def _map_column(columns: Mapping[str, Any], given: str | None, names: tuple[str, ...],
                what: str) -> str:  # fmt: skip
    if given is not None:
        if given not in columns:
            raise StreamlitAPIException(
                f'Map data does not have a column named "{given}". '
                f"Existing columns: {', '.join(columns)}"
            )
        return given
    for name in names:
        if name in columns:
            return name
    wanted = ", ".join(f'"{n}"' for n in names)
    raise StreamlitAPIException(
        f"Map data must contain a {what} column named: {wanted}. "
        f"Existing columns: {', '.join(columns)}"
    )


def _altair_to_dict(chart: Any) -> dict[str, Any]:
    """``chart.to_dict()`` without Altair's 5,000-row limit (Streamlit has none)."""
    import altair as alt  # the app made an Altair chart, so Altair is there

    with alt.data_transformers.disable_max_rows():
        return dict(chart.to_dict())
