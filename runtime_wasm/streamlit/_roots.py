"""The module-level ``st`` (the main area's ``DeltaGenerator``), for the code that needs
it without importing the API package, which imports that code: ``@st.fragment``'s
container, ``st.echo``, ``@st.dialog``, ``st.bottom``, ``components.v1`` and the
deprecation warnings of old names.

The API package registers its main-area generator here once, at import. This module
imports no element family, so every family may import it without a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

__all__ = ["main_dg", "new_dg", "register_main"]

_main: DeltaGenerator | None = None


def register_main(dg: DeltaGenerator) -> None:
    """Called by ``runtime_wasm.streamlit`` with its ``_main``."""
    global _main
    _main = dg


def main_dg() -> DeltaGenerator:
    """The module-level ``st``: it writes into the innermost ``with`` block."""
    assert _main is not None, "runtime_wasm.streamlit registers its main area at import"
    return _main


def new_dg(**target: Any) -> DeltaGenerator:
    """A new ``DeltaGenerator`` aimed at *target* (``root=``, ``block=``, ``container=``,
    as ``DGBase`` takes them), for code that has no generator to ask."""
    return type(main_dg())(**target)
