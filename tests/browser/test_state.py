"""State that lives in the browser (sites/state): st.cache_data in IndexedDB across
reloads, tabs and rebuilds; st.query_params in the address bar and history;
st.context.cookies; and the memory fallback when IndexedDB is unavailable."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from compiler import BuildOptions, NullReporter, build, serving

from .conftest import ROOT, PageGuard, wait_idle

pytestmark = pytest.mark.long  # reloads and rebuilds, each a Pyodide boot: about 1.5 minutes

STATE = ROOT / "sites" / "state" / "app.py"


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)


def text_of(page: Page, prefix: str) -> str:
    """The value after ``prefix: `` in the app's st.text lines."""
    locator = page.locator('[data-stc-kind="text"]').filter(has_text=re.compile(f"^{prefix}: "))
    expect(locator).to_have_count(1)
    return locator.inner_text().split(": ", 1)[1]


def click(page: Page, name: str) -> None:
    page.get_by_role("button", name=name).click()
    wait_idle(page)


def test_cache_data_survives_reload_and_tabs_and_clear(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(STATE)
    open_app(page, url)
    first = text_of(page, "stamp")
    click(page, "Rerun")
    assert text_of(page, "stamp") == first

    page.reload()
    wait_idle(page)
    assert text_of(page, "stamp") == first  # read back from IndexedDB

    other = page.context.new_page()
    try:
        open_app(other, url)
        assert text_of(other, "stamp") == first  # another tab of the same site
    finally:
        other.close()

    click(page, "Clear cache")
    cleared = text_of(page, "stamp")
    assert cleared != first
    page.reload()
    wait_idle(page)
    assert text_of(page, "stamp") == cleared


def test_cache_data_ttl_expires_across_a_reload(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_app(page, serve_app(STATE))
    first = text_of(page, "short")
    click(page, "Rerun")
    assert text_of(page, "short") == first  # within its ttl of 1 s
    time.sleep(1.2)
    page.reload()
    wait_idle(page)
    assert text_of(page, "short") != first


@pytest.fixture
def rebuildable(tmp_path: Path) -> Iterator[tuple[str, Callable[[str], None]]]:
    """A copy of sites/state served from one folder that tests can rebuild in place."""
    src = tmp_path / "app"
    src.mkdir()
    shutil.copy(STATE, src / "app.py")
    site = tmp_path / "site"

    def rebuild(body: str) -> None:
        text = STATE.read_text(encoding="utf-8").replace(
            "def stamp():\n    return time.time_ns()", f"def stamp():\n    {body}"
        )
        (src / "app.py").write_text(text, encoding="utf-8")
        build(BuildOptions(app=src / "app.py", out_dir=site), NullReporter())

    rebuild("return time.time_ns()")
    with serving(site) as url:
        yield url, rebuild


def test_cache_data_is_invalidated_by_a_rebuild_with_a_changed_function(
    page: Page, guard: PageGuard, rebuildable: tuple[str, Callable[[str], None]]
) -> None:
    url, rebuild = rebuildable
    open_app(page, url)
    first = text_of(page, "stamp")
    page.reload()
    wait_idle(page)
    assert text_of(page, "stamp") == first
    rebuild("return time.time_ns()  # changed")
    page.reload()
    wait_idle(page)
    assert text_of(page, "stamp") != first


def test_query_params_follow_the_widget_reload_and_history(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(STATE)
    open_app(page, url + "#section")
    assert text_of(page, "showing") == "home"
    page.get_by_role("radio", name="about").check()
    wait_idle(page)
    assert text_of(page, "showing") == "about"
    assert page.url == url + "?page=about#section"  # path and hash kept
    page.get_by_role("radio", name="contact").check()
    wait_idle(page)
    assert page.url == url + "?page=contact#section"

    page.reload()
    wait_idle(page)
    assert text_of(page, "showing") == "contact"
    expect(page.get_by_role("radio", name="contact")).to_be_checked()

    page.go_back()
    expect(page.locator('[data-stc-kind="text"]', has_text="showing: about")).to_be_visible()
    wait_idle(page)
    assert page.url == url + "?page=about#section"
    expect(page.get_by_role("radio", name="about")).to_be_checked()
    page.go_forward()
    expect(page.locator('[data-stc-kind="text"]', has_text="showing: contact")).to_be_visible()


def test_bound_widgets_open_at_the_url_and_write_it(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(STATE)
    open_app(page, url + "?zoom=7&size=L")
    assert text_of(page, "bound") == "zoom=7 size=L"
    expect(page.get_by_role("radio", name="L")).to_be_checked()
    entries = page.evaluate("history.length")

    page.get_by_role("slider", name="Zoom").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator('[data-stc-kind="text"]', has_text="bound: zoom=8")).to_be_visible()
    wait_idle(page)
    assert page.evaluate("location.search") == "?zoom=8&size=L"

    page.get_by_role("radio", name="S").check()  # the default: out of the address
    expect(page.locator('[data-stc-kind="text"]', has_text="size=S")).to_be_visible()
    wait_idle(page)
    assert page.evaluate("location.search") == "?zoom=8"
    assert page.evaluate("history.length") == entries  # rewritten, as Streamlit's page

    page.reload()
    wait_idle(page)
    assert text_of(page, "bound") == "zoom=8 size=S"


def test_cookies_are_read_at_every_run(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(STATE)
    open_app(page, url)
    assert text_of(page, "cookie") == "none"
    page.evaluate("document.cookie = 'flavour=mint; path=/'")
    click(page, "Rerun")
    assert text_of(page, "cookie") == "mint"
    page.context.add_cookies([{"name": "flavour", "value": "lemon", "url": url}])
    click(page, "Rerun")
    assert text_of(page, "cookie") == "lemon"


BLOCK_IDB = (
    "IDBFactory.prototype.open = function () {"
    " throw new DOMException('IndexedDB is disabled here', 'SecurityError'); };\n"
)


def block_indexeddb(page: Page) -> None:
    """Make ``indexedDB.open`` throw in the worker. Init scripts do not reach workers,
    so the worker module is served with a first line that breaks it (a page route:
    it takes precedence over the guard's context route)."""

    def patch(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=BLOCK_IDB + response.text())

    page.route("**/stc/worker.mjs", patch)


def test_without_indexeddb_the_cache_works_in_memory(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    block_indexeddb(page)
    warnings: list[str] = []
    page.on("console", lambda m: m.type == "warning" and warnings.append(m.text))
    open_app(page, serve_app(STATE))
    first = text_of(page, "stamp")
    click(page, "Rerun")
    assert text_of(page, "stamp") == first  # cached in memory
    click(page, "Clear cache")
    assert text_of(page, "stamp") != first
    idb = [w for w in warnings if "IndexedDB" in w]
    assert len(idb) == 1, warnings
    assert "SecurityError" in idb[0]


def test_two_sites_on_one_origin_do_not_share_entries(
    page: Page, guard: PageGuard, tmp_path: Path
) -> None:
    root = tmp_path / "origin"
    root.mkdir()
    for name in ("one", "two"):
        build(BuildOptions(app=STATE, out_dir=root / name), NullReporter())
    with serving(root) as url:
        open_app(page, url + "one/")
        one = text_of(page, "stamp")
        open_app(page, url + "two/")
        assert text_of(page, "stamp") != one
        open_app(page, url + "one/")
        assert text_of(page, "stamp") == one
