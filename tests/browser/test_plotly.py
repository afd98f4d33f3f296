"""st.plotly_chart in Chromium: plotly.js draws the figure offline, loaded on first use,
and only sites that draw Plotly charts carry it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, wait_idle

COUNTER = ROOT / "sites" / "counter" / "app.py"

# A plain dict figure: the browser has no plotly package, and needs none for this.
PLOTLY_APP = """
import streamlit as st

st.title("Plotly")
n = st.slider("Points", 2, 6, 3)
st.plotly_chart(
    {
        "data": [{"type": "scatter", "mode": "lines+markers", "x": list(range(n)),
                  "y": [v * v for v in range(n)], "name": "squares"}],
        "layout": {"title": {"text": "Squares"}},
    },
    key="squares",
)
st.plotly_chart([{"type": "bar", "x": ["a", "b"], "y": [2, 5]}], width=400, height=300)
st.write(f"points: {n}")
"""


def _app(tmp_path: Path, source: str) -> Path:
    app = tmp_path / "plotly" / "app.py"
    app.parent.mkdir()
    app.write_text(source)
    return app


def test_plotly_chart_draws_offline(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(serve_app(_app(tmp_path, PLOTLY_APP)))
    wait_idle(page)
    charts = page.locator('[data-stc-kind="plotly_chart"]')
    expect(charts).to_have_count(2)
    line, bar = charts.nth(0), charts.nth(1)
    expect(line.locator("svg.main-svg").first).to_be_visible(timeout=30_000)
    expect(line.locator(".scatterlayer .trace")).to_have_count(1)
    expect(line.locator(".gtitle")).to_have_text("Squares")
    expect(bar.locator(".barlayer .point")).to_have_count(2)
    box = bar.locator("svg.main-svg").first.bounding_box()
    assert box and round(box["width"]) == 400 and round(box["height"]) == 300
    wide = line.locator("svg.main-svg").first.bounding_box()
    chart = line.bounding_box()
    assert wide and chart and abs(wide["width"] - chart["width"]) <= 2  # stretches
    assert sum("plotly.min.js" in url for url in requests) == 1

    # A rerun with a new figure redraws the same plot in place.
    page.get_by_role("slider", name="Points").fill("5")
    expect(page.get_by_text("points: 5")).to_be_visible()
    wait_idle(page)
    expect(line.locator(".scatterlayer .trace .point")).to_have_count(5)
    assert not page.locator(".stc-chart .stc-alert-error").count()


def test_counter_carries_no_plotly(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(COUNTER)
    assert page.request.get(f"{url}stc/vendor/plotly.min.js").status == 404
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    wait_idle(page)
    expect(page.get_by_text("Count: 0")).to_be_visible()
    assert not [u for u in requests if "plotly" in u]


def test_left_out_plotly_is_explained(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    hidden = (
        "import importlib\n"
        "st = importlib.import_module('streamlit')  # the analysis cannot see this\n"
        "st.plotly_chart({'data': [{'type': 'bar', 'y': [1, 2]}]})\n"
    )
    page.goto(serve_app(_app(tmp_path, hidden)))
    wait_idle(page)
    chart = page.locator('[data-stc-kind="plotly_chart"]')
    expect(chart).to_contain_text("needs plotly, which this build did not include")
