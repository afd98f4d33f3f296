"""Widget identity and ``st.session_state``, with Streamlit's rules and messages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from runtime_wasm._errors import (
    StreamlitDuplicateElementId,
    StreamlitDuplicateElementKey,
    StreamlitValueAssignmentNotAllowedError,
    StreamlitWidgetAlreadyInstantiatedError,
)
from runtime_wasm._state import missing_key_message
from runtime_wasm.testing import AppTest

RunApp = Callable[[str], AppTest]

# -- widget identity ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "st.button('a')\nst.button('a')",
            str(StreamlitDuplicateElementId("button")),
            id="same-button-twice",
        ),
        pytest.param(
            "st.slider('s', 0, 5)\nst.slider('s', 0, 5)",
            str(StreamlitDuplicateElementId("slider")),
            id="same-slider-twice",
        ),
        pytest.param(
            "st.button('a', key='k')\nst.checkbox('b', key='k')",
            str(StreamlitDuplicateElementKey("k")),
            id="same-key-two-kinds",
        ),
        pytest.param(
            "st.text_input('a', key='k')\nst.text_input('b', key='k')",
            str(StreamlitDuplicateElementKey("k")),
            id="same-key-two-labels",
        ),
        pytest.param(
            "st.checkbox('a', key=1)\nst.checkbox('a', key='1')",
            str(StreamlitDuplicateElementKey("1")),
            id="int-key-is-its-string",
        ),
    ],
)
def test_duplicate_widgets_show_streamlit_error(run_app: RunApp, body: str, expected: str) -> None:
    at = run_app(f"import streamlit as st\n{body}\nst.write('not reached')\n")
    (exc,) = at.exception
    assert exc.value == expected
    assert exc.props["type"] in ("StreamlitDuplicateElementId", "StreamlitDuplicateElementKey")
    assert "not reached" not in at.markdown.values
    assert len(at.main.children) == 2  # the first widget, then the error


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("st.button('a')\nst.sidebar.button('a')", id="main-and-sidebar"),
        pytest.param("st.button('a')\nwith st.sidebar:\n    st.button('a')", id="with-sidebar"),
        pytest.param("st.button('a')\nst.button('a', key='other')", id="one-keyed"),
        pytest.param("st.button('a')\nst.button('b')", id="different-labels"),
        pytest.param("st.checkbox('a')\nst.toggle('a')", id="different-kinds"),
        pytest.param("st.slider('s', 0, 5)\nst.slider('s', 0, 6)", id="different-params"),
        pytest.param(
            "with st.form('f'):\n    st.text_input('t')\n    st.form_submit_button()\n"
            "st.text_input('t')",
            id="form-and-main",
        ),
    ],
)
def test_distinct_widgets_are_allowed(run_app: RunApp, body: str) -> None:
    at = run_app(f"import streamlit as st\n{body}\n")
    assert not at.exception


def test_widget_id_is_stable_across_reruns_and_key_wins_over_label() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        st.text_input(f"label {st.session_state.n}", key="name")
        st.checkbox("plain")
        """
    ).run()
    ids = (at.text_input[0].id, at.checkbox[0].id)
    at.text_input[0].input("kept").run()
    assert (at.text_input[0].id, at.checkbox[0].id) == ids
    assert at.text_input[0].value == "kept"  # the label changed, the key kept its state
    assert at.text_input[0].label == "label 2"


CLEANUP = """
import streamlit as st
if st.checkbox("show", key="show"):
    st.text_input("plain")
    st.text_input("keyed", key="keyed")
"""


def test_widget_not_rendered_in_a_run_loses_its_state() -> None:
    at = AppTest.from_string(CLEANUP).run()
    at.checkbox[0].check().run()
    at.text_input[0].input("a")
    at.text_input[1].input("b").run()
    assert at.session_state["keyed"] == "b"
    at.checkbox[0].uncheck().run()
    assert "keyed" not in at.session_state
    at.checkbox[0].check().run()
    assert at.text_input.values == ["", ""]


