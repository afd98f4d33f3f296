"""sites/charts in Chromium: every Vega-Lite chart draws, offline, and only when needed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, wait_idle

CHARTS = ROOT / "sites" / "charts" / "app.py"
COUNTER = ROOT / "sites" / "counter" / "app.py"
KINDS = ["line_chart", "area_chart", "bar_chart", "scatter_chart", "vega_lite_chart", "map"]


def test_every_chart_draws_offline(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(serve_app(CHARTS))
    wait_idle(page)
    for kind in KINDS:
        charts = page.locator(f'[data-stc-kind="{kind}"]')
        expect(charts.first).to_be_visible()
        for i in range(charts.count()):
            expect(charts.nth(i).locator("canvas, svg").first).to_be_visible(timeout=30_000)
    expect(page.locator('[data-stc-kind="bar_chart"]')).to_have_count(2)
    assert sum("vega-bundle.mjs" in url for url in requests) == 1
    assert not page.locator(".stc-chart .stc-alert-error").count()


def test_unchanged_charts_keep_their_canvas(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.goto(serve_app(CHARTS))
    wait_idle(page)
    line = page.locator('[data-stc-kind="line_chart"] canvas')
    area = page.locator('[data-stc-kind="area_chart"] canvas')
    expect(line).to_be_visible(timeout=30_000)
    expect(area).to_be_visible(timeout=30_000)
    line.evaluate("el => { el.dataset.mark = 'before' }")
    area.evaluate("el => { el.dataset.mark = 'before' }")
    page.get_by_role("slider", name="Scale").fill("3")
    expect(page.get_by_text("scale: 3")).to_be_visible()
    wait_idle(page)
    # The line chart's data changed: redrawn. The area chart's did not: same canvas.
    expect(page.locator('[data-stc-kind="line_chart"] canvas')).not_to_have_attribute(
        "data-mark", "before"
    )
    expect(page.locator('[data-stc-kind="area_chart"] canvas')).to_have_attribute(
        "data-mark", "before"
    )


def test_charts_follow_their_container_width(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(serve_app(CHARTS))
    wait_idle(page)
    canvas = page.locator('[data-stc-kind="area_chart"] canvas')
    expect(canvas).to_be_visible(timeout=30_000)
    wide = canvas.bounding_box()
    page.set_viewport_size({"width": 500, "height": 900})
    page.wait_for_function(
        "w => document.querySelector('[data-stc-kind=\"area_chart\"] canvas')"
        ".getBoundingClientRect().width < w",
        arg=(wide or {"width": 0})["width"] - 100,
    )
    box = canvas.bounding_box()
    chart = page.locator('[data-stc-kind="area_chart"]').bounding_box()
    assert box and chart and box["width"] <= chart["width"] + 1


def test_a_site_without_charts_never_loads_vega(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(serve_app(COUNTER))
    wait_idle(page)
    expect(page.get_by_text("Count: 0")).to_be_visible()
    assert not [url for url in requests if "vega-bundle" in url]
