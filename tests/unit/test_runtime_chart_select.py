"""Chart selections (``on_select``) of ``st.altair_chart``, ``st.vega_lite_chart`` and
``st.plotly_chart`` through AppTest and the session: Streamlit's state shapes, the key
in session_state, callbacks, what the page is sent, when a keyed chart's selection
starts over, and Streamlit's errors.

Streamlit's AppTest cannot select in a chart, so a selection from the page goes in as
the page's wire value (the JSON text its front end sends), through ``set_value`` or
``AppSession.rerun``."""

from __future__ import annotations

import asyncio
import copy
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from runtime_wasm._alias import aliased
from runtime_wasm._script import Script
from runtime_wasm._session import AppSession
from runtime_wasm.testing import AppTest
from tests.unit._reference import run_both, run_ours

pytest.importorskip("streamlit.testing.v1")  # the reference these tests compare with

ROWS = [{"a": 1, "b": 4}, {"a": 2, "b": 5}, {"a": 3, "b": 6}]
PRELUDE = f"""
import streamlit as st

rows = {ROWS!r}
encoding = {{"x": {{"field": "a", "type": "quantitative"}},
            "y": {{"field": "b", "type": "quantitative"}}}}
point = {{"name": "pick", "select": {{"type": "point", "fields": ["a"]}}}}
interval = {{"name": "span", "select": "interval"}}
spec = {{"mark": "point", "encoding": encoding, "params": [point, interval]}}
fig = {{"data": [{{"type": "scatter", "x": [1, 2, 3], "y": [4, 5, 6]}}]}}
"""
EMPTY_PLOTLY = {"points": [], "point_indices": [], "box": [], "lasso": []}
# What the page sends: a click on the second point, then a drag over x 1.5..3.2.
PICKED = {"selection": {"pick": [{"a": 2}], "span": {}}}
SPANNED = {"selection": {"pick": [{"a": 2}], "span": {"a": [1.5, 3.2], "b": [4.1, 6]}}}
CLICKED = {
    "selection": {
        "points": [{"curve_number": 0, "point_number": 1, "point_index": 1, "x": 2, "y": 5}],
        "point_indices": [1],
        "box": [],
        "lasso": [],
    }
}


def ours(body: str) -> AppTest:
    return run_ours(PRELUDE + body)


def both(body: str) -> tuple[Any, AppTest]:
    """The script run by real Streamlit's AppTest and by ours."""
    return run_both(PRELUDE + body)


def shown(at: Any) -> list[str]:
    return [t.value for t in at.text]


def send(at: AppTest, kind: str, state: dict[str, Any], index: int = 0) -> AppTest:
    """The page's report of a selection: JSON text, as Streamlit's front end sends it."""
    at._set_widget(at.get(kind)[index].id, json.dumps(state), None)
    return at.run()


# -- the state before any selection, as in Streamlit -----------------------------------

STATES = """
e = st.vega_lite_chart(rows, spec, key="v", on_select="rerun")
st.text(repr(e))
st.text(repr(st.vega_lite_chart(rows, spec, on_select="rerun", selection_mode="span")))
st.text(repr(st.vega_lite_chart(rows, spec, on_select="rerun", selection_mode=("span", "pick"))))
st.text(type(e).__name__ + " " + type(e.selection).__name__ + " " + repr(e.selection.pick))
st.text(repr(st.session_state.v == e) + " " + repr(e["selection"] is e.selection))
p = st.plotly_chart(fig, key="p", on_select=lambda: None, selection_mode="box")
st.text(repr(p) + " " + type(p).__name__ + " " + type(p.selection).__name__)
st.text(repr(p.selection.point_indices) + " " + repr(st.session_state.p == p))
st.text(repr(st.plotly_chart(fig, on_select="rerun", selection_mode=[])))
st.text(type(st.plotly_chart(fig)).__name__ + " " + type(st.vega_lite_chart(spec)).__name__)
"""


