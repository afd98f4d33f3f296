"""One app session: the state that outlives a run, and the rerun loop.

Both the browser bridge and the CPython ``AppTest`` harness drive this same class,
which is why most of the runtime's behaviour can be tested without a browser.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import _context
from ._client import ClientInfo
from ._context import RunContext
from ._fragments import Fragment, FragmentError, descendants
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
        self.fragments: dict[str, Fragment] = {}  # registered by the last run
        self.stop_requested = False  # see request_stop

    def request_stop(self) -> bool:
        """The visitor pressed Stop and the worker could tell us (the run awaits):
        the run ends at its next element, as if it had called ``st.stop()``, or at
        its next ``await`` when the caller also cancels the task running it, and the
        session carries on. False when no run is in progress."""
        if self.running is None:
            return False
        self.stop_requested = self.running.stop_requested = True
        return True

    def reload_script(self) -> None:
        """The app's files changed under the session (``stc run``): compile the main
        script and the pages again on their next run; the state stays."""
        self.script = Script(self.script.path)
        self.navigation.forget_scripts()

    @property
    def tree(self) -> Node:
        assert self.last_context is not None, "the app has not run yet"
        return to_node(self.last_context.root)

    async def rerun(
        self, updates: list[WidgetUpdate] | None = None, *, fragments: bool = True
    ) -> RunContext:
        """Apply the page's widget updates, run callbacks, then run the script, or
        only the fragment whose widgets changed (see ``_fragments``; *fragments*
        False always runs the whole script, as Streamlit's ``AppTest`` does).

        ``st.rerun()`` starts again at once; the returned context is the last,
        complete run.
        """
        scope: tuple[str, ...] = ()
        if updates:
            owner = self.state.fragment_of([u["id"] for u in updates])
            if fragments and owner is not None and owner in self.fragments:
                scope = (owner,)
            self.state.apply_updates([(u["id"], u["value"]) for u in updates])
        ctx = self._new_context(scope)
        try:
            requested = await self._run_callbacks(ctx)
            if requested and fragments:
                scope = requested
                ctx = self._new_context(scope)
            while True:
                self.run_count += 1
                rerun = await (self._run_fragments(ctx, scope) if scope else self._run_once(ctx))
                if rerun is None:
                    break
                scope = rerun if fragments else ()
                ctx = self._new_context(scope)
        except asyncio.CancelledError:
            if not self.stop_requested:  # not ours to swallow
                raise
        finally:
            self.running = None
            self.stop_requested = False
        self.last_context = ctx
        return ctx

    def _new_context(self, scope: tuple[str, ...] = ()) -> RunContext:
        """A fresh tree for a full run; for a fragment run, the last run's tree."""
        last = self.last_context
        if scope and last is not None:
            ctx = replace(last, dg_stack=[], forms=dict(last.forms), fragment_stack=[],
                          fragments=dict(self.fragments), fragment_counts={},
                          fragment_run=scope[0], in_callback=False)  # fmt: skip
        else:
            ctx = RunContext.fresh(
                self.state,
                str(self.script.path),
                query_params=self.query_params,
                client=self.client,
            )
            ctx.navigation = self.navigation
            self.query_params.begin_run()
        ctx.on_enqueue = self.on_enqueue
        ctx.stop_requested = self.stop_requested
        self.running = ctx
        return ctx

    async def _run_callbacks(self, ctx: RunContext) -> tuple[str, ...]:
        """Run the changed widgets' callbacks; return the fragments one of them asked
        to rerun with ``st.rerun(scope=key)``, if any."""
        callbacks = self.state.take_callbacks()
        if not callbacks:
            return ()
        requested: tuple[str, ...] = ()
        _context.activate(ctx)
        ctx.in_callback = True
        registered, ctx.fragments = ctx.fragments, dict(self.fragments)  # for scope=key
        try:
            for meta in callbacks:
                assert meta.callback is not None
                try:
                    result = meta.callback(*meta.args, **meta.kwargs)
                    if inspect.isawaitable(result):  # e.g. a callback stc made async
                        await result
                except RerunRequested as rerun:
                    requested = rerun.fragments or requested  # st.rerun() alone: no-op
                except StopRequested:
                    pass  # Streamlit ignores this inside callbacks
                except Exception as exc:
                    self._show_exception(ctx, exc)
        finally:
            ctx.in_callback = False
            ctx.fragments = registered
            _context.activate(None)
        return requested

    async def _run_once(self, ctx: RunContext) -> tuple[str, ...] | None:
        """Run the script once; return what it asked to rerun (``()``: the app)."""
        _context.activate(ctx)
        complete = True
        rerun: tuple[str, ...] | None = None
        try:
            await self.navigation.execute(self.script, ctx)
        except StopRequested:
            pass
        except RerunRequested as request:
            complete, rerun = False, request.fragments
        except FragmentError as error:
            self._show_exception(ctx, error.exc, error.container)
        except Exception as exc:
            self._show_exception(ctx, exc)
        finally:
            _context.activate(None)
            clear = frozenset(f for f in self.state.submitted_forms() if ctx.forms.get(f))
            self.state.finish_run(complete=complete, clear_forms=clear)
            if complete:
                self.query_params.drop_unbound(self.state.widget_ids())
            self.fragments = ctx.fragments
        return rerun

    async def _run_fragments(
        self, ctx: RunContext, scope: tuple[str, ...]
    ) -> tuple[str, ...] | None:
        """Rerun the fragments *scope* names, in the order they were registered, on
        the last run's tree; return what to rerun next (None: nothing)."""
        _context.activate(ctx)
        before = dict(ctx.fragments)
        ran: set[str] = set()
        complete = True
        rerun: tuple[str, ...] | None = None
        try:
            for fid in [f for f in before if f in scope]:
                fragment = ctx.fragments.get(fid)
                if fragment is None or fid in ran:
                    continue  # redrawn inside a fragment that ran before it
                ctx.fragment_run = fid
                ran |= descendants(before.values(), fid)
                fragment.reset()
                try:
                    result = fragment.draw()
                    if inspect.isawaitable(result):
                        await result
                except FragmentError as error:  # shown; the other fragments still run
                    self._show_exception(ctx, error.exc, error.container)
                ran |= descendants(ctx.fragments.values(), fid)
        except StopRequested:
            pass
        except RerunRequested as request:
            complete, rerun = False, request.fragments
        finally:
            _context.activate(None)
            # Fragments called inside a rerun one that it did not call again are gone.
            for fid in ran - set(scope):
                if ctx.fragments.get(fid) is before.get(fid):
                    ctx.fragments.pop(fid, None)
            clear = frozenset(f for f in self.state.submitted_forms() if ctx.forms.get(f))
            self.state.finish_run(complete=complete, clear_forms=clear, fragments=frozenset(ran))
            if complete:
                self.query_params.drop_unbound(self.state.widget_ids())
            self.fragments = ctx.fragments
        return rerun

    def _show_exception(
        self, ctx: RunContext, exc: BaseException, block: Element | None = None
    ) -> None:
        """Show *exc* at the end of *block* (a fragment's container), else of main."""
        info = describe_exception(exc, self.app_dir)
        props: dict[str, Any] = {
            "type": info.type,
            "message": info.message,
            "traceback": info.traceback,
            "is_api_error": info.is_api_error,
        }
        target = block if block is not None else ctx.main
        assert target.children is not None
        target.children.append(Element("exception", props))
