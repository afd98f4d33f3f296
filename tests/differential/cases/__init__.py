"""The differential scripts: small apps, one or more per API area stc implements, each
with the interactions to replay (the same calls work on both ``AppTest`` classes).
One table per area (``_outputs``, ``_widgets``, ``_layout``, ``_execution``), in the
order the suite runs them."""

from __future__ import annotations

from ._case import Case
from ._execution import EXECUTION
from ._layout import LAYOUT
from ._outputs import OUTPUTS
from ._widgets import WIDGETS

__all__ = ["CASES", "KNOWN_DIFFERENCES", "Case"]

CASES = [*OUTPUTS, *WIDGETS, *LAYOUT, *EXECUTION]

_ST_PAGES = (
    "a page of the st_pages site: `from st_pages import add_page_title` fails in the reference "
    "environment, which lacks st-pages; stc ships a shim of it"
)

# Differences between real Streamlit and stc that are accepted, by case id, with why.
KNOWN_DIFFERENCES: dict[str, str] = {
    "write-memory-address": "st.help's value of an object without a readable repr: "
    "Streamlit's is its class's signature (`__main__.Plain()`), stc's the repr; both help_info",
    "write-delta-generator": "st.help's value is the DeltaGenerator's repr, which names "
    "Streamlit's internals (cursor, parent); both help_info",
    "form-clear": "Streamlit's AppTest keeps the submitted value in a clear_on_submit form "
    "(its frontend does the clearing); stc's AppTest shows the cleared value, as the page",
    "site:state": "timestamps differ between runs; Streamlit's AppTest mocks st.context "
    "cookies with a MagicMock, stc reads none",
    "site:st_pages": "imports st_pages, which stc ships (runtime_wasm/st_pages) and the "
    "test environment's real Streamlit does not have",
    "page:st_pages/tools/numbers.py": _ST_PAGES,
    "page:st_pages/tools/words.py": _ST_PAGES,
    "page:gallery/layout.py": "Streamlit's AppTest has no popover node: a generic block without "
    "a label; stc's popover block carries its label 'Settings'",
    "page:gallery/media.py": "Streamlit's AppTest gives st.image a /mock/media/ URL as value, "
    "stc's none (the bytes go to the page's blob store); Streamlit's st.pdf raises without "
    "the streamlit[pdf] extra, which the reference environment does not install",
    "page:gallery/navigation_state.py": "len(st.secrets) raises in Streamlit without a "
    "secrets.toml; in stc st.secrets is empty (a static site never ships secrets)",
}
