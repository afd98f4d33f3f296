"""st.graphviz_chart, st.mermaid_chart and st.echarts_chart through AppTest: the props
each accepted input becomes, checked against what real Streamlit sends, and its errors
in Streamlit's words."""

from __future__ import annotations

import json
from typing import Any

import pytest

from runtime_wasm.testing import AppTest
from tests.unit._reference import run_both, run_ours

pytest.importorskip("streamlit.testing.v1")  # the reference these tests compare with
pytest.importorskip("graphviz", reason="graphviz (a pure wheel) is in the test extra")

PRELUDE = """
import datetime
import graphviz
import numpy as np
import pandas as pd
import streamlit as st

class Chart:  # what st.echarts_chart reads of a pyecharts chart
    def __init__(self, options, width="900px", height="500px"):
        self.options, self.width, self.height = options, width, height

    def dump_options(self):
        return self.options
"""


def ours(body: str) -> AppTest:
    return run_ours(PRELUDE + body)


def both(body: str) -> tuple[Any, AppTest]:
    """The script run by real Streamlit's AppTest and by ours."""
    return run_both(PRELUDE + body)


# -- graphviz --------------------------------------------------------------------------

GRAPHS = """
st.graphviz_chart("digraph { a -> b }")
g = graphviz.Digraph()
g.edge("run", "kernel")
st.graphviz_chart(g, width="stretch", height=300, alt=" States ")
st.graphviz_chart(graphviz.Graph(engine="neato", body=["x -- y"]), use_container_width=True)
st.graphviz_chart(graphviz.Source("digraph { s }", engine="circo"), width=200)
"""


def test_graphviz_sends_streamlit_dot_and_engine() -> None:
    real, at = both(GRAPHS)
    sent = [(e.proto.spec, e.proto.engine, e.proto.alt) for e in real.get("graphviz_chart")]
    props = [e.props for e in at.get("graphviz_chart")]
    assert [(p["spec"], p["engine"], p["alt"] or "") for p in props] == sent
    assert [p["engine"] for p in props] == ["dot", "dot", "neato", "circo"]
    sizes = [(p["width"], p["height"]) for p in props]
    content = "content"
    assert sizes == [(content, content), ("stretch", 300), ("stretch", content), (200, content)]


# -- mermaid ---------------------------------------------------------------------------

MERMAIDS = """
st.mermaid_chart("graph LR\\n  A --> B")
st.mermaid_chart("graph LR\\n  A --> B", alt="  Flow\\n of A  ")
init = "%%{init: {'theme': 'dark'}}%%\\n---\\ntitle: T\\n---\\n"
st.mermaid_chart(init + "flowchart TD\\n  X", alt="X")
st.mermaid_chart("%% stAlt: old\\nsequenceDiagram\\n  A->>B: hi", alt="new", width="content")
st.mermaid_chart("graph LR\\n  A[```code```] --> B", width=300)
"""


def test_mermaid_is_the_markdown_fence_streamlit_sends() -> None:
    real, at = both(MERMAIDS)
    assert [m.value for m in at.markdown] == [m.value for m in real.markdown]
    assert at.markdown[1].value == "````mermaid\n%% stAlt: Flow of A\ngraph LR\n  A --> B\n````"
    fenced = at.markdown[4].value  # a fence longer than the body's ```
    assert fenced.startswith("````mermaid\n") and fenced.endswith("\n````")
    widths = [m.props["width"] for m in at.markdown]
    assert widths == ["stretch", "stretch", "stretch", "content", 300]


# -- echarts ---------------------------------------------------------------------------

OPTION = {
    "title": {"text": "Sales"},
    "xAxis": {"type": "category", "data": ["a", "b"]},
    "yAxis": {},
    "series": [{"type": "bar", "data": [1, 2.5], "name": "n"}],
}
CHARTS = f"""
option = {OPTION!r}
st.echarts_chart(option)
st.echarts_chart({json.dumps(json.dumps(OPTION))}, renderer="svg", theme=None, alt=" Sales ")
st.echarts_chart(Chart({json.dumps(json.dumps(OPTION))}), width="content", height="content")
st.echarts_chart(Chart("{{}}", width="600px", height="100%"), width="content", height="content")
st.echarts_chart(Chart("{{}}", width=320, height="20em"), width="content", height="content")
timeline = {{"baseOption": {{"series": [{{"type": "line"}}]}}, "options": [{{"title": {{}}}}]}}
st.echarts_chart(timeline, width=500, height="stretch")
"""


