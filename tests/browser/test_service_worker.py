"""`stc build --service-worker` in Chromium: once visited, the site works with its
server gone; a new build takes over only once no page of the old one is open, and
never mixes its files with the old build's (templates/sw.js)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from compiler import BuildOptions, NullReporter, build, serving

from .conftest import PageGuard, poll, wait_idle, write_app

APP = """
import streamlit as st

st.title("TITLE")
if st.button("Increment"):
    st.session_state.n = st.session_state.get("n", 0) + 1
st.write(f"Count: {st.session_state.get('n', 0)}")
"""

READY = """async () => {
  const registration = await navigator.serviceWorker.ready;
  return Boolean(registration.active);
}"""


def _build(app: Path, site: Path, title: str) -> None:
    app.write_text(APP.replace("TITLE", title), encoding="utf-8")
    build(BuildOptions(app=app, out_dir=site, service_worker=True), NullReporter())


def _open(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    wait_idle(page)
    return page


def test_a_visited_site_works_with_its_server_gone(
    page: Page, guard: PageGuard, tmp_path: Path
) -> None:
    app = write_app(tmp_path, "", "offline")
    site = tmp_path / "site"
    _build(app, site, "Offline")
    with serving(site) as url:
        page.goto(url)
        wait_idle(page)
        assert page.evaluate(READY)
    # The server is gone: every file comes from the service worker's cache.
    guard.allowed_errors.append("net::ERR_CONNECTION_REFUSED")
    again = _open(page.context, url + "?x=1")
    expect(again.get_by_role("heading", name="Offline")).to_be_visible()
    again.get_by_role("button", name="Increment").click()
    expect(again.get_by_text("Count: 1")).to_be_visible()


REACHED = """async ([scope, want]) => {
  const registration = await navigator.serviceWorker.getRegistration(scope);
  return Boolean(registration) && Boolean(registration.active) === want.active
    && Boolean(registration.waiting) === want.waiting;
}"""


def _until(page: Page, scope: str, want: dict[str, bool]) -> None:
    """Poll the registration of *scope* from *page* until it is in the state *want*."""
    assert poll(page, REACHED, [scope, want]), f"the service worker never reached {want}"


def test_a_new_build_takes_over_once_the_old_one_is_closed(
    page: Page, guard: PageGuard, tmp_path: Path
) -> None:
    app = write_app(tmp_path, "", "versions")
    root = tmp_path / "pages"  # the site in a folder, so a page outside its scope can watch
    site = root / "app"
    _build(app, site, "One")
    with serving(root) as base:
        url = base + "app/"
        page.goto(url)
        wait_idle(page)
        assert page.evaluate(READY)
        _build(app, site, "Two")
        # The old build's page is open: a new page is the old build, whole and working.
        second = _open(page.context, url)
        expect(second.get_by_role("heading", name="One")).to_be_visible()
        second.get_by_role("button", name="Increment").click()
        expect(second.get_by_text("Count: 1")).to_be_visible()
        watcher = page.context.new_page()
        watcher.goto(base)  # outside the scope: no client of either build
        _until(watcher, url, {"active": True, "waiting": True})  # the new build, installed
        page.close()
        second.close()
        _until(watcher, url, {"active": True, "waiting": False})  # ...and in charge
        third = _open(watcher.context, url)
        expect(third.get_by_role("heading", name="Two")).to_be_visible()
        third.get_by_role("button", name="Increment").click()
        expect(third.get_by_text("Count: 1")).to_be_visible()
