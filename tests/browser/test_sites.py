"""The sites/ apps, built with stc and used in Chromium the way a visitor would (the
gallery's pages: test_gallery.py and test_gallery_widgets.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from compiler import BuildOptions, NullReporter, build, serving

from .conftest import ROOT, PageGuard, wait_idle

COUNTER = ROOT / "sites" / "counter" / "app.py"


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)


def test_counter_reruns_in_the_browser(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_app(page, serve_app(COUNTER))
    expect(page.get_by_role("heading", name="Counter")).to_be_visible()
    expect(page.get_by_text("Count: 0")).to_be_visible()
    page.get_by_role("button", name="Increment").click()
    expect(page.get_by_text("Count: 1")).to_be_visible()
    page.get_by_role("button", name="Increment").click()
    expect(page.get_by_text("Count: 2")).to_be_visible()
    page.get_by_role("slider", name="Step size").fill("4")
    expect(page.get_by_text("Next value: 6")).to_be_visible()
    root = page.locator("#stc-root")
    expect(root).to_have_attribute("data-stc-status", "idle")
    expect(page.locator('[data-stc-kind="title"]')).to_have_count(1)
    expect(page.locator('[data-stc-kind="button"]')).to_have_count(1)


def test_exception_shows_and_app_keeps_working(
    page: Page, guard: PageGuard, tmp_path: Path
) -> None:
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text(
        "import streamlit as st\n"
        "d = st.number_input('Divisor', value=0)\n"
        "st.write('ten over divisor:', 10 / d)\n",
        encoding="utf-8",
    )
    build(BuildOptions(app=app, out_dir=tmp_path / "site"), NullReporter())
    with serving(tmp_path / "site") as url:
        open_app(page, url)
        exc = page.locator('[data-stc-kind="exception"]')
        expect(exc).to_contain_text("ZeroDivisionError")
        expect(exc).to_contain_text("division by zero")
        expect(exc).to_contain_text('File "app.py", line 3')
        page.get_by_role("button", name="Increment").click()
        expect(page.get_by_text("ten over divisor: 10.0")).to_be_visible()
        expect(exc).to_have_count(0)


def test_site_works_under_a_subpath(page: Page, guard: PageGuard, tmp_path: Path) -> None:
    site = tmp_path / "pages-root" / "my-repo"
    build(BuildOptions(app=COUNTER, out_dir=site), NullReporter())
    assert (site / ".nojekyll").exists()
    with serving(tmp_path / "pages-root") as url:
        open_app(page, url + "my-repo/")
        page.get_by_role("button", name="Increment").click()
        expect(page.get_by_text("Count: 1")).to_be_visible()


@pytest.mark.parametrize("missing", ["pyodide/pyodide.asm.wasm", "stc/app.zip"])
def test_a_broken_site_shows_an_error_not_a_blank_page(
    page: Page, guard: PageGuard, tmp_path: Path, missing: str
) -> None:
    site = tmp_path / "site"
    build(BuildOptions(app=COUNTER, out_dir=site), NullReporter())
    (site / missing).unlink()
    guard.allowed_errors.append("404")
    guard.allowed_errors.append("Failed to load resource")
    with serving(site) as url:
        page.goto(url)
        root = page.locator("#stc-root")
        expect(root).to_have_attribute("data-stc-status", "error", timeout=60_000)
        assert root.inner_text().strip() != ""
