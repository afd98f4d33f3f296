"""What a component's mount returns, and what ``st.session_state[key]`` shows of it.

Both are flat mappings of the component's trigger values (one run) and state values
(kept across runs), triggers first so a state of the same name wins, as Streamlit's
``ComponentResult`` and ``make_bidi_component_presenter`` have it. The session-state
view writes through: ``st.session_state[key]["value"] = x`` before the component is
mounted changes the state it mounts with; after, it is Streamlit's error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...._errors import StreamlitAPIException

__all__ = ["ComponentResult", "ComponentStateView"]


class ComponentResult(dict[str, Any]):
    """Streamlit's ``ComponentResult``: a dict whose keys read as attributes too
    (a missing one is an ``AttributeError``), nested dicts as well."""

    def __init__(
        self,
        state_vals: dict[str, Any] | None = None,
        trigger_vals: dict[str, Any] | None = None,
    ) -> None:
        super().__init__({**(trigger_vals or {}), **(state_vals or {})})

    def __getattr__(self, key: str) -> Any:
        try:
            item = self[key]
        except KeyError as err:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{key}'"
            ) from err
        return ComponentResult(item) if isinstance(item, dict) else item

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


class ComponentStateView(dict[str, Any]):
    """The state as ``st.session_state[key]`` shows it; assignments reach *base* (the
    stored state) unless the component is already mounted in this run (*mounted*).
    With callbacks, only their names are state names; others are ignored, silently,
    as in Streamlit."""

    def __init__(
        self,
        flat: dict[str, Any],
        *,
        base: dict[str, Any],
        key: str,
        allowed: frozenset[str] | None,
        mounted: Callable[[], bool],
    ) -> None:
        super().__init__(flat)
        object.__setattr__(self, "_base", base)
        object.__setattr__(self, "_key", key)
        object.__setattr__(self, "_allowed", allowed)
        object.__setattr__(self, "_mounted", mounted)

    _base: dict[str, Any]
    _key: str
    _allowed: frozenset[str] | None
    _mounted: Callable[[], bool]

    def __getattr__(self, name: str) -> Any:
        return self.get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self[name] = value

    def __deepcopy__(self, memo: dict[int, Any]) -> ComponentStateView:
        memo[id(self)] = self  # a view of the real state: copies would not write through
        return self

    def _check(self, name: str) -> None:
        if self._mounted():
            raise StreamlitAPIException(
                f"`st.session_state.{self._key}.{name}` cannot be modified after the "
                f"component with key `{self._key}` is instantiated."
            )

    def __setitem__(self, name: str, value: Any) -> None:
        self._check(name)
        if self._allowed is not None and name not in self._allowed:
            return
        super().__setitem__(name, value)
        self._base[name] = value

    def __delitem__(self, name: str) -> None:
        self._check(name)
        super().__delitem__(name)
        self._base.pop(name, None)
