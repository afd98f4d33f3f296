"""Streamlit's execution model, through ``AppTest``: every interaction reruns the
whole script, callbacks run first, ``st.stop``/``st.rerun`` and errors end a run the
way Streamlit ends it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from runtime_wasm.testing import AppTest

RunApp = Callable[[str], AppTest]

COUNTER = """
import streamlit as st
if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Increment"):
    st.session_state.count += 1
st.write(f"Count: {st.session_state.count}")
"""


def test_button_is_true_only_in_the_run_after_the_click() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write("clicked" if st.button("b") else "idle")
        """
    ).run()
    assert at.markdown.values == ["idle"]
    assert at.button[0].value is False
    at.button[0].click().run()
    assert at.markdown.values == ["clicked"]
    assert at.button[0].value is True
    at.run()
    assert at.markdown.values == ["idle"]
    assert at.button[0].value is False


def test_counter_in_session_state_survives_reruns() -> None:
    at = AppTest.from_string(COUNTER).run()
    assert at.markdown[0].value == "Count: 0"
    for expected in (1, 2, 3):
        at.button[0].click().run()
        assert at.markdown[0].value == f"Count: {expected}"
    at.run()  # a rerun without a click keeps the count
    assert at.markdown[0].value == "Count: 3"
    assert at.session_state["count"] == 3


def test_every_run_executes_the_whole_script() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.checkbox("c")
        st.write(st.session_state.runs)
        """
    ).run()
    at.checkbox[0].check().run()
    at.checkbox[0].uncheck().run()
    assert at.markdown[0].value == "`3`"


CALLBACKS = """
import streamlit as st
st.session_state.setdefault("log", [])
def record(name, *, suffix=""):
    st.session_state.log.append(f"{name}{suffix}={st.session_state[name]!r}")
st.text_input("a", key="a", on_change=record, args=("a",))
st.checkbox("c", key="c", on_change=record, kwargs={"name": "c", "suffix": "!"})
st.button("b", key="b", on_click=record, args=("b",))
st.write("|".join(st.session_state.log) or "none")
"""


@pytest.mark.parametrize(
    ("interact", "expected"),
    [
        pytest.param(lambda at: at.text_input[0].input("x"), "a='x'", id="text-args"),
        pytest.param(lambda at: at.checkbox[0].check(), "c!=True", id="checkbox-kwargs"),
        pytest.param(lambda at: at.button[0].click(), "b=True", id="button-on-click"),
        pytest.param(
            lambda at: (at.checkbox[0].check(), at.text_input[0].input("y")),
            "a='y'|c!=True",
            id="rendering-order",
        ),
        pytest.param(lambda at: None, "none", id="plain-rerun-no-callback"),
        pytest.param(lambda at: at.text_input[0].input(""), "none", id="unchanged-no-callback"),
    ],
)
def test_callbacks_run_before_the_script_with_the_new_value(
    interact: Callable[[AppTest], object], expected: str
) -> None:
    at = AppTest.from_string(CALLBACKS).run()
    interact(at)
    at.run()
    assert at.markdown[0].value == expected


def test_callback_runs_once_per_change() -> None:
    at = AppTest.from_string(CALLBACKS).run()
    at.checkbox[0].check().run()
    at.run()
    at.run()
    assert at.session_state["log"] == ["c!=True"]


def test_stop_keeps_what_was_drawn_before_it(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        st.write("before")
        st.stop()
        st.write("after")
        """
    )
    assert at.markdown.values == ["before"]
    assert not at.exception


def test_guarded_rerun_starts_over_with_the_changed_state(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.write(f"run {st.session_state.n}")
        if st.session_state.n < 3:
            st.session_state.n += 1
            st.rerun()
        st.write("done")
        """
    )
    # Only the last, complete run is shown.
    assert at.markdown.values == ["run 3", "done"]


def test_top_level_await(run_app: RunApp) -> None:
    at = run_app(
        """
        import asyncio
        import streamlit as st
        await asyncio.sleep(0)
        st.write("awaited")
        """
    )
    assert at.markdown.values == ["awaited"]
    assert not at.exception


RAISES = """
import streamlit as st
st.write("before")
if st.session_state.get("fail", True):
    raise ValueError("bad input")
st.write("after")
"""


def test_exception_is_shown_with_type_message_and_app_traceback() -> None:
    at = AppTest.from_string(RAISES).run()
    assert at.markdown.values == ["before"]
    (exc,) = at.exception
    assert exc.props["type"] == "ValueError"
    assert exc.value == "bad input"
    assert exc.stack_trace == [
        'File "app.py", line 5, in <module>',
        '    raise ValueError("bad input")',
    ]
    assert exc.is_markdown is False  # not a StreamlitAPIException


def test_next_run_works_once_the_condition_is_gone() -> None:
    at = AppTest.from_string(RAISES).run()
    at.session_state["fail"] = False
    at.run()
    assert at.markdown.values == ["before", "after"]
    assert not at.exception


def test_traceback_names_the_app_frames_only(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        def inner():
            return 1 / 0
        inner()
        """
    )
    assert at.exception[0].props["type"] == "ZeroDivisionError"
    assert at.exception[0].stack_trace == [
        'File "app.py", line 5, in <module>',
        "    inner()",
        'File "app.py", line 4, in inner',
        "    return 1 / 0",
    ]


def test_api_error_is_flagged_as_markdown(run_app: RunApp) -> None:
    at = run_app("import streamlit as st\nst.columns(0)\n")
    assert at.exception[0].props["type"] == "StreamlitAPIException"
    assert at.exception[0].is_markdown is True


def test_syntax_error_is_an_exception_element(run_app: RunApp) -> None:
    at = run_app("import streamlit as st\nst.write('a'\n")
    (exc,) = at.exception
    assert exc.props["type"] == "SyntaxError"
    assert exc.value == "'(' was never closed"
    assert exc.stack_trace[0] == 'File "app.py", line 2'
    assert exc.stack_trace[1] == "    st.write('a'"


def test_exception_in_callback_is_shown_and_the_script_still_runs() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def boom():
            raise RuntimeError("in callback")
        st.button("b", on_click=boom)
        st.write("script ran")
        """
    ).run()
    at.button[0].click().run()
    assert at.exception[0].value == "in callback"
    assert at.markdown.values == ["script ran"]


def test_script_runs_as_main(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        st.write(__name__)
        if __name__ == "__main__":
            st.write("main guard entered")
        """
    )
    assert at.markdown.values == ["__main__", "main guard entered"]


def test_timeout_is_reported() -> None:
    at = AppTest.from_string("import asyncio\nawait asyncio.sleep(5)\n", default_timeout=0.05)
    with pytest.raises(RuntimeError, match=r"timed out after 0.05"):
        at.run()


SITES = sorted((Path(__file__).parents[2] / "sites").glob("*/app.py"))


@pytest.mark.parametrize("app", SITES, ids=[p.parent.name for p in SITES])
def test_example_sites_run_cleanly(app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(app.parent)  # as in the site, and as `streamlit run` is used
    at = AppTest.from_file(app).run()
    assert not at.exception, at.exception[0].value
    for button in at.button:  # every click reruns without an error
        button.click().run()
        assert not at.exception, at.exception[0].value
