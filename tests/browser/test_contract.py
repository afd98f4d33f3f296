"""The page contract users test against (README, "Testing your app").

`stc test`, the pytest plugin and users' own Playwright tests rely on these
attributes, roles and names; they change only on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from compiler import BuildOptions, NullReporter, build, serving
from compiler.pytest_plugin import wait_idle

from .conftest import ROOT, PageGuard

pytestmark = pytest.mark.long  # every gallery page again, and runs stopped: about a minute

GALLERY = ROOT / "sites" / "gallery" / "app.py"
# the gallery pages whose elements, together, cover the contract's kinds
CONTRACT_PAGES = ("inputs/", "layout/", "data/", "status/", "text/")

STATUSES = {"loading", "running", "idle", "error"}


def test_status_attribute_and_when_idle(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.goto(serve_app(GALLERY) + "inputs/")
    root = page.locator("#stc-root")
    assert root.get_attribute("data-stc-status") in STATUSES
    page.evaluate("() => window.stc.whenIdle()")
    expect(root).to_have_attribute("data-stc-status", "idle")
    assert page.evaluate("() => window.stc.status") == "idle"
    page.get_by_role("button", name="Press me").click()
    assert root.get_attribute("data-stc-status") in {"running", "idle"}
    wait_idle(page)
    assert page.evaluate("() => window.stc.status") == "idle"
    expect(page.get_by_text("button: True", exact=True)).to_be_visible()


def test_every_element_has_a_kind_and_an_id(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    kinds: set[str] = set()
    count = 0
    for path in CONTRACT_PAGES:
        page.goto(serve_app(GALLERY) + path)
        wait_idle(page)
        facts = page.evaluate(
            """() => {
              const all = Array.from(document.querySelectorAll("#stc-root .stc-element"));
              return {
                count: all.length,
                kinds: all.map((el) => el.dataset.stcKind ?? null),
                ids: all.map((el) => el.dataset.stcId ?? null),
              };
            }"""
        )
        assert None not in facts["kinds"] and None not in facts["ids"], path
        assert len(set(facts["ids"])) == facts["count"], f"data-stc-id is unique on {path}"
        kinds.update(facts["kinds"])
        count += facts["count"]
    assert count > 40
    expected = {
        "button", "markdown", "title", "caption", "checkbox", "toggle", "radio", "selectbox",
        "multiselect", "slider", "text_input", "text_area", "number_input", "form",
        "form_submit_button", "columns", "column", "metric", "sidebar", "expander", "json",
        "code", "tabs", "tab", "text", "table", "dataframe", "divider", "warning", "error",
        "success", "info", "empty", "header",
    }  # fmt: skip
    assert expected <= kinds


def test_widgets_by_role_and_accessible_name(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.goto(serve_app(GALLERY) + "inputs/")
    wait_idle(page)
    for role, name in [
        ("button", "Press me"),
        ("checkbox", "I agree"),
        ("switch", "Dark mode"),
        ("radio", "Chocolate"),
        ("slider", "Level"),
        ("textbox", "Name"),
        ("textbox", "Bio"),
        ("spinbutton", "Quantity"),
        ("button", "Order"),
    ]:
        expect(page.get_by_role(role, name=name, exact=True)).to_have_count(1)
    expect(page.get_by_label("City", exact=True)).to_have_count(1)
    expect(page.get_by_label("Name", exact=True)).to_have_count(1)
    page.get_by_label("City", exact=True).select_option("Osaka")
    wait_idle(page)
    expect(page.get_by_text("selectbox: Osaka", exact=True)).to_be_visible()
    page.get_by_role("slider", name="Level").fill("3")
    wait_idle(page)
    expect(page.get_by_text("slider: 3", exact=True)).to_be_visible()
    page.goto(serve_app(GALLERY) + "layout/")
    wait_idle(page)
    expect(page.get_by_role("tab", name="Second", exact=True)).to_have_count(1)


def test_exception_element_names_type_and_message(
    page: Page, guard: PageGuard, tmp_path: Path
) -> None:
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text("import streamlit as st\nst.write('before')\n{}['missing']\n", encoding="utf-8")
    build(BuildOptions(app=app, out_dir=tmp_path / "site"), NullReporter())
    with serving(tmp_path / "site") as url:
        page.goto(url)
        wait_idle(page)
        exc = page.locator('[data-stc-kind="exception"]')
        expect(exc).to_have_count(1)
        expect(exc).to_contain_text("KeyError: 'missing'")
        expect(page.locator('[data-stc-kind="markdown"]')).to_contain_text("before")


def test_stop_ends_a_run_that_never_yields(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], busy_app: Path
) -> None:
    page.goto(serve_app(busy_app))
    wait_idle(page)
    run_bar = page.locator("#stc-run")
    expect(run_bar).to_be_hidden()
    page.get_by_role("button", name="Loop forever").click()
    # drawn by a run that never returns to the runtime: the busy signal posted it
    expect(page.get_by_text("before", exact=True)).to_be_visible()
    stop = run_bar.get_by_role("button", name="Stop", exact=True)
    expect(stop).to_be_visible()
    expect(run_bar).to_have_attribute("data-stc-run", "slow", timeout=15_000)
    expect(run_bar.get_by_role("status")).to_have_text(
        re.compile(r"This app has been running for \d+ s without finishing")
    )
    assert page.evaluate("() => window.stc.status") == "running"
    stop.click()
    expect(run_bar).to_have_attribute("data-stc-run", re.compile("restarting|restarted"))
    wait_idle(page)
    expect(run_bar).to_have_attribute("data-stc-run", "restarted")
    expect(run_bar.get_by_role("status")).to_contain_text("session state")
    expect(page.get_by_text("runs: 1", exact=True)).to_be_visible()  # a new session
    expect(page.get_by_text("before", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Rerun").click()  # the restarted app answers
    expect(page.get_by_text("runs: 2", exact=True)).to_be_visible()
    expect(run_bar).to_be_hidden()  # the notice goes with the next interaction


def test_stop_ends_a_sleeping_run_and_keeps_the_session(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], busy_app: Path
) -> None:
    page.goto(serve_app(busy_app))
    wait_idle(page)
    run_bar = page.locator("#stc-run")
    page.get_by_role("button", name="Sleep forever").click()
    expect(page.get_by_text("sleeping", exact=True)).to_be_visible()
    # a worker that awaits reads the stop at once: no restart
    run_bar.get_by_role("button", name="Stop", exact=True).click()
    wait_idle(page, timeout=2_000)
    expect(page.get_by_text("runs: 2", exact=True)).to_be_visible()  # the same session
    expect(page.get_by_text("sleeping", exact=True)).to_be_visible()  # what the run drew
    expect(run_bar).to_be_hidden()
    page.get_by_role("button", name="Rerun").click()
    expect(page.get_by_text("runs: 3", exact=True)).to_be_visible()
    expect(page.get_by_text("sleeping", exact=True)).to_have_count(0)
