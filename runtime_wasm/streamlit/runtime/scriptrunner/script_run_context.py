"""``…scriptrunner.script_run_context``: the context of the run in progress.

Packages call ``get_script_run_ctx()`` to learn whether they run inside an app (and
read ``session_id``); ``add_script_run_ctx(thread)`` lets Streamlit's threads call
``st.*``. stc runs a session on one thread, so that is a no-op returning the thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from ...._context import maybe_current

__all__ = ["ScriptRunContext", "add_script_run_ctx", "get_script_run_ctx"]

T = TypeVar("T")


@dataclass(frozen=True)
class ScriptRunContext:
    """The fields of Streamlit's context that packages read."""

    session_id: str
    session_state: Any
    page_script_hash: str
    main_script_path: str


def get_script_run_ctx(suppress_warning: bool = False) -> ScriptRunContext | None:
    """The run in progress, or None outside a run (as in a bare ``python`` process)."""
    ctx = maybe_current()
    if ctx is None:
        return None
    return ScriptRunContext(
        session_id=f"stc-{id(ctx.state):x}",
        session_state=ctx.state,
        page_script_hash="",
        main_script_path=ctx.script_path,
    )


def add_script_run_ctx(thread: T, ctx: ScriptRunContext | None = None) -> T:
    """Return ``thread`` unchanged: stc has one thread per session."""
    return thread
