"""stc's implementation of the Streamlit API, importable as ``streamlit``.

Apps run unmodified: ``import streamlit as st`` resolves here (see
``runtime_wasm._alias``). Every element command is a method of the main-area
``DeltaGenerator``; the module exposes them as functions, as Streamlit does.
"""

from __future__ import annotations

from typing import Any

from .. import _caching
from .._caching import CacheDataAPI, CacheResourceAPI
from . import _roots, column_config, components, errors
from ._auth import Secrets, UserInfoProxy, login, logout
from ._browser import ContextProxy, QueryParamsProxy
from ._commands import SessionStateProxy, connection, rerun, set_page_config, stop
from ._compat import (  # removed names of older Streamlit, with its deprecation warning
    cache,
    experimental_connection,
    experimental_dialog,
    experimental_fragment,
    experimental_get_query_params,
    experimental_memo,
    experimental_rerun,
    experimental_set_query_params,
    experimental_singleton,
    experimental_user,
)
from ._config_options import get_option, set_option
from ._dg import DeltaGenerator
from ._fragment import fragment
from ._not_yet import NOT_YET
from .elements._dialog import dialog
from .elements._layouts import BottomProxy
from .elements._media import logo
from .elements._pages import Page, navigation, switch_page
from .elements._write import echo

# Private in Streamlit too, but packages (streamlit-pydantic) wrap their commands with it.
from .runtime.metrics_util import gather_metrics as _gather_metrics  # noqa: F401

__version__ = "1.67.0"

_main = DeltaGenerator(root="main", is_module=True)
_roots.register_main(_main)  # for the code that cannot import this package (see _roots)
sidebar = DeltaGenerator(root="sidebar")
# Streamlit's event container: the module-level st.toast goes there whatever `with`
# block is open (st.sidebar.toast and a container's .toast stay where they are called).
_event = DeltaGenerator(root="event")
session_state = SessionStateProxy()
query_params = QueryParamsProxy()
context = ContextProxy()
# A cached function computing shows st.spinner in the area in use (_caching asks).
_caching.set_spinner(
    lambda message, show_time: _main.spinner(message, show_time=show_time, _cache=True)
)
cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()
secrets = Secrets()
user = UserInfoProxy()
bottom = BottomProxy()

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
html = _main.html
latex = _main.latex
badge = _main.badge
help = _main.help
iframe = _main.iframe

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
select_slider = _main.select_slider
date_input = _main.date_input
time_input = _main.time_input
datetime_input = _main.datetime_input
color_picker = _main.color_picker
pills = _main.pills
segmented_control = _main.segmented_control
feedback = _main.feedback
link_button = _main.link_button
download_button = _main.download_button
file_uploader = _main.file_uploader
camera_input = _main.camera_input
audio_input = _main.audio_input
pagination = _main.pagination
menu_button = _main.menu_button
data_editor = _main.data_editor

# Chat
chat_input = _main.chat_input
chat_message = _main.chat_message
write_stream = _main.write_stream

# Status
progress = _main.progress
spinner = _main.spinner
status = _main.status
toast = _event.toast
balloons = _main.balloons
snow = _main.snow

# Media
image = _main.image
audio = _main.audio
video = _main.video
pdf = _main.pdf

# Charts
altair_chart = _main.altair_chart
area_chart = _main.area_chart
bar_chart = _main.bar_chart
echarts_chart = _main.echarts_chart
pydeck_chart = _main.pydeck_chart
graphviz_chart = _main.graphviz_chart
line_chart = _main.line_chart
map = _main.map
mermaid_chart = _main.mermaid_chart
plotly_chart = _main.plotly_chart
pyplot = _main.pyplot
scatter_chart = _main.scatter_chart
vega_lite_chart = _main.vega_lite_chart

# Multipage apps
page_link = _main.page_link

# Layout
columns = _main.columns
container = _main.container
expander = _main.expander
tabs = _main.tabs
empty = _main.empty
form = _main.form
popover = _main.popover
space = _main.space
grid = _main.grid
skeleton = _main.skeleton

# Old names (see _compat)
beta_columns = _main.beta_columns
beta_expander = _main.beta_expander
beta_container = _main.beta_container
experimental_data_editor = _main.experimental_data_editor


def __getattr__(name: str) -> Any:
    """``st.audio_input`` and the like: say stc lacks it, where Python would say nothing.
    ``st.connections`` is imported on first use."""
    if name == "connections":
        import importlib

        return importlib.import_module(f"{__name__}.connections")
    if name in NOT_YET:
        return getattr(_main, name)  # raises the "not available in stc yet" error
    raise AttributeError(f"module 'streamlit' has no attribute {name!r}")


__all__ = [
    "DeltaGenerator",
    "Page",
    "__version__",
    "altair_chart",
    "area_chart",
    "audio",
    "audio_input",
    "badge",
    "balloons",
    "bar_chart",
    "beta_columns",
    "beta_container",
    "beta_expander",
    "bottom",
    "button",
    "cache",
    "cache_data",
    "cache_resource",
    "camera_input",
    "caption",
    "chat_input",
    "chat_message",
    "checkbox",
    "code",
    "color_picker",
    "column_config",
    "columns",
    "components",
    "connection",
    "connections",
    "container",
    "context",
    "data_editor",
    "dataframe",
    "date_input",
    "datetime_input",
    "dialog",
    "divider",
    "download_button",
    "echarts_chart",
    "echo",
    "empty",
    "error",
    "errors",
    "exception",
    "expander",
    "experimental_connection",
    "experimental_data_editor",
    "experimental_dialog",
    "experimental_fragment",
    "experimental_get_query_params",
    "experimental_memo",
    "experimental_rerun",
    "experimental_set_query_params",
    "experimental_singleton",
    "experimental_user",
    "feedback",
    "file_uploader",
    "form",
    "form_submit_button",
    "fragment",
    "get_option",
    "graphviz_chart",
    "grid",
    "header",
    "help",
    "html",
    "iframe",
    "image",
    "info",
    "json",
    "latex",
    "line_chart",
    "link_button",
    "login",
    "logo",
    "logout",
    "map",
    "markdown",
    "menu_button",
    "mermaid_chart",
    "metric",
    "multiselect",
    "navigation",
    "number_input",
    "page_link",
    "pagination",
    "pdf",
    "pills",
    "plotly_chart",
    "popover",
    "progress",
    "pydeck_chart",
    "pyplot",
    "query_params",
    "radio",
    "rerun",
    "scatter_chart",
    "secrets",
    "segmented_control",
    "select_slider",
    "selectbox",
    "session_state",
    "set_option",
    "set_page_config",
    "sidebar",
    "skeleton",
    "slider",
    "snow",
    "space",
    "spinner",
    "status",
    "stop",
    "subheader",
    "success",
    "switch_page",
    "table",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "time_input",
    "title",
    "toast",
    "toggle",
    "user",
    "vega_lite_chart",
    "video",
    "warning",
    "write",
    "write_stream",
]
