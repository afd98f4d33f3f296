"""``st.pydeck_chart`` on CPython, against real Streamlit where it can say: the JSON and
tooltip the page gets from a pydeck ``Deck`` (what Streamlit's proto carries), the
empty map, duck-typed objects, the selection state (``PydeckState``) before and after
the page reports a click, when a keyed chart's selection starts over, and Streamlit's
errors.

Streamlit's AppTest cannot click in a chart, so a selection goes in as the JSON text
the page sends (``js/elements/deck_gl_json_chart.mjs``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from runtime_wasm.testing import AppTest
from tests.unit._reference import run_both, run_ours

pytest.importorskip("pydeck")

PRELUDE = """
import pydeck as pdk
import streamlit as st

points = [{"name": "a", "lon": 1.5, "lat": 2.5}, {"name": "b", "lon": 3.0, "lat": 4.0}]
layer = pdk.Layer("ScatterplotLayer", data=points, id="pts", get_position="[lon, lat]",
                  get_fill_color=[255, 0, 0], pickable=True)
deck = pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=3, longitude=2),
                tooltip={"text": "{name}"})
"""
# What the page sends after a click on the second point.
CLICKED = {"selection": {"indices": {"pts": [1]}, "objects": {"pts": [{"name": "b"}]}}}
EMPTY = {"selection": {"indices": {}, "objects": {}}}


def shown(at: Any) -> list[str]:
    return [t.value for t in at.text]


def send(at: AppTest, state: dict[str, Any], index: int = 0) -> AppTest:
    at._set_widget(at.get("deck_gl_json_chart")[index].id, json.dumps(state), None)
    return at.run()


# -- what the page gets ----------------------------------------------------------------

SPECS = """
import pandas as pd
st.pydeck_chart(deck)
st.pydeck_chart()
frame = pd.DataFrame({"lon": [1.0, 2.0], "lat": [3.0, 4.0]})
st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("HexagonLayer", data=frame, id="hex",
                                           get_position="[lon, lat]")],
                         map_style=None, tooltip=True))
