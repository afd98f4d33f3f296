"""The sites/ apps, built with stc and used in Chromium the way a visitor would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from compiler import BuildOptions, NullReporter, build, serving

from .conftest import ROOT, PageGuard, wait_idle

COUNTER = ROOT / "sites" / "counter" / "app.py"
WIDGETS = ROOT / "sites" / "widgets" / "app.py"


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


def test_every_widget_echoes_its_value(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_app(page, serve_app(WIDGETS))
    main = page.locator('[data-stc-kind="main"]')

    def echo(text: str) -> None:
        expect(main.get_by_text(text, exact=True)).to_be_visible()

    echo("button: False")
    page.get_by_role("button", name="Press me").click()
    echo("button: True")
    page.get_by_role("checkbox", name="I agree").check()
    echo("checkbox: True")
    echo("button: False")  # a button is True for one run only
    page.get_by_role("switch", name="Dark mode").check()
    echo("toggle: True")
    page.get_by_role("radio", name="Chocolate").check()
    echo("radio: Chocolate")
    page.get_by_label("City").select_option("Lima")
    echo("selectbox: Lima")
    page.get_by_label("Colours").select_option(["Red", "Blue"])
    echo("multiselect: Red, Blue")
    page.get_by_role("slider", name="Level").fill("8")
    echo("slider: 8")
    page.get_by_role("slider", name="Range end").fill("0.9")
    echo("range: 0.25-0.90")
    name = page.get_by_role("textbox", name="Name")
    name.fill("Ada")
    name.press("Enter")
    echo("text_input: Ada")
    bio = page.get_by_role("textbox", name="Bio")
    bio.fill("Hello")
    bio.blur()
    echo("text_area: 5 characters")
    quantity = page.locator('[data-stc-kind="number_input"]')
    quantity.get_by_role("button", name="Increment").click()
    echo("number_input: 2")


def test_form_waits_for_submit(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_app(page, serve_app(WIDGETS))
    form = page.locator('[data-stc-kind="form"]')
    form.get_by_role("textbox", name="Dish").fill("Soup")
    form.get_by_role("checkbox", name="Spicy").check()
    expect(page.get_by_text("form: none False False", exact=True)).to_be_visible()
    form.get_by_role("button", name="Order").click()
    expect(page.get_by_text("form: Soup True True", exact=True)).to_be_visible()


def test_layout_blocks(page: Page, guard: PageGuard, serve_app: Callable[[Path], str]) -> None:
    open_app(page, serve_app(WIDGETS))
    sidebar = page.locator('[data-stc-kind="sidebar"]')
    expect(sidebar.get_by_role("heading", name="Sidebar")).to_be_visible()
    sidebar.get_by_role("radio", name="Expert").check()
    expect(page.get_by_text("sidebar mode: Expert")).to_be_visible()
    page.get_by_text("Details").click()
    expect(page.locator('[data-stc-kind="json"]')).to_contain_text('"count": 3')
    page.get_by_role("tab", name="Second").click()
    expect(page.get_by_text("In the second tab")).to_be_visible()
    expect(page.get_by_text("placeholder after")).to_be_visible()
    expect(page.get_by_text("placeholder before")).to_have_count(0)
    expect(page.locator('[data-stc-kind="metric"]')).to_have_count(2)
    expect(page.locator('[data-stc-kind="table"]')).to_contain_text("dog")
    expect(page.locator('[data-stc-kind="dataframe"]')).to_contain_text("two")


def test_focus_and_dom_nodes_survive_a_rerun(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_app(page, serve_app(WIDGETS))
    name = page.get_by_role("textbox", name="Name")
    name.evaluate("el => { el.__tag = 'kept'; }")
    page.locator('[data-stc-kind="title"]').evaluate("el => { el.__tag = 'kept'; }")
    name.fill("Grace")
    name.press("Enter")  # reruns while the input keeps focus
    expect(page.get_by_text("text_input: Grace")).to_be_visible()
    assert name.evaluate("el => el.__tag") == "kept"
    assert name.evaluate("el => document.activeElement === el")
    assert page.locator('[data-stc-kind="title"]').evaluate("el => el.__tag") == "kept"


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