def test_initial_states_match_streamlit() -> None:
    real, at = both(STATES)
    assert shown(at) == shown(real)
    assert shown(at)[0] == "{'selection': {'pick': {}, 'span': {}}}"
    assert shown(at)[-1] == "DeltaGenerator DeltaGenerator"


def test_altair_parameter_names_are_stable_across_reruns() -> None:
    pytest.importorskip("altair")
    body = (
        "import altair as alt\nimport pandas as pd\n"
        "chart = alt.Chart(pd.DataFrame(rows)).mark_point().encode(x='a:Q', y='b:Q')\n"
        "e = st.altair_chart(chart.add_params(alt.selection_point(), alt.selection_interval()),"
        " on_select='rerun')\n"
        "st.text(repr(e))\n"
    )
    real, at = both(body)
    assert shown(at) == shown(real) == ["{'selection': {'param_1': {}, 'param_2': {}}}"]
    first = at.get("altair_chart")[0]
    at.run()
    again = at.get("altair_chart")[0]
    assert shown(at) == ["{'selection': {'param_1': {}, 'param_2': {}}}"]
    assert (again.id, again.props) == (first.id, first.props)  # the page keeps its drawing
    assert [p["name"] for p in again.props["spec"]["params"]] == ["param_1", "param_2"]


def test_the_page_gets_the_parameters_and_the_value() -> None:
    at = ours(
        "st.vega_lite_chart(rows, spec, on_select='rerun', selection_mode='pick')\n"
        "st.plotly_chart(fig, on_select='rerun')\nst.vega_lite_chart(rows, spec)\n"
    )
    chart, plot = at.get("vega_lite_chart")[0], at.get("plotly_chart")[0]
    assert chart.props["selection_mode"] == ["pick"]
    assert json.loads(chart.props["value"]) == {"selection": {"pick": {}}}
    assert chart.props["spec"]["data"] == {"values": ROWS}
    assert plot.props["selection_mode"] == ["box", "lasso", "points"]
    assert json.loads(plot.props["value"]) == {"selection": EMPTY_PLOTLY}
    plain = at.get("vega_lite_chart")[1]
    assert "value" not in plain.props and "selection_mode" not in plain.props


# -- selections from the page ----------------------------------------------------------

VEGA_APP = """
def picked():
    st.session_state.calls = st.session_state.get("calls", 0) + 1
    st.session_state.seen = st.session_state.v.selection.pick

e = st.vega_lite_chart(rows, spec, key="v", on_select=picked)
st.text(f"pick: {e.selection.pick} calls: {st.session_state.get('calls', 0)}")
if e.selection.span:
    st.text(f"span: {e.selection.span.a} seen: {st.session_state.seen}")
"""


def test_a_vega_lite_selection_reaches_the_app_and_its_callback() -> None:
    at = ours(VEGA_APP)
    assert shown(at) == ["pick: {} calls: 0"]
    send(at, "vega_lite_chart", PICKED)
    assert shown(at) == ["pick: [{'a': 2}] calls: 1"]
    send(at, "vega_lite_chart", SPANNED)
    # The interval reads as attributes too, as Streamlit's read-only dicts do.
    assert shown(at) == ["pick: [{'a': 2}] calls: 2", "span: [1.5, 3.2] seen: [{'a': 2}]"]
    send(at, "vega_lite_chart", SPANNED)  # the same selection again: no callback
    assert shown(at)[0] == "pick: [{'a': 2}] calls: 2"
    assert at.session_state.v == SPANNED
    # The page gets back what it sent, so it keeps its drawing.
    assert json.loads(at.get("vega_lite_chart")[0].props["value"]) == SPANNED


