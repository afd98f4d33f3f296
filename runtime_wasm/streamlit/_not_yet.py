"""The part of Streamlit 1.67's public API stc lacks: data only, so that ``DeltaGenerator``
and the API package can say "not available in stc yet" without importing
:mod:`._registry`, which introspects them (and so imports them)."""

from __future__ import annotations

__all__ = ["NOT_YET"]

# Generated once from Streamlit 1.67.0 (pip-installed): the public names of
# ``dir(streamlit)`` that are not modules, plus the API modules ``column_config``,
# ``components`` and ``connections``, plus the public methods of
# ``streamlit.delta_generator.DeltaGenerator`` (without its ``dg`` property), minus
# :func:`._registry.implemented` at the time. Remove a name here when the runtime
# implements it (a unit test fails while a name is in both).
NOT_YET: frozenset[str] = frozenset(("App",))
