"""``st.components.v2``: components made of inline HTML, CSS and JavaScript.

``component(name, html=, css=, js=)`` registers one (``_definitions``) and returns
its mounting command; a mount is a widget whose state lives in session state
(``_bidi_component``). The page runs the JavaScript as an ES module whose default
export it calls with ``{name, data, key, parentElement, setStateValue,
setTriggerValue}``, in a shadow root unless ``isolate_styles=False``
(runtime_wasm/js/components_v2.mjs). The HTML, CSS and JavaScript come from the
script itself, so a static site needs nothing else to run them.
"""

from __future__ import annotations

from typing import Any

from ..._roots import main_dg
from ._bidi_component import mount
from ._definitions import define, definition, ensure
from ._result import ComponentResult
from .types import ComponentRenderer

__all__ = ["component"]


def component(
    name: str,
    *,
    html: str | None = None,
    css: str | None = None,
    js: str | None = None,
    isolate_styles: bool = True,
) -> ComponentRenderer:
    """Register the component *name* and return the command that mounts it.

    The command takes ``key``, ``data``, ``default``, ``width``, ``height`` and
    ``on_<name>_change`` callbacks, and returns a ``ComponentResult`` of the
    component's state and trigger values."""
    found = define(name, html, css, js)

    def _mount_component(
        *,
        key: str | int | None = None,
        data: object | None = None,
        default: dict[str, Any] | None = None,
        width: object = "stretch",
        height: object = "content",
        **on_callbacks: object,
    ) -> ComponentResult:
        # Streamlit moved isolate_styles to component() and ignores it here.
        on_callbacks.pop("isolate_styles", None)
        ensure(found)
        return mount(
            main_dg(),
            definition(name),  # the name's latest registration wins, as in Streamlit
            key=key,
            isolate_styles=isolate_styles,
            data=data,
            default=default,
            width=width,
            height=height,
            kwargs=on_callbacks,
        )

    return _mount_component
