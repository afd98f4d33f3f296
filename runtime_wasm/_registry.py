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
        "connection",
        "connections",
        "pydeck_chart",
    )
)


def element_methods() -> frozenset[str]:
    """The public methods of ``DeltaGenerator``: what ``col.x(...)`` may call; plus
    what the containers some commands return add (``status.update``, ``popover.open``)."""
    # Imported here: the API package imports this module (for NOT_YET) at load time.
    from runtime_wasm.streamlit import DeltaGenerator
    from runtime_wasm.streamlit._containers import PopoverContainer, StatusContainer

    methods = {
        name for name, _ in inspect.getmembers(DeltaGenerator, callable) if not name.startswith("_")
    }
    for cls in (StatusContainer, PopoverContainer):
        methods.update(name for name in vars(cls) if not name.startswith("_"))
    return frozenset(methods)


def implemented() -> frozenset[str]:
    """Every ``st.X`` the runtime has: the API package's ``__all__``, the element methods
    and its public submodules (``streamlit.runtime``… that third-party packages import)."""
    import pkgutil

    import runtime_wasm.streamlit as api

    submodules = {m.name for m in pkgutil.iter_modules(api.__path__) if not m.name.startswith("_")}
    return frozenset(api.__all__) | element_methods() | submodules
