"""Stop for a run that awaits: the worker reads the page's ``stop`` at once and the
run ends at its next ``await`` or element, keeping the session (``_bridge.stop``).

A run that never yields cannot read the message; the page replaces the worker then,
which the browser tests cover.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from runtime_wasm import _bridge

from .test_runtime_bridge import Page

APP = """
import asyncio
import streamlit as st

st.session_state.runs = st.session_state.get("runs", 0) + 1
st.write(f"runs: {st.session_state.runs}")
if st.button("Wait"):
    st.write("waiting")
    WAIT
    st.write("never")
st.write("end")
"""
SLEEP = "await asyncio.sleep(30)"
SWALLOW = """try:
        await asyncio.sleep(30)
    except BaseException:  # even the cancellation: the next element still stops it
        pass"""


@pytest.fixture
def fake_page(tmp_path: Path, clean_process: None, request: pytest.FixtureRequest) -> Page:
    wait = getattr(request, "param", SLEEP)
    (tmp_path / "app.py").write_text(APP.replace("WAIT", wait), encoding="utf-8")
    booted = Page(tmp_path)
    booted.boot()
    return booted


def _click_then(page: Page, action: str) -> None:
    """Click "Wait", let the run reach its await, then *action* ("stop" or "cancel")."""
    button = page.find("button")["id"]
    message = json.dumps({"type": "widget", "updates": [{"id": button, "value": True}]})

    async def scenario() -> None:
        run = asyncio.create_task(_bridge.handle(message))
        await asyncio.sleep(0.05)
        assert page.messages[-1]["status"] == "running", "the run is in progress"
        if action == "stop":
            assert _bridge.stop() is True
        else:
            run.cancel()
        await asyncio.wait_for(run, timeout=5)
        assert run.cancelling() == 0, "the stop left no cancellation behind"

    asyncio.run(scenario())


def _bodies(page: Page) -> list[str]:
    main = page.tree["children"][0]["children"]
    return [n["props"]["body"] for n in main if n["kind"] == "markdown"]


def test_stop_ends_an_awaiting_run_and_keeps_the_session(fake_page: Page) -> None:
    _click_then(fake_page, "stop")
    assert fake_page.messages[-1]["status"] == "idle"
    assert _bodies(fake_page) == ["runs: 2", "waiting"]  # what the run drew before Stop
    fake_page.widget([])  # the next interaction: the same session, which runs normally
    assert _bodies(fake_page) == ["runs: 3", "end"]


@pytest.mark.parametrize("fake_page", [SWALLOW], indirect=True, ids=["swallowed"])
def test_a_run_that_swallows_the_cancellation_stops_at_its_next_element(
    fake_page: Page,
) -> None:
    _click_then(fake_page, "stop")
    assert _bodies(fake_page) == ["runs: 2", "waiting"]


def test_a_cancellation_that_is_not_a_stop_still_propagates(fake_page: Page) -> None:
    with pytest.raises(asyncio.CancelledError):
        _click_then(fake_page, "cancel")


def test_stop_without_a_run_in_progress(fake_page: Page) -> None:
    assert _bridge.stop() is False
    fake_page.widget([])
    assert _bodies(fake_page) == ["runs: 2", "end"]  # and nothing is left stopped


def test_stop_before_boot() -> None:
    assert _bridge._bridge is None
    assert _bridge.stop() is False
