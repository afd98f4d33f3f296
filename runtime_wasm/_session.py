"""One app session: the state that outlives a run, and the rerun loop.

Both the browser bridge and the CPython ``AppTest`` harness drive this same class,
which is why most of the runtime's behaviour can be tested without a browser.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import _context
from ._client import ClientInfo
from ._context import RunContext
from ._navigation import Navigation
from ._protocol import Node, WidgetUpdate
from ._query import QueryParams
from ._script import RerunRequested, Script, StopRequested, describe_exception
from ._state import SessionState
from ._tree import Element, to_node

__all__ = ["AppSession"]


class AppSession:
    """Runs ``script`` on demand and keeps the tree of the last run."""

    def __init__(self, script: Script, *, app_dir: Path | None = None) -> None:
        self.script = script
        self.app_dir = app_dir if app_dir is not None else script.path.parent
        self.state = SessionState()
        self.query_params = QueryParams()  # st.query_params: the page's URL
        self.client = ClientInfo()  # st.context: what the browser says about itself
        self.navigation = Navigation(script.path)  # multipage apps: pages and routing
        self.run_count = 0
        self.last_context: RunContext | None = None
        self.running: RunContext | None = None  # the run in progress, for progress renders
        self.on_enqueue: Callable[[], None] | None = None  # called after each new element

    @property
    def tree(self) -> Node:
        assert self.last_context is not None, "the app has not run yet"
        return to_node(self.last_context.root)

    async def rerun(self, updates: list[WidgetUpdate] | None = None) -> RunContext:
        """Apply the page's widget updates, run callbacks, then run the script.

        ``st.rerun()`` starts the script again at once; the returned context is the
        last, complete run.
        """
        if updates:
            self.state.apply_updates([(u["id"], u["value"]) for u in updates])
        ctx = self._new_context()
        try:
            await self._run_callbacks(ctx)
            while True:
                self.run_count += 1
                rerun = await self._run_once(ctx)
                if not rerun:
                    break
                ctx = self._new_context()
        finally:
            self.running = None
        self.last_context = ctx
        return ctx

    def _new_context(self) -> RunContext:
        ctx = RunContext.fresh(
            self.state,
            str(self.script.path),
            query_params=self.query_params,
            client=self.client,
        )
        ctx.on_enqueue = self.on_enqueue
        ctx.navigation = self.navigation
        self.running = ctx
        return ctx

    async def _run_callbacks(self, ctx: RunContext) -> None:
        callbacks = self.state.take_callbacks()
        if not callbacks:
            return
        _context.activate(ctx)
        try:
            for meta in callbacks:
                assert meta.callback is not None
                try:
                    result = meta.callback(*meta.args, **meta.kwargs)
                    if inspect.isawaitable(result):  # e.g. a callback stc made async
                        await result
                except (StopRequested, RerunRequested):
                    pass  # Streamlit ignores these inside callbacks
                except Exception as exc:
                    self._show_exception(ctx, exc)
        finally:
            _context.activate(None)

    async def _run_once(self, ctx: RunContext) -> bool:
        """Run the script once; return True when it asked for a rerun."""
        _context.activate(ctx)
        complete = True
        rerun = False
        try:
            await self.navigation.execute(self.script, ctx)
            for hook in _context.after_script:
                result = hook(ctx)
                if inspect.isawaitable(result):
                    await result
        except StopRequested:
            pass
        except RerunRequested:
            complete, rerun = False, True
        except Exception as exc:
            self._show_exception(ctx, exc)
        finally:
            _context.activate(None)
            clear = frozenset(f for f in self.state.submitted_forms() if ctx.forms.get(f))
            self.state.finish_run(complete=complete, clear_forms=clear)
        return rerun

    def _show_exception(self, ctx: RunContext, exc: BaseException) -> None:
        info = describe_exception(exc, self.app_dir)
        props: dict[str, Any] = {
            "type": info.type,
            "message": info.message,
            "traceback": info.traceback,
            "is_api_error": info.is_api_error,
        }
        assert ctx.main.children is not None
        ctx.main.children.append(Element("exception", props))