def test_key_set_by_the_user_survives_without_its_widget() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("mine", "set by app")
        if st.session_state.get("draw", True):
            st.text_input("t", key="other")
        st.write(st.session_state.mine)
        """
    ).run()
    at.session_state["draw"] = False
    at.run()
    assert at.session_state["mine"] == "set by app"
    assert "other" not in at.session_state
    assert at.markdown.values == ["set by app"]


# -- session_state as a mapping --------------------------------------------------

MAPPING = """
import streamlit as st
st.session_state["item"] = 1
st.session_state.attr = 2
st.checkbox("no key")
st.checkbox("with key", key="box")
st.write(repr(st.session_state.item + st.session_state["attr"]))
st.write(repr(("item" in st.session_state, "nope" in st.session_state)))
st.write(repr(sorted(st.session_state)))
st.write(repr(sorted(st.session_state.to_dict().items())))
st.write(repr(len(st.session_state)))
del st.session_state["item"]
del st.session_state.attr
st.write(repr(sorted(st.session_state.keys())))
"""


def test_session_state_item_and_attribute_access(run_app: RunApp) -> None:
    at = run_app(MAPPING)
    assert not at.exception
    assert at.markdown.values == [
        "3",
        "(True, False)",
        "['attr', 'box', 'item']",  # internal $$ID keys are hidden
        "[('attr', 2), ('box', False), ('item', 1)]",
        "3",
        "['box']",
    ]


@pytest.mark.parametrize(
    ("line", "exc_type", "message"),
    [
        pytest.param(
            "st.session_state['nope']", "KeyError", repr(missing_key_message("nope")), id="item"
        ),
        pytest.param(
            "st.session_state.nope",
            "AttributeError",
            'st.session_state has no attribute "nope". Did you forget to initialize it? '
            "More info: https://docs.streamlit.io/develop/concepts/architecture/"
            "session-state#initialization",
            id="attribute",
        ),
        pytest.param(
            "del st.session_state['nope']", "KeyError", repr(missing_key_message("nope")), id="del"
        ),
    ],
)
def test_missing_key_messages(run_app: RunApp, line: str, exc_type: str, message: str) -> None:
    at = run_app(f"import streamlit as st\n{line}\n")
    assert at.exception[0].props["type"] == exc_type
    assert at.exception[0].value == message


def test_missing_key_message_is_streamlits() -> None:
    assert missing_key_message("x") == (
        'st.session_state has no key "x". Did you forget to initialize it? More info: '
        "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
    )


def test_get_and_setdefault_work(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        st.write(repr(st.session_state.get("a", "dflt")))
        st.session_state.setdefault("a", 5)
        st.session_state.setdefault("a", 6)
        st.write(repr(st.session_state.a))
        """
    )
    assert at.markdown.values == ["'dflt'", "5"]


# -- setting widget values through session_state --------------------------------


@pytest.mark.parametrize(
    ("widget", "assigned", "shown"),
    [
        pytest.param("st.checkbox('c', key='w')", True, True, id="checkbox"),
        pytest.param("st.toggle('c', key='w')", True, True, id="toggle"),
        pytest.param("st.text_input('t', key='w')", "preset", "preset", id="text_input"),
        pytest.param("st.slider('s', 0, 10, key='w')", 7, 7, id="slider"),
        pytest.param("st.number_input('n', key='w')", 2.5, 2.5, id="number_input"),
        pytest.param("st.selectbox('s', ['a', 'b'], key='w')", "b", "b", id="selectbox"),
        pytest.param("st.radio('r', ['a', 'b'], key='w')", "b", "b", id="radio"),
        pytest.param("st.multiselect('m', ['a', 'b'], key='w')", ["b"], ["b"], id="multiselect"),
        pytest.param("st.selectbox('s', ['a', 'b'], key='w')", "zzz", "a", id="invalid-option"),
    ],
)
def test_value_set_through_key_before_the_widget_is_what_it_shows(
    run_app: RunApp, widget: str, assigned: object, shown: object
) -> None:
    at = run_app(
        f"import streamlit as st\nst.session_state.w = {assigned!r}\nst.write(repr({widget}))\n"
    )
    assert not at.exception
    assert at.markdown[0].value == repr(shown)
    assert at.session_state["w"] == shown


@pytest.mark.parametrize(
    ("assigned", "widget", "message"),
    [
        pytest.param(
            "99",
            "st.slider('s', 0, 10, key='w')",
            "The `value` 99 is greater than the `max_value` 10.",
        ),
        pytest.param(
            "-0.5",
            "st.slider('s', 0.0, 1.0, key='w')",
            "The `value` -0.5 is less than the `min_value` 0.0.",
        ),
        pytest.param(
            "dt.date(2020, 1, 1)",
            "st.slider('s', dt.date(2024, 1, 1), dt.date(2024, 2, 1), key='w')",
            "The `value` 2020-01-01 is less than the `min_value` 2024-01-01.",
            id="date",
        ),
        pytest.param(
            "(dt.time(1), dt.time(3))",
            "st.slider('s', dt.time(2), dt.time(23), (dt.time(3), dt.time(4)), key='w')",
            "The `value` 01:00:00 is less than the `min_value` 02:00:00.",
            id="time-range",
        ),
    ],
)
def test_a_slider_value_assigned_out_of_bounds_is_streamlits_error(
    run_app: RunApp, assigned: str, widget: str, message: str
) -> None:
    at = run_app(
        "import datetime as dt\nimport streamlit as st\n"
        f"st.session_state.w = {assigned}\n{widget}\n"
    )
    (exc,) = at.exception
    assert exc.value == message


