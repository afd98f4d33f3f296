"""Chart selections in Chromium: a point clicked and an interval dragged on a Vega-Lite
chart, a point clicked and a box dragged on a Plotly chart, come back to the app as
Streamlit's selection state, and a rerun keeps the chart (and what is selected in it).

The charts are Vega-Lite dicts and Plotly dicts: ``altair`` is a pure wheel, but it
needs ``rpds-py`` and ``markupsafe``, binary packages that load from Pyodide's CDN,
which a test page must not reach."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from .conftest import PageGuard, wait_idle, write_app

APP = """
import streamlit as st

rows = [{"a": 1, "b": 1, "kind": "x"}, {"a": 2, "b": 3, "kind": "y"}, {"a": 3, "b": 2, "kind": "z"}]
encoding = {
    "x": {"field": "a", "type": "quantitative", "scale": {"domain": [0, 4]}},
    "y": {"field": "b", "type": "quantitative", "scale": {"domain": [0, 4]}},
}
size = 600 if st.toggle("Bigger") else 400
points = st.vega_lite_chart(
    rows,
    {"mark": {"type": "point", "size": size, "filled": True}, "encoding": encoding,
     "params": [{"name": "pick", "select": {"type": "point", "fields": ["kind"]}}]},
    key="points", on_select="rerun", width=400, height=300,
)
st.write(points.selection)
st.text(f"pick: {points.selection.pick}")

def brushed():
    st.session_state.brushes = st.session_state.get("brushes", 0) + 1

brush = st.vega_lite_chart(
    rows,
    {"mark": "point", "encoding": encoding,
     "params": [{"name": "brush", "select": {"type": "interval", "encodings": ["x"]}}]},
    on_select=brushed, width=400, height=300,
)
span = [round(v) for v in brush.selection.brush.a] if brush.selection.brush else None
st.text(f"brush: {span} calls: {st.session_state.get('brushes', 0)}")

figure = {
    "data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3], "y": [1, 3, 2],
              "marker": {"size": 20}}],
    "layout": {"xaxis": {"range": [0, 4]}, "yaxis": {"range": [0, 4]},
               "margin": {"l": 40, "r": 10, "t": 10, "b": 40}},
}
plot = st.plotly_chart(figure, key="plot", on_select="rerun", width=400, height=300)
st.write(plot.selection)
st.text(f"indices: {plot.selection.point_indices} boxes: {len(plot.selection.box)}")
first = plot.selection.points[0] if plot.selection.points else {}
st.text(f"first: {first.get('curve_number')} {first.get('point_index')} "
        f"{first.get('x')} {first.get('y')}")
