"""Run one script in real Streamlit's ``AppTest`` and in stc's, and reduce what each
shows to comparable rows: ``(kind, text, value)`` in page order.

Kinds are mapped where the two name a thing differently (``KIND_MAP``); values are
normalised where only the representation differs (a table's cells are compared as
text, decimals by their value; JSON by its parsed value).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from runtime_wasm import _cache_store, _caching
from runtime_wasm.testing import AppTest as OurAppTest

__all__ = ["Row", "rows_after", "run_both"]

Row = tuple[str, Any, Any]
Action = Callable[[Any], Any]

# stc kind -> Streamlit AppTest kind
KIND_MAP = {
    "columns": "flex_container",
    "tabs": "tab_container",
    "form_submit_button": "button",
    "container": "flex_container",
    # Streamlit's AppTest sees built-in charts as the Vega-Lite / deck.gl they become.
    "line_chart": "vega_lite_chart",
    "area_chart": "vega_lite_chart",
    "bar_chart": "vega_lite_chart",
    "scatter_chart": "vega_lite_chart",
    "altair_chart": "vega_lite_chart",
    "map": "deck_gl_json_chart",
    "pydeck_chart": "deck_gl_json_chart",
    "help": "help_info",
    "pyplot": "image",  # Streamlit's AppTest sees st.pyplot as the PNG it becomes
    "datetime_input": "date_time_input",
    "pills": "button_group",
    "segmented_control": "button_group",
    "grid": "grid_container",
    "bottom": "unknown",  # Streamlit's AppTest has no type for the bottom container
}


def _cell_text(kind: str, cell: Any) -> str:
    text = str(cell)
    # st.table shows floats with four decimals (12.2500): stc's AppTest reads the text
    # the page shows, Streamlit's the float, which prints as 12.25.
    if kind == "table" and re.fullmatch(r"-?\d+\.\d+", text):
        return repr(float(text))
    return text


def _norm_value(kind: str, value: Any) -> Any:
    if isinstance(value, dict):  # a component's state answers every attribute: a plain dict
        value = dict(value)
    if hasattr(value, "to_dict") and hasattr(value, "columns"):  # a DataFrame
        return {str(c): [_cell_text(kind, x) for x in value[c]] for c in value.columns}
    if isinstance(value, dict) and kind in ("table", "dataframe"):
        return {str(c): [_cell_text(kind, x) for x in v] for c, v in value.items()}
    if kind == "file_uploader":  # UploadedFile objects: their reprs differ, not their files
        files = value if isinstance(value, list) else [] if value is None else [value]
        return [[f.name, f.type, f.size] for f in files]
    if kind == "json" and isinstance(value, str):
        return json.loads(value)
    if kind in ("divider", "image"):  # an image's value: URLs named by a hash of its bytes
        return None
    if isinstance(value, tuple):
        return list(value)
    return value


def _text(node: Any) -> Any:
    for name in ("label", "body"):
        try:
            text = getattr(node, name)
        except (AttributeError, KeyError):
            continue
        if text is not None:
            return str(text)
    return None


def _rows(block: Any) -> Iterator[Row]:
    children = block.children
    for child in children.values() if isinstance(children, dict) else children:
        kind = KIND_MAP.get(child.type, child.type)
        if hasattr(child, "children"):  # a block: its label only
            label = getattr(child, "label", None)
            yield (kind, None if label is None else str(label), None)
            yield from _rows(child)
            continue
        value = child.value
        # JSON text is compared parsed (indentation differs); code and exceptions by value
        text = None if kind in ("divider", "code", "exception", "json") else _text(child)
        yield (kind, text, _norm_value(kind, value))


def rows_after(at: Any) -> list[Row]:
    return list(_rows(at._tree))


def run_both(script: str | Path, actions: list[Action]) -> tuple[list[list[Row]], list[list[Row]]]:
    """Run ``script`` (source text, or an app's path) then each action (an interaction
    followed by a run) in both AppTests; the rows after every run, Streamlit's first."""
    from streamlit.testing.v1 import AppTest as RealAppTest

    _cache_store.set_default_store(_cache_store.CacheStore())
    _caching._resource_caches.clear()
    results: list[list[list[Row]]] = []
    for cls in (RealAppTest, OurAppTest):
        if isinstance(script, Path):
            at = cls.from_file(str(script), default_timeout=10)
        else:
            at = cls.from_string(script, default_timeout=10)
        at.run()
        seen = [rows_after(at)]
        for action in actions:
            action(at)
            at.run()
            seen.append(rows_after(at))
        results.append(seen)
    return results[0], results[1]
