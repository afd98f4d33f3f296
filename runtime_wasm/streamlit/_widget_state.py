"""What selectable elements return (``st.dataframe``, ``st.altair_chart``,
``st.plotly_chart``, ``st.echarts_chart`` with ``on_select``): Streamlit's read-only
attribute dictionaries, and its check of ``on_select`` (which ``on_change`` of tabs,
expanders and popovers shares). One place, so every selection state reads and refuses
changes the same way."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, cast

from .._errors import StreamlitValueError

__all__ = ["ReadOnlyAttributeDictionary", "check_callback_mode", "check_on_select"]

_READ_ONLY = (
    "Widget state is read-only because modifying nested values has no effect "
    "on the app. For widget states that support programmatic updates "
    "(e.g. st.dataframe selections), assign a new dictionary to the Session "
    "State key instead, for example:\n"
    "    st.session_state['my_key'] = {'selection': {'rows': [0]}}"
)


class ReadOnlyAttributeDictionary(dict[str, Any]):
    """Streamlit's: keys read as attributes, nested dicts read-only too (so an interval
    reads as ``event.selection.brush.x``), every mutation refused, since changing a
    returned state would not change the chart."""

    def __getitem__(self, key: Any) -> Any:
        item = super().__getitem__(key)
        if isinstance(item, dict) and not isinstance(item, ReadOnlyAttributeDictionary):
            return ReadOnlyAttributeDictionary(item)
        return item

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{name}'"
            ) from None

    def _refuse(self, *_args: Any, **_kwargs: Any) -> Any:
        raise TypeError(_READ_ONLY)

    __setattr__ = __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __copy__(self) -> ReadOnlyAttributeDictionary:
        return type(self)(dict.copy(self))

    def __deepcopy__(self, memo: dict[int, Any]) -> ReadOnlyAttributeDictionary:
        return type(self)({k: copy.deepcopy(v, memo) for k, v in self.items()})


def check_on_select(on_select: Any) -> Callable[..., Any] | None:
    """Streamlit's ``validate_on_change_mode`` for ``on_select``: the callback, if any."""
    return check_callback_mode(on_select, "on_select")


def check_callback_mode(value: Any, param: str) -> Callable[..., Any] | None:
    """Streamlit's ``validate_on_change_mode`` where ``"rerun"`` and ``"ignore"`` are the
    modes and ``None`` is refused: the callback, if *value* is one."""
    if callable(value):
        return cast("Callable[..., Any]", value)
    if isinstance(value, str) and value in ("rerun", "ignore"):
        return None
    raise StreamlitValueError(param, ["'rerun'", "'ignore'", "a callback function"])