"""


def test_the_page_gets_streamlits_json_and_tooltip() -> None:
    real, at = run_both(PRELUDE + SPECS)
    theirs = [e.proto for e in real.get("deck_gl_json_chart")]
    ours = [e.props for e in at.get("deck_gl_json_chart")]
    assert len(ours) == len(theirs) == 3
    for proto, props in zip(theirs, ours, strict=True):
        assert json.loads(props["spec"]) == json.loads(proto.json)
        assert props["tooltip"] == proto.tooltip
    first = json.loads(ours[0]["spec"])
    assert first["layers"][0]["getPosition"] == "@@=[lon, lat]"
    assert json.loads(ours[0]["tooltip"]) == {"text": "{name}"}
    assert json.loads(ours[1]["spec"]) == {
        "initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}
    }
    # A DataFrame's rows are sent as records (Streamlit's pandas 3 workaround).
    assert json.loads(ours[2]["spec"])["layers"][0]["data"][1] == {"lon": 2.0, "lat": 4.0}
    assert ours[2]["tooltip"] == ""  # tooltip=True: deck.gl's own, none sent
    assert (ours[0]["width"], ours[0]["height"], ours[0]["selection_mode"]) == ("stretch", 500, "")


def test_any_object_with_to_json_draws_and_a_dict_fails_as_in_streamlit() -> None:
    body = (
        "class Spec:\n"
        "    _tooltip = {'html': '<b>{name}</b>'}\n"
        "    def to_json(self):\n"
        "        return '{\"layers\": []}'\n"
        "st.pydeck_chart(Spec(), width=300, height='stretch', alt='  A map ')\n"
        "try:\n    st.pydeck_chart({'layers': []})\nexcept AttributeError as e:\n"
        "    st.text(str(e))\n"
    )
    real, at = run_both(PRELUDE + body)
    assert shown(at) == shown(real) == ["'dict' object has no attribute 'to_json'"]
    props = at.get("deck_gl_json_chart")[0].props
    assert props["spec"] == real.get("deck_gl_json_chart")[0].proto.json == '{"layers": []}'
    assert json.loads(props["tooltip"]) == {"html": "<b>{name}</b>"}
    assert (props["width"], props["height"], props["alt"]) == (300, "stretch", "A map")


# -- selections ------------------------------------------------------------------------

STATES = """
e = st.pydeck_chart(deck, key="map", on_select="rerun")
st.text(repr(e))
st.text(type(e).__name__ + " " + type(e.selection).__name__ + " " + repr(e.selection.indices))
st.text(repr(st.session_state.map == e) + " " + repr(e["selection"] is e.selection))
m = st.pydeck_chart(deck, on_select=lambda: None, selection_mode="multi-object")
st.text(repr(m.selection.objects))
st.text(type(st.pydeck_chart(deck)).__name__)
"""


def test_initial_states_match_streamlit() -> None:
    real, at = run_both(PRELUDE + STATES)
    assert shown(at) == shown(real)
    assert shown(at)[0] == "{'selection': {'indices': {}, 'objects': {}}}"
    assert shown(at)[1] == "PydeckState PydeckSelectionState {}"


def test_a_click_reaches_the_app_and_its_callback() -> None:
    at = run_ours(
        PRELUDE
        + "st.session_state.setdefault('calls', 0)\n"
        + "def seen():\n    st.session_state.calls += 1\n"
        + "e = st.pydeck_chart(deck, key='map', on_select=seen, selection_mode='multi-object')\n"
        + "st.text(f'{e.selection.indices} {e.selection.objects} {st.session_state.calls}')\n"
    )
    assert shown(at) == ["{} {} 0"]
    chart = at.get("deck_gl_json_chart")[0]
    assert chart.props["selection_mode"] == "multi-object"
    assert json.loads(chart.props["value"]) == EMPTY
    send(at, CLICKED)
    assert shown(at) == ["{'pts': [1]} {'pts': [{'name': 'b'}]} 1"]
    assert at.session_state.map == CLICKED
    assert json.loads(at.get("deck_gl_json_chart")[0].props["value"]) == CLICKED
    send(at, CLICKED)  # the same selection again: no callback
    assert shown(at)[0].endswith(" 1")
    send(at, {})  # a value without a selection reads as nothing selected, as in Streamlit
    assert shown(at) == ["{} {} 2"]


KEYED = """
n = st.session_state.get("n", 2)
mode = st.session_state.get("mode", "single-object")
spec = pdk.Deck(layers=[pdk.Layer("ScatterplotLayer", data=points[:n], id="pts")])
k = st.pydeck_chart(spec, key="map", on_select="rerun", selection_mode=mode)
u = st.pydeck_chart(spec, on_select="rerun")
st.text(f"{k.selection.indices} {u.selection.indices}")
"""


def test_a_keyed_selection_survives_new_data_but_not_a_new_mode() -> None:
    at = run_ours(PRELUDE + KEYED)
    send(at, CLICKED)
    send(at, CLICKED, index=1)
    assert shown(at) == ["{'pts': [1]} {'pts': [1]}"]
    at.run()
    assert shown(at) == ["{'pts': [1]} {'pts': [1]}"]
    at.session_state["n"] = 1
    at.run()
    # Streamlit keys a selectable deck by its key and selection_mode; unkeyed, by all.
    assert shown(at) == ["{'pts': [1]} {}"]
    at.session_state["mode"] = "multi-object"
    at.run()
    assert shown(at) == ["{} {}"]


def test_the_state_is_read_only_as_in_streamlit() -> None:
    body = (
        "st.session_state.map = {'selection': {}}\n"
        "try:\n    st.pydeck_chart(deck, key='map', on_select='rerun')\n"
        "except Exception as e:\n    st.text(str(e))\n"
        "e = st.pydeck_chart(deck, on_select='rerun')\n"
        "try:\n    e.selection.indices['x'] = [1]\nexcept TypeError as ex:\n"
        "    st.text(str(ex).splitlines()[0])\n"
    )
    real, at = run_both(PRELUDE + body)
    assert shown(at) == shown(real)
    assert "is read-only" in shown(at)[0]


ERRORS = [
    "st.pydeck_chart(deck, on_select='rerun', selection_mode=['single-object'])",
    "st.pydeck_chart(deck, on_select='rerun', selection_mode='rows')",
    "st.pydeck_chart(deck, selection_mode='rows')",  # not checked without on_select
    "st.pydeck_chart(deck, on_select=None)",
    "st.pydeck_chart(deck, on_select='select')",
    "st.pydeck_chart(deck, width='content')",
    "st.pydeck_chart(deck, width=0)",
    "st.pydeck_chart(deck, height='content')",
    "st.pydeck_chart(deck, height=-5)",
    "st.pydeck_chart(deck, width=300, use_container_width=True)",
]


def test_errors_match_streamlit() -> None:
    script = (
        PRELUDE
        + f"for code in {ERRORS!r}:\n"
        + (
            "    try:\n        eval(code)\n    except Exception as e:\n        st.text(str(e))\n"
            "    else:\n        st.text('no error')\n"
        )
    )
    real, at = run_both(script)
    assert len(shown(at)) == len(ERRORS)
    assert shown(at) == shown(real)
    assert shown(at).count("no error") == 2