def test_echarts_sends_streamlit_option() -> None:
    real, at = both(CHARTS)
    props = [e.props for e in at.get("echarts_chart")]
    protos = [e.proto for e in real.get("echarts_chart")]
    assert [json.loads(p["spec"]) for p in props] == [json.loads(p.spec) for p in protos]
    assert [(p["theme"], p["alt"] or "") for p in props] == [(p.theme, p.alt) for p in protos]
    assert [p["renderer"] for p in props] == ["canvas", "svg"] + ["canvas"] * 4
    assert json.loads(props[0]["spec"]) == OPTION
    # "content" is Streamlit's 700 x 350, or the size a pyecharts chart was given.
    sizes = [(p["width"], p["height"]) for p in props]
    assert sizes == [
        ("stretch", 350), ("stretch", 350), (700, 350), (600, "stretch"), (320, 350),
        (500, "stretch"),
    ]  # fmt: skip


def test_echarts_dataframe_in_dataset_is_sent_as_rows() -> None:
    at = ours(
        "df = pd.DataFrame({'day': ['mon', 'tue'], 'sold': [3, 4.5]})\n"
        "option = {'dataset': [{'source': df}, {'source': [[1, 2]]}],\n"
        "          'baseOption': {'dataset': {'source': df, 'dimensions': ['d', 's']}},\n"
        "          'series': [{'type': 'bar'}]}\n"
        "st.echarts_chart(option)\n"
        "st.text(isinstance(option['dataset'][0]['source'], pd.DataFrame))\n"
    )
    spec = json.loads(at.get("echarts_chart")[0].props["spec"])
    rows = [["mon", 3.0], ["tue", 4.5]]
    dimensions = ["day", "sold"]
    assert spec["dataset"][0] == {"source": rows, "dimensions": dimensions, "sourceHeader": False}
    assert spec["dataset"][1] == {"source": [[1, 2]]}
    assert spec["baseOption"]["dataset"]["dimensions"] == ["d", "s"]
    assert at.text[0].value == "True"  # the app's option is left as it was


def test_echarts_with_on_select_is_a_widget_with_an_empty_selection() -> None:
    script = (
        "def picked():\n    st.session_state.calls = st.session_state.get('calls', 0) + 1\n"
        "e = st.echarts_chart({'series': [{'type': 'bar', 'selectedMode': 'single'}]},\n"
        "                     on_select='rerun', key='c')\n"
        "f = st.echarts_chart({'brush': {}}, on_select=picked)\n"
        "st.write(e.selection.selected, e['selection']['areas'], st.session_state.c == e)\n"
        "st.write(st.echarts_chart({}) is not None)\n"
    )
    real, at = both(script)
    assert [m.value for m in at.markdown] == [m.value for m in real.markdown]
    assert at.get("echarts_chart")[0].value == {"selection": {"selected": [], "areas": []}}
    assert at.get("echarts_chart")[0].key == "c"


def test_echarts_selection_from_the_page_reaches_the_app() -> None:
    at = ours(
        "def picked():\n    st.session_state.n = st.session_state.get('n', 0) + 1\n"
        "series = [{'type': 'bar', 'name': 'S', 'selectedMode': 'multiple', 'data': [1, 2, 3]}]\n"
        "e = st.echarts_chart({'series': series}, on_select=picked, key='c')\n"
        "for item in e.selection.selected + e.selection.areas:\n"
        "    what = item.get('data_indices', item.get('coord_range'))\n"
        "    st.text(f\"{what} {st.session_state.get('n')}\")\n"
    )
    assert not at.text  # nothing selected yet
    selected = {"series_index": 0, "series_id": None, "series_name": "S", "data_type": "main",
                "data_indices": [0, 2]}  # fmt: skip
    area = {"brush_index": 0, "brush_type": "rect", "coord_range": [[0, 2], [1, 3]]}
    state = {"selection": {"selected": [selected], "areas": [area]}}
    at.get("echarts_chart")[0].set_value(state).run()
    assert [t.value for t in at.text] == ["[0, 2] 1", "[[0, 2], [1, 3]] 1"]
    assert at.session_state.c == state


