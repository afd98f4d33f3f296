"""``bind="query-params"`` (Streamlit 1.67) through stc's ``AppTest``: what a widget
drawn for the first time takes from the URL, what it leaves there, and how the URL
follows it afterwards. Streamlit's own AppTest agrees on the seeded values
(``tests/differential``: ``bind-query-params-*``); it does not track the address bar,
so what the URL says afterwards is checked here only."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest

from runtime_wasm._query import QueryParams
from runtime_wasm.testing import AppTest


def _seed(call: str, url: Any) -> AppTest:
    """Draw ``x = <call>`` with ``?k=<url>`` in the address bar."""
    at = AppTest.from_string(
        f"import datetime\nimport streamlit as st\nx = {call}\nst.write(repr(x))"
    )
    if url is not None:
        at.query_params["k"] = url
    return at.run()


def _value(at: AppTest) -> str:
    assert not at.exception, at.exception
    return str(at.markdown[-1].value)


# (call, URL value, value it gives, URL value left: None = dropped)
SEEDING = [
    ("st.checkbox('c', key='k', bind='query-params')", "TRUE", True, "TRUE"),
    ("st.checkbox('c', key='k', bind='query-params')", "false", False, None),  # default
    ("st.checkbox('c', key='k', bind='query-params')", "yes", False, None),
    ("st.checkbox('c', key='k', bind='query-params')", "", False, None),  # no empty state
    ("st.toggle('c', True, key='k', bind='query-params')", "false", False, "false"),
    ("st.slider('s', 0, 10, 3, key='k', bind='query-params')", "7.0", 7, "7.0"),
    ("st.slider('s', 0, 10, 3, key='k', bind='query-params')", "7.6", 7, "7"),  # int()
    ("st.slider('s', 0, 10, 3, key='k', bind='query-params')", "11", 3, None),
    ("st.slider('s', 0, 10, (2, 5), key='k', bind='query-params')", "4", (2, 5), None),
    ("st.slider('s', 0, 10, (2, 5), key='k', bind='query-params')", ["1", "9"], (1, 9), ["1", "9"]),
    (
        "st.slider('s', datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), "
        "datetime.date(2024, 3, 1), key='k', bind='query-params')",
        "2024-05-02",
        date(2024, 5, 2),
        "2024-05-02",
    ),
    (
        "st.slider('s', value=datetime.time(8, 0), key='k', bind='query-params')",
        "09:15:30",
        time(9, 15, 30),
        "09:15:30",
    ),
    (
        "st.select_slider('s', ['lo', 'mid', 'hi'], ('lo', 'hi'), key='k', bind='query-params')",
        ["hi", "mid"],
        ("mid", "hi"),
        ["mid", "hi"],
    ),
    ("st.radio('r', ['a', 'b'], key='k', bind='query-params')", "b", "b", "b"),
    ("st.radio('r', ['a', 'b'], key='k', bind='query-params')", "c", "a", None),
    ("st.selectbox('s', ['a', 'b'], index=None, key='k', bind='query-params')", "", None, None),
    (
        "st.selectbox('s', [1, 2], format_func=lambda n: f'#{n}', key='k', bind='query-params')",
        "#2",
        2,
        "#2",
    ),
    (
        "st.multiselect('m', ['x', 'y', 'z'], key='k', bind='query-params')",
        ["y", "q", "y"],
        ["y"],
        "y",
    ),
    ("st.multiselect('m', ['x', 'y', 'z'], ['x'], key='k', bind='query-params')", "", [], ""),
    (
        "st.multiselect('m', ['x', 'y', 'z'], key='k', max_selections=1, bind='query-params')",
        ["z", "x"],
        ["z"],
        "z",
    ),
    ("st.pills('p', ['x', 'y', 'z'], key='k', bind='query-params')", "z", "z", "z"),
    (
        "st.pills('p', ['x', 'y', 'z'], key='k', selection_mode='multi', bind='query-params')",
        ["x", "z"],
        ["x", "z"],
        ["x", "z"],
    ),
    ("st.text_input('t', key='k', bind='query-params')", "a b", "a b", "a b"),
    ("st.text_input('t', 'x', key='k', max_chars=2, bind='query-params')", "abc", "ab", "ab"),
    ("st.text_area('t', 'x', key='k', bind='query-params')", "", "", ""),
    ("st.number_input('n', 0.0, 1.0, key='k', bind='query-params')", "0.25", 0.25, "0.25"),
    ("st.number_input('n', 0, 10, key='k', bind='query-params')", "12", 0, None),
    ("st.number_input('n', value=None, key='k', bind='query-params')", "nan", None, None),
    ("st.color_picker('c', key='k', bind='query-params')", "ff0000", "#ff0000", "#ff0000"),
    ("st.color_picker('c', key='k', bind='query-params')", "red", "#000000", None),
    ("st.feedback('stars', key='k', bind='query-params')", "4", 4, "4"),
    ("st.feedback('thumbs', key='k', bind='query-params')", "4", None, None),
    ("st.pagination(5, key='k', bind='query-params')", "3", 3, "3"),
    ("st.pagination(5, key='k', bind='query-params')", "9", 1, None),
    (
        "st.time_input('t', datetime.time(8), key='k', bind='query-params')",
        "9:30",
        time(9, 30),
        "09:30",
    ),
    (
        "st.date_input('d', datetime.date(2024, 1, 1), key='k', bind='query-params')",
        "2024/02/03",
        date(2024, 2, 3),
        "2024-02-03",
    ),
    (
        "st.date_input('d', (datetime.date(2024, 1, 1), datetime.date(2024, 1, 5)), key='k', "
        "bind='query-params')",
        "2024-01-02",
        (date(2024, 1, 2),),
        "2024-01-02",
    ),
    (
        "st.datetime_input('d', datetime.datetime(2024, 1, 1, 8), key='k', bind='query-params')",
        "2024-01-02T10:15",
        datetime(2024, 1, 2, 10, 15),
        "2024-01-02T10:15",
    ),
]


@pytest.mark.parametrize(("call", "url", "value", "left"), SEEDING)
def test_a_widget_drawn_first_takes_its_value_from_the_url(
    call: str, url: Any, value: Any, left: Any
) -> None:
    at = _seed(call, url)
    assert _value(at) == repr(value)
    assert at.query_params.get("k") == left


def test_tabs_and_expanders_open_from_the_url() -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "tabs = st.tabs(['A', 'B'], key='t', bind='query-params')\n"
        "ex = st.expander('E', key='e', bind='query-params')\n"
        "st.write(repr(([t.open for t in tabs], ex.open)))"
    )
    at.query_params.update(t="B", e="true")
    at.run()
    assert _value(at) == repr(([False, True], True))


APP = """
import streamlit as st
st.checkbox("Dark", key="dark", bind="query-params")
st.multiselect("Tags", ["a", "b", "c"], ["a"], key="tags", bind="query-params")
st.text_input("Name", key="name", bind="query-params")
st.button("All tags", on_click=lambda: st.session_state.update(tags=["a", "b", "c"]))
"""


def test_the_url_follows_the_widgets_and_drops_defaults() -> None:
    at = AppTest.from_string(APP).run()
    assert at.query_params == {}
    at.checkbox[0].check()
    at.multiselect[0].set_value(["b", "c"])
    at.text_input[0].input("Ann Lee")
    at.run()
    assert at.query_params == {"dark": "true", "tags": ["b", "c"], "name": "Ann Lee"}
    at.multiselect[0].set_value([])  # cleared: an empty value, unlike the default
    at.checkbox[0].uncheck()
    at.run()
    assert at.query_params == {"tags": "", "name": "Ann Lee"}
    at.multiselect[0].set_value(["a"])
    at.text_input[0].input("")
    at.run()
    assert at.query_params == {}


def test_a_value_the_app_sets_goes_to_the_url() -> None:
    at = AppTest.from_string(APP).run()
    at.button[0].click().run()
    assert at.query_params == {"tags": ["a", "b", "c"]}


def test_the_app_cannot_set_a_bound_parameter() -> None:
    at = AppTest.from_string(APP + "st.query_params['dark'] = 'true'").run()
    assert at.exception[0].value == (
        "Cannot directly set query parameter 'dark' - it is bound to a widget. "
        "Modify the widget value instead."
    )


def test_a_widget_no_longer_drawn_takes_its_parameter_away_until_it_returns() -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "if st.toggle('Show', True):\n"
        "    st.slider('Zoom', 1, 10, 3, key='zoom', bind='query-params')"
    )
    at.query_params["zoom"] = "8"
    at.run()
    assert at.slider[0].value == 8
    at.toggle[0].set_value(False).run()
    assert at.query_params == {}
    at.toggle[0].set_value(True).run()  # back at its value, and in the URL again
    assert at.slider[0].value == 8
    assert at.query_params == {"zoom": "8"}


def test_a_later_url_value_does_not_override_the_widget() -> None:
    """Only the first draw (and Back/Forward) reads the URL, as in Streamlit."""
    at = AppTest.from_string(
        "import streamlit as st\nst.slider('Zoom', 1, 10, 3, key='zoom', bind='query-params')"
    ).run()
    at.query_params["zoom"] = "8"
    at.run()
    assert at.slider[0].value == 3


def test_history_navigation_makes_the_url_win() -> None:
    params = QueryParams("a=1")
    params.populate("a=2", history=True)
    params.begin_run()
    assert params.history_run and params.initial("a") == "2"
    params.begin_run()
    assert not params.history_run


def test_bound_writes_replace_the_history_entry_unless_the_app_wrote_too() -> None:
    params = QueryParams()
    params.bind("k", "$$ID-k")
    params.set_bound("k", "1", replace=True)
    change = params.take_change()
    assert change is not None and change.search == "k=1" and change.replace
    params.set_bound("k", "2", replace=True)
    params["other"] = "x"
    change = params.take_change()
    assert change is not None and not change.replace


def test_a_page_link_keeps_the_bound_parameters() -> None:
    """Streamlit's page adds them to a page link's address; Back and Forward do not."""
    params = QueryParams("k=2&other=1")
    params.bind("k", "$$ID-k")
    params.populate("", link=True)
    assert params.query_string() == "k=2"
    change = params.take_change()
    assert change is not None and change.replace
    params.begin_run()
    assert not params.history_run
    params.populate("", history=True)
    assert params.query_string() == "" and params.take_change() is None
