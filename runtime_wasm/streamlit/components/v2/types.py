"""``streamlit.components.v2.types``: the names component packages annotate their
wrappers with (Streamlit's module of the same path)."""

from __future__ import annotations

from typing import Any, Protocol

from ._result import ComponentResult

__all__ = [
    "BidiComponentData",
    "BidiComponentDefaults",
    "BidiComponentKey",
    "ComponentIsolateStyles",
    "ComponentRenderer",
]

BidiComponentKey = str | int | None
BidiComponentData = Any | None
BidiComponentDefaults = dict[str, Any] | None
ComponentIsolateStyles = bool


class ComponentRenderer(Protocol):
    """What ``st.components.v2.component`` returns: the command that mounts it."""

    def __call__(
        self,
        *,
        key: BidiComponentKey = None,
        data: BidiComponentData = None,
        default: BidiComponentDefaults = None,
        width: Any = "stretch",
        height: Any = "content",
        **on_callbacks: Any,
    ) -> ComponentResult: ...
