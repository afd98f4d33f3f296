"""Which ``st.*`` names stc implements, read from the runtime itself.

The compiler's ``st.*`` checks and the runtime's "not available yet" error both ask
this module, so they cannot disagree. :func:`implemented` introspects the API
package; :data:`NOT_YET` (from :mod:`._not_yet`) is the rest of Streamlit 1.67's
public API; :func:`signature` gives a command's parameters, which the compiler checks
calls against (STC104).
Plain Python, no ``js``: the compiler imports it on CPython.
"""

from __future__ import annotations

import functools
import inspect
import types
from collections.abc import Sequence

from ._not_yet import NOT_YET

__all__ = ["NOT_YET", "element_methods", "implemented", "signature"]


def element_methods() -> frozenset[str]:
    """The public methods of ``DeltaGenerator``: what ``col.x(...)`` may call; plus
    what the containers some commands return add (``status.update``, ``tab.open``…)."""
    # Imported here, on first use: the compiler imports this module, and the API package
    # only when it checks an app. Nothing in the API package imports this module.
    from runtime_wasm.streamlit._containers import OpenStateMixin, StatusContainerMixin
    from runtime_wasm.streamlit._dg import DeltaGenerator

    methods = {
        name for name, _ in inspect.getmembers(DeltaGenerator, callable) if not name.startswith("_")
    }
    for cls in (StatusContainerMixin, OpenStateMixin):
        methods.update(name for name in vars(cls) if not name.startswith("_"))
    return frozenset(methods)


def implemented() -> frozenset[str]:
    """Every ``st.X`` the runtime has: the API package's ``__all__``, the element methods
    and its public submodules (``streamlit.runtime``… that third-party packages import)."""
    import pkgutil

    import runtime_wasm.streamlit as api

    submodules = {m.name for m in pkgutil.iter_modules(api.__path__) if not m.name.startswith("_")}
    return frozenset(api.__all__) | element_methods() | submodules


# The callables of the API under ``st``: ``st.X``, ``st.column_config.X`` and
# ``st.components.v2.X`` (their ``__all__``) and Streamlit's functions of
# ``st.components.v1`` (ours exports more, for the component packages that import
# them): what tests/unit/test_conformance.py compares with Streamlit 1.67.
_COMPONENTS_V1 = ("declare_component", "html", "iframe")


@functools.cache
def signature(command: str) -> inspect.Signature | None:
    """The parameters of *command*, as Python binds a call of it (``self`` left out),
    or ``None`` when the runtime has no such command or Python cannot introspect it.

    *command* is a name under ``st`` (``"write"``, ``"column_config.TextColumn"``,
    ``"components.v1.html"``) or ``"DeltaGenerator.X"`` for what containers offer
    (``st.sidebar.write``, ``col.write``). Found on first use and kept: the compiler
    asks for every ``st.*`` call, and an app calls few of the ~230 commands.
    """
    value = _command(command)
    if value is None or not callable(value):
        return None
    try:
        return inspect.signature(value)
    except (TypeError, ValueError):  # a type alias, a builtin without text signature
        return None


def _command(command: str) -> object | None:
    import runtime_wasm.streamlit as api

    where, _, name = command.rpartition(".")
    if where == "DeltaGenerator":
        method = getattr(api.DeltaGenerator, name, None)
        public = callable(method) and not name.startswith("_")
        return getattr(api.sidebar, name) if public else None  # bound: no self
    names: dict[str, tuple[types.ModuleType, Sequence[str]]] = {
        "": (api, api.__all__),
        "column_config": (api.column_config, api.column_config.__all__),
        "components.v1": (api.components.v1, _COMPONENTS_V1),
        "components.v2": (api.components.v2, api.components.v2.__all__),
    }
    module, exported = names.get(where, (api, ()))
    if name not in exported or name == "DeltaGenerator":  # a class of the runtime
        return None
    value = getattr(module, name)
    return None if isinstance(value, types.ModuleType) else value
