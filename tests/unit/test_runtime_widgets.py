"""Each widget: defaults, return types (int vs float, tuple for a range, option
objects), interactions, and the API errors Streamlit raises for bad arguments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from runtime_wasm.testing import AppTest

RunApp = Callable[[str], AppTest]


def returned(run_app: RunApp, call: str) -> Any:
    """Run ``x = <call>`` and return ``x`` as the app saw it (through session_state)."""
    at = run_app(f"import streamlit as st\nst.session_state.out = {call}\n")
    assert not at.exception, at.exception[0].value
    return at.session_state["out"]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        pytest.param("st.button('b')", False, id="button"),
        pytest.param("st.checkbox('c')", False, id="checkbox"),
        pytest.param("st.checkbox('c', value=True)", True, id="checkbox-true"),
        pytest.param("st.toggle('t')", False, id="toggle"),
        pytest.param("st.radio('r', ['a', 'b'])", "a", id="radio"),
        pytest.param("st.radio('r', ['a', 'b'], index=1)", "b", id="radio-index"),
        pytest.param("st.radio('r', ['a', 'b'], index=None)", None, id="radio-none"),
        pytest.param("st.selectbox('s', [1, 2, 3])", 1, id="selectbox"),
        pytest.param("st.selectbox('s', [1, 2, 3], index=None)", None, id="selectbox-none"),
        pytest.param("st.selectbox('s', {'k1': 'v1', 'k2': 'v2'})", "k1", id="selectbox-dict"),
        pytest.param("st.multiselect('m', ['a', 'b'])", [], id="multiselect"),
        pytest.param("st.multiselect('m', ['a', 'b'], default='b')", ["b"], id="ms-default-str"),
        pytest.param("st.multiselect('m', ['a', 'b'], ['b', 'a'])", ["b", "a"], id="ms-order"),
        pytest.param("st.slider('s')", 0, id="slider-bare"),
        pytest.param("st.slider('s', 0, 10, 5)", 5, id="slider-int"),
        pytest.param("st.slider('s', 0.0, 1.0)", 0.0, id="slider-float-min"),
        pytest.param("st.slider('s', 0.0, 1.0, 0.5)", 0.5, id="slider-float"),
        pytest.param("st.slider('s', 0, 10, (2, 8))", (2, 8), id="slider-range"),
        pytest.param("st.slider('s', 0, 10, [2, 8])", (2, 8), id="slider-range-list"),
        pytest.param("st.slider('s', 0, 10, (8, 2))", (2, 8), id="slider-range-swapped"),
        pytest.param("st.slider('s', 0, 10, 50)", 50, id="slider-widens-to-value"),
        pytest.param("st.text_input('t')", "", id="text_input"),
        pytest.param("st.text_input('t', value=None)", None, id="text_input-none"),
        pytest.param("st.text_input('t', 'hello', max_chars=3)", "hel", id="text-max-chars"),
        pytest.param("st.text_input('t', 5)", "5", id="text_input-str"),
        pytest.param("st.text_area('t', 'a\\nb')", "a\nb", id="text_area"),
        pytest.param("st.number_input('n')", 0.0, id="number-bare-is-float"),
        pytest.param("st.number_input('n', value=3)", 3, id="number-int"),
        pytest.param("st.number_input('n', value=1.5)", 1.5, id="number-float"),
        pytest.param("st.number_input('n', value=None)", None, id="number-none"),
        pytest.param("st.number_input('n', min_value=2)", 2, id="number-min"),
        pytest.param("st.number_input('n', min_value=0, max_value=5, value=1)", 1, id="nb-bounds"),
    ],
)
def test_default_values(run_app: RunApp, call: str, expected: Any) -> None:
    value = returned(run_app, call)
    assert value == expected
    assert type(value) is type(expected)  # int vs float, tuple vs list, str vs None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(
            "st.slider('s', 0, 10.0, 5)",
            "Invalid `value` type. Expected one of: matching numeric types, matching date/time "
            "types. Provided type: min_value=int, max_value=float, step=int.",
            id="slider-mixed-bounds",
        ),
        pytest.param(
            "st.slider('s', 0, 10, 5.0)",
            "Invalid `value` type. Expected one of: matching numeric types, matching date/time "
            "types. Provided type: min_value=int, max_value=int, step=float.",
            id="slider-float-value-int-bounds",
        ),
        pytest.param(
            "st.slider('s', 0, 10, (1, 5.0))",
            "Invalid `value` type. Expected one of: list or tuple containing values of the "
            "same type. Provided type: int, float.",
            id="slider-mixed-range",
        ),
        pytest.param(
            "st.slider('s', 5, 5)",
            "The `min_value` and `max_value` parameters are both set to 5. They must not be equal.",
            id="slider-equal-bounds",
        ),
        pytest.param(
            "st.number_input('n', min_value=0, value=1.5)",
            "All numerical arguments must be of the same type.\n`value` has float type.\n"
            "`min_value` has int type.",
            id="number-mixed",
        ),
        pytest.param(
            "st.number_input('n', min_value=3, value=1)",
            "The `value` 1 is less than the `min_value` 3.",
            id="number-below-min",
        ),
        pytest.param(
            "st.number_input('n', max_value=3, value=5)",
            "The `value` 5 is greater than the `max_value` 3.",
            id="number-above-max",
        ),
        pytest.param(
            "st.number_input('n', min_value=3, max_value=1)",
            "The `min_value`, set to 3, cannot be greater than the `max_value`, set to 1.",
            id="number-min-above-max",
        ),
        pytest.param(
            "st.multiselect('m', ['a', 'b', 'c'], default=['a', 'b'], max_selections=1)",
            "Multiselect has 2 options selected but `max_selections` is set to 1. This happened "
            "because you either gave too many options to `default` or you manipulated the "
            "widget's state through `st.session_state`. Note that the latter can happen before "
            "the line indicated in the traceback. Please select at most 1 option.",
            id="multiselect-max-selections",
        ),
        pytest.param(
            "st.multiselect('m', ['a'], default=['z'])",
            "The default value 'z' is not part of the options. Please make sure that every "
            "default value also exists in the options.",
            id="multiselect-unknown-default",
        ),
        pytest.param(
            "st.selectbox('s', ['a'], index=3)",
            "The `index` parameter, set to 3, is outside the required range [0, 0].",
            id="selectbox-index",
        ),
        pytest.param(
            "st.radio('r', ['a', 'b'], index=-1)",
            "The `index` parameter, set to -1, is outside the required range [0, 1].",
            id="radio-negative-index",
        ),
        pytest.param(
            "st.form_submit_button('go')",
            "`st.form_submit_button()` must be used inside an `st.form()`.\n\nFor more "
            "information, refer to the\n[documentation for forms]"
            "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).",
            id="submit-outside-form",
        ),
        pytest.param(
            "st.button('b', type='huge')",
            'The type argument to st.button must be "primary", "secondary", or "tertiary". '
            '\nThe argument passed was "huge".',
            id="button-type",
        ),
        pytest.param(
            "st.checkbox('c', label_visibility='gone')",
            "Unsupported label_visibility option 'gone'. Valid values are 'visible', 'hidden' "
            "or 'collapsed'.",
            id="label-visibility",
        ),
    ],
)
def test_argument_errors(run_app: RunApp, call: str, message: str) -> None:
    at = run_app(f"import streamlit as st\n{call}\n")
    (exc,) = at.exception
    assert exc.value == message
    assert exc.is_markdown  # a StreamlitAPIException


def test_max_selections_applies_to_a_value_from_session_state(run_app: RunApp) -> None:
    at = run_app(
        "import streamlit as st\nst.session_state.m = ['a', 'b']\n"
        "st.multiselect('m', ['a', 'b'], key='m', max_selections=1)\n"
    )
    assert at.exception[0].value.startswith("Multiselect has 2 options selected")


ECHO = "import streamlit as st\nst.session_state.out = {call}\n"


@pytest.mark.parametrize(
    ("call", "interact", "expected"),
    [
        pytest.param("st.checkbox('c')", lambda w: w.check(), True, id="checkbox-check"),
        pytest.param("st.checkbox('c', True)", lambda w: w.uncheck(), False, id="checkbox-uncheck"),
        pytest.param("st.toggle('t')", lambda w: w.set_value(True), True, id="toggle"),
        pytest.param("st.radio('r', ['a', 'b'])", lambda w: w.set_value("b"), "b", id="radio"),
        pytest.param("st.selectbox('s', [10, 20, 30])", lambda w: w.select(30), 30, id="selectbox"),
        pytest.param(
            "st.selectbox('s', [10, 20], index=None)",
            lambda w: w.select_index(1),
            20,
            id="selectbox-index",
        ),
        pytest.param(
            "st.selectbox('s', [10, 20])", lambda w: w.select_index(None), None, id="sb-clear"
        ),
        pytest.param(
            "st.multiselect('m', ['a', 'b', 'c'], ['b'])",
            lambda w: w.select("a"),
            ["b", "a"],
            id="multiselect-select",
        ),
        pytest.param(
            "st.multiselect('m', ['a', 'b'], ['a', 'b'])",
            lambda w: w.unselect("a"),
            ["b"],
            id="multiselect-unselect",
        ),
        pytest.param("st.slider('s', 0, 10, 5)", lambda w: w.set_value(7), 7, id="slider-int"),
        pytest.param(
            "st.slider('s', 0.0, 1.0)", lambda w: w.set_value(0.25), 0.25, id="slider-float"
        ),
        pytest.param(
            "st.slider('s', 0, 10, (2, 8))",
            lambda w: w.set_range(1, 3),
            (1, 3),
            id="slider-range",
        ),
        pytest.param("st.text_input('t')", lambda w: w.input("hi"), "hi", id="text_input"),
        pytest.param("st.text_area('t')", lambda w: w.input("a\nb"), "a\nb", id="text_area"),
        pytest.param(
            "st.number_input('n', value=1)", lambda w: w.increment(), 2, id="number-increment"
        ),
        pytest.param(
            "st.number_input('n', value=1.5)",
            lambda w: w.decrement(),
            1.49,
            id="number-decrement-float",
        ),
        pytest.param(
            "st.number_input('n', max_value=5, value=5)",
            lambda w: w.increment(),
            5,
            id="number-increment-at-max",
        ),
        pytest.param(
            "st.number_input('n', min_value=0, value=0)",
            lambda w: w.decrement(),
            0,
            id="number-decrement-at-min",
        ),
        pytest.param(
            "st.number_input('n', value=1, step=5)", lambda w: w.increment(), 6, id="nb-step"
        ),
        pytest.param(
            "st.number_input('n', value=None)", lambda w: w.set_value(4), 4.0, id="number-none-set"
        ),
    ],
)
def test_interactions(call: str, interact: Callable[[Any], Any], expected: Any) -> None:
    at = AppTest.from_string(ECHO.format(call=call)).run()
    (widget,) = [n for n in at.main.children]
    interact(widget)
    at.run()
    assert not at.exception
    value = at.session_state["out"]
    assert value == pytest.approx(expected) if isinstance(expected, float) else value == expected
    assert type(value) is type(expected)
    assert at.main.children[0].value == value  # the widget shows what the app got


def test_format_func_shows_labels_and_returns_option_objects() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from dataclasses import dataclass
        @dataclass(frozen=True)
        class Plan:
            name: str
            price: int
        plans = [Plan("free", 0), Plan("pro", 9)]
        choice = st.radio("Plan", plans, format_func=lambda p: p.name.title())
        pick = st.selectbox("Other", plans, index=1, format_func=lambda p: f"{p.price} EUR")
        st.write(repr(choice), repr(pick))
        """
    ).run()
    assert at.radio[0].options == ["Free", "Pro"]
    assert at.selectbox[0].options == ["0 EUR", "9 EUR"]
    assert at.markdown[0].value == "Plan(name='free', price=0) Plan(name='pro', price=9)"
    at.radio[0].select_index(1).run()
    assert at.markdown[0].value == "Plan(name='pro', price=9) Plan(name='pro', price=9)"
    assert at.radio[0].index == 1


