"""st.pydeck_chart in Chromium: deck.gl draws the layers on a plain background when the
spec names no map style, with neither MapLibre nor any tile fetched; a click selects
with on_select="rerun", a rerun keeps where the map was dragged, and without WebGL 2 the
chart says so. A spec that names a style gets its basemap drawn by MapLibre beneath the
layers, from a style and tiles served here on 127.0.0.1 (the test's own server, another
origin, as Carto's would be); a mapbox:// style, which needs a token, and a style that
does not load are said in the chart's corner. Only sites that use st.pydeck_chart (or
may write a pydeck Deck) carry deck.gl and MapLibre.

The apps use an object with pydeck's ``to_json()`` instead of pydeck itself: pydeck
needs numpy, which only the Pyodide CDN has, and these tests run offline. Headless
Chromium gives WebGL 2 through SwiftShader (software), which deck.gl and MapLibre draw
with.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from playwright.sync_api import Locator, Page, expect

from .conftest import ROOT, PageGuard, wait_idle, write_app

COUNTER = ROOT / "sites" / "counter" / "app.py"

DECK_APP = """
import json

import streamlit as st


class Deck:
    \"\"\"What st.pydeck_chart reads of a pydeck Deck: to_json() and the tooltip.\"\"\"

    def __init__(self, spec, tooltip=None):
        self.spec, self._tooltip = spec, tooltip

    def to_json(self):
        return json.dumps(self.spec)


