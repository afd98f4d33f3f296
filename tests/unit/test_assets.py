"""Optional assets: which vendored libraries a site carries, from what the analysis sees."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from compiler import BuildOptions, NullReporter, build
from compiler.resolve._assets import ASSETS, IncludeAssets, choose_assets, is_left_out

from ._analysis import analyse_app, write_app

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"

CASES = [
    pytest.param(
        "import streamlit as st\nst.title('x')\nst.write(f'{1}', 2)\n", set(), id="nothing"
    ),
    pytest.param("import streamlit as st\nst.line_chart([1, 2])\n", {"vega"}, id="line_chart"),
    pytest.param("import streamlit as st\nst.latex('x^2')\n", {"katex"}, id="latex"),
    pytest.param("import streamlit as st\nst.plotly_chart(fig)\n", {"plotly"}, id="plotly_chart"),
    pytest.param(
        "import streamlit as st\nwith st.sidebar:\n    st.plotly_chart({'data': []})\n",
        {"plotly"},
        id="plotly-in-sidebar",
    ),
    pytest.param("import streamlit as st\nst.sidebar.map(df)\n", {"vega"}, id="sidebar-map"),
    pytest.param("import streamlit as st\nst.graphviz_chart(g)\n", {"graphviz"}, id="graphviz"),
    pytest.param(
        "from streamlit import mermaid_chart\nmermaid_chart('graph LR')\n",
        {"mermaid"},
        id="mermaid",
    ),
    pytest.param(
        "import streamlit as st\nc, = st.columns(1)\nc.echarts_chart(o)\n",
        {"echarts"},
        id="echarts",
    ),
    pytest.param(
        "import streamlit as st\na, b = st.columns(2)\nb.bar_chart(df)\n", {"vega"}, id="column"
    ),
    pytest.param(
        "import streamlit as st\nwith st.sidebar:\n    st.pydeck_chart(deck)\n",
        {"deckgl"},
        id="pydeck_chart",
    ),
    pytest.param("import streamlit as st\nst.map(df)\n", {"vega"}, id="map-is-not-deck"),
    pytest.param("from streamlit import latex as tex\ntex('x')\n", {"katex"}, id="from-import"),
    pytest.param("import streamlit as st\nst.write(chart)\n", set(), id="write-opaque"),
    pytest.param("import streamlit as st\nst.markdown(text)\n", set(), id="markdown-opaque"),
    pytest.param("import streamlit as st\ngetattr(st, kind)(df)\n", set(ASSETS), id="getattr"),
    pytest.param(
        "import streamlit as st\nimport lib\nlib.draw(st)\n",
        set(ASSETS),
        id="st-passed",
    ),
    pytest.param("from streamlit import *\nline_chart(df)\n", set(ASSETS), id="star-import"),
    pytest.param(
        "import streamlit as st\nif flag:\n    st = other\nst.title('x')\n",
        set(ASSETS),
        id="ambiguous",
    ),
    pytest.param(
        "import streamlit as st\ndef f(st):\n    st.title('x')\n",
        set(ASSETS),
        id="shadowed-param",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_choose_assets(tmp_path: Path, source: str, expected: set[str]) -> None:
    analysis = analyse_app(tmp_path, {"app.py": source})
    assert set(choose_assets(analysis.streamlit, "auto")) == expected
    assert set(choose_assets(analysis.streamlit, "all")) == set(ASSETS)


@pytest.mark.parametrize(
    ("packages", "expected"),
    [
        pytest.param(frozenset(), set(), id="no-chart-package"),
        pytest.param(frozenset({"altair", "jsonschema"}), {"vega"}, id="altair"),
        pytest.param(frozenset({"plotly", "narwhals"}), {"plotly"}, id="plotly"),
        pytest.param(frozenset({"graphviz"}), {"graphviz"}, id="graphviz"),
        pytest.param(frozenset({"sympy", "mpmath"}), {"katex"}, id="sympy"),
        pytest.param(frozenset({"pydeck", "jinja2", "numpy"}), {"deckgl"}, id="pydeck"),
        pytest.param(frozenset({"pandas", "numpy"}), set(), id="dataframes-only"),
    ],
)
def test_write_of_an_unseen_value_needs_the_package_that_makes_charts(
    tmp_path: Path, packages: frozenset[str], expected: set[str]
) -> None:
    """st.write(x) can draw a chart only if x can be one: Altair or plotly in the site."""
    uses = analyse_app(tmp_path, {"app.py": "import streamlit as st\nst.write(x)\n"}).streamlit
    assert set(choose_assets(uses, "auto", packages)) == expected
    literal = analyse_app(tmp_path, {"app.py": "import streamlit as st\nst.write('x')\n"})
    assert choose_assets(literal.streamlit, "auto", frozenset({"altair", "plotly"})) == {}


def test_names_in_other_modules_count(tmp_path: Path) -> None:
    files = {
        "app.py": "import charts\n",
        "charts.py": "import streamlit as st\nst.altair_chart(c)\n",
    }
    assert set(choose_assets(analyse_app(tmp_path, files).streamlit, "auto")) == {"vega"}


@pytest.mark.parametrize(
    ("rel", "left_out"),
    [
        ("vendor/vega-bundle.mjs", True),
        ("vendor/vega-bundle.LICENSE", True),
        ("vendor/plotly.min.js", True),
        ("vendor/plotly.LICENSE", True),
        ("vendor/viz.js", True),
        ("vendor/mermaid.min.js", True),
        ("vendor/echarts.esm.min.mjs", True),
        ("vendor/echarts.LICENSE", True),
        ("vendor/deck-bundle.mjs", True),
        ("vendor/deck-bundle.LICENSE", True),
        ("vendor/maplibre/maplibre-gl.mjs", True),
        ("vendor/maplibre/maplibre-gl-worker.mjs", True),
        ("elements/lib/deck_basemap.mjs", False),
        ("elements/deck_gl_json_chart.mjs", False),
        ("vendor/katex/fonts/KaTeX_Main-Regular.woff2", True),
        ("vendor/marked.esm.js", False),
        ("elements/charts.mjs", False),
        ("elements/diagrams.mjs", False),
    ],
)
def test_is_left_out(rel: str, left_out: bool) -> None:
    assert is_left_out(rel, {}) is left_out
    assert not is_left_out(rel, dict.fromkeys(ASSETS, ""))


def _site(
    tmp_path: Path, source: str, include: IncludeAssets = "auto"
) -> tuple[set[str], dict[str, Any], dict[str, Any]]:
    app = write_app(tmp_path / "app", {"app.py": source})
    out = tmp_path / "site"
    options = BuildOptions(app=app, out_dir=out, pyodide_url=CDN, include_assets=include)
    build(options, NullReporter())
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    html = (out / "index.html").read_text()
    found = re.search(r'<script type="application/json" id="stc-config">(.*?)</script>', html, re.S)
    assert found is not None
    manifest = json.loads((out / "stc-build.json").read_text())
    return files, json.loads(found.group(1)), manifest


@pytest.mark.parametrize(
    ("source", "include", "expected"),
    [
        pytest.param("import streamlit as st\nst.title('x')\n", "auto", [], id="nothing"),
        pytest.param(
            "import streamlit as st\nst.line_chart([1])\n", "auto", ["vega"], id="line_chart"
        ),
        pytest.param("import streamlit as st\nst.latex('x')\n", "auto", ["katex"], id="latex"),
        pytest.param(
            "import streamlit as st\nst.plotly_chart({'data': []})\n",
            "auto",
            ["plotly"],
            id="plotly",
        ),
        pytest.param(
            "import streamlit as st\nst.graphviz_chart('a')\nst.echarts_chart({})\n",
            "auto",
            ["graphviz", "echarts"],
            id="graphviz-echarts",
        ),
        pytest.param(
            "import streamlit as st\nst.pydeck_chart()\n", "auto", ["deckgl"], id="pydeck"
        ),
        pytest.param(
            "import streamlit as st\nst.mermaid_chart('graph LR')\n",
            "auto",
            ["mermaid"],
            id="mermaid",
        ),
        pytest.param(
            "import streamlit as st\ngetattr(st, 'x')\n", "auto", list(ASSETS), id="getattr"
        ),
        pytest.param("import streamlit as st\nst.title('x')\n", "all", list(ASSETS), id="all"),
    ],
)
def test_site_carries_only_chosen_assets(
    tmp_path: Path, source: str, include: IncludeAssets, expected: list[str]
) -> None:
    files, config, manifest = _site(tmp_path, source, include)
    assert config["assets"] == expected
    assert manifest["assets"] == expected
    assert ("stc/vendor/vega-bundle.mjs" in files) is ("vega" in expected)
    assert ("stc/vendor/katex/katex.mjs" in files) is ("katex" in expected)
    assert ("stc/vendor/plotly.min.js" in files) is ("plotly" in expected)
    assert ("stc/vendor/viz.js" in files) is ("graphviz" in expected)
    assert ("stc/vendor/mermaid.min.js" in files) is ("mermaid" in expected)
    assert ("stc/vendor/echarts.esm.min.mjs" in files) is ("echarts" in expected)
    assert ("stc/vendor/deck-bundle.mjs" in files) is ("deckgl" in expected)
    assert ("stc/vendor/maplibre/maplibre-gl.mjs" in files) is ("deckgl" in expected)
    assert "stc/vendor/marked.esm.js" in files  # not optional: markdown needs it
    listed = {f["path"] for f in manifest["files"]}
    assert not any(p.startswith("stc/vendor/katex/") for p in listed) or "katex" in expected


def test_counter_needs_no_optional_asset(tmp_path: Path) -> None:
    source = (Path(__file__).parents[2] / "sites" / "counter" / "app.py").read_text()
    assert choose_assets(analyse_app(tmp_path, {"app.py": source}).streamlit, "auto") == {}
