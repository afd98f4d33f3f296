"""``@st.dialog``: a modal the visitor opens and closes.

A dialog is a ``dialog`` block in the event block beside main and sidebar (where
Streamlit puts it too) whose body is a fragment (as in
Streamlit, see :mod:`runtime_wasm._fragments`): typing or clicking in it reruns the
dialog alone, so it stays open although the button that opened it is ``False`` again.
A full rerun that does not call the function closes it: ``st.rerun()`` in it does.
The visitor dismissing it (Esc, the close button, a click outside) reruns the dialog alone, which
removes it; with ``on_dismiss="rerun"`` or a callback, the app reruns too. The page says
so through a trigger widget with no element of its own (Streamlit's tree has none): its
id is the block's ``dismiss_id`` prop.
"""

from __future__ import annotations

import functools
import inspect
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ..._context import RunContext, current
from ..._errors import StreamlitAPIException, StreamlitValueError
from ..._script import RerunRequested
from ..._tree import Element
from .._fragment import call_fragment
from .._roots import new_dg
from .._widget import register_widget

if TYPE_CHECKING:
    from .._dg import DeltaGenerator

__all__ = ["dialog"]

F = TypeVar("F", bound=Callable[..., Any])


# -- dialogs ---------------------------------------------------------------------------

# The dialog drawn in each run: Streamlit allows one at a time.
_drawn: weakref.WeakKeyDictionary[RunContext, str] = weakref.WeakKeyDictionary()


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
    if not (on_dismiss in ("ignore", "rerun") or callable(on_dismiss)):
        raise StreamlitValueError("on_dismiss", ["'ignore'", "'rerun'", "a callable"])
    opts = {"title": str(title), "width": width, "dismissible": dismissible, "icon": icon}
    callback = on_dismiss if callable(on_dismiss) else None

    def decorate(func: F) -> F:
        name = f"{func.__module__}.{func.__qualname__}"
        dialog_id = f"{name}:{title}"

        def open_block() -> DeltaGenerator:
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
            return new_dg(root="event")._enqueue(Element("dialog", dict(opts), children=[]))

        def dismissed(block: DeltaGenerator) -> bool:
            """Whether the visitor closed the dialog (Esc, the close button, a click outside). Only
            a rerun of the dialog itself sees it: then it closes, and with
            ``on_dismiss`` other than "ignore" the app reruns (after the callback)."""
            ctx = current()
            dismiss_id, closed = register_widget(
                block, "dialog_dismiss", key=None, identity={"dialog": dialog_id},
                default=False, on_change=callback, trigger=True,
            )  # fmt: skip
            assert block._block is not None
            block._block.props["dismiss_id"] = dismiss_id
            if not closed or ctx.fragment_run is None:
                return False
            assert ctx.root.children is not None
            for parent in (*ctx.root.children, *(w for f in ctx.fragments.values()
                                                  for w in f.wrappers.values())):  # fmt: skip
                assert parent.children is not None
                if block._block in parent.children:
                    parent.children.remove(block._block)
            if on_dismiss != "ignore":
                raise RerunRequested
            return True

        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            def wrapper_async(*args: Any, **kwargs: Any) -> Any:
                block = open_block()

                async def body() -> None:
                    if not dismissed(block):
                        await func(*args, **kwargs)

                with block:
                    return call_fragment(name, body, is_async=True)

            return wrapper_async  # type: ignore[return-value]

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> None:
            block = open_block()

            def body() -> None:
                if not dismissed(block):
                    func(*args, **kwargs)

            with block:
                call_fragment(name, body)

        return wrapper  # type: ignore[return-value]

    return decorate