# -- errors, as Streamlit words them ---------------------------------------------------

ERRORS = [
    "st.graphviz_chart(123)",
    "st.graphviz_chart(['digraph {}'])",
    "st.graphviz_chart('digraph {}', width='wide')",
    "st.graphviz_chart('digraph {}', height=0)",
    "st.mermaid_chart('graph LR', width=-1)",
    "st.echarts_chart(42)",
    "st.echarts_chart('[1, 2]')",
    "st.echarts_chart('{bad json')",
    "st.echarts_chart('{\"f\": function (x) { return x; }}')",
    "st.echarts_chart('{\"f\": (x) => x}')",
    'st.echarts_chart(\'{"t": "a => b"\')',  # "=>" in text json read: bad JSON, no callback
    'st.echarts_chart(Chart(\'{"f": "--x_x--function () {}--x_x--"}\'))',
    "st.echarts_chart({'title': {'text': '--x_x--'}})",  # only a marker: fine
    "st.echarts_chart({'series': [{'type': 'scatter3D'}]})",
    "st.echarts_chart({'grid3D': {}, 'geo3D': {}})",
    "st.echarts_chart({'series': {'type': 'wordCloud'}})",
    "st.echarts_chart({'series': [{'type': 'custom'}]})",
    "st.echarts_chart({'series': [{'type': 'map'}]})",
    "st.echarts_chart({'media': [{'option': {'geo': {}}}]})",
    "st.echarts_chart({'options': [{'series': [{'coordinateSystem': 'geo'}]}]})",
    "st.echarts_chart({'media': {}})",
    "st.echarts_chart({'series': [{'data': [1, float('nan')]}]})",
    "st.echarts_chart({'series': [{'data': [np.int64(3)]}]})",
    "st.echarts_chart({'x': {'when': datetime.date(2024, 1, 1)}})",
    "st.echarts_chart({'x': pd.NaT})",
    "st.echarts_chart({'x': [print]})",
    "st.echarts_chart({'series': [{'data': np.array([1, 2])}]})",
    "st.echarts_chart({'x': {1, 2}})",
    "st.echarts_chart({}, theme='dark')",
    "st.echarts_chart({}, renderer='webgl')",
    "st.echarts_chart({}, on_select='select')",
    "st.echarts_chart({}, on_select=None)",
    "st.echarts_chart({}, width=0)",
    "st.echarts_chart({}, height='auto')",
]


def test_errors_match_streamlit() -> None:
    script = f"for code in {ERRORS!r}:\n" + (
        "    try:\n        eval(code)\n    except Exception as e:\n        st.text(str(e))\n"
        "    else:\n        st.text('no error')\n"
    )
    real, at = both(script)
    got = [t.value for t in at.text]
    assert len(got) == len(ERRORS)
    assert got == [t.value for t in real.text]
    assert got.count("no error") == 1


def test_graphviz_objects_without_the_package_are_rejected() -> None:
    at = AppTest.from_string(
        "import streamlit as st\nclass Digraph:\n    source, engine = 'digraph {}', 'dot'\n"
        "st.graphviz_chart(Digraph())\n"
    ).run()
    assert "Invalid `figure_or_dot` type" in str(at.exception[0].value)


def test_echarts_frame_values_become_plain_json() -> None:
    at = ours(
        "df = pd.DataFrame({'x': pd.date_range('2024-01-01', periods=2), 'y': [1, None]})\n"
        "st.echarts_chart({'dataset': {'source': df}, 'series': [{'type': 'line'}]})\n"
    )
    spec = json.loads(at.get("echarts_chart")[0].props["spec"])
    rows = [["2024-01-01T00:00:00", 1.0], ["2024-01-02T00:00:00", None]]  # NaN is null
    assert spec["dataset"]["source"] == rows
