"""Optional assets in Chromium: a site without charts carries no vega and still works;
an element whose library the analysis missed says so in the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, wait_idle

COUNTER = ROOT / "sites" / "counter" / "app.py"
GALLERY = ROOT / "sites" / "gallery" / "app.py"

HIDDEN = """
import importlib

st = importlib.import_module("streamlit")  # the analysis cannot see this is streamlit
st.title("Hidden")
st.line_chart([1, 2, 3])
st.latex("x^2")
"""


def test_counter_has_no_vega_and_renders(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(COUNTER)
    assert page.request.get(f"{url}stc/vendor/vega-bundle.mjs").status == 404
    assert page.request.get(f"{url}stc/vendor/katex/katex.mjs").status == 404
    page.goto(url)
    wait_idle(page)
    expect(page.get_by_role("heading", name="Counter")).to_be_visible()
    page.get_by_role("button", name="Increment").click()
    expect(page.get_by_text("Count: 1")).to_be_visible()


def test_charts_page_still_draws(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.goto(serve_app(GALLERY) + "charts/")
    wait_idle(page)
    chart = page.locator('[data-stc-kind="line_chart"]').first
    expect(chart.locator("canvas, svg").first).to_be_visible(timeout=30_000)


def test_missing_asset_is_explained_in_the_page(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    app = tmp_path / "hidden" / "app.py"
    app.parent.mkdir()
    app.write_text(HIDDEN)
    page.goto(serve_app(app))
    wait_idle(page)
    chart = page.locator('[data-stc-kind="line_chart"]')
    expect(chart).to_contain_text("needs vega, which this build did not include")
    expect(chart).to_contain_text("--include-assets all")
    expect(page.locator('[data-stc-kind="latex"]')).to_contain_text("needs katex")
