"""The app menu (runtime_wasm/js/app_menu.mjs), as Streamlit's: Rerun and Clear cache
from the menu and from the R and C keys, a theme that stays chosen, Escape to close."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import PageGuard, wait_idle, write_app

APP = """
import streamlit as st

st.session_state.runs = st.session_state.get("runs", 0) + 1

@st.cache_data
def computed():
    st.session_state.computed = st.session_state.get("computed", 0) + 1
    return 1

computed()
st.text(f"runs: {st.session_state.runs} computed: {st.session_state.computed}")
st.text_input("Name")
"""


def _choose(page: Page, item: str) -> None:
    page.get_by_role("button", name="Main menu").click()
    page.get_by_role("menu", name="Main menu").get_by_role("menuitem", name=item).click()


def test_rerun_and_clear_cache_from_the_menu_and_the_keys(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(write_app(tmp_path, APP, "app_menu")))
    wait_idle(page)
    expect(page.get_by_text("runs: 1 computed: 1")).to_be_visible()
    _choose(page, "Rerun")
    expect(page.get_by_text("runs: 2 computed: 1")).to_be_visible()
    wait_idle(page)
    page.keyboard.press("r")
    expect(page.get_by_text("runs: 3 computed: 1")).to_be_visible()
    wait_idle(page)
    _choose(page, "Clear cache")  # no rerun of its own, as in Streamlit
    _choose(page, "Rerun")
    expect(page.get_by_text("runs: 4 computed: 2")).to_be_visible()
    wait_idle(page)
    page.keyboard.press("c")
    page.keyboard.press("r")
    expect(page.get_by_text("runs: 5 computed: 3")).to_be_visible()
    wait_idle(page)
    # Typed into a field, R and C are letters.
    page.get_by_label("Name").press_sequentially("rc")
    expect(page.get_by_label("Name")).to_have_value("rc")
    expect(page.get_by_text("runs: 5 computed: 3")).to_be_visible()


def test_the_theme_stays_chosen_and_escape_closes_the_menu(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    url = serve_app(write_app(tmp_path, APP, "app_menu"))
    page.goto(url)
    wait_idle(page)
    body = page.locator("body")
    expect(body).to_have_css("background-color", "rgb(255, 255, 255)")
    page.get_by_role("button", name="Main menu").click()
    page.get_by_role("menuitemradio", name="Dark").click()
    expect(page.locator("html")).to_have_attribute("data-stc-theme", "dark")
    expect(body).to_have_css("background-color", "rgb(23, 22, 20)")
    page.reload()
    wait_idle(page)
    expect(body).to_have_css("background-color", "rgb(23, 22, 20)")
    button = page.get_by_role("button", name="Main menu")
    button.click()
    expect(page.get_by_role("menuitemradio", name="Dark")).to_have_attribute("aria-checked", "true")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    expect(page.get_by_role("menu", name="Main menu")).to_be_hidden()
    expect(button).to_be_focused()
    button.click()
    page.get_by_role("menuitemradio", name="Light").click()
    expect(body).to_have_css("background-color", "rgb(255, 255, 255)")
