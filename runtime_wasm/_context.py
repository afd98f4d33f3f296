"""The run context: which session and which tree the ``st.*`` call in progress
writes to.

The browser runs one session in one thread, and ``AppTest`` runs one script at a
time, so a module-level slot is enough; it is set for the duration of a run (and of
the callbacks before it) and cleared afterwards, so an ``st.*`` call outside a run
fails loudly instead of writing into a stale tree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._client import ClientInfo
from ._query import QueryParams
from ._tree import Element, new_root

if TYPE_CHECKING:
    from ._fragments import Fragment, Frame
    from ._state import SessionState

__all__ = [
    "NoRunContextError",
    "RunContext",
    "activate",
    "current",
    "maybe_current",
]


class NoRunContextError(RuntimeError):
    """An ``st.*`` call happened outside of a script run."""


@dataclass(eq=False)
class RunContext:
    state: SessionState
    root: Element
    main: Element
    sidebar: Element
    dg_stack: list[Any] = field(default_factory=list)  # DeltaGenerators entered by `with`
    forms: dict[str, bool] = field(default_factory=dict)  # form id -> clear_on_submit
    page_config: dict[str, Any] = field(default_factory=dict)
    version: int = 0  # bumped on every new element: lets the bridge skip unchanged renders
    on_enqueue: Callable[[], None] | None = None
    script_path: str = "app.py"
    query_params: QueryParams = field(default_factory=QueryParams)  # the session's
    client: ClientInfo = field(default_factory=ClientInfo)  # the session's
    navigation: Any = None  # the session's _navigation.Navigation
    active_page: str = ""  # hash of the page running (in widget ids); "" for the main script
    # Fragments (see ``_fragments``): registered so far, executing now (innermost last),
    # calls per (parent, function) for their ids, and the one a fragment run reruns.
    fragments: dict[str, Fragment] = field(default_factory=dict)
    fragment_stack: list[Frame] = field(default_factory=list)
    fragment_counts: dict[tuple[str, str], int] = field(default_factory=dict)
    fragment_run: str | None = None
    in_callback: bool = False  # widget callbacks run before the script
    # The visitor pressed Stop: the next element ends the run as st.stop() would
    # (Streamlit checks for a stop at each message the script sends, too).
    stop_requested: bool = False

    @classmethod
    def fresh(
        cls,
        state: SessionState,
        script_path: str,
        *,
        query_params: QueryParams | None = None,
        client: ClientInfo | None = None,
    ) -> RunContext:
        root, main, sidebar = new_root()
        ctx = cls(state=state, root=root, main=main, sidebar=sidebar, script_path=script_path)
        if query_params is not None:
            ctx.query_params = query_params
        if client is not None:
            ctx.client = client
        root.props["page_config"] = ctx.page_config  # filled in by st.set_page_config
        return ctx


_current: RunContext | None = None


def activate(ctx: RunContext | None) -> None:
    global _current
    _current = ctx


def maybe_current() -> RunContext | None:
    return _current


def current() -> RunContext:
    if _current is None:
        raise NoRunContextError(
            "No script is running: st.* functions work only while an app script runs."
        )
    return _current
