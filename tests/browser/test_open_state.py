"""Tabs and expanders that track their open state (``on_change`` set) in Chromium: a
click is sent as a widget update, so only the open tab's code runs; without
``on_change`` a switch stays in the page and nothing reruns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import PageGuard, poll, wait_idle, write_app

APP = """
import streamlit as st

st.session_state.runs = st.session_state.get("runs", 0) + 1
st.write(f"runs: {st.session_state.runs}")
ran = []
cat, dog = st.tabs(["Cat", "Dog"], on_change="rerun", key="animal")
if cat.open:
    ran.append("cat")
    cat.write("cat body")
if dog.open:
    ran.append("dog")
    dog.write("dog body")
st.write(f"ran: {'+'.join(ran)}, state: {st.session_state.animal}")

one, two = st.tabs(["One", "Two"])
one.write("one body")
two.write("two body")

details = st.expander("Details", on_change="rerun", key="details")
if details.open:
    details.write("details body")
st.write(f"details open: {details.open}")

menu = st.popover("Menu", on_change="rerun")
with menu:
    if menu.open:
        st.write("menu body")
st.write(f"menu open: {menu.open}")

def show_cat():
    st.session_state.animal = "Cat"

def open_details():
    st.session_state.details = True

st.button("Show cat", on_click=show_cat)
st.button("Open details", on_click=open_details)
st.button("Rerun")
"""

RUNS = "() => Number(document.body.innerText.match(/runs: (\\d+)/)?.[1])"


def _runs_after_a_while(page: Page) -> int:
    """The app's run count once the page is idle and half a second went by without a
    new run: a state shown by the page must not come back as an update."""
    page.wait_for_timeout(500)
    wait_idle(page)
    return int(poll(page, RUNS))


def _selected(page: Page, label: str) -> None:
    expect(page.get_by_role("tab", name=label, exact=True)).to_have_attribute(
        "aria-selected", "true"
    )


def test_open_tab_and_expander_are_widget_state(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(write_app(tmp_path, APP, "open_state")))
    wait_idle(page)
    expect(page.get_by_text("ran: cat, state: Cat")).to_be_visible()
    expect(page.get_by_text("runs: 1")).to_be_visible()
    _selected(page, "Cat")

    # The second tab: one rerun, in which only its code ran.
    page.get_by_role("tab", name="Dog").click()
    expect(page.get_by_text("ran: dog, state: Dog")).to_be_visible()
    expect(page.get_by_text("runs: 2")).to_be_visible()
    expect(page.get_by_text("dog body")).to_be_visible()
    expect(page.get_by_text("cat body")).to_have_count(0)
    _selected(page, "Dog")

    # Tabs without on_change switch in the page alone: no rerun.
    page.get_by_role("tab", name="Two").click()
    expect(page.get_by_text("two body")).to_be_visible()
    assert _runs_after_a_while(page) == 2

    # Any other rerun keeps the open tab, in Python and on the page.
    page.get_by_role("button", name="Rerun").click()
    expect(page.get_by_text("runs: 3")).to_be_visible()
    expect(page.get_by_text("ran: dog, state: Dog")).to_be_visible()
    _selected(page, "Dog")
    _selected(page, "Two")

    # st.session_state sets the open tab; the page follows.
    page.get_by_role("button", name="Show cat").click()
    expect(page.get_by_text("ran: cat, state: Cat")).to_be_visible()
    _selected(page, "Cat")
    expect(page.get_by_text("cat body")).to_be_visible()
    assert _runs_after_a_while(page) == 4

    # The expander, opened from Python: the page opens it and reports nothing back.
    expect(page.get_by_text("details open: False")).to_be_visible()
    page.get_by_role("button", name="Open details").click()
    expect(page.get_by_text("details open: True")).to_be_visible()
    expect(page.get_by_text("details body")).to_be_visible()
    assert _runs_after_a_while(page) == 5

    # Closing and opening it by hand are widget updates: a run each.
    page.get_by_text("Details", exact=True).click()
    expect(page.get_by_text("details open: False")).to_be_visible()
    expect(page.get_by_text("details body")).to_have_count(0)
    page.get_by_text("Details", exact=True).click()
    expect(page.get_by_text("details open: True")).to_be_visible()
    assert _runs_after_a_while(page) == 7

    # A popover: opening it runs its lazy code; a click outside closes it, a run too.
    page.get_by_role("button", name="Menu", exact=True).click()
    expect(page.get_by_text("menu open: True")).to_be_visible()
    expect(page.get_by_text("menu body")).to_be_visible()
    page.get_by_text("menu open: True").click()
    expect(page.get_by_text("menu open: False")).to_be_visible()
    expect(page.get_by_text("menu body")).to_have_count(0)
    assert _runs_after_a_while(page) == 9
