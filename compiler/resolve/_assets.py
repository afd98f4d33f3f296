"""Optional assets: vendored JavaScript libraries a site carries only when the app needs them.

The rule is the table :data:`ASSETS`: each asset, the files under ``runtime_wasm/js``
that make it, and the ``st.*`` names whose elements draw with it. The analysis
(:class:`StreamlitUses`) says which names the app uses; when it cannot be sure (``st``
passed to a call, an ambiguous binding), the asset ships: a few hundred kilobytes more
is better than a broken chart. ``st.write(x)`` of a value the analysis cannot see draws
with an asset only if ``x`` can be such a chart, which needs the package that makes it
(Altair, plotly, graphviz, pydeck) among the site's packages: so an app that writes a
DataFrame does not carry 4.8 MB of plotly.js. What a site left out is listed in its boot
config, and the page says so if an element needs it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from compiler.analyse.passes import StreamlitUses

__all__ = ["ASSETS", "Asset", "IncludeAssets", "choose_assets", "is_left_out"]

IncludeAssets = Literal["auto", "all"]


@dataclass(frozen=True, kw_only=True)
class Asset:
    """``files``: paths under ``runtime_wasm/js`` (a folder ends with ``/``). ``names``: the
    st names that need it. ``opaque``: the st names that need it when called with a value
    the analysis cannot see (``st.write(chart)`` draws an Altair chart), but only when
    one of ``makers``, the packages whose objects draw with it, is in the site."""

    files: tuple[str, ...]
    names: frozenset[str]
    opaque: frozenset[str] = frozenset()
    makers: frozenset[str] = frozenset()


ASSETS: Mapping[str, Asset] = {
    "vega": Asset(
        files=("vendor/vega-bundle.mjs", "vendor/vega-bundle.LICENSE"),
        names=frozenset(
            {
                "line_chart",
                "area_chart",
                "bar_chart",
                "scatter_chart",
                "altair_chart",
                "vega_lite_chart",
                "map",
            }
        ),
        opaque=frozenset({"write", "write_stream"}),
        makers=frozenset({"altair"}),
    ),
    # st.write(fig) of a Plotly figure draws it, as Streamlit's does.
    "plotly": Asset(
        files=("vendor/plotly.min.js", "vendor/plotly.LICENSE"),
        names=frozenset({"plotly_chart"}),
        opaque=frozenset({"write", "write_stream"}),
        makers=frozenset({"plotly"}),
    ),
    # st.write(graph) of a graphviz object draws it, as Streamlit's does.
    "graphviz": Asset(
        files=("vendor/viz.js", "vendor/viz.LICENSE"),
        names=frozenset({"graphviz_chart"}),
        opaque=frozenset({"write", "write_stream"}),
        makers=frozenset({"graphviz"}),
    ),
    # st.mermaid_chart is a ```mermaid fence in markdown; a fence in st.markdown draws
    # only where the app also calls st.mermaid_chart, else the page says it was left out.
    "mermaid": Asset(
        files=("vendor/mermaid.min.js", "vendor/mermaid.LICENSE"),
        names=frozenset({"mermaid_chart"}),
    ),
    "echarts": Asset(
        files=("vendor/echarts.esm.min.mjs", "vendor/echarts.LICENSE"),
        names=frozenset({"echarts_chart"}),
    ),
    # st.pydeck_chart draws with deck.gl; st.write(deck) of a pydeck Deck draws it too, as
    # Streamlit's does. MapLibre draws the basemap a spec names: which style a Deck names is
    # known only at run time (pydeck's default is Carto's), so it ships with deck.gl, and
    # the page loads it only for a spec that names one.
    "deckgl": Asset(
        files=("vendor/deck-bundle.mjs", "vendor/deck-bundle.LICENSE", "vendor/maplibre/"),
        names=frozenset({"pydeck_chart"}),
        opaque=frozenset({"write", "write_stream"}),
        makers=frozenset({"pydeck"}),
    ),
    # The runtime's markdown has no $…$ formulas: only st.latex draws with KaTeX, and
    # st.write(expr) of a SymPy expression, which it passes to st.latex as Streamlit's does.
    "katex": Asset(
        files=("vendor/katex/",),
        names=frozenset({"latex"}),
        opaque=frozenset({"write", "write_stream"}),
        makers=frozenset({"sympy"}),
    ),
}


def choose_assets(
    uses: StreamlitUses, include: IncludeAssets, packages: frozenset[str] = frozenset()
) -> dict[str, str]:
    """The optional assets the site carries, each with why (for the build's progress).

    *packages*: the names of the packages the site loads (the app's and theirs).
    """
    if include == "all":
        return {name: "--include-assets all" for name in ASSETS}
    if uses.unsure:
        return {name: f"cannot tell which st names are used ({uses.unsure[0]})" for name in ASSETS}
    chosen: dict[str, str] = {}
    for name, asset in ASSETS.items():
        used = sorted(asset.names & uses.names)
        opaque = sorted(asset.opaque & uses.opaque_calls)
        makers = sorted(asset.makers & packages)
        if used:
            chosen[name] = ", ".join(f"st.{n}" for n in used)
        elif opaque and makers:
            chosen[name] = ", ".join(f"st.{n} of a value the analysis cannot see" for n in opaque)
            chosen[name] += f" and the site loads {', '.join(makers)}"
    return chosen


def is_left_out(rel: str, chosen: Mapping[str, str]) -> bool:
    """Whether the runtime file *rel* (path under ``js/``) belongs to an asset not chosen."""
    return any(
        rel == f or (f.endswith("/") and rel.startswith(f))
        for name, asset in ASSETS.items()
        if name not in chosen
        for f in asset.files
    )