def test_a_plotly_selection_reaches_the_app() -> None:
    at = ours(
        "e = st.plotly_chart(fig, key='p', on_select='rerun')\n"
        "st.text(f'{e.selection.point_indices} {e.selection.points[0][\"x\"]}'"
        " if e.selection.points else 'none')\n"
    )
    assert shown(at) == ["none"]
    send(at, "plotly_chart", CLICKED)
    assert shown(at) == ["[1] 2"]
    assert at.session_state.p == CLICKED
    assert type(at.session_state.p.selection).__name__ == "PlotlySelectionState"
    at.get("plotly_chart")[0].set_value({"selection": EMPTY_PLOTLY}).run()
    assert shown(at) == ["none"]


def test_the_state_is_read_only_as_in_streamlit() -> None:
    at = ours(
        "e = st.vega_lite_chart(rows, spec, on_select='rerun')\n"
        "for change in [lambda: e.__setitem__('selection', {}),\n"
        "               lambda: e.selection.span.update(a=[1, 2]),\n"
        "               lambda: setattr(e, 'selection', {}), lambda: e.selection.pop('pick')]:\n"
        "    try:\n        change()\n    except TypeError as ex:\n"
        "        st.text(str(ex).splitlines()[0])\n"
    )
    assert shown(at) == ["Widget state is read-only because modifying nested values has no "
                         "effect on the app. For widget states that support programmatic "
                         "updates (e.g. st.dataframe selections), assign a new dictionary to "
                         "the Session State key instead, for example:"] * 4  # fmt: skip
    state = at.get("vega_lite_chart")[0].value
    assert copy.deepcopy(state) == state and type(copy.copy(state)).__name__ == "VegaLiteState"


def test_plotly_state_is_the_type_packages_import() -> None:
    at = ours(
        "from streamlit.elements.plotly_chart import PlotlyState\n"
        "st.text(repr(isinstance(st.plotly_chart(fig, on_select='rerun'), PlotlyState)))\n"
    )
    assert shown(at) == ["True"]


# -- when a keyed chart's selection starts over (Streamlit's widget identity) ----------

KEYED = """
n = st.session_state.get("n", 3)
data = rows[:n]
modes = st.session_state.get("modes")
e = st.vega_lite_chart(data, spec, key="v", on_select="rerun", selection_mode=modes)
p = st.plotly_chart({"data": [{"type": "bar", "y": list(range(n))}]}, key="p", on_select="rerun")
u = st.vega_lite_chart(data, spec, on_select="rerun")
st.text(f"{e.selection.pick} {p.selection.point_indices} {u.selection.pick}")
"""


def test_new_data_keeps_a_keyed_vega_selection_and_resets_the_rest() -> None:
    at = ours(KEYED)
    send(at, "vega_lite_chart", PICKED)
    send(at, "plotly_chart", CLICKED)
    send(at, "vega_lite_chart", PICKED, index=1)
    assert shown(at) == ["[{'a': 2}] [1] [{'a': 2}]"]
    at.run()  # nothing changed: every selection stays
    assert shown(at) == ["[{'a': 2}] [1] [{'a': 2}]"]
    at.session_state["n"] = 2
    at.run()
    # Streamlit keys a Vega-Lite chart by its key and selection parameters, a Plotly
    # chart by its key and figure, an unkeyed chart by everything.
    assert shown(at) == ["[{'a': 2}] [] {}"]
    at.session_state["modes"] = ["pick"]
    at.run()
    assert shown(at) == ["{} [] {}"]


# -- the session, as the page drives it ------------------------------------------------


def _session(tmp_path: Path, source: str) -> AppSession:
    path = tmp_path / "app.py"
    path.write_text(PRELUDE + textwrap.dedent(source), encoding="utf-8")
    session = AppSession(Script(path))
    _rerun(session)
    return session


def _rerun(session: AppSession, *updates: tuple[str, Any]) -> None:
    with aliased():
        asyncio.run(session.rerun([{"id": i, "value": v} for i, v in updates]))


def _nodes(node: Any) -> list[Any]:
    return [node, *(n for child in node.get("children", []) for n in _nodes(child))]


