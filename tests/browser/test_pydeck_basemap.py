"""The basemap of st.pydeck_chart in Chromium: a map style the spec names is drawn by
MapLibre beneath deck.gl's layers and follows deck.gl's view; a style given as a JSON
object is drawn with nothing fetched; a mapbox:// style (it needs an access token, which
a static site does not carry) and a style that does not load are said in the chart's
corner. A chart whose spec names no style fetches neither MapLibre nor any tile
(tests/browser/test_pydeck.py).

The style and its one raster tile come from a small server the test starts on another
127.0.0.1 port, with CORS headers: another origin, as Carto's would be. The app uses
an object with pydeck's ``to_json()`` (see test_pydeck.py).
"""

from __future__ import annotations

import io
import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from .conftest import PageGuard, wait_idle, write_app

GREEN = (0, 200, 0)  # the tile
BLUE = (0, 0, 255)  # the style's background, under the tile
ORANGE = (255, 160, 0)  # the background of the style given as an object
PURPLE = (128, 0, 255)  # its polygon


def _png(rgb: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), rgb).save(out, "PNG")
    return out.getvalue()


@dataclass
class TileServer:
    """The style (``/style.json``) and its tiles (``/tiles/z/x/y.png``, all one green
    square); anything else is a 404, the tiles of its second source (``/broken/…``)
    too. ``seen`` lists the paths asked for."""

    url: str = ""
    seen: list[str] = field(default_factory=list)

    def style(self) -> dict[str, object]:
        return {
            "version": 8,
            "sources": {
                "grid": {
                    "type": "raster",
                    "tiles": [f"{self.url}/tiles/{{z}}/{{x}}/{{y}}.png"],
                    "tileSize": 256,
                    "attribution": "Test tiles",
                },
                # every tile a 404: holes in the map, which must not remove it
                "broken": {"type": "raster", "tiles": [f"{self.url}/broken/{{z}}/{{x}}/{{y}}.png"]},
            },
            "layers": [
                {"id": "bg", "type": "background", "paint": {"background-color": "#0000ff"}},
                {"id": "broken", "type": "raster", "source": "broken"},
                {"id": "grid", "type": "raster", "source": "grid"},
            ],
        }


@pytest.fixture
def tiles() -> Iterator[TileServer]:
    server_state = TileServer()
    tile = _png(GREEN)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server_state.seen.append(self.path)
            if self.path == "/style.json":
                body, kind = json.dumps(server_state.style()).encode(), "application/json"
            elif self.path.startswith("/tiles/") and self.path.endswith(".png"):
                body, kind = tile, "image/png"
            else:
                self.send_response(404)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server_state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


APP = """
import json

import streamlit as st


class Deck:
    def __init__(self, spec):
        self.spec = spec

    def to_json(self):
        return json.dumps(self.spec)


def deck(style):
    point = [{{"lon": -122.4, "lat": 37.76}}]
    return Deck({{
        "initialViewState": {{"latitude": 37.76, "longitude": -122.4, "zoom": 11}},
        "layers": [{{"@@type": "ScatterplotLayer", "id": "pt", "data": point,
                    "getPosition": "@@=[lon, lat]", "getFillColor": [255, 0, 0],
                    "getRadius": 400}}],
        "mapStyle": style,
        "views": [{{"@@type": "MapView", "controller": True}}],
    }})


st.pydeck_chart(deck("{base}/style.json"), height=300, alt="Served style")
st.pydeck_chart(deck({inline}), height=300, alt="Inline style")
st.pydeck_chart(deck("mapbox://styles/mapbox/dark-v9"), height=300, alt="Mapbox style")
st.pydeck_chart(deck("{base}/missing.json"), height=300, alt="Missing style")
"""

# West of the point's longitude purple, east of it orange: a GeoJSON source, which
# MapLibre's worker cuts into tiles, placed where deck.gl's view puts the point.
WEST = [[-123.0, 37.0], [-122.4, 37.0], [-122.4, 38.5], [-123.0, 38.5], [-123.0, 37.0]]
INLINE = {
    "version": 8,
    "sources": {
        "west": {
            "type": "geojson",
            "data": {"type": "Feature", "properties": {},
                     "geometry": {"type": "Polygon", "coordinates": [WEST]}},
        }
    },
    "layers": [
        {"id": "bg", "type": "background", "paint": {"background-color": "#ffa000"}},
        {"id": "west", "type": "fill", "source": "west", "paint": {"fill-color": "#8000ff"}},
    ],
}  # fmt: skip