def test_options_changing_resets_a_choice_that_no_longer_exists() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        opts = st.session_state.get("opts", ["a", "b"])
        st.session_state.out = st.selectbox("s", opts, key="s")
        """
    ).run()
    at.selectbox[0].select("b").run()
    at.session_state["opts"] = ["a", "c"]
    at.run()
    assert at.session_state["out"] == "a"


def test_button_inside_a_form_is_an_error(run_app: RunApp) -> None:
    at = run_app("import streamlit as st\nwith st.form('f'):\n    st.button('b')\n")
    assert at.exception[0].value.startswith(
        "`st.button()` can't be used in an `st.form()`. Use `st.form_submit_button()` "
        "instead to submit the form."
    )


# -- forms --------------------------------------------------------------------------

FORM = """
import streamlit as st
with st.form("f", clear_on_submit={clear}):
    name = st.text_input("name")
    level = st.slider("level", 0, 10, 1)
    sent = st.form_submit_button("Send")
st.write(f"{{name!r}} {{level}} {{sent}}")
outside = st.checkbox("outside")
"""


def test_form_values_apply_only_on_submit() -> None:
    # Deliberately unlike Streamlit's own AppTest (which drops the values of widgets
    # inside a form): like the browser, our AppTest holds them until the submit.
    at = AppTest.from_string(FORM.format(clear=False)).run()
    at.text_input[0].input("Ada")
    at.slider[0].set_value(7)
    at.checkbox[0].check().run()  # another widget reruns; the form keeps its values back
    assert at.markdown[0].value == "'' 1 False"
    at.button[0].click().run()
    assert at.markdown[0].value == "'Ada' 7 True"
    assert at.button[0].value is True
    at.run()
    assert at.markdown[0].value == "'Ada' 7 False"


def test_clear_on_submit_resets_to_defaults_after_the_submit_run() -> None:
    at = AppTest.from_string(FORM.format(clear=True)).run()
    at.text_input[0].input("Ada")
    at.slider[0].set_value(7)
    at.button[0].click().run()
    assert at.markdown[0].value == "'Ada' 7 True"  # the submit run sees the values
    assert (at.text_input[0].value, at.slider[0].value) == ("", 1)  # the form is cleared
    at.run()
    assert at.markdown[0].value == "'' 1 False"


def test_form_submit_button_on_click_runs_on_submit() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def sent(who):
            st.session_state.sent = f"{who}:{st.session_state.name}"
        with st.form("f"):
            st.text_input("name", key="name")
            st.form_submit_button("Send", on_click=sent, args=("cb",))
        st.write(st.session_state.get("sent", "nothing"))
        """
    ).run()
    at.text_input[0].input("Ada")
    at.button[0].click().run()
    assert at.markdown[0].value == "cb:Ada"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            "with st.form('a'):\n    with st.form('b'):\n        pass",
            "Forms cannot be nested in other forms.",
            id="nested",
        ),
        pytest.param(
            "with st.form('a'):\n    st.form_submit_button()\nwith st.form('a'):\n    pass",
            "There are multiple identical forms with `key='a'`. To fix this, please make sure "
            "that the `key` argument is unique for each `st.form` you create.",
            id="duplicate-key",
        ),
    ],
)
def test_form_errors(run_app: RunApp, body: str, message: str) -> None:
    at = run_app(f"import streamlit as st\n{body}\n")
    assert at.exception[0].value == message


