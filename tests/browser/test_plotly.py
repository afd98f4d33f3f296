"""st.plotly_chart in Chromium: only sites that draw Plotly charts carry plotly.js, and a
build that left it out says so (drawing: test_gallery.py, on the gallery's charts page)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, wait_idle, write_app

COUNTER = ROOT / "sites" / "counter" / "app.py"


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
    page.goto(serve_app(write_app(tmp_path, hidden, "plotly")))
    wait_idle(page)
    chart = page.locator('[data-stc-kind="plotly_chart"]')
    expect(chart).to_contain_text("needs plotly, which this build did not include")
