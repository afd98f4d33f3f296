"""Status elements that show work in progress: ``st.progress`` and ``st.spinner``.

They matter most while a run is still going: the bridge posts the partial tree
during long runs, so a loop that updates a progress bar is seen moving.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .._errors import StreamlitInvalidParameterTypeError, StreamlitValueOutOfRangeError
from .._tree import Element
from ._base import DGBase

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

__all__ = ["StatusMixin"]


def _percent(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise StreamlitInvalidParameterTypeError("value", type(value).__name__, ["int", "float"])
    if isinstance(value, int):
        if not 0 <= value <= 100:
            raise StreamlitValueOutOfRangeError("value", value, 0, 100)
        return value
    close = math.isclose(value, 0.0, abs_tol=1e-9) or math.isclose(value, 1.0, abs_tol=1e-9)
    if not (0.0 <= value <= 1.0 or close):
        raise StreamlitValueOutOfRangeError("value", value, 0.0, 1.0)
    return int(min(max(value, 0.0), 1.0) * 100)


class StatusMixin(DGBase):
    def progress(
        self, value: Any, text: str | None = None, width: Any = "stretch"
    ) -> DeltaGenerator:
        if text is not None and not isinstance(text, str):
            raise StreamlitInvalidParameterTypeError("text", type(text).__name__, ["str"])
        return self._enqueue(Element("progress", {"value": _percent(value), "text": text}))

    @contextmanager
    def spinner(
        self,
        text: str = "In progress...",
        *,
        show_time: bool = False,
        _cache: bool = False,
        width: Any = "content",
    ) -> Iterator[None]:
        """Show ``text`` with a spinner while the ``with`` block runs."""
        slot: DeltaGenerator = self.empty()  # type: ignore[attr-defined]
        slot._enqueue(Element("spinner", {"text": str(text), "show_time": show_time}))
        try:
            yield
        finally:
            slot.empty()
