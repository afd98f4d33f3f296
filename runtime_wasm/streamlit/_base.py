"""The base of ``DeltaGenerator``: the object every ``st.*`` element method hangs off.

``st.button`` is the method of the main-area generator, ``st.sidebar.button`` of the
sidebar's, ``col.button`` of a column's. A generator points at one of:

* a root ("main"/"sidebar", or "event" for the module-level ``st.toast``, as in
  Streamlit), resolved against the run in progress at each call, so the module-level
  ``st`` object is valid across reruns;
* a block (column, container, form, …) created in this run: calls append to it;
* a slot (what an element call returns, or ``st.empty()``): calls replace the one
  element it holds, which is how ``placeholder.text(...)`` updates in place.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from .._context import RunContext, current
from .._errors import FORM_DOCS_INFO, StreamlitAPIException
from .._script import StopRequested
from .._tree import Element
from .elements.lib._root_blocks import root_child

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

__all__ = ["ContainerKind", "DGBase"]

# "event": the block beside main and sidebar where the module-level st.toast goes.
RootName = Literal["main", "sidebar", "event"]
# The blocks whose generator is a class of its own (``_dg``): what ``_make_container`` makes.
ContainerKind = Literal["status", "tab", "expander", "popover"]


class DGBase:
    """Targets and appending; the element families are mixins over this."""

    def __init__(
        self,
        *,
        root: RootName | None = None,
        block: Element | None = None,
        slot: tuple[Element, int] | None = None,
        form_id: str | None = None,
        is_module: bool = False,
        container: str | None = None,
    ) -> None:
        self._root = root
        self._container = container or root or "main"  # which root it lives under
        self._block = block
        self._slot = slot
        self._form_id = form_id
        self._is_module = is_module

    # -- where calls go -------------------------------------------------------------
    def _active(self, ctx: RunContext) -> DGBase:
        """The module-level ``st`` writes into the innermost ``with`` block."""
        if self._is_module and ctx.dg_stack:
            return ctx.dg_stack[-1]  # type: ignore[no-any-return]
        return self

    def _target_block(self, ctx: RunContext) -> Element:
        if self._root == "sidebar":
            return ctx.sidebar
        if self._root == "main":
            return ctx.main
        if self._root == "event":
            return root_child("event", {})
        assert self._block is not None
        return self._block

    @property
    def _root_name(self) -> str:
        return self._root or "block"

    def _current_form_id(self) -> str | None:
        ctx = current()
        return self._active(ctx)._form_id

    def _enqueue(self, element: Element) -> DeltaGenerator:
        """Add ``element`` where this generator writes; return a handle to it."""
        ctx = current()
        if ctx.stop_requested:
            raise StopRequested
        handle = self._place(ctx, element)
        ctx.version += 1
        if ctx.on_enqueue is not None:
            ctx.on_enqueue()
        return handle

    def _place(self, ctx: RunContext, element: Element) -> DeltaGenerator:
        dg = self._active(ctx)
        if dg._slot is not None:
            block, index = dg._slot
            assert block.children is not None
            if index < len(block.children):
                block.children[index] = element
            else:
                block.children.append(element)
            new_slot = (block, index)
        else:
            block = dg._target_block(ctx)
            if ctx.fragment_stack:  # a fragment writing outside goes into its wrapper
                block = ctx.fragment_stack[-1].target(block)
            assert block.children is not None
            block.children.append(element)
            new_slot = (block, len(block.children) - 1)
        form_id = dg._form_id
        if element.is_block:
            for frame in ctx.fragment_stack:  # made inside: theirs, not "outside"
                frame.owned.add(id(element))
            if element.kind == "form":
                form_id = element.props["form_id"]
            return self._handle(block=element, form_id=form_id, container=dg._container)
        return self._handle(slot=new_slot, form_id=form_id, container=dg._container)

    def _handle(self, **where: Any) -> DeltaGenerator:
        """A generator pointing at what was just placed. ``DeltaGenerator`` makes it one
        of its own class, not a container's: what a tab draws is no tab, and has no
        ``.open``, as in Streamlit."""
        return type(self)(**where)  # type: ignore[return-value]

    # -- `with` ------------------------------------------------------------------------
    def __enter__(self) -> DeltaGenerator:
        current().dg_stack.append(self)
        return self  # type: ignore[return-value]

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        stack = current().dg_stack
        if stack and stack[-1] is self:
            stack.pop()
        return False

    def _make_container(
        self, kind: ContainerKind, handle: DGBase, *, open: bool | None = None
    ) -> DGBase:
        """The block *handle* points at, as the container ``st.status``, ``st.tabs``,
        ``st.expander`` or ``st.popover`` returns, ``open`` being its ``.open`` (not for
        status). ``DeltaGenerator`` knows those classes (they subclass it): a family asks
        ``self`` instead of importing ``_dg``, which imports every family."""
        raise NotImplementedError

    def _require_form(self, what: str) -> str:
        form_id = self._current_form_id()
        if form_id is None:
            raise StreamlitAPIException(
                f"`{what}()` must be used inside an `st.form()`.{FORM_DOCS_INFO}"
            )
        return form_id
