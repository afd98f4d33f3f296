"""Layout that changes what runs: ``st.popover``, ``@st.dialog`` and ``@st.fragment``.

How they map onto stc's one-rerun-per-interaction model (Streamlit reruns a dialog or
a fragment alone; stc always reruns the whole script):

* A dialog is a ``dialog`` block at the top of the main area, drawn by the decorated
  function. Once open it stays open across reruns: when a run ends without calling
  the function (its opening button is ``False`` again after the user typed into the
  dialog), the runtime calls it again with the same arguments at the end of the run.
  ``st.rerun()`` inside it, or the visitor dismissing it (Esc, the close button, a
  click outside), closes it.
* A fragment runs as part of the script. With ``run_every`` the page reruns the app
  every ``run_every`` seconds while the fragment is on the page (the whole app, not
  the fragment alone: widgets elsewhere keep their values, but code outside the
  fragment runs too).
"""

from __future__ import annotations

import functools
import inspect
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from .._context import RunContext, current
from .._context import after_script as _context_hooks
from .._errors import StreamlitAPIException, StreamlitValueError
from .._script import RerunRequested
from .._tree import Element
from ._base import DGBase
from ._widget import widget

if TYPE_CHECKING:
    from ._containers import PopoverContainer
    from ._dg import DeltaGenerator

__all__ = ["PopoverMixin", "dialog", "fragment"]

F = TypeVar("F", bound=Callable[..., Any])


class PopoverMixin(DGBase):
    def popover(
        self,
        label: str,
        *,
        type: str = "secondary",
        help: str | None = None,
        icon: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        wrap: bool | None = None,
        key: Any = None,
        on_change: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
    ) -> PopoverContainer:
        from ._containers import PopoverContainer

        if label is None:
            raise StreamlitAPIException("A label is required for a popover")
        if type not in ("primary", "secondary", "tertiary"):
            raise StreamlitAPIException(
                'The type argument to st.popover must be "primary", "secondary", or '
                f'"tertiary". \nThe argument passed was "{type}".'
            )
        if use_container_width is not None:
            width = "stretch" if use_container_width else "content"
        props = {
            "label": str(label),
            "type": type,
            "help": help,
            "icon": icon,
            "disabled": disabled,
            "width": width,
        }
        return PopoverContainer._wrap(self._enqueue(Element("popover", props, children=[])))


# -- dialogs ---------------------------------------------------------------------------


@dataclass
class _OpenDialog:
    draw: Callable[[], Any]  # calls the user's function with its arguments


# Open dialogs of each session, by id(SessionState) (a mapping, so not hashable);
# dropped when the session goes (one per browser tab; AppTest has its own).
_open: dict[int, dict[str, _OpenDialog]] = {}
# The dialog drawn in each run, for "only one dialog" and the end-of-run reopening.
_drawn: weakref.WeakKeyDictionary[RunContext, str] = weakref.WeakKeyDictionary()


def _open_dialogs(ctx: RunContext) -> dict[str, _OpenDialog]:
    key = id(ctx.state)
    if key not in _open:
        _open[key] = {}
        weakref.finalize(ctx.state, _open.pop, key, None)
    return _open[key]


def _reopen_after_script(ctx: RunContext) -> Any:
    """End of a run: draw the open dialog the script did not call, unless dismissed."""
    if ctx in _drawn:
        return None
    entries = list(_open_dialogs(ctx).values())
    return entries[-1].draw() if entries else None  # one dialog at a time


_context_hooks.append(_reopen_after_script)


