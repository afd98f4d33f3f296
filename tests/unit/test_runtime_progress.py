"""Work in progress: st.progress, st.spinner, renders posted while a run is still
going, callbacks that are coroutines, and tracebacks from rewritten sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from runtime_wasm.testing import AppTest

from .test_runtime_bridge import Page


@pytest.mark.parametrize(
    ("call", "percent"),
    [
        ("st.progress(0)", 0),
        ("st.progress(42)", 42),
        ("st.progress(100)", 100),
        ("st.progress(0.5)", 50),
        ("st.progress(1.0)", 100),
        ("st.progress(0.999)", 99),
    ],
    ids=["int-0", "int-42", "int-100", "float-half", "float-1", "float-floors"],
)
def test_progress_value(call: str, percent: int) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    [bar] = at.get("progress")
    assert bar.props["value"] == percent
    assert not at.exception


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "st.progress(101)",
            "The `value` parameter, set to 101, is outside the required range [0, 100].",
        ),
        (
            "st.progress(-1)",
            "The `value` parameter, set to -1, is outside the required range [0, 100].",
        ),
        (
            "st.progress(1.5)",
            "The `value` parameter, set to 1.5, is outside the required range [0.0, 1.0].",
        ),
        (
            "st.progress('x')",
            "Invalid `value` type. Expected one of: int, float. Provided type: str.",
        ),
        (
            "st.progress(True)",
            "Invalid `value` type. Expected one of: int, float. Provided type: bool.",
        ),
    ],
    ids=["over-100", "negative", "float-over-1", "str", "bool"],
)
def test_progress_errors(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    assert at.exception[0].value == message


def test_progress_updates_in_place() -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "bar = st.progress(0, text='start')\n"
        "bar.progress(70, text='later')\n"
    ).run()
    [bar] = at.get("progress")
    assert (bar.props["value"], bar.props["text"]) == (70, "later")


def test_spinner_is_gone_after_its_block() -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "with st.spinner('Thinking'):\n"
        "    st.write('inside')\n"
        "st.write('after')\n"
    ).run()
    assert at.get("spinner").len == 0
    assert at.markdown.values == ["inside", "after"]
    # Its place is kept, unsent: the elements after it keep their ids (and the page
    # their DOM) from the moment it showed to the end of the run.
    main = at._session.tree["children"][0]
    assert [c["id"] for c in main["children"]] == ["main/1", "main/2"]


def test_coroutine_callbacks_are_awaited() -> None:
    at = AppTest.from_string(
        """
import asyncio
import streamlit as st

async def save():
    await asyncio.sleep(0)
    st.session_state.saved = True

st.button("Save", on_click=save)
st.write(f"saved: {st.session_state.get('saved', False)}")
"""
    ).run()
    at.button[0].click().run()
    assert at.markdown.values == ["saved: True"]


SLOW = """
import asyncio
import streamlit as st
bar = st.progress(0)
for i in range(4):
    await asyncio.sleep(0.07)
    bar.progress((i + 1) * 25)
st.write("done")
"""


@pytest.mark.usefixtures("clean_process")
def test_slow_runs_post_running_renders(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(SLOW)
    page = Page(tmp_path)
    page.boot()
    statuses = [m["status"] for m in page.messages]
    assert statuses[-1] == "idle" and statuses.count("idle") == 1
    seen = [_progress(m) for m in page.messages if m["status"] == "running"]
    assert len(seen) >= 2, statuses
    assert seen == sorted(seen), "progress only moves forward"
    assert _progress(page.messages[-1]) == 100


@pytest.mark.usefixtures("clean_process")
def test_fast_runs_post_only_the_idle_render(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "import streamlit as st\nfor i in range(50):\n    st.write(i)\n"
    )
    page = Page(tmp_path)
    page.boot()
    assert [m["status"] for m in page.messages] == ["idle"]


def _progress(message: dict[str, Any]) -> int:
    main = message["tree"]["children"][0]["children"]
    return int(next(n["props"]["value"] for n in main if n["kind"] == "progress"))


def test_traceback_shows_the_original_line_of_a_rewritten_file(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        'import streamlit as st\nawait __import__("asyncio").sleep(0)\nst.write(1 / 0)\n'
    )
    originals = tmp_path / ".stc" / "original"
    originals.mkdir(parents=True)
    (originals / "app.py").write_text(
        "import streamlit as st\ntime.sleep(0)\nst.write(1 / 0)  # mine\n"
    )
    at = AppTest.from_file(tmp_path / "app.py").run()
    assert at.exception[0].stack_trace == [
        'File "app.py", line 3, in <module>',
        "    st.write(1 / 0)  # mine",
    ]