def test_a_slider_value_assigned_out_of_bounds_in_a_callback_is_an_error_too() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def jump():
            st.session_state.level = 50
        st.slider("level", 0, 10, key="level")
        st.button("jump", on_click=jump)
        """
    ).run()
    at.button[0].click().run()
    (exc,) = at.exception
    assert exc.value == "The `value` 50 is greater than the `max_value` 10."


def test_value_set_from_a_callback_is_what_the_widget_shows() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def reset():
            st.session_state.name = ""
        st.text_input("name", key="name")
        st.button("clear", on_click=reset)
        """
    ).run()
    at.text_input[0].input("Ada").run()
    assert at.text_input[0].value == "Ada"
    at.button[0].click().run()
    assert not at.exception
    assert at.text_input[0].value == ""


def test_setting_a_widget_key_after_the_widget_is_an_error(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        st.checkbox("c", key="c")
        st.session_state.c = True
        """
    )
    assert at.exception[0].props["type"] == "StreamlitWidgetAlreadyInstantiatedError"
    assert at.exception[0].value == str(StreamlitWidgetAlreadyInstantiatedError("c"))
    assert str(StreamlitWidgetAlreadyInstantiatedError("c")).startswith(
        "`st.session_state['c']` cannot be modified after the widget with that key is instantiated."
    )


@pytest.mark.parametrize(
    ("body", "exc"),
    [
        pytest.param(
            "st.session_state.b = True\nst.button('b', key='b')",
            StreamlitValueAssignmentNotAllowedError("b"),
            id="button-before",
        ),
        pytest.param(
            "st.button('b', key='b')\nst.session_state.b = True",
            StreamlitWidgetAlreadyInstantiatedError("b"),
            id="button-after",
        ),
        pytest.param(
            "st.session_state.s = True\nwith st.form('f'):\n    st.form_submit_button(key='s')",
            StreamlitValueAssignmentNotAllowedError("s"),
            id="submit-button-before",
        ),
    ],
)
def test_setting_a_button_key_is_refused(run_app: RunApp, body: str, exc: Exception) -> None:
    at = run_app(f"import streamlit as st\n{body}\n")
    assert at.exception[0].props["type"] == type(exc).__name__
    assert at.exception[0].value == str(exc)


def test_button_key_assignment_message() -> None:
    assert str(StreamlitValueAssignmentNotAllowedError("b")) == (
        "`st.session_state['b']` is read-only and cannot be assigned through session state. "
        "Use a different session state key for values you need to set."
    )


def test_reading_a_button_key_is_allowed_and_false_after_the_run() -> None:
    at = AppTest.from_string(
        "import streamlit as st\nst.button('b', key='b')\nst.write(st.session_state.b)\n"
    ).run()
    at.button[0].click().run()
    assert at.markdown.values == ["`True`"]
    assert at.session_state["b"] is False  # triggers reset after the run, as in Streamlit


def test_session_state_outside_a_run_fails_loudly() -> None:
    from runtime_wasm._context import NoRunContextError
    from runtime_wasm.streamlit import session_state

    with pytest.raises(NoRunContextError, match="No script is running"):
        session_state["x"] = 1


# -- gaps found against Streamlit 1.67's SessionStateProxy ---------------------------


@pytest.mark.parametrize(
    ("line", "exc_type", "message"),
    [
        pytest.param(
            "del st.session_state.nope",
            "AttributeError",
            'st.session_state has no attribute "nope". Did you forget to initialize it? '
            "More info: https://docs.streamlit.io/develop/concepts/architecture/"
            "session-state#initialization",
            id="delattr",
        ),
        pytest.param(
            "st.session_state[''] = 1",
            "StreamlitValueError",
            "Invalid `key` value. Supported values: a non-empty string.",
            id="empty-key",
        ),
        pytest.param(
            "st.session_state['$$ID-x'] = 1",
            "StreamlitAPIException",
            "Keys beginning with $$ID are reserved.",
            id="reserved-prefix",
        ),
    ],
)
def test_key_errors_are_streamlits(run_app: RunApp, line: str, exc_type: str, message: str) -> None:
    at = run_app(f"import streamlit as st\n{line}\n")
    assert at.exception[0].props["type"] == exc_type
    assert at.exception[0].value == message


def test_non_string_keys_become_strings(run_app: RunApp) -> None:
    at = run_app(
        "import streamlit as st\nst.session_state[1] = 'one'\n"
        "st.write(repr((st.session_state['1'], list(st.session_state))))\n"
    )
    assert at.markdown.values == ["('one', ['1'])"]


def test_callbacks_run_in_render_order_before_the_script() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        log = st.session_state.log
        with st.form("f"):
            st.text_input("b", key="b", on_change=lambda: log.append("b"))
            st.text_input("a", key="a", on_change=lambda: log.append("a"))
            st.form_submit_button("go", on_click=lambda: log.append("submit"))
        log.append("script")
        """
    ).run()
    at.session_state["log"].clear()
    at.text_input(key="a").set_value("1")
    at.text_input(key="b").set_value("2")
    at.button[0].click().run()
    assert at.session_state["log"] == ["b", "a", "submit", "script"]