def dialog(
    title: Any,
    *,
    width: str = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: Any = "ignore",
) -> Callable[[F], F]:
    """Decorate a function so that calling it opens a modal dialog it draws into."""
    if title is None or title == "" or callable(title):
        raise StreamlitAPIException(
            'The `title` parameter is required. For example: `@st.dialog("Example Title")`.'
        )
    if width not in ("small", "medium", "large"):
        raise StreamlitValueError("width", ["'small'", "'medium'", "'large'"])
    if position not in ("left", "center", "right"):
        raise StreamlitValueError("position", ["'left'", "'center'", "'right'"])
    opts = {"title": str(title), "width": width, "dismissible": dismissible, "icon": icon}
    callback = on_dismiss if callable(on_dismiss) else None

    def decorate(func: F) -> F:
        dialog_id = f"{func.__module__}.{func.__qualname__}:{title}"

        def open_block(from_script: bool) -> tuple[DeltaGenerator, bool]:
            from ._dg import DeltaGenerator

            ctx = current()
            if ctx in _drawn:
                raise StreamlitAPIException(
                    "Only one dialog is allowed to be opened at the same time. Please make "
                    "sure to not call a dialog-decorated function more than once in a "
                    "script run."
                )
            if any(
                getattr(dg, "_block", None) is not None and dg._block.kind == "dialog"
                for dg in ctx.dg_stack
            ):
                raise StreamlitAPIException("Dialogs may not be nested inside other dialogs.")
            _drawn[ctx] = dialog_id
            block = DeltaGenerator(root="main")._enqueue(Element("dialog", dict(opts), children=[]))
            dismissed = widget(
                block,
                "dialog_dismiss",
                key=None,
                identity={"dialog": dialog_id},
                default=False,
                props={},
                on_change=callback,
                trigger=True,
            )
            if dismissed and not from_script:
                assert ctx.main.children is not None and block._block is not None
                ctx.main.children.remove(block._block)
                _open_dialogs(ctx).pop(dialog_id, None)
                return block, False
            return block, True

        def remember(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
            entry = _OpenDialog(draw=lambda: run(args, kwargs, from_script=False))
            _open_dialogs(current())[dialog_id] = entry

        if inspect.iscoroutinefunction(func):

            async def run_async(
                args: tuple[Any, ...], kwargs: dict[str, Any], from_script: bool
            ) -> None:
                block, show = open_block(from_script)
                if not show:
                    return
                remember(args, kwargs)
                try:
                    with block:
                        await func(*args, **kwargs)
                except RerunRequested:
                    _open_dialogs(current()).pop(dialog_id, None)
                    raise

            run: Callable[..., Any] = run_async

            @functools.wraps(func)
            async def wrapper_async(*args: Any, **kwargs: Any) -> None:
                await run_async(args, kwargs, from_script=True)

            return wrapper_async  # type: ignore[return-value]

        def run_sync(args: tuple[Any, ...], kwargs: dict[str, Any], from_script: bool) -> None:
            block, show = open_block(from_script)
            if not show:
                return
            remember(args, kwargs)
            try:
                with block:
                    func(*args, **kwargs)
            except RerunRequested:
                _open_dialogs(current()).pop(dialog_id, None)
                raise

        run = run_sync

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> None:
            run_sync(args, kwargs, from_script=True)

        return wrapper  # type: ignore[return-value]

    return decorate


# -- fragments -------------------------------------------------------------------------

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?")
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def _run_every_seconds(run_every: Any) -> float | None:
    if run_every is None:
        return None
    if isinstance(run_every, timedelta):
        seconds = run_every.total_seconds()
    elif isinstance(run_every, int | float) and not isinstance(run_every, bool):
        seconds = float(run_every)
    elif isinstance(run_every, str) and (m := _DURATION.fullmatch(run_every.strip())):
        seconds = float(m[1]) * _UNITS[m[2] or "s"]
    else:
        raise StreamlitAPIException(
            f"Invalid run_every value: {run_every!r}. Use a number of seconds, a "
            "timedelta or a duration string such as '10s'."
        )
    if seconds <= 0:
        raise StreamlitAPIException("run_every must be a positive duration.")
    return seconds


def fragment(
    func: Callable[..., Any] | None = None,
    *,
    run_every: Any = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> Any:
    """Decorate a function as a fragment (see the module docstring for how stc runs it)."""
    seconds = _run_every_seconds(run_every)

    def decorate(f: F) -> F:
        name = f"{f.__module__}.{f.__qualname__}"

        def start_timer() -> None:
            if seconds is not None:
                import runtime_wasm.streamlit as st_module

                dg: Any = st_module._main
                widget(
                    dg,
                    "fragment_timer",
                    key=None,
                    identity={"fragment": name, "key": key, "seconds": seconds},
                    default=False,
                    props={"interval": seconds},
                    trigger=True,
                )

        if inspect.iscoroutinefunction(f):

            @functools.wraps(f)
            async def wrapper_async(*args: Any, **kwargs: Any) -> Any:
                start_timer()
                return await f(*args, **kwargs)

            return wrapper_async  # type: ignore[return-value]

        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start_timer()
            return f(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    if func is None:
        return decorate
    return decorate(func)
