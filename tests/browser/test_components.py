"""Third-party custom components, real wheels from PyPI, unmodified (issue 15): the
site carries each package's built frontend, the page hosts it in an iframe speaking
Streamlit's component protocol, and the values it sends rerun the script.

streamlit-autorefresh counts on a timer and stops at its limit; streamlit-option-menu
returns the option clicked in its frame; extra-streamlit-components' CookieManager
sets a cookie in the site's origin and reads it back after a reload.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from compiler import BuildOptions, NullReporter, build, serving
from tests.browser.conftest import PageGuard, wait_idle

APP = """\
import extra_streamlit_components as stx
import streamlit as st
from streamlit_autorefresh import st_autorefresh
from streamlit_option_menu import option_menu

count = st_autorefresh(interval=300, limit=4, key="tick")
st.write(f"refreshed {count} times")
chosen = option_menu("Menu", ["Home", "Settings"], key="menu")
st.write(f"chosen: {chosen}")
cookies = stx.CookieManager(key="cookies")
st.write(f"cookie: {cookies.get('flavour')}")
if st.button("Set the cookie"):
    cookies.set("flavour", "mint", key="set")
"""
REQUIREMENTS = """\
streamlit-autorefresh==1.0.1
streamlit-option-menu==0.4.0
extra-streamlit-components==0.1.81
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("components")
    app = folder / "app" / "app.py"
    app.parent.mkdir()
    app.write_text(APP)
    (app.parent / "requirements.txt").write_text(REQUIREMENTS)
    out = folder / "site"
    build(BuildOptions(app=app, out_dir=out), NullReporter())
    frontends = out / "stc" / "components" / "site-packages"
    assert (frontends / "streamlit_autorefresh" / "frontend" / "build" / "index.html").is_file()
    assert not list(frontends.rglob("*.map"))  # only developer tools read source maps
    with serving(out) as url:
        yield url


def test_autorefresh_counts_on_schedule_and_stops_at_its_limit(
    page: Page, guard: PageGuard, site: str
) -> None:
    page.goto(site)
    expect(page.get_by_text("refreshed 3 times")).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1500)  # five more intervals: the limit holds
    wait_idle(page)
    expect(page.get_by_text("refreshed 3 times")).to_be_visible()


def test_option_menu_returns_the_option_clicked_in_its_frame(
    page: Page, guard: PageGuard, site: str
) -> None:
    page.goto(site)
    wait_idle(page)
    expect(page.get_by_text("chosen: Home")).to_be_visible()
    menu = page.frame_locator('iframe[title="streamlit_option_menu.option_menu"]')
    menu.get_by_text("Settings").click()
    expect(page.get_by_text("chosen: Settings")).to_be_visible()


def test_cookie_manager_sets_a_cookie_that_a_reload_reads(
    page: Page, guard: PageGuard, site: str
) -> None:
    page.goto(site)
    expect(page.get_by_text("refreshed 3 times")).to_be_visible(timeout=30_000)  # quiet now
    wait_idle(page)
    expect(page.get_by_text("cookie: None")).to_be_visible()
    page.get_by_role("button", name="Set the cookie").click()
    page.wait_for_function("document.cookie.includes('flavour=mint')", timeout=30_000)
    page.reload()
    expect(page.get_by_text("cookie: mint")).to_be_visible(timeout=30_000)
