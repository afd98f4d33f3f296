"""Which ``st.*`` names stc implements, read from the runtime itself.

The compiler's ``st.*`` checks and the runtime's "not available yet" error both ask
this module, so they cannot disagree. :func:`implemented` introspects the API
package; :data:`NOT_YET` is the rest of Streamlit 1.67's public API. Plain Python,
no ``js``: the compiler imports it on CPython.
"""

from __future__ import annotations

import inspect

__all__ = ["NOT_YET", "element_methods", "implemented"]

# Generated once from Streamlit 1.67.0 (pip-installed): the public names of
# ``dir(streamlit)`` that are not modules, plus the API modules ``column_config``,
# ``components`` and ``connections``, plus the public methods of
# ``streamlit.delta_generator.DeltaGenerator`` (without its ``dg`` property), minus
# :func:`implemented` at the time. Remove a name here when the runtime implements it
# (a unit test fails while a name is in both).
NOT_YET: frozenset[str] = frozenset(
    (
        "App",
        "Page",
        "altair_chart",
        "area_chart",
        "audio",
        "audio_input",
        "badge",
        "balloons",
        "bar_chart",
        "bottom",
        "camera_input",
        "chat_input",
        "chat_message",
        "color_picker",
        "column_config",
        "components",
        "connection",
        "connections",
        "data_editor",
        "date_input",
        "datetime_input",
        "dialog",
        "download_button",
        "echarts_chart",
        "echo",
        "feedback",
        "file_uploader",
        "fragment",
        "get_option",
        "graphviz_chart",
        "grid",
        "help",
        "html",
        "iframe",
        "image",
        "latex",
        "line_chart",
        "link_button",
        "login",
        "logo",
        "logout",
        "map",
        "menu_button",
        "mermaid_chart",
        "navigation",
        "page_link",
        "pagination",
        "pdf",
        "pills",
        "plotly_chart",
        "popover",
        "pydeck_chart",
        "pyplot",
        "scatter_chart",
        "secrets",
        "segmented_control",
        "select_slider",
        "set_option",
        "skeleton",
        "snow",
        "space",
        "status",
        "switch_page",
        "time_input",
        "toast",
        "user",
        "vega_lite_chart",
        "video",
        "write_stream",
    )
)


def element_methods() -> frozenset[str]:
    """The public methods of ``DeltaGenerator``: what ``col.x(...)`` may call."""
    # Imported here: the API package imports this module (for NOT_YET) at load time.
    from runtime_wasm.streamlit import DeltaGenerator

    return frozenset(
        name for name, _ in inspect.getmembers(DeltaGenerator, callable) if not name.startswith("_")
    )


def implemented() -> frozenset[str]:
    """Every ``st.X`` the runtime has: the API package's ``__all__`` and the element methods."""
    import runtime_wasm.streamlit as api

    return frozenset(api.__all__) | element_methods()
