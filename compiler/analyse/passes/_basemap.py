"""The map style a ``pydeck.Deck(...)`` names, when the call's literals tell it: the
page draws that style's basemap (``js/elements/lib/deck_basemap.mjs``), so the visitor's
browser fetches it and its tiles from the style's host, which the build report lists
among the remote resources.

pydeck's rules, from ``pydeck.bindings.deck`` and ``map_styles`` (0.9): the provider is
``map_provider`` (``"carto"`` when not given; ``None``: no basemap); ``map_style`` is a
URL, or a name (``"dark"``, ``"light"``, ``"road"``…) looked up for the provider, and
when not given it is the provider's default (Carto's dark style). ``map_style=None``
names no style (Streamlit's page then picks Carto's by theme; stc's draws none).
A ``mapbox://`` style is not drawn (it needs a token), nor a Google map type; a value
that is not a literal is not seen.
"""

from __future__ import annotations

from collections.abc import Mapping

import libcst as cst

from compiler.analyse.passes._names import argument, string_value

__all__ = ["DECK_NAMES", "basemap_url"]

DECK_NAMES = frozenset({"pydeck.Deck", "pydeck.bindings.Deck", "pydeck.bindings.deck.Deck"})

_CARTO = "https://basemaps.cartocdn.com/gl/{}-gl-style/style.json"
# name → provider → style, pydeck's ``map_styles.styles`` (those on the web)
_STYLES: Mapping[str, Mapping[str, str]] = {
    "dark": {"carto": _CARTO.format("dark-matter"), "maplibre": _CARTO.format("dark-matter")},
    "dark_no_labels": {
        "carto": _CARTO.format("dark-matter-nolabels"),
        "maplibre": _CARTO.format("dark-matter-nolabels"),
    },
    "light": {"carto": _CARTO.format("positron"), "maplibre": _CARTO.format("positron")},
    "light_no_labels": {
        "carto": _CARTO.format("positron-nolabels"),
        "maplibre": _CARTO.format("positron-nolabels"),
    },
    "road": {"carto": _CARTO.format("voyager"), "maplibre": _CARTO.format("voyager")},
}
_DEFAULT_NAME = {"carto": "dark", "maplibre": "dark", "mapbox": "dark"}
_MAP_STYLE = (2, "map_style")  # (position, keyword) in Deck(layers, views, map_style, …)
_MAP_PROVIDER = (11, "map_provider")


def _is_none(node: cst.BaseExpression | None) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def basemap_url(call: cst.Call) -> tuple[str, cst.BaseExpression] | None:
    """The ``http(s)`` style URL *call* (a ``pydeck.Deck(...)``) names, with the node
    that names it (the ``map_style`` literal, else the call), or ``None``."""
    provider_node = argument(call, *_MAP_PROVIDER)
    if _is_none(provider_node):
        return None
    provider = "carto" if provider_node is None else string_value(provider_node)
    style_node = argument(call, *_MAP_STYLE)
    if provider is None or _is_none(style_node):
        return None
    provider = provider.lower()
    if style_node is None:
        name = _DEFAULT_NAME.get(provider)
        style = _STYLES.get(name or "", {}).get(provider)
        node: cst.BaseExpression = call
    else:
        text = string_value(style_node)
        if text is None:
            return None
        style = _STYLES.get(text, {}).get(provider, text)
        node = style_node
    if style is None or not style.strip().lower().startswith(("http://", "https://")):
        return None
    return style.strip(), node