def test_a_selection_in_a_fragment_reruns_only_the_fragment(tmp_path: Path) -> None:
    session = _session(
        tmp_path,
        """
        st.session_state.runs = st.session_state.get("runs", 0) + 1

        @st.fragment
        def part():
            e = st.plotly_chart(fig, on_select="rerun")
            st.text(f"{e.selection.point_indices} runs: {st.session_state.runs}")

        part()
        """,
    )
    [chart] = [n for n in _nodes(session.tree) if n["kind"] == "plotly_chart"]
    _rerun(session, (chart["id"], json.dumps(CLICKED)))
    texts = [n["props"]["body"] for n in _nodes(session.tree) if n["kind"] == "text"]
    assert texts == ["[1] runs: 1"]
    assert session.state["runs"] == 1


def test_a_selection_in_a_form_waits_for_the_submit() -> None:
    at = ours(
        "with st.form('f'):\n"
        "    e = st.vega_lite_chart(rows, spec, on_select='rerun')\n"
        "    st.form_submit_button()\n"
        "st.text(repr(e.selection.pick))\n"
    )
    chart = at.get("vega_lite_chart")[0]
    assert chart.props["form_id"] is not None
    send(at, "vega_lite_chart", PICKED)
    assert shown(at) == ["{}"]
    at.button[0].click().run()
    assert shown(at) == ["[{'a': 2}]"]


# -- errors, as Streamlit words them ---------------------------------------------------

ERRORS = [
    "st.vega_lite_chart(rows, {'mark': 'point'}, on_select='rerun')",
    "st.vega_lite_chart(rows, {'mark': 'point', 'params': [{'name': 'x', 'value': 1}]},"
    " on_select='rerun')",
    "st.vega_lite_chart(rows, spec, on_select='rerun', selection_mode='nope')",
    "st.vega_lite_chart(rows, spec, on_select='rerun', selection_mode=['pick', 'other'])",
    "st.vega_lite_chart(rows, spec, on_select='select')",
    "st.vega_lite_chart(rows, spec, on_select=None)",
    "st.vega_lite_chart(rows, spec, selection_mode='nope')",  # ignored without on_select
    "st.vega_lite_chart(rows, {}, on_select='rerun')",
    "st.vega_lite_chart(rows, spec, theme='dark', on_select='nope')",
    "st.vega_lite_chart({'layer': [{'mark': 'point', 'params': [point]}]}, on_select='rerun',"
    " selection_mode='span')",
    "st.plotly_chart(fig, on_select='rerun', selection_mode='rows')",
    "st.plotly_chart(fig, on_select='rerun', selection_mode=['points', 'cells'])",
    "st.plotly_chart(fig, selection_mode='rows')",  # ignored without on_select
    "st.plotly_chart(fig, on_select=True)",
    "st.plotly_chart(fig, theme='dark')",
    "st.bar_chart(rows, on_select='rerun')",
]


def test_errors_match_streamlit() -> None:
    script = f"for code in {ERRORS!r}:\n" + (
        "    try:\n        eval(code)\n    except Exception as e:\n"
        "        st.text(type(e).__name__ if isinstance(e, TypeError) else str(e))\n"
        "    else:\n        st.text('no error')\n"
    )
    real, at = both(script)
    got = shown(at)
    assert len(got) == len(ERRORS)
    assert got == shown(real)
    assert got.count("no error") == 2


def test_assigning_the_state_is_refused_as_in_streamlit() -> None:
    body = (
        "st.session_state.v = {'selection': {'pick': [{'a': 1}]}}\n"
        "try:\n    st.vega_lite_chart(rows, spec, key='v', on_select='rerun')\n"
        "except Exception as e:\n    st.text(str(e))\n"
    )
    real, at = both(body)
    assert shown(at) == shown(real)
    assert "is read-only" in shown(at)[0]
