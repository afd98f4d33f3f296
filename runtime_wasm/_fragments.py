"""Fragments: the parts of a script that rerun alone (``@st.fragment``, ``@st.dialog``).

Streamlit's model, which stc follows: a full run calls each fragment function in
place and *registers* it: its id, its container (every element it draws goes in one
block), and a way to draw it again with the same arguments. A widget created while a
fragment runs belongs to it. When an interaction touches only widgets of one
fragment that is still on the page (or its ``run_every`` timer fires, or it calls
``st.rerun(scope="fragment")``), the session reruns that fragment alone on the tree
of the last run: its container is emptied and the function called again. Everything
outside keeps its elements, code outside does not run, and at the end only the
fragment's own widgets can be forgotten.

A fragment that writes into a container created outside it (``st.sidebar``, a column
made before the call) writes into a *wrapper* block inside that container, made on the
first such write and emptied at each rerun of the fragment, so its elements are
replaced instead of piling up (Streamlit's "outside wrappers").

Plain Python: the session (:mod:`runtime_wasm._session`) and the API package use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._tree import Element, container

if TYPE_CHECKING:
    from ._context import RunContext

__all__ = [
    "Fragment",
    "FragmentError",
    "Frame",
    "by_keys",
    "descendants",
    "fragment_id",
    "running",
]


@dataclass(eq=False)
class Fragment:
    """One registered fragment call."""

    id: str
    name: str  # module.qualname of the function
    key: str | None  # @st.fragment(key=...): what st.rerun(scope=key) names
    parent: str | None  # the fragment it was called in, if any
    page: str  # the page running at the call (``RunContext.active_page``: in widget ids)
    container: Element  # the block its elements go in
    draw: Callable[[], Any]  # runs the body again into ``container``; may return an awaitable
    dg_stack: list[Any]  # the ``with`` blocks around the call, innermost last
    dg: Any  # the DeltaGenerator of ``container``
    wrappers: dict[int, Element] = field(default_factory=dict)  # id(outside block) -> wrapper

    def reset(self) -> None:
        """Empty what the fragment drew, before it draws again."""
        assert self.container.children is not None
        self.container.children.clear()
        for wrapper in self.wrappers.values():
            assert wrapper.children is not None
            wrapper.children.clear()

    def wrapper_for(self, block: Element) -> Element:
        """The block inside the outside *block* where this fragment's writes go."""
        wrapper = self.wrappers.get(id(block))
        if wrapper is None:
            wrapper = container()
            assert block.children is not None
            block.children.append(wrapper)
            self.wrappers[id(block)] = wrapper
        return wrapper


@dataclass(eq=False)
class Frame:
    """A fragment executing now, and the blocks created inside it (which it owns)."""

    fragment: Fragment
    owned: set[int] = field(default_factory=set)

    def target(self, block: Element) -> Element:
        """Where a write aimed at *block* goes: *block* if the fragment owns it, else
        the fragment's wrapper in it. (An ``st.empty`` is a slot, not a block: a write
        into it replaces its element directly and never comes here.) The event block
        takes toasts directly, as Streamlit's: a one-shot effect has nothing to clear
        when the fragment draws again."""
        if id(block) in self.owned or block.kind == "event":
            return block
        wrapper = self.fragment.wrapper_for(block)
        self.owned.add(id(wrapper))
        return wrapper


class FragmentError(Exception):
    """An exception raised in a fragment, already shown in its container: the run
    stops, as Streamlit's does, and nothing else is shown."""

    def __init__(self, exc: BaseException, container: Element) -> None:
        super().__init__(str(exc))
        self.exc = exc
        self.container = container


def fragment_id(ctx: RunContext, name: str) -> str:
    """The id of the next call of fragment *name* in this run: its place among the
    calls of *name* in the enclosing fragment (or the page), which a rerun of that
    enclosing fragment gives it again."""
    parent = ctx.fragment_stack[-1].fragment.id if ctx.fragment_stack else ctx.active_page
    slot = (parent, name)
    n = ctx.fragment_counts.get(slot, 0)
    ctx.fragment_counts[slot] = n + 1
    return f"{parent}>{name}#{n}"


@contextmanager
def running(ctx: RunContext, fragment: Fragment) -> Iterator[None]:
    """Execute *fragment* now: its writes go to its container and its widgets are its."""
    frame = Frame(fragment, owned={id(fragment.container)})
    ctx.fragment_stack.append(frame)
    saved, page = ctx.dg_stack, ctx.active_page
    ctx.dg_stack = [*fragment.dg_stack, fragment.dg]
    ctx.active_page = fragment.page  # a rerun alone: its widgets keep their page's ids
    try:
        yield
    finally:
        ctx.dg_stack, ctx.active_page = saved, page
        ctx.fragment_stack.pop()


def descendants(fragments: Iterable[Fragment], root: str) -> set[str]:
    """*root* and the ids of the fragments called inside it, at any depth."""
    parents = {f.id: f.parent for f in fragments}
    found = {root}
    for fid in parents:
        chain: str | None = fid
        seen: set[str] = set()
        while chain is not None and chain not in seen:
            if chain == root:
                found.add(fid)
                break
            seen.add(chain)
            chain = parents.get(chain)
    return found


def by_keys(fragments: Iterable[Fragment], keys: list[str]) -> list[str]:
    """The ids of every registered call of the fragments named *keys*, in order of
    registration; ``KeyError`` with the first key no fragment has."""
    registered = list(fragments)
    for key in keys:
        if not any(f.key == key for f in registered):
            raise KeyError(key)
    return [f.id for f in registered if f.key in keys]
