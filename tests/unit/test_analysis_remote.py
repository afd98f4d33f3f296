"""Remote media: the literal URLs media elements hand to the page, which the visitor's
browser fetches from another host (the build report's "remote resources")."""

from __future__ import annotations

import time
from pathlib import Path

import libcst as cst
import pytest

from compiler.analyse.passes._remote import media_urls
from tests.unit._analysis import analyse_app

I = "import streamlit as st\n"  # noqa: E741


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            I + "st.image('https://example.com/cat.png')\n",
            [("https://example.com/cat.png", "st.image", 2, 10)],
            id="image",
        ),
        pytest.param(
            I + "st.image(caption='c', image='https://example.com/cat.png')\n",
            [("https://example.com/cat.png", "st.image", 2, 29)],
            id="image-keyword",
        ),
        pytest.param(
            I + "st.image(['https://a.example/1.png', b'raw', 'https://b.example/2.png'])\n",
            [
                ("https://a.example/1.png", "st.image", 2, 11),
                ("https://b.example/2.png", "st.image", 2, 46),
            ],
            id="image-list",
        ),
        pytest.param(
            I + "st.video('http://example.com/v.mp4', subtitles='https://example.com/v.vtt')\n",
            [
                ("http://example.com/v.mp4", "st.video", 2, 10),
                ("https://example.com/v.vtt", "st.video", 2, 48),
            ],
            id="video-and-subtitles",
        ),
        pytest.param(
            I + "st.audio('https://example.com/a.mp3')\n",
            [("https://example.com/a.mp3", "st.audio", 2, 10)],
            id="audio",
        ),
        pytest.param(
            I + "st.pdf('https://example.com/a.pdf')\n",
            [("https://example.com/a.pdf", "st.pdf", 2, 8)],
            id="pdf",
        ),
        pytest.param(
            I + "st.logo('https://example.com/l.png', icon_image='https://example.com/i.png')\n",
            [
                ("https://example.com/l.png", "st.logo", 2, 9),
                ("https://example.com/i.png", "st.logo", 2, 49),
            ],
            id="logo-and-icon",
        ),
        pytest.param(
            I + "st.sidebar.image('https://example.com/cat.png')\n",
            [("https://example.com/cat.png", "st.image", 2, 18)],
            id="sidebar",
        ),
        pytest.param(
            I + "a, b = st.columns(2)\nb.image('https://example.com/cat.png')\n",
            [("https://example.com/cat.png", "st.image", 3, 9)],
            id="column",
        ),
        pytest.param(
            "from streamlit import image as im\nim('https://example.com/cat.png')\n",
            [("https://example.com/cat.png", "st.image", 2, 4)],
            id="imported-alias",
        ),
        pytest.param(
            I + "st.image('https://example.com/' 'cat.png')\n",
            [("https://example.com/cat.png", "st.image", 2, 10)],
            id="concatenated-literal",
        ),
        pytest.param(
            I + "st.markdown('A cat: ![cat](https://example.com/cat.png)')\n",
            [("https://example.com/cat.png", "st.markdown", 2, 13)],
            id="markdown-image",
        ),
        pytest.param(
            I + "st.write('# Hi', '![a](//cdn.example.org/a.png) ![b](https://b.example/b.gif)')\n",
            [
                ("//cdn.example.org/a.png", "st.write", 2, 18),
                ("https://b.example/b.gif", "st.write", 2, 18),
            ],
            id="write-images",
        ),
        pytest.param(
            I + 'st.html(body=\'<p><img alt="x" src="https://example.com/x.png"></p>\')\n',
            [("https://example.com/x.png", "st.html", 2, 14)],
            id="html-img",
        ),
        pytest.param(
            I + "st.markdown('<img src=\"https://example.com/x.png\">', unsafe_allow_html=True)\n",
            [("https://example.com/x.png", "st.markdown", 2, 13)],
            id="markdown-html-allowed",
        ),
        # must not trigger
        pytest.param(
            I + "st.markdown('<img src=\"https://example.com/x.png\">')\n",
            [],
            id="markdown-html-escaped",
        ),
        pytest.param(I + "st.markdown('[a link](https://example.com)')\n", [], id="markdown-link"),
        pytest.param(I + "st.markdown('![local](cat.png)')\n", [], id="markdown-local-image"),
        pytest.param(
            I + "st.text('![cat](https://example.com/cat.png)')\n", [], id="text-is-not-markdown"
        ),
        pytest.param(
            I + "st.markdown('x', help='![cat](https://example.com/cat.png)')\n",
            [],
            id="markdown-help-tooltip",
        ),
        pytest.param(I + "st.image('cat.png')\n", [], id="local-file"),
        pytest.param(I + "st.image('data:image/png;base64,AAAA')\n", [], id="data-url"),
        pytest.param(
            I + "url = 'https://x.example/a.png'\nst.image(url)\n", [], id="not-a-literal"
        ),
        pytest.param(I + "st.image(f'https://{host}/a.png')\n", [], id="f-string"),
        pytest.param(I + "st.link_button('Go', 'https://example.com')\n", [], id="a-link"),
        pytest.param(I + "st.markdown('https://example.com/cat.png')\n", [], id="text"),
        pytest.param(
            I + "st.video('v.mp4', 'https://example.com/not-a-format')\n", [], id="format"
        ),
        pytest.param(
            "import other as st\nst.image('https://example.com/cat.png')\n", [], id="not-streamlit"
        ),
    ],
)
def test_remote_media(
    tmp_path: Path, source: str, expected: list[tuple[str, str, int, int]]
) -> None:
    analysis = analyse_app(tmp_path, {"app.py": source})
    assert [(r.url, r.command, r.span.line, r.span.col) for r in analysis.remote] == expected
    assert all(r.where == f"app.py:{r.span.line}:{r.span.col}" for r in analysis.remote)


