"""``st.tabs``, ``st.expander`` and ``st.popover`` with ``on_change`` (Streamlit 1.67):
the open tab / open flag is widget state, ``.open`` reads it, and the page's switch
(sent as the page sends it, through ``AppTest._set_widget``) reruns with it."""

from __future__ import annotations

from typing import Any

import pytest

from runtime_wasm.testing import AppTest

LAZY_TABS = """
import streamlit as st
ran = []
cat, dog, owl = st.tabs(["Cat", "Dog", "Owl"], on_change="rerun", key="animal")
for tab, name in ((cat, "cat"), (dog, "dog"), (owl, "owl")):
    if tab.open:
        ran.append(name)
        tab.write(f"{name} body")
st.write(f"ran={'+'.join(ran)} state={st.session_state.animal}")
st.write(cat.open, dog.open, owl.open)
"""


def run(body: str) -> AppTest:
    at = AppTest.from_string("import streamlit as st\n" + body).run()
    assert not at.exception, at.exception
    return at


def switch(at: AppTest, kind: str, value: Any, index: int = 0) -> AppTest:
    """What the page sends when the visitor switches a tab or toggles a container."""
    at._set_widget(at.get(kind)[index].id, value, value)
    return at.run()


def texts(at: AppTest) -> list[Any]:
    return [m.value for m in at.markdown]


def test_only_the_open_tab_runs_and_a_switch_reruns_with_the_new_one() -> None:
    at = AppTest.from_string(LAZY_TABS).run()
    assert texts(at) == ["cat body", "ran=cat state=Cat", "`True` `False` `False`"]
    [tabs] = at.get("tabs")
    assert tabs.id.startswith("$$ID") and tabs.props["tracks_state"] is True
    assert tabs.props["index"] == 0
    assert [t.markdown.values for t in at.tabs] == [["cat body"], [], []]

    switch(at, "tabs", "Owl")
    assert texts(at) == ["owl body", "ran=owl state=Owl", "`False` `False` `True`"]
    assert at.get("tabs")[0].props["index"] == 2
    assert at.get("tabs")[0].id == tabs.id  # the same block: the page keeps its DOM

    at.run()  # a rerun without a switch keeps it
    assert texts(at)[:2] == ["owl body", "ran=owl state=Owl"]


def test_session_state_switches_the_tab_and_a_stale_label_falls_back_to_default() -> None:
    at = AppTest.from_string(LAZY_TABS).run()
    at.session_state["animal"] = "Dog"
    at.run()
    assert texts(at)[:2] == ["dog body", "ran=dog state=Dog"]
    assert at.get("tabs")[0].props["index"] == 1
    at.session_state["animal"] = "Fish"  # no such tab: the default, in session state too
    at.run()
    assert texts(at)[:2] == ["cat body", "ran=cat state=Cat"]


def test_tabs_without_on_change_do_not_track_state() -> None:
    at = run("a, b = st.tabs(['A', 'B'], key='t')\nst.write(a.open, b.open)\nb.write('b body')")
    [tabs] = at.get("tabs")
    assert not tabs.id.startswith("$$ID")
    assert tabs.props == {"labels": ["A", "B"], "index": 0, "tracks_state": False}
    assert texts(at) == ["b body", "`None` `None`"]
    assert "t" not in at.session_state


@pytest.mark.parametrize(
    ("on_change", "index", "open_flags"),
    [
        pytest.param("'ignore'", 1, "`None` `None` `None`", id="page-side"),
        pytest.param("'rerun'", 1, "`False` `True` `False`", id="tracked"),
    ],
)
def test_default_selects_the_first_tab_with_that_label(
    on_change: str, index: int, open_flags: str
) -> None:
    at = run(
        f"t = st.tabs(['A', 'B', 'C'], default='B', on_change={on_change})\n"
        "st.write(*(x.open for x in t))"
    )
    assert at.get("tabs")[0].props["index"] == index
    assert texts(at) == [open_flags]


def test_tabs_callback_runs_before_the_script_with_the_new_label() -> None:
    at = run(
        "def changed(tag, sep):\n"
        "    st.session_state.log = st.session_state.get('log', '') + tag + sep + "
        "st.session_state.t\n"
        "st.tabs(['A', 'B'], on_change=changed, args=('to',), kwargs={'sep': ':'}, key='t')\n"
        "st.write(st.session_state.get('log', 'none'))"
    )
    assert texts(at) == ["none"]
    switch(at, "tabs", "B")
    assert texts(at) == ["to:B"]
    switch(at, "tabs", "B")  # the same label again: no change, no callback
    assert texts(at) == ["to:B"]


def test_a_tab_switch_in_a_form_is_not_held_for_the_submit_button() -> None:
    at = run(
        "with st.form('f'):\n"
        "    a, b = st.tabs(['A', 'B'], on_change='rerun')\n"
        "    st.form_submit_button()\n"
        "st.write(b.open)"
    )
    assert "form_id" not in at.get("tabs")[0].props
    switch(at, "tabs", "B")
    assert texts(at) == ["`True`"]


