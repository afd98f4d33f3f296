"""Fragments and dialogs in Chromium: interacting inside one reruns it alone, so the
rest of the page (and the code that drew it) is left as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import PageGuard, wait_idle, write_app

APP = """
import streamlit as st

st.session_state.outer = st.session_state.get("outer", 0) + 1
st.write(f"outer runs: {st.session_state.outer}")
name = st.text_input("Name", "Ada")

@st.fragment
def counter():
    st.session_state.clicks = st.session_state.get("clicks", 0) + 1
    st.button("Count")
    st.write(f"fragment runs: {st.session_state.clicks}, name: {name}")

@st.fragment(run_every=0.3)
def clock():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.write(f"ticks: {min(st.session_state.ticks, 3)}")

@st.dialog("Edit")
def edit():
    st.session_state.dialog_runs = st.session_state.get("dialog_runs", 0) + 1
    st.text_input("Title", key="title")
    st.write(f"dialog runs: {st.session_state.dialog_runs}")
    if st.button("Save"):
        st.rerun()

counter()
clock()
if st.button("Open"):
    edit()
st.write(f"saved: {st.session_state.get('title', '')}")
"""


def test_fragments_and_dialogs_rerun_alone(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(write_app(tmp_path, APP, "fragments")))
    wait_idle(page)
    expect(page.get_by_text("fragment runs: 1, name: Ada")).to_be_visible()

    # The timer fragment ticks on its own, and the script outside never reruns.
    expect(page.get_by_text("ticks: 3")).to_be_visible()
    expect(page.get_by_text("outer runs: 1")).to_be_visible()

    page.get_by_role("button", name="Count").click()
    expect(page.get_by_text("fragment runs: 2, name: Ada")).to_be_visible()
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_text("fragment runs: 3, name: Ada")).to_be_visible()
    expect(page.get_by_text("outer runs: 1")).to_be_visible()

    # A widget outside reruns the app, and the fragment with it.
    page.get_by_role("textbox", name="Name").fill("Grace")
    page.get_by_role("textbox", name="Name").press("Enter")
    expect(page.get_by_text("outer runs: 2")).to_be_visible()
    expect(page.get_by_text("name: Grace")).to_be_visible()

    # The dialog reruns alone while the visitor types: it stays open.
    page.get_by_role("button", name="Open").click()
    dialog = page.get_by_role("dialog", name="Edit")
    expect(dialog).to_be_visible()
    box = dialog.get_by_role("textbox", name="Title")
    box.fill("Notes")
    box.press("Enter")
    expect(dialog.get_by_text("dialog runs: 2")).to_be_visible()
    expect(page.get_by_text("outer runs: 3")).to_be_visible()  # the click on Open only
    dialog.get_by_role("button", name="Save").click()  # st.rerun(): the app, which closes it
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_text("saved: Notes")).to_be_visible()
    expect(page.get_by_text("outer runs: 4")).to_be_visible()
    wait_idle(page)


def test_dismissing_a_dialog_does_not_rerun_the_app(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    quiet = APP.replace("run_every=0.3", "run_every=None")
    page.goto(serve_app(write_app(tmp_path, quiet, "dismiss")))
    wait_idle(page)
    page.get_by_role("button", name="Open").click()
    expect(page.get_by_role("dialog", name="Edit")).to_be_visible()
    expect(page.get_by_text("outer runs: 2")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    wait_idle(page)
    expect(page.get_by_text("outer runs: 2")).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)  # and it stays closed