st.text(f"lassos: {len(plot.selection.lasso)}")
st.plotly_chart(figure, on_select="rerun", selection_mode="points")
st.button("Rerun")
"""

# Page coordinates of data point (x, y) of a chart, through the library's own scales.
VEGA_POINT = """([el, x, y]) => {
  const view = el._chart.view;
  const box = el.querySelector("canvas").getBoundingClientRect();
  const [ox, oy] = view.origin();
  return [box.left + ox + view.scale("x")(x), box.top + oy + view.scale("y")(y)];
}"""
PLOTLY_POINT = """([el, x, y]) => {
  const gd = el.querySelector(".js-plotly-plot");
  const { xaxis, yaxis, _size } = gd._fullLayout;
  const box = gd.getBoundingClientRect();
  return [box.left + _size.l + xaxis.d2p(x), box.top + _size.t + yaxis.d2p(y)];
}"""


def _chart(page: Page, kind: str, index: int) -> Locator:
    return page.locator(f'[data-stc-kind="{kind}"]').nth(index)


def _at(chart: Locator, script: str, x: float, y: float) -> tuple[float, float]:
    chart.scroll_into_view_if_needed()  # the mouse only reaches what is on screen
    px, py = chart.evaluate(f"el => ({script})([el, {x}, {y}])")
    return px, py


def _tag(chart: Locator, selector: str) -> None:
    """Mark the drawing: a redraw replaces it, and the mark with it."""
    chart.locator(selector).first.evaluate("n => { n.dataset.probe = 'kept'; }")


def test_vega_lite_point_and_interval_selections(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(write_app(tmp_path, APP, "chart_select")))
    wait_idle(page)
    expect(page.get_by_text("pick: {}")).to_be_visible()
    expect(page.get_by_text("brush: None calls: 0")).to_be_visible()
    points = _chart(page, "vega_lite_chart", 0)
    expect(points.locator("canvas")).to_be_visible()
    wait_idle(page)
    _tag(points, "canvas")

    page.mouse.click(*_at(points, VEGA_POINT, 2, 3))
    expect(page.get_by_text("pick: [{'kind': 'y'}]")).to_be_visible()
    expect(page.locator('[data-stc-kind="json"]').first).to_contain_text('"kind"')
    # Shift keeps the points already selected, as in Vega-Lite.
    page.keyboard.down("Shift")
    page.mouse.click(*_at(points, VEGA_POINT, 3, 2))
    page.keyboard.up("Shift")
    expect(page.get_by_text("pick: [{'kind': 'y'}, {'kind': 'z'}]")).to_be_visible()

    # A rerun for another reason keeps the drawing and its selection.
    page.get_by_role("button", name="Rerun").click()
    wait_idle(page)
    expect(points.locator("canvas[data-probe='kept']")).to_have_count(1)
    expect(page.get_by_text("pick: [{'kind': 'y'}, {'kind': 'z'}]")).to_be_visible()
    # A new spec for the keyed chart: redrawn, with its selection carried over.
    page.get_by_text("Bigger").click()
    wait_idle(page)
    expect(points.locator("canvas[data-probe='kept']")).to_have_count(0)
    expect(page.get_by_text("pick: [{'kind': 'y'}, {'kind': 'z'}]")).to_be_visible()
    picked = points.evaluate("el => el._chart.view.signal('pick').vlPoint.or")
    assert picked == [{"kind": "y"}, {"kind": "z"}]

    brush = _chart(page, "vega_lite_chart", 1)
    expect(brush.locator("canvas")).to_be_visible()
    start, end = _at(brush, VEGA_POINT, 0.6, 0.5), _at(brush, VEGA_POINT, 2.4, 3.5)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=8)
    page.mouse.up()
    # One report for the whole drag (debounced), so the callback ran once.
    expect(page.get_by_text("brush: [1, 2] calls: 1")).to_be_visible()
    wait_idle(page)
    expect(page.get_by_text("pick: [{'kind': 'y'}, {'kind': 'z'}]")).to_be_visible()


def test_plotly_point_and_box_selections(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(write_app(tmp_path, APP, "chart_select")))
    wait_idle(page)
    plot = _chart(page, "plotly_chart", 0)
    expect(plot.locator(".main-svg").first).to_be_visible()
    expect(page.get_by_text("indices: [] boxes: 0")).to_be_visible()
    # Only the enabled tools: box and lasso are both on by default.
    expect(plot.locator('[data-attr="dragmode"][data-val="select"]')).to_have_count(1)
    _tag(plot, ".main-svg")

    x, y = _at(plot, PLOTLY_POINT, 2, 3)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    expect(page.get_by_text("indices: [1] boxes: 0")).to_be_visible()
    expect(page.get_by_text("first: 0 1 2 3")).to_be_visible()
    wait_idle(page)
    expect(plot.locator(".main-svg[data-probe='kept']")).to_have_count(1)

    # The default drag is a box (dragmode "select") around the points at x=2 and x=3, clear
    # of the modebar at the top.
    start, end = _at(plot, PLOTLY_POINT, 1.5, 3.4), _at(plot, PLOTLY_POINT, 3.5, 1.6)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=8)
    page.mouse.up()
    expect(page.get_by_text("indices: [1, 2] boxes: 1")).to_be_visible()
    box = page.locator('[data-stc-kind="json"]').nth(1)
    expect(box).to_contain_text('"xref"')
    page.get_by_role("button", name="Rerun").click()
    wait_idle(page)
    expect(page.get_by_text("indices: [1, 2] boxes: 1")).to_be_visible()
    expect(plot.locator(".main-svg[data-probe='kept']")).to_have_count(1)

    # The lasso tool, around the point at (1, 1); a double click clears the selection.
    plot.locator('[data-attr="dragmode"][data-val="lasso"]').click()
    corners = [_at(plot, PLOTLY_POINT, x, y) for x, y in [(0.5, 0.5), (1.5, 0.5), (1.5, 1.5)]]
    page.mouse.move(*corners[0])
    page.mouse.down()
    for corner in [*corners[1:], corners[0]]:
        page.mouse.move(*corner, steps=5)
    page.mouse.up()
    expect(page.get_by_text("indices: [0] boxes: 0")).to_be_visible()
    expect(page.get_by_text("lassos: 1")).to_be_visible()
    page.mouse.dblclick(*_at(plot, PLOTLY_POINT, 3.5, 3.5))
    expect(page.get_by_text("indices: [] boxes: 0")).to_be_visible()
    expect(page.get_by_text("lassos: 0")).to_be_visible()

    # selection_mode="points": clicks only, no box or lasso tool.
    only = _chart(page, "plotly_chart", 1)
    expect(only.get_by_role("button", name="Zoom", exact=True)).to_have_count(1)
    expect(only.get_by_role("button", name="Box Select")).to_have_count(0)
    expect(only.get_by_role("button", name="Lasso Select")).to_have_count(0)


LINE = """
import streamlit as st

st.line_chart({"day": [1, 2, 3, 4], "sales": [3, 1, 4, 1]}, x="day", y="sales")
st.text("drawn")
"""


def test_a_line_chart_draws_without_vega_warnings(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.goto(serve_app(write_app(tmp_path, LINE, "line_chart")))
    wait_idle(page)
    chart = page.locator('[data-stc-kind="line_chart"] canvas')
    expect(chart).to_be_visible()
    # The hover layer shows the nearest point: moving over the chart draws it.
    box = chart.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2)
    wait_idle(page)
    assert not [w for w in warnings if "extent" in w], warnings