def test_form_in_the_sidebar_and_in_a_column(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        with st.sidebar.form("s"):
            st.text_input("a")
            st.form_submit_button()
        col, _ = st.columns(2)
        with col.form("c"):
            st.text_input("a")
            st.form_submit_button()
        """
    )
    assert not at.exception
    assert len(at.sidebar.text_input) == 1
    assert len(at.main.text_input) == 1


@pytest.mark.parametrize(
    ("call", "shown"),
    [
        ("st.number_input('n', value=3.5)", "%0.2f"),  # Streamlit shows 3.50
        ("st.number_input('n', value=3)", "%d"),
        ("st.number_input('n', value=3.5, format='%.3f')", "%.3f"),
    ],
)
def test_number_input_shows_streamlits_default_format(
    run_app: RunApp, call: str, shown: str
) -> None:
    at = run_app(f"import streamlit as st\n{call}\n")
    assert at.number_input[0].props["format"] == shown


def test_number_input_default_format_is_not_part_of_its_id(run_app: RunApp) -> None:
    # Streamlit's id takes the format parameter as given: None and "%0.2f" differ.
    plain = run_app("import streamlit as st\nst.number_input('n', value=3.5)\n")
    told = run_app("import streamlit as st\nst.number_input('n', value=3.5, format='%0.2f')\n")
    assert plain.number_input[0].id != told.number_input[0].id
