"""Charts: specs compared with real Streamlit's, plain-Python data, the chart commands."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest

from runtime_wasm._errors import StreamlitAPIException
from runtime_wasm.streamlit.elements.lib._chart_spec import chart_spec
from runtime_wasm.testing import AppTest

DF = pd.DataFrame({"a": [1, 2, 3], "b": [4.5, 5, 6], "c": ["x", "y", "z"]})
DATES = pd.DataFrame({"d": pd.date_range("2024-01-01", periods=3), "v": [1, 2, 3]})
NAMED = pd.DataFrame({"v": [3, 1, 2]}, index=pd.Index([10, 20, 30], name="t"))

CASES: list[tuple[str, str, pd.DataFrame, dict[str, Any]]] = [
    ("wide-line", "line", DF[["a", "b"]], {}),
    ("one-y-line", "line", DF, {"x": "a", "y": "b"}),
    ("dates-line", "line", DATES, {"x": "d"}),
    ("named-index", "line", NAMED, {}),
    ("labels", "line", DF, {"x": "a", "y": "b", "x_label": "A", "y_label": "B"}),
    ("one-color-list", "line", DF, {"x": "a", "y": ["b"], "color": ["#f00"]}),
    ("stacked-area", "area", DF[["a", "b"]], {"stack": "normalize"}),
    ("layered-area", "area", DF, {"x": "a", "y": ["b", "a"], "stack": "layered"}),
    ("rgb-list-area", "area", DF, {"x": "a", "y": ["a", "b"], "color": [(255, 0, 0), (0, 0, 1.0)]}),
    ("long-bar", "bar", DF, {"x": "c", "y": ["a", "b"]}),
    ("sorted-bar", "bar", DF, {"x": "c", "y": "a", "sort": "-a"}),
    ("unsorted-bar", "bar", DF, {"x": "c", "y": "a", "sort": False}),
    ("grouped-hbar", "horizontal_bar", DF, {"x": "c", "y": "a", "stack": False, "color": "c"}),
    ("hbar", "horizontal_bar", DF, {"x": "c", "y": "b"}),
    ("scatter-size", "scatter", DF, {"x": "a", "y": "b", "size": "a", "color": "c"}),
    ("scatter-hex", "scatter", DF, {"x": "a", "y": "b", "color": "#ff0000", "size": 30}),
    ("empty", "line", pd.DataFrame(), {}),
]

_STREAMLIT_TYPES = {
    "line": "LINE",
    "area": "AREA",
    "bar": "VERTICAL_BAR",
    "horizontal_bar": "HORIZONTAL_BAR",
    "scatter": "SCATTER",
}


def _view(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["layer"][0] if "layer" in spec else spec


def _streamlit_spec(chart: str, df: pd.DataFrame, options: dict[str, Any]) -> dict[str, Any]:
    utils = pytest.importorskip("streamlit.elements.lib.built_in_chart_utils")
    names = {"x": "x_from_user", "y": "y_from_user", "x_label": "x_axis_label",
             "y_label": "y_axis_label", "color": "color_from_user", "size": "size_from_user",
             "stack": "stack", "sort": "sort_from_user"}  # fmt: skip
    kwargs = {names[k]: v for k, v in options.items()}
    spec = utils.generate_chart(utils.ChartType[_STREAMLIT_TYPES[chart]], df, **kwargs).to_dict()
    values = next(iter(spec.pop("datasets").values()))
    return {**spec, "values": json.loads(json.dumps(values, default=str))}


@pytest.mark.parametrize(
    ("chart", "df", "options"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_specs_match_streamlit(chart: str, df: pd.DataFrame, options: dict[str, Any]) -> None:
    theirs = _streamlit_spec(chart, df, options)
    ours = json.loads(json.dumps(chart_spec(chart, df, **options)))  # type: ignore[arg-type]
    assert _view(ours)["mark"] == _view(theirs)["mark"]
    assert _view(ours)["encoding"] == _view(theirs)["encoding"]
    assert ours["data"]["values"] == theirs["values"]
    assert ("layer" in ours) == ("layer" in theirs)


PLAIN = [
    ("dict-of-lists", {"a": [1, 2, 3], "b": [4.5, 5, 6], "c": ["x", "y", "z"]}),
    (
        "records",
        [{"a": 1, "b": 4.5, "c": "x"}, {"a": 2, "b": 5, "c": "y"}, {"a": 3, "b": 6, "c": "z"}],
    ),
]


@pytest.mark.parametrize("data", [p[1] for p in PLAIN], ids=[p[0] for p in PLAIN])
@pytest.mark.parametrize(
    ("chart", "options"),
    [
        ("line", {}),
        ("bar", {"x": "c", "y": ["a", "b"]}),
        ("scatter", {"x": "a", "y": "b", "color": "c"}),
    ],
)
def test_plain_python_data_gives_the_dataframe_spec(
    data: Any, chart: str, options: dict[str, Any]
) -> None:
    if chart == "line":
        data = (
            {k: v for k, v in data.items() if k != "c"}
            if isinstance(data, dict)
            else [{k: v for k, v in r.items() if k != "c"} for r in data]
        )
        df = DF[["a", "b"]]
    else:
        df = DF
    ours = chart_spec(chart, data, **options)  # type: ignore[arg-type]
    # b holds 4.5, 5, 6: pandas keeps 5 as 5.0, plain Python as 5; JSON compares them equal.
    assert ours == chart_spec(chart, df, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"x": "nope"}, 'Data does not have a column named `"nope"`'),
        ({"y": ["a", "nope"]}, 'Data does not have a column named `"nope"`'),
        ({"y": ["a", "b"], "color": "#f00"}, "must have the same length"),
        ({"color": "not a colour"}, "does not look like a valid color"),
        ({"stack": "sideways"}, "Invalid `stack` value"),
    ],
)
def test_bad_arguments_raise_streamlits_errors(options: dict[str, Any], message: str) -> None:
    with pytest.raises(StreamlitAPIException, match=message):
        chart_spec("area", {"a": [1, 2], "b": [3, 4]}, **options)


def test_nan_and_dates_are_valid_json() -> None:
    data = {"t": [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-02")], "v": [1.0, float("nan")]}
    spec = chart_spec("line", data, x="t")
    text = json.dumps(spec, allow_nan=False)
    assert '"2024-01-01T00:00:00"' in text and "null" in text
    assert _view(spec)["encoding"]["x"]["type"] == "temporal"


def _charts_app() -> None:
    import altair as alt
    import pandas as pd
    import streamlit as st

    st.line_chart({"a": [1, 2, 3]}, height=200)
    st.area_chart({"a": [1, 2], "b": [2, 3]}, use_container_width=False)
    st.bar_chart([{"k": "x", "v": 1}, {"k": "y", "v": 2}], x="k", y="v", horizontal=True)
    st.scatter_chart({"x": [1, 2], "y": [3, 4]}, x="x", y="y", width=300)
    st.vega_lite_chart({"mark": "bar", "data": {"values": [{"a": 1}]},
                        "encoding": {"y": {"field": "a", "type": "quantitative"}}})  # fmt: skip
    st.vega_lite_chart(pd.DataFrame({"a": [1, 2]}), {"mark": "point"})
    st.altair_chart(alt.Chart(pd.DataFrame({"a": range(6000)})).mark_bar().encode(x="a"))
    st.map({"latitude": [52.5, 48.8], "lon": [13.4, 2.35]}, size=50)
    st.plotly_chart({"data": [], "layout": {}})
    pick = {"mark": "point", "params": [{"name": "pick", "select": "point"}]}
    state = st.vega_lite_chart(pick, on_select="rerun")
    st.write(f"selection: {dict(state.selection)}")


def test_chart_commands_build_their_elements() -> None:
    at = AppTest.from_function(_charts_app).run()
    assert not at.exception
    line = at.get("line_chart")[0]
    assert line.props["height"] == 200 and line.props["spec"]["height"] == 200
    assert at.get("area_chart")[0].props["width"] == "content"
    assert at.get("scatter_chart")[0].props["spec"]["width"] == 300
    bar = at.get("bar_chart")[0].props["spec"]
    assert bar["encoding"]["y"]["type"] == "ordinal" and bar["encoding"]["x"]["field"] == "v"
    simple, with_data = (e.props["spec"] for e in at.get("vega_lite_chart")[:2])
    assert simple["data"] == {"values": [{"a": 1}]}
    assert simple["autosize"] == {"type": "fit", "contains": "padding"}
    assert with_data["data"] == {"values": [{"a": 1}, {"a": 2}]}
    altair = at.get("altair_chart")[0].props["spec"]
    assert len(next(iter(altair["datasets"].values()))) == 6000  # no Altair row limit
    spec = at.get("map")[0].props["spec"]
    assert spec["projection"] == {"type": "mercator"}
    assert spec["encoding"]["latitude"]["field"] == "latitude"
    assert spec["encoding"]["size"] == {"value": 50.0}
    assert at.get("plotly_chart")[0].props["figure"] == {"data": [], "layout": {}}
    assert at.markdown[-1].value == "selection: {'pick': {}}"


def test_rerun_with_same_data_gives_identical_props() -> None:
    at = AppTest.from_function(_charts_app).run()
    first = json.dumps([e.props for e in at.get("line_chart")])
    at.run()
    assert json.dumps([e.props for e in at.get("line_chart")]) == first


def test_map_needs_coordinates() -> None:
    def app() -> None:
        import streamlit as st

        st.map({"x": [1]})

    at = AppTest.from_function(app).run()
    assert "Map data must contain a latitude column" in at.exception[0].value


def test_pyplot_sends_a_png() -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed on this CPython")

    def app() -> None:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import streamlit as st

        fig, ax = plt.subplots()
        ax.plot([1, 2, 3])
        st.pyplot(fig)

    at = AppTest.from_function(app).run()
    assert at.get("pyplot")[0].props["src"].startswith("data:image/png;base64,")


def _plotly_app() -> None:
    import pandas as pd
    import plotly.express as px
    import plotly.graph_objects as go
    import streamlit as st

    fig = px.line(pd.DataFrame({"t": pd.date_range("2024-01-01", periods=3), "v": [1, 2, 3]}),
                  x="t", y="v", title="Trend")  # fmt: skip
    st.plotly_chart(fig, use_container_width=False, config={"scrollZoom": True})
    st.plotly_chart([{"type": "bar", "y": [1, 2]}], width=300, height=200, theme=None)
    st.plotly_chart(go.Scatter(x=[1], y=[2]))
    st.write(go.Figure(go.Bar(y=[3])))


def test_plotly_chart_sends_what_plotly_js_draws() -> None:
    pytest.importorskip("plotly", reason="plotly is not installed on this CPython")
    at = AppTest.from_function(_plotly_app).run()
    assert not at.exception
    line, bar, trace, written = (e.props for e in at.get("plotly_chart"))
    assert line["figure"]["data"][0]["type"] == "scatter"
    assert line["figure"]["data"][0]["x"][0] == "2024-01-01T00:00:00"  # dates as ISO text
    assert line["figure"]["layout"]["title"]["text"] == "Trend"
    assert (line["width"], line["height"], line["theme"]) == ("content", "content", "streamlit")
    assert line["config"] == {"scrollZoom": True}
    assert bar["figure"] == {"data": [{"type": "bar", "y": [1, 2]}], "layout": {}}
    assert (bar["width"], bar["height"], bar["theme"]) == (300, 200, None)
    assert trace["figure"]["data"] == [{"type": "scatter", "x": [1], "y": [2]}]
    assert written["figure"]["data"][0] == {"type": "bar", "y": [3]}
    json.dumps([line, bar, trace, written], allow_nan=False)
