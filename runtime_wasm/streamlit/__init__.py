"""stc's implementation of the Streamlit API, importable as ``streamlit``.

Apps run unmodified: ``import streamlit as st`` resolves here (see
``runtime_wasm._alias``). Every element command is a method of the main-area
``DeltaGenerator``; the module exposes them as functions, as Streamlit does.
"""

from __future__ import annotations

from typing import Any

from .. import _registry
from .._caching import CacheDataAPI, CacheResourceAPI
from . import errors
from ._browser import ContextProxy, QueryParamsProxy
from ._commands import SessionStateProxy, rerun, set_page_config, stop
from ._dg import DeltaGenerator

__version__ = "1.67.0"

_main = DeltaGenerator(root="main", is_module=True)
sidebar = DeltaGenerator(root="sidebar")
session_state = SessionStateProxy()
query_params = QueryParamsProxy()
context = ContextProxy()
cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()

# Text and data
write = _main.write
title = _main.title
header = _main.header
subheader = _main.subheader
markdown = _main.markdown
text = _main.text
caption = _main.caption
code = _main.code
divider = _main.divider
json = _main.json
metric = _main.metric
table = _main.table
dataframe = _main.dataframe
success = _main.success
info = _main.info
warning = _main.warning
error = _main.error
exception = _main.exception

# Widgets
button = _main.button
form_submit_button = _main.form_submit_button
checkbox = _main.checkbox
toggle = _main.toggle
radio = _main.radio
selectbox = _main.selectbox
multiselect = _main.multiselect
slider = _main.slider
text_input = _main.text_input
text_area = _main.text_area
number_input = _main.number_input

# Status
progress = _main.progress
spinner = _main.spinner

# Layout
columns = _main.columns
container = _main.container
expander = _main.expander
tabs = _main.tabs
empty = _main.empty
form = _main.form


def __getattr__(name: str) -> Any:
    """``st.audio_input`` and the like: say stc lacks it, where Python would say nothing."""
    if name in _registry.NOT_YET:
        return getattr(_main, name)  # raises the "not available in stc yet" error
    raise AttributeError(f"module 'streamlit' has no attribute {name!r}")


__all__ = [
    "DeltaGenerator",
    "__version__",
    "button",
    "cache_data",
    "cache_resource",
    "caption",
    "checkbox",
    "code",
    "columns",
    "container",
    "context",
    "dataframe",
    "divider",
    "empty",
    "error",
    "errors",
    "exception",
    "expander",
    "form",
    "form_submit_button",
    "header",
    "info",
    "json",
    "markdown",
    "metric",
    "multiselect",
    "number_input",
    "progress",
    "query_params",
    "radio",
    "rerun",
    "selectbox",
    "session_state",
    "set_page_config",
    "sidebar",
    "slider",
    "spinner",
    "stop",
    "subheader",
    "success",
    "table",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "title",
    "toggle",
    "warning",
    "write",
]
