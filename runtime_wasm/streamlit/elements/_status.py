"""Status elements: the alerts (``st.success``, ``st.info``, ``st.warning``,
``st.error``), ``st.exception``, ``st.progress``, ``st.spinner``, ``st.status``, and the
one-shot effects ``st.toast``, ``st.balloons`` and ``st.snow``.

They matter most while a run is still going: the bridge posts the partial tree
during long runs, so a loop that updates a progress bar is seen moving.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..._context import current
from ..._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
    StreamlitValueOutOfRangeError,
)
from ..._script import describe_exception
from ..._tree import GONE, Element
from .._base import DGBase
from .._containers import check_state
from .lib._text_utils import clean_text

if TYPE_CHECKING:
    from .._dg import DeltaGenerator, StatusContainer

__all__ = ["StatusMixin"]

_TOAST_SECONDS = {"short": 4, "long": 10, "infinite": 0}
_shots = itertools.count(1)


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


def _one_shot(kind: str, **props: Any) -> Element:
    """A toast, balloons or snow. ``shot`` differs on every call, so the page shows
    the effect again on every run that calls it, even with unchanged arguments."""
    return Element(kind, {**props, "shot": next(_shots)})


class StatusMixin(DGBase):
    def _alert(self, kind: str, body: Any, icon: str | None, title: Any = None) -> DeltaGenerator:
        title = None if title is None else str(title)
        props = {"body": clean_text(body), "icon": icon, "title": title}
        return self._enqueue(Element(kind, props))

    def success(
        self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None
    ) -> DeltaGenerator:
        return self._alert("success", body, icon, title)

    def info(
        self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None
    ) -> DeltaGenerator:
        return self._alert("info", body, icon, title)

    def warning(
        self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None
    ) -> DeltaGenerator:
        return self._alert("warning", body, icon, title)

    def error(
        self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None
    ) -> DeltaGenerator:
        return self._alert("error", body, icon, title)

    def exception(self, exception: BaseException, width: Any = "stretch") -> DeltaGenerator:
        info = describe_exception(exception)
        props = {
            "type": info.type,
            "message": info.message,
            "traceback": info.traceback,
            "is_api_error": info.is_api_error,
        }
        return self._enqueue(Element("exception", props))

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
        """Show ``text`` with a spinner while the ``with`` block runs. It is transient,
        as Streamlit's: once the block is over it leaves nothing in the tree, and a
        placeholder it was shown in holds again what it held."""
        held = self._active(current())._slot
        before = None
        if held is not None and held[0].children and held[1] < len(held[0].children):
            before = held[0].children[held[1]]
        slot = self._enqueue(Element("spinner", {"text": str(text), "show_time": show_time}))
        try:
            yield
        finally:
            slot._enqueue(before or Element(GONE))

    def toast(
        self, body: Any, *, icon: str | None = None, duration: Any = "short"
    ) -> DeltaGenerator:
        if not (
            duration in _TOAST_SECONDS
            or (isinstance(duration, int) and not isinstance(duration, bool) and duration > 0)
        ):
            raise StreamlitValueError(
                "duration", ["short", "long", "infinite", "a positive integer"]
            )
        if str(body) == "":
            raise StreamlitAPIException(
                "The `body` parameter is required. Please provide a message."
            )
        text = textwrap.dedent(str(body))
        seconds = _TOAST_SECONDS.get(duration, duration)
        return self._enqueue(_one_shot("toast", body=text, icon=icon, duration=seconds))

    def balloons(self) -> DeltaGenerator:
        return self._enqueue(_one_shot("balloons"))

    def snow(self) -> DeltaGenerator:
        return self._enqueue(_one_shot("snow"))

    def status(
        self,
        label: str,
        *,
        expanded: bool = False,
        state: str = "running",
        type: str = "default",
        width: Any = "stretch",
    ) -> StatusContainer:
        check_state(state)
        block = Element(
            "status",
            {"label": str(label), "expanded": expanded, "state": state, "type": type},
            children=[],
        )
        return self._make_container("status", self._enqueue(block))  # type: ignore[return-value]
