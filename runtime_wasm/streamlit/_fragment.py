"""``@st.fragment``: a function whose part of the page reruns alone.

How it runs is :mod:`runtime_wasm._fragments` (shared with ``@st.dialog``, whose body
is a fragment too); this module is the decorator and the one call path both use:
make the fragment's container where the call is, register it, run the body in it.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, TypeVar

from .._context import RunContext, current
from .._errors import StreamlitAPIException, StreamlitDuplicateElementKey
from .._fragments import Fragment, FragmentError, fragment_id, running
from .._script import RerunRequested, StopRequested
from ._roots import main_dg
from ._widget import to_key, widget

__all__ = ["call_fragment", "fragment"]

F = TypeVar("F", bound=Callable[..., Any])

_RESERVED_KEYS = frozenset({"app", "fragment"})
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


def call_fragment(
    name: str,
    body: Callable[[], Any],
    *,
    key: str | None = None,
    run_every: float | None = None,
    is_async: bool = False,
) -> Any:
    """Run *body* as the fragment *name* where the script is now; return its result
    (an awaitable when *is_async*)."""
    ctx = current()
    if key is not None and any(f.key == key and f.name != name for f in ctx.fragments.values()):
        raise StreamlitDuplicateElementKey(key)
    fid = fragment_id(ctx, name)
    parent = ctx.fragment_stack[-1].fragment.id if ctx.fragment_stack else None
    container = main_dg().container()
    assert container._block is not None
    stack = list(ctx.dg_stack)

    def draw() -> Any:
        run = _execute_async if is_async else _execute
        return run(frag, body, run_every)

    frag = Fragment(id=fid, name=name, key=key, parent=parent, page=ctx.active_page,
                    container=container._block, draw=draw, dg_stack=stack,
                    dg=container)  # fmt: skip
    old = ctx.fragments.get(fid)
    if old is not None and ctx.fragment_run is not None:
        frag.wrappers = old.wrappers  # a rerun of its parent: write where it wrote
        frag.reset()
    ctx.fragments[fid] = frag
    return draw()


def _start(ctx: RunContext, fragment: Fragment, run_every: float | None) -> None:
    """The fragment's ``run_every`` timer: a hidden widget that belongs to it."""
    if run_every is not None:
        widget(fragment.dg, "fragment_timer", key=None,
               identity={"fragment": fragment.id, "seconds": run_every}, default=False,
               props={"interval": run_every}, trigger=True)  # fmt: skip


def _execute(fragment: Fragment, body: Callable[[], Any], run_every: float | None) -> Any:
    ctx = current()
    with running(ctx, fragment):
        _start(ctx, fragment, run_every)
        try:
            return body()
        except (RerunRequested, StopRequested, FragmentError):
            raise
        except Exception as exc:
            raise FragmentError(exc, fragment.container) from exc


async def _execute_async(
    fragment: Fragment, body: Callable[[], Awaitable[Any]], run_every: float | None
) -> Any:
    ctx = current()
    with running(ctx, fragment):
        _start(ctx, fragment, run_every)
        try:
            return await body()
        except (RerunRequested, StopRequested, FragmentError):
            raise
        except Exception as exc:
            raise FragmentError(exc, fragment.container) from exc


def fragment(
    func: Callable[..., Any] | None = None,
    *,
    run_every: Any = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> Any:
    """Decorate a function as a fragment: interacting with its widgets reruns it
    alone (see :mod:`runtime_wasm._fragments`). ``parallel`` fragments run in order,
    as the browser has one thread."""
    seconds = _run_every_seconds(run_every)
    user_key = to_key(key)
    if user_key in _RESERVED_KEYS:
        raise StreamlitAPIException(
            f"`{user_key}` is a reserved name and cannot be used as a fragment key, "
            "because `st.rerun(scope=...)` reads it as a rerun level. Choose a "
            "different key for `@st.fragment(key=...)`."
        )

    def decorate(f: F) -> F:
        name = f"{f.__module__}.{f.__qualname__}"

        if inspect.iscoroutinefunction(f):

            @functools.wraps(f)
            def wrapper_async(*args: Any, **kwargs: Any) -> Any:
                return call_fragment(name, lambda: f(*args, **kwargs), key=user_key,
                                     run_every=seconds, is_async=True)  # fmt: skip

            return wrapper_async  # type: ignore[return-value]

        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return call_fragment(name, lambda: f(*args, **kwargs), key=user_key,
                                 run_every=seconds)  # fmt: skip

        return wrapper  # type: ignore[return-value]

    if func is None:
        return decorate
    return decorate(func)
