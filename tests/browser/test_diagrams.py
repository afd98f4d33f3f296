"""st.graphviz_chart, st.mermaid_chart and st.echarts_chart in Chromium: each library
draws offline, loaded on first use, and only sites that use it carry it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, wait_idle, write_app

COUNTER = ROOT / "sites" / "counter" / "app.py"
VENDOR = ("viz.js", "mermaid.min.js", "echarts.esm.min.mjs")

DIAGRAMS_APP = """
import streamlit as st

st.title("Diagrams")
n = st.slider("Steps", 2, 5, 3)
st.graphviz_chart(
    "digraph {" + " ".join(f"s{i} -> s{i + 1};" for i in range(n)) + "}", alt="Steps"
)
st.graphviz_chart("graph { layout=neato; x -- y; y -- z; z -- x }", width=240)
st.graphviz_chart("digraph { a -> }")
st.mermaid_chart(
    "graph LR\\n" + "\\n".join(f"  M{i}[Box {i}] --> M{i + 1}[Box {i + 1}]" for i in range(n)),
    alt="Boxes in a row",
)
st.markdown("Before\\n\\n```mermaid\\nsequenceDiagram\\n  Alice->>Bob: Hi\\n```\\n\\nAfter")
st.mermaid_chart("graph LR\\n  A -->")
sales = st.echarts_chart(
    {
        "title": {"text": "Sales"},
        "xAxis": {"type": "category", "data": [f"d{i}" for i in range(n)]},
        "yAxis": {"type": "value"},
        "series": [
            {"type": "bar", "name": "sold", "selectedMode": "single", "data": list(range(1, n + 1))}
        ],
    },
    renderer="svg",
    height=300,
    key="sales",
    on_select="rerun",
)
st.echarts_chart({"series": [{"type": "pie", "data": [{"name": "a", "value": 1}]}]})
st.write(f"steps: {n}, selected: {sales.selection.selected}")
"""


def test_diagrams_draw_offline(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(serve_app(write_app(tmp_path, DIAGRAMS_APP, "diagrams")))
    wait_idle(page)

    graphs = page.locator('[data-stc-kind="graphviz_chart"]')
    expect(graphs).to_have_count(3)
    steps, neato = graphs.nth(0), graphs.nth(1)
    expect(graphs.nth(2).get_by_role("alert")).to_have_text(
        "Graphviz error: syntax error in line 1 near '}'"
    )
    expect(steps.locator("svg g.node")).to_have_count(4, timeout=30_000)
    expect(steps.locator("svg g.edge")).to_have_count(3)
    expect(steps).to_have_attribute("aria-label", "Steps")
    expect(neato.locator("svg g.node")).to_have_count(3)
    box = neato.locator("svg").bounding_box()
    assert box and round(box["width"]) == 240

    diagrams = page.locator(".stc-mermaid")
    expect(diagrams).to_have_count(3)
    boxes = diagrams.nth(0)
    expect(boxes.locator("svg .node")).to_have_count(4, timeout=30_000)
    expect(boxes.locator("svg")).to_contain_text("Box 3")
    expect(boxes).to_have_attribute("aria-label", "Boxes in a row")
    expect(diagrams.nth(1).locator("svg")).to_contain_text("Alice")  # a fence in st.markdown
    expect(diagrams.nth(1)).to_have_attribute("aria-label", "Mermaid sequence diagram")
    expect(page.get_by_text("After")).to_be_visible()
    expect(diagrams.nth(2).get_by_role("alert")).to_contain_text("Mermaid diagram error")

    charts = page.locator('[data-stc-kind="echarts_chart"]')
    expect(charts).to_have_count(2)
    sales, pie = charts.nth(0), charts.nth(1)
    expect(sales.locator("svg")).to_contain_text("Sales", timeout=30_000)
    expect(sales.locator("svg path[fill='#0068c9']")).to_have_count(3)  # Streamlit's blue bars
    chart_box = sales.locator(".stc-echarts-body").bounding_box()
    assert chart_box and round(chart_box["height"]) == 300
    expect(pie.locator("canvas")).to_have_count(1)
    for name in VENDOR:
        assert sum(name in url for url in requests) == 1, name

    # A rerun redraws each diagram in place.
    page.get_by_role("slider", name="Steps").fill("5")
    expect(page.get_by_text("steps: 5, selected: []")).to_be_visible()
    wait_idle(page)
    expect(steps.locator("svg g.node")).to_have_count(6)
    expect(boxes.locator("svg .node")).to_have_count(6)
    expect(sales.locator("svg path[fill='#0068c9']")).to_have_count(5)
    assert not page.locator(".stc-echarts .stc-alert-error").count()

    # Clicking a bar of a chart with on_select reruns the app with Streamlit's selection,
    # once the rerun's redraw has finished animating (a click mid-animation can miss).
    sales.evaluate(
        "el => new Promise((done) => {"
        " const v = el._diagram.view; let quiet = setTimeout(done, 1500);"
        " v.on('finished', () => { clearTimeout(quiet); quiet = setTimeout(done, 300); }); })"
    )
    spy = "el => { const v = el._diagram.view, set = v.setOption.bind(v); el.sets = 0;"
    sales.evaluate(spy + " v.setOption = (...a) => { el.sets += 1; return set(...a); }; }")
    sales.locator("svg path[fill='#0068c9']").nth(2).click()
    page.mouse.move(0, 0)
    picked = "'series_name': 'sold', 'data_type': 'main', 'data_indices': [2]"
    expect(page.get_by_text(picked)).to_be_visible()
    wait_idle(page)
    assert sales.evaluate("el => el.sets") == 0  # not drawn again: the bar stays selected

    # A container-wide ECharts chart follows its container's width.
    wide = sales.locator("svg").first.bounding_box()
    page.set_viewport_size({"width": 500, "height": 800})
    page.wait_for_function(
        "w => document.querySelector('.stc-echarts svg').getBoundingClientRect().width < w",
        arg=wide["width"] if wide else 0,
    )
    narrow, column = sales.locator("svg").first.bounding_box(), sales.bounding_box()
    assert narrow and column and abs(narrow["width"] - column["width"]) <= 1


def test_counter_carries_no_diagram_library(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(COUNTER)
    for name in VENDOR:
        assert page.request.get(f"{url}stc/vendor/{name}").status == 404, name
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    wait_idle(page)
    expect(page.get_by_text("Count: 0")).to_be_visible()
    assert not [u for u in requests if any(name in u for name in VENDOR)]


def test_left_out_libraries_are_explained(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    hidden = (
        "import importlib\n"
        "st = importlib.import_module('streamlit')  # the analysis cannot see this\n"
        "st.graphviz_chart('digraph { a -> b }')\n"
        "st.mermaid_chart('graph LR\\n  A --> B')\n"
        "st.echarts_chart({'series': [{'type': 'bar', 'data': [1]}]})\n"
    )
    page.goto(serve_app(write_app(tmp_path, hidden, "hidden")))
    wait_idle(page)
    expect(page.locator('[data-stc-kind="graphviz_chart"]')).to_contain_text(
        "needs graphviz, which this build did not include"
    )
    expect(page.locator(".stc-mermaid")).to_contain_text(
        "needs mermaid, which this build did not include"
    )
    expect(page.locator('[data-stc-kind="echarts_chart"]')).to_contain_text(
        "needs echarts, which this build did not include"
    )