points = [{"name": f"p{i}", "lon": -122.4 + i * 0.02, "lat": 37.76} for i in range(3)]
deck = Deck({
    "initialViewState": {"latitude": 37.76, "longitude": -122.38, "zoom": 11},
    "layers": [{"@@type": "ScatterplotLayer", "id": "pts", "data": points,
                "getPosition": "@@=[lon, lat]", "getFillColor": [255, 0, 0],
                "getRadius": 600}],
    "mapProvider": "carto",  # and no style: pydeck's map_style=None
    "views": [{"@@type": "MapView", "controller": True}],
}, tooltip={"text": "Name: {name}"})
event = st.pydeck_chart(deck, on_select="rerun", key="map", height=400, alt="Three points")
names = [o["name"] for o in event.selection.objects.get("pts", [])]
st.write(f"selected: {event.selection.indices} {names}")
"""

SPACING = 58  # px between the points: 0.02 degrees of longitude at zoom 11


def _pixel(chart: Locator, dx: int) -> tuple[int, ...]:
    """The colour drawn *dx* px right of the chart's centre (its middle point is there)."""
    shot = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    return shot.getpixel((shot.width // 2 + dx, shot.height // 2))  # type: ignore[return-value]


def _red(rgb: tuple[int, ...]) -> bool:
    return rgb[0] > 230 and rgb[1] < 40 and rgb[2] < 40


def _faded(rgb: tuple[int, ...]) -> bool:  # red at 40% over the light background
    return rgb[0] > 230 and 120 < rgb[1] < 200 and 120 < rgb[2] < 200


def test_deck_draws_offline_and_a_click_selects(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(serve_app(write_app(tmp_path, DECK_APP, "pydeck")))
    wait_idle(page)
    chart = page.locator('[data-stc-kind="deck_gl_json_chart"] .stc-deck-body')
    expect(chart.locator("canvas")).to_have_count(1, timeout=30_000)
    expect(page.get_by_role("figure", name="Three points")).to_be_visible()
    box = chart.bounding_box()
    assert box and round(box["height"]) == 400
    # No style named: no basemap and no note.
    expect(chart.locator(".stc-deck-note")).to_have_count(0)
    for _ in range(50):  # until deck.gl's first frame is on screen
        if _red(_pixel(chart, 0)) and _red(_pixel(chart, -SPACING)):
            break
        page.wait_for_timeout(100)
    assert _red(_pixel(chart, 0)) and _red(_pixel(chart, -SPACING)), _pixel(chart, 0)

    # A tooltip from Streamlit's template, on hover.
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(chart.get_by_text("Name: p1")).to_be_visible()

    # A click selects the middle point: the app reruns with Streamlit's state, and the
    # other points fade.
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_text("selected: {'pts': [1]} ['p1']")).to_be_visible()
    wait_idle(page)
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    assert _red(_pixel(chart, 0)), _pixel(chart, 0)
    assert _faded(_pixel(chart, -SPACING)), _pixel(chart, -SPACING)
    assert _faded(_pixel(chart, SPACING)), _pixel(chart, SPACING)

    # Another object replaces it (single-object); a click on nothing clears.
    page.mouse.click(box["x"] + box["width"] / 2 + SPACING, box["y"] + box["height"] / 2)
    expect(page.get_by_text("selected: {'pts': [2]} ['p2']")).to_be_visible()
    page.mouse.click(box["x"] + 20, box["y"] + 20)
    expect(page.get_by_text("selected: {} []")).to_be_visible()
    wait_idle(page)
    assert _red(_pixel(chart, -SPACING)), _pixel(chart, -SPACING)
    expect(chart.get_by_role("button", name="Clear selection")).to_have_count(0)

    # Streamlit's "Clear selection" button, there while anything is selected.
    page.mouse.click(box["x"] + box["width"] / 2 - SPACING, box["y"] + box["height"] / 2)
    expect(page.get_by_text("selected: {'pts': [0]} ['p0']")).to_be_visible()
    chart.get_by_role("button", name="Clear selection").click()
    expect(page.get_by_text("selected: {} []")).to_be_visible()
    expect(chart.get_by_role("button", name="Clear selection")).to_have_count(0)
    wait_idle(page)

    # A rerun keeps where the visitor dragged the map, as Streamlit's does.
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x + 150, y + 100)
    page.mouse.down()
    page.mouse.move(x + 200, y + 100, steps=5)
    page.mouse.move(x + 250, y + 100, steps=5)
    page.mouse.up()
    page.wait_for_timeout(500)  # deck.gl's drag ends with a short inertia-free transition
    page.mouse.click(x + 100, y)
    expect(page.get_by_text("selected: {'pts': [1]} ['p1']")).to_be_visible()
    wait_idle(page)
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    assert _red(_pixel(chart, 100)), _pixel(chart, 100)
    assert _faded(_pixel(chart, 100 - SPACING)), _pixel(chart, 100 - SPACING)
    assert not _red(_pixel(chart, 0)) and not _faded(_pixel(chart, 0)), _pixel(chart, 0)

    assert sum("deck-bundle.mjs" in url for url in requests) == 1
    assert not [u for u in requests if "maplibre" in u or "carto" in u or "mapbox" in u]
    expect(chart.locator(".stc-deck-basemap")).to_have_count(0)


def test_without_webgl2_the_chart_says_so(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.add_init_script(
        "const get = HTMLCanvasElement.prototype.getContext;"
        "HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {"
        "  return kind === 'webgl2' ? null : get.call(this, kind, ...rest); };"
    )
    page.goto(serve_app(write_app(tmp_path, DECK_APP, "pydeck")))
    wait_idle(page)
    chart = page.locator('[data-stc-kind="deck_gl_json_chart"]')
    expect(chart.get_by_role("note")).to_contain_text("needs WebGL 2")
    expect(chart.locator("canvas")).to_have_count(0)
    expect(page.get_by_text("selected: {} []")).to_be_visible()


LEFT_OUT_APP = """
import streamlit as st


class Deck:  # st.write knows a pydeck Deck by its type's name, as Streamlit does
    def to_json(self):
        return '{"layers": []}'


Deck.__module__ = "pydeck.bindings.deck"
st.write(Deck())
"""


def test_a_site_without_deck_gl_says_so(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    # st.write of a value the analysis cannot see, and pydeck not among the packages:
    # the build leaves deck.gl out, and the page says what is missing.
    url = serve_app(write_app(tmp_path, LEFT_OUT_APP, "pydeck_left_out"))
    assert page.request.get(f"{url}stc/vendor/deck-bundle.mjs").status == 404
    page.goto(url)
    wait_idle(page)
    chart = page.locator('[data-stc-kind="deck_gl_json_chart"]')
    expect(chart.get_by_role("note")).to_contain_text("needs deck.gl, which this build did not")


def test_counter_carries_no_deck_gl(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(COUNTER)
    assert page.request.get(f"{url}stc/vendor/deck-bundle.mjs").status == 404
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    wait_idle(page)
    expect(page.get_by_text("Count: 0")).to_be_visible()
    assert not [u for u in requests if "deck-bundle" in u]
