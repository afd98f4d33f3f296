"""What the containers some elements return add to a ``DeltaGenerator``: ``st.status``'s
``.update``, and ``.open`` of a tab of ``st.tabs``, of ``st.expander`` and of
``st.popover``. ``_dg`` mixes them into its ``StatusContainer``, ``TabContainer``,
``ExpanderContainer`` and ``PopoverContainer``; the families that make them ask
``self`` (``DGBase._make_container``), so nothing here or there imports ``_dg``."""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any, Literal

from .._context import current
from .._errors import StreamlitAPIException
from .._tree import Element
from ._base import DGBase

__all__ = ["STATUS_STATES", "OpenStateMixin", "StatusContainerMixin", "check_state"]

STATUS_STATES = ("running", "complete", "error")


def check_state(state: Any) -> None:
    if state not in STATUS_STATES:
        raise StreamlitAPIException(
            f"Unknown state ({state}). Must be one of 'running', 'complete', or 'error'."
        )


class StatusContainerMixin(DGBase):
    """What ``st.status`` returns: a container whose label, state and expansion
    ``update()`` changes, and which turns ``complete`` (or ``error``) on ``with`` exit."""

    def update(
        self,
        *,
        label: str | None = None,
        expanded: bool | None = None,
        state: Literal["running", "complete", "error"] | None = None,
    ) -> None:
        """Change the label, expansion and/or state of the status container."""
        block: Element | None = self._block
        assert block is not None
        if state is not None:
            check_state(state)
            block.props["state"] = state
        if label is not None:
            block.props["label"] = str(label)
        if expanded is not None:
            block.props["expanded"] = bool(expanded)
        block.props["revision"] = block.props.get("revision", 0) + 1
        ctx = current()
        ctx.version += 1
        if ctx.on_enqueue is not None:
            ctx.on_enqueue()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        assert self._block is not None
        if self._block.props.get("state") == "running":
            time.sleep(0)  # Streamlit sleeps 50 ms here; nothing to wait for in one thread
            self.update(state="error" if exc_type is not None else "complete")
        return super().__exit__(exc_type, exc, tb)


class OpenStateMixin(DGBase):
    """What a tab of ``st.tabs``, ``st.expander`` and ``st.popover`` return: ``open`` is
    whether it is open (the selected tab) when it tracks its state (``on_change`` set,
    see ``elements/lib/_open_state``), else ``None``. Read once per run, as
    Streamlit's: the state the run started with."""

    _open: bool | None = None

    @property
    def open(self) -> bool | None:
        return self._open