@pytest.mark.parametrize(
    "text",
    ["<img " * 200_000, "![" * 250_000, "![a](" * 200_000, "<img " + "a b " * 250_000],
    ids=["img-tags", "brackets", "open-links", "one-long-tag"],
)
def test_a_hostile_markdown_literal_is_read_in_linear_time(text: str) -> None:
    # Unbounded runs took 36 s for a tenth of the first text, and grew with its square.
    call = cst.parse_expression(f"st.markdown({text!r}, unsafe_allow_html=True)")
    assert isinstance(call, cst.Call)
    started = time.monotonic()
    assert list(media_urls("markdown", call)) == []
    assert time.monotonic() - started < 10


P = "import pydeck as pdk\n"
CARTO = "https://basemaps.cartocdn.com/gl/{}-gl-style/style.json"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            P + "pdk.Deck(layers=[])\n", [(CARTO.format("dark-matter"), 2, 1)], id="default"
        ),
        pytest.param(
            P + "pdk.Deck(map_style='light')\n", [(CARTO.format("positron"), 2, 20)], id="light"
        ),
        pytest.param(
            P + "pdk.Deck([], None, 'road')\n", [(CARTO.format("voyager"), 2, 20)], id="positional"
        ),
        pytest.param(
            P + "pdk.Deck(map_style='dark_no_labels', map_provider='maplibre')\n",
            [(CARTO.format("dark-matter-nolabels"), 2, 20)],
            id="maplibre",
        ),
        pytest.param(
            "from pydeck import Deck\nDeck(map_style='https://tiles.example/style.json')\n",
            [("https://tiles.example/style.json", 2, 16)],
            id="own-style-url",
        ),
        # must not trigger
        pytest.param(P + "pdk.Deck(map_style=None)\n", [], id="style-none"),
        pytest.param(P + "pdk.Deck(map_provider=None)\n", [], id="provider-none"),
        pytest.param(P + "pdk.Deck(map_provider='mapbox')\n", [], id="mapbox-default"),
        pytest.param(
            P + "pdk.Deck(map_style='light', map_provider='mapbox')\n", [], id="mapbox-light"
        ),
        pytest.param(P + "pdk.Deck(map_provider='google_maps')\n", [], id="google"),
        pytest.param(P + "pdk.Deck(map_style=STYLE)\n", [], id="not-a-literal"),
        pytest.param(P + "pdk.Deck(map_style={'version': 8})\n", [], id="style-object"),
        pytest.param(P + "pdk.Layer('ScatterplotLayer')\n", [], id="a-layer"),
        pytest.param("import other as pdk\npdk.Deck()\n", [], id="not-pydeck"),
    ],
)
def test_pydeck_basemap_style(
    tmp_path: Path, source: str, expected: list[tuple[str, int, int]]
) -> None:
    analysis = analyse_app(tmp_path, {"app.py": source})
    assert [(r.url, r.span.line, r.span.col) for r in analysis.remote] == expected
    assert all(r.command == "pydeck.Deck" for r in analysis.remote)