def test_bind_to_query_params_tracks_state_without_on_change() -> None:
    at = run("a, b = st.tabs(['A', 'B'], key='tab', bind='query-params')\nst.write(a.open)")
    assert at.get("tabs")[0].props["tracks_state"] is True
    assert texts(at) == ["`True`"]


EXPANDER = """
import streamlit as st
def toggled():
    st.session_state.toggles = st.session_state.get("toggles", 0) + 1
more = st.expander("More", on_change=toggled, key="more")
if more.open:
    more.write("expensive")
st.write(f"open={more.open} state={st.session_state.more} "
         f"toggles={st.session_state.get('toggles', 0)}")
"""


def test_expander_open_state_is_widget_state() -> None:
    at = AppTest.from_string(EXPANDER).run()
    [exp] = at.get("expander")
    assert exp.props["tracks_state"] is True and exp.props["expanded"] is False
    assert texts(at) == ["open=False state=False toggles=0"]

    switch(at, "expander", True)
    assert texts(at) == ["expensive", "open=True state=True toggles=1"]
    assert at.get("expander")[0].props["expanded"] is True
    at.run()
    assert texts(at) == ["expensive", "open=True state=True toggles=1"]
    switch(at, "expander", False)
    assert texts(at) == ["open=False state=False toggles=2"]


def test_expanded_is_the_default_of_a_tracking_expander() -> None:
    at = run("e = st.expander('E', expanded=True, on_change='rerun')\nst.write(e.open)")
    assert texts(at) == ["`True`"]
    at = run("e = st.expander('E', expanded=True)\nst.write(e.open)")
    assert texts(at) == ["`None`"]
    assert at.get("expander")[0].props["tracks_state"] is False


def test_popover_open_state_is_widget_state() -> None:
    at = run(
        "p = st.popover('Menu', on_change='rerun', key='menu')\n"
        "with p:\n    if p.open:\n        st.write('inside')\n"
        "st.write(p.open, st.session_state.menu)"
    )
    [pop] = at.get("popover")
    assert pop.props["open"] is False and pop.props["tracks_state"] is True
    assert texts(at) == ["`False` `False`"]
    switch(at, "popover", True)
    assert texts(at) == ["inside", "`True` `True`"]
    assert at.get("popover")[0].props["open"] is True


def test_containers_are_their_own_classes_and_what_they_draw_is_not() -> None:
    at = run(
        "t = st.tabs(['A'], on_change='rerun')\ne = st.expander('E')\np = st.popover('P')\n"
        "inner = t[0].container()\n"
        "st.write(' '.join(type(x).__name__ for x in (t, t[0], e, p, inner)))"
    )
    assert texts(at) == ["tuple TabContainer ExpanderContainer PopoverContainer DeltaGenerator"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.tabs([])", "The `tabs` parameter is required. Provide at least one tab label."),
        (
            "st.tabs(['a'], default='b')",
            "Invalid `default` value. Supported values: a tab label from `tabs`. "
            "`b` is not in the list of tabs.",
        ),
        (
            "st.tabs([1])",
            "Invalid `tabs` type. Expected one of: a string for each tab label. "
            "Provided type: int.",
        ),
        (
            "st.tabs(['a'], on_change=None)",
            "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        (
            "st.tabs(['a'], bind='x')",
            "Invalid `bind` value. Supported values: 'query-params', None.",
        ),
        (
            "st.tabs(['a'], bind='query-params')",
            "The `key` parameter is required. When using bind='query-params', the widget "
            "must have a unique 'key' parameter specified. This 'key' will be used as the "
            "name of the query parameter.",
        ),
        (
            "st.tabs(['a', 'a'], bind='query-params', key='k')",
            "Invalid `tabs` value. Supported values: unique labels. "
            "Tab labels must be unique when bind='query-params'.",
        ),
        (
            "st.tabs(['', 'b'], bind='query-params', key='k')",
            "Invalid `tabs` value. Supported values: non-empty labels. "
            "Tab labels must be non-empty when bind='query-params'.",
        ),
        ("st.expander(None)", "The `label` parameter is required."),
        (
            "st.expander('a', type='x')",
            "Invalid `type` value. Supported values: 'default', 'compact', 'step'.",
        ),
        (
            "st.expander('a', on_change=3)",
            "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        ("st.popover(None)", "The `label` parameter is required."),
        (
            "st.popover('a', on_change='x')",
            "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        (
            "st.expander('a', on_change='rerun', key='k')\n"
            "st.expander('b', on_change='rerun', key='k')",
            "There are multiple elements with the same `key='k'`.",
        ),
        (
            "st.tabs(['a'], on_change='rerun')\nst.tabs(['a'], on_change='rerun')",
            "There are multiple `tabs` elements with the same auto-generated ID.",
        ),
        (
            "st.tabs(['a'], on_change='rerun', key='k')\nst.session_state.k = 'a'",
            "`st.session_state['k']` cannot be modified after the widget with that key is "
            "instantiated.",
        ),
    ],
)
def test_errors_are_streamlits(call: str, message: str) -> None:
    at = AppTest.from_string("import streamlit as st\n" + call).run()
    assert at.exception, call
    assert at.exception[0].value.startswith(message)
