"""sites/gallery in Chromium, part one: the whole gallery (every page loads to idle
without an exception, the home page links each family) and the element families
(text, data, charts, media). Widgets and app structure: test_gallery_widgets.py.

Each page is opened at its own address, ``<site>/<url_path>/``; each test asserts
every element of its family by ``data-stc-kind`` and role/name, then drives it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import ROOT, PageGuard, wait_idle

pytestmark = pytest.mark.long  # every gallery page, one Pyodide boot each: about 2 minutes

GALLERY = ROOT / "sites" / "gallery" / "app.py"
# url path → the page's title, in menu order
PAGES = {
    "": "stc gallery",
    "text/": "Text",
    "data/": "Data",
    "charts/": "Charts",
    "diagrams/": "Diagrams",
    "media/": "Media",
    "inputs/": "Inputs",
    "buttons/": "Buttons and files",
    "chat/": "Chat",
    "layout/": "Layout",
    "status/": "Status",
    "state/": "State",
}
CHART_KINDS = ["line_chart", "area_chart", "bar_chart", "scatter_chart", "vega_lite_chart", "map"]


def open_page(page: Page, serve_app: Callable[[Path], str], path: str) -> Locator:
    """Open the gallery page at *path* (``"inputs/"``); returns its main area."""
    page.goto(serve_app(GALLERY) + path)
    wait_idle(page)
    return page.locator('[data-stc-kind="main"]')


def echo(main: Locator, text: str) -> None:
    expect(main.get_by_text(text, exact=True)).to_be_visible()


def kinds_present(page: Page, *kinds: str) -> None:
    for kind in kinds:
        expect(page.locator(f'[data-stc-kind="{kind}"]').first).to_be_attached()


def test_every_page_loads_to_idle_without_exceptions(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(GALLERY)
    for path, title in PAGES.items():
        page.goto(url + path)
        wait_idle(page)
        expect(page.locator(".stc-main h1").first).to_have_text(title)
        expect(page.locator('[data-stc-kind="exception"]')).to_have_count(0)
        expect(page.locator("#stc-root")).to_have_attribute("data-stc-status", "idle")
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.get_by_role("link")).to_have_count(len(PAGES))
    expect(page.locator(".stc-nav-header")).to_have_text(
        ["Overview", "Elements", "Widgets", "App structure"]
    )


def test_home_links_every_family(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(GALLERY)
    main = open_page(page, serve_app, "")
    expect(page.locator(".stc-logo img")).to_be_visible()
    links = main.locator('[data-stc-kind="page_link"] a')
    expect(links).to_have_count(len(PAGES) - 1)
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        url + path for path in PAGES if path
    ]
    main.get_by_role("link", name="Inputs").click()
    wait_idle(page)
    assert page.url == url + "inputs/"
    expect(page.locator(".stc-main h1").first).to_have_text("Inputs")


def test_text_family(page: Page, guard: PageGuard, serve_app: Callable[[Path], str]) -> None:
    main = open_page(page, serve_app, "text/")
    kinds_present(page, "title", "header", "subheader", "caption", "markdown", "text", "code")
    kinds_present(page, "latex", "html", "iframe", "json", "help", "divider")
    expect(page.locator("h1#text")).to_have_text("Text")
    expect(page.locator("h3#subheader-anchor")).to_be_visible()
    expect(page.locator("h2#headings-and-dividers")).to_be_visible()
    expect(page.locator(".stc-heading-divider.stc-divider-rainbow")).to_be_visible()
    table = main.locator(".stc-markdown table")
    expect(table.get_by_role("columnheader")).to_have_text(["Element", "Family", "Drawn with"])
    expect(table).to_contain_text("plotly.js")
    expect(main.get_by_text("bold", exact=True)).to_have_js_property("tagName", "STRONG")
    expect(page.locator(".stc-color-red")).to_have_text("Red")
    expect(page.locator(".stc-bg-blue")).to_have_text("A blue background")
    expect(page.locator(".stc-badge-violet")).to_have_text("✔ badge")
    expect(page.locator(".stc-badge-blue")).to_have_text("Stable")
    expect(page.locator('[data-stc-kind="text"]')).to_contain_text("Fixed-width text")
    expect(page.locator('[data-stc-kind="json"]')).to_contain_text('"family": "text"')
    expect(page.locator('[data-stc-kind="divider"]')).to_have_count(1)

    # text extras: HTML, formulas, badges, echo, help, components, space
    html = page.locator('[data-stc-kind="html"]')
    expect(html.locator("b")).to_have_text("HTML")
    expect(html.locator("script")).to_have_count(0)  # stripped, as in Streamlit
    expect(page.locator(".stc-latex .katex")).to_be_visible()  # KaTeX loaded lazily
    expect(page.locator(".stc-badge-green")).to_have_text("🔥 New")
    expect(page.get_by_text("Emoji 😄 and")).to_be_visible()
    expect(page.locator(".stc-bg-red")).to_have_text("highlighted")
    code = page.locator('[data-stc-kind="code"]')
    expect(code.filter(has_text="answer = 6 * 7")).to_have_count(1)  # st.echo
    expect(code.filter(has_text="def greet(name: str)")).to_have_count(1)
    echo(main, "42")
    expect(page.locator('[data-stc-kind="help"]')).to_contain_text("len")
    frame = page.frame_locator('[data-stc-kind="iframe"] iframe')
    expect(frame.locator("#inside")).to_have_text("In a frame")
    expect(page.locator('[data-stc-kind="space"]')).to_have_count(1)


def test_data_family_and_editor_round_trip(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    main = open_page(page, serve_app, "data/")
    kinds_present(page, "metric", "table", "dataframe", "data_editor", "columns")
    metrics = page.locator('[data-stc-kind="metric"]')
    expect(metrics).to_have_count(3)
    expect(metrics.first).to_contain_text("21 °C")
    expect(metrics.first).to_contain_text("1.5 °C")
    expect(page.locator('[data-stc-kind="table"]')).to_contain_text("dog")
    expect(page.locator('[data-stc-kind="dataframe"]')).to_contain_text("two")
    editor = page.locator('[data-stc-kind="data_editor"]')
    expect(editor.get_by_role("columnheader", name="In stock")).to_be_visible()

    echo(
        main,
        "data_editor: {'item': ['pen', 'ink'], 'qty': [1, 2], 'ok': [True, False], "
        "'colour': ['blue', 'black']}",
    )
    page.get_by_label("Quantity, row 2").fill("7")
    page.get_by_label("Quantity, row 2").press("Enter")
    echo(
        main,
        "data_editor: {'item': ['pen', 'ink'], 'qty': [1, 7], 'ok': [True, False], "
        "'colour': ['blue', 'black']}",
    )
    page.get_by_label("In stock, row 2").check()
    page.get_by_label("Colour, row 1").select_option(label="red")
    echo(
        main,
        "data_editor: {'item': ['pen', 'ink'], 'qty': [1, 7], 'ok': [True, True], "
        "'colour': ['red', 'black']}",
    )
    page.get_by_role("button", name="Add row").click()
    page.get_by_label("Item, new row 1").fill("nib")
    page.get_by_label("Item, new row 1").press("Enter")
    echo(
        main,
        "data_editor: {'item': ['pen', 'ink', 'nib'], 'qty': [1, 7, None], "
        "'ok': [True, True, None], 'colour': ['red', 'black', None]}",
    )


def test_every_chart_draws_offline(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_page(page, serve_app, "charts/")
    for kind in CHART_KINDS:
        charts = page.locator(f'[data-stc-kind="{kind}"]')
        expect(charts.first).to_be_visible()
        for i in range(charts.count()):
            expect(charts.nth(i).locator("canvas, svg").first).to_be_visible(timeout=30_000)
    expect(page.locator('[data-stc-kind="bar_chart"]')).to_have_count(2)
    assert sum("vega-bundle.mjs" in url for url in requests) == 1
    assert not page.locator(".stc-chart .stc-alert-error").count()


def test_diagrams_draw_offline_on_their_own_page(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    main = open_page(page, serve_app, "charts/")
    # The libraries, by file name: the page's own elements/echarts.mjs is not one.
    libraries = ("viz.js", "mermaid.min.js", "echarts.esm.min.mjs")
    assert not [u for u in requests if any(name in u for name in libraries)]
    main = open_page(page, serve_app, "diagrams/")
    graph = page.locator('[data-stc-kind="graphviz_chart"]')
    expect(graph.locator("svg g.node")).to_have_count(4, timeout=30_000)
    expect(graph).to_have_attribute("aria-label", "A pipeline of steps")
    expect(page.locator(".stc-mermaid svg")).to_contain_text("Worker", timeout=30_000)
    bars = page.locator('[data-stc-kind="echarts_chart"] canvas')
    expect(bars).to_have_count(1, timeout=30_000)
    page.get_by_role("slider", name="Steps").fill("5")
    wait_idle(page)
    expect(graph.locator("svg g.node")).to_have_count(6)
    echo(main, "selected bars: []")
    for name in ("viz.js", "mermaid.min.js", "echarts.esm.min.mjs"):
        assert sum(name in url for url in requests) == 1, name


def test_plotly_chart_draws_offline(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_page(page, serve_app, "charts/")
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


def test_unchanged_charts_keep_their_canvas(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_page(page, serve_app, "charts/")
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
    open_page(page, serve_app, "charts/")
    canvas = page.locator('[data-stc-kind="scatter_chart"] canvas')
    expect(canvas).to_be_visible(timeout=30_000)
    wide = canvas.bounding_box()
    page.set_viewport_size({"width": 500, "height": 900})
    page.wait_for_function(
        "w => document.querySelector('[data-stc-kind=\"scatter_chart\"] canvas')"
        ".getBoundingClientRect().width < w",
        arg=(wide or {"width": 0})["width"] - 100,
    )
    box = canvas.bounding_box()
    chart = page.locator('[data-stc-kind="scatter_chart"]').bounding_box()
    assert box and chart and box["width"] <= chart["width"] + 1


def test_media_render_from_blob_urls(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_page(page, serve_app, "media/")
    kinds_present(page, "image", "audio", "video", "pdf")
    square = page.get_by_role("img", name="A red square")
    expect(square).to_be_visible()
    assert (square.get_attribute("src") or "").startswith("blob:")
    page.wait_for_function(
        "[...document.querySelectorAll('.stc-image img')]"
        ".every(i => i.complete && i.naturalWidth === 8)"
    )
    expect(page.get_by_text("From a file")).to_be_visible()
    audio = page.locator('[data-stc-kind="audio"] audio')
    assert (audio.get_attribute("src") or "").startswith("blob:")
    page.wait_for_function("document.querySelector('[data-stc-kind=audio] audio').duration > 0.09")
    video = page.locator('[data-stc-kind="video"] video')
    assert (video.get_attribute("src") or "").startswith("blob:")
    expect(video).to_have_js_property("loop", True)
    page.wait_for_function("document.querySelector('[data-stc-kind=video] video').readyState >= 1")
    pdf = page.locator('[data-stc-kind="pdf"] object')
    expect(pdf).to_have_attribute("type", "application/pdf")
    assert (pdf.get_attribute("data") or "").startswith("blob:")