def _pixel(chart: Locator, x: int, y: int) -> tuple[int, ...]:
    """The colour at (*x*, *y*) from the chart's centre."""
    shot = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    return shot.getpixel((shot.width // 2 + x, shot.height // 2 + y))  # type: ignore[return-value]


def _near(rgb: tuple[int, ...], want: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(rgb, want, strict=False))


def _until(page: Page, check: Callable[[], bool]) -> bool:
    for _ in range(100):
        if check():
            return True
        page.wait_for_timeout(100)
    return check()


@pytest.mark.fresh_boot  # it counts the tile server's requests, which a priming visit makes too
def test_a_named_style_is_drawn_beneath_the_layers(
    page: Page,
    guard: PageGuard,
    serve_app: Callable[[Path], str],
    tmp_path: Path,
    tiles: TileServer,
) -> None:
    guard.allowed_errors.append("404")  # the missing style and tiles, as Chromium logs them
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    source = APP.format(base=tiles.url, inline=repr(INLINE))
    page.goto(serve_app(write_app(tmp_path, source, "pydeck_basemap")))
    wait_idle(page)
    charts = page.locator('[data-stc-kind="deck_gl_json_chart"] .stc-deck-body')
    expect(charts).to_have_count(4, timeout=30_000)
    served, inline, mapbox, missing = (charts.nth(i) for i in range(4))

    # The served style: MapLibre's canvas under deck.gl's, the tile drawn around the
    # red point, the tile's attribution shown.
    expect(served.locator(".stc-deck-basemap canvas.maplibregl-canvas")).to_have_count(1)
    served.scroll_into_view_if_needed()
    assert _until(page, lambda: _near(_pixel(served, -100, -80), GREEN)), _pixel(served, -100, -80)
    assert _until(page, lambda: _near(_pixel(served, 0, 0), (255, 0, 0))), _pixel(served, 0, 0)
    expect(served.get_by_text("Test tiles")).to_be_visible()
    assert "/style.json" in tiles.seen
    assert any(p.startswith("/broken/") for p in tiles.seen), tiles.seen  # and it stayed
    assert any(p.startswith("/tiles/12/") for p in tiles.seen), tiles.seen
    expect(served.locator(".stc-deck-note")).to_have_count(0)

    # Dragging deck.gl moves the map with it.
    box = served.bounding_box()
    assert box
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x + 60, y + 40)
    page.mouse.down()
    page.mouse.move(x + 120, y + 40, steps=5)
    page.mouse.up()
    follows = """(body) => {
      const d = body.parentElement._deck, view = d.deck.getViewports()[0];
      const c = d.basemap.map.getCenter();
      return view.longitude < -122.41 && Math.abs(c.lng - view.longitude) < 1e-9
        && Math.abs(c.lat - view.latitude) < 1e-9 && d.basemap.map.getZoom() === view.zoom;
    }"""
    assert _until(page, lambda: bool(served.evaluate(follows)))

    # A style given as an object: drawn, nothing fetched for it, its polygon's edge at
    # the point's longitude, as deck.gl draws it.
    inline.scroll_into_view_if_needed()
    assert _until(page, lambda: _near(_pixel(inline, -100, -80), PURPLE)), _pixel(inline, -100, -80)
    assert _near(_pixel(inline, -3, -80), PURPLE), _pixel(inline, -3, -80)
    assert _near(_pixel(inline, 3, -80), ORANGE), _pixel(inline, 3, -80)
    assert _near(_pixel(inline, 100, -80), ORANGE), _pixel(inline, 100, -80)

    # mapbox:// needs a token: no map, a note saying why.
    note = mapbox.locator(".stc-deck-note")
    expect(note).to_have_text("Basemap not shown")
    expect(note).to_have_attribute("title", re.compile("access token"))
    expect(mapbox.locator(".stc-deck-basemap")).to_have_count(0)

    # A style that does not load: no map, a note.
    expect(missing.locator(".stc-deck-note")).to_have_text("Basemap could not be loaded")
    expect(missing.locator(".stc-deck-basemap")).to_have_count(0)
    assert tiles.seen.count("/missing.json") == 1

    # MapLibre and its stylesheet, once for the four charts, and its worker (one
    # request a worker of its pool, which is sized by the machine's cores).
    loaded = [u.split("/stc/vendor/")[1] for u in requests if "/vendor/maplibre/" in u]
    assert loaded.count("maplibre/maplibre-gl.mjs") == 1, loaded
    assert loaded.count("maplibre/maplibre-gl.css") == 1, loaded
    assert set(loaded) == {
        "maplibre/maplibre-gl.mjs",
        "maplibre/maplibre-gl.css",
        "maplibre/maplibre-gl-worker.mjs?v=6.20.0",
    }, loaded
