"""Layout blocks: columns, container, expander, tabs, empty, form.

Each returns generators that write into a block of this run's tree; the page
draws the block and keeps its own view state (open expander, selected tab) across
reruns because the block's id does not change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._context import current
from .._errors import StreamlitAPIException
from .._tree import Element
from .._tree import container as container_block
from ._base import DGBase

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

__all__ = ["LayoutMixin"]

_COLUMN_SPEC_ERROR = (
    "The `spec` argument to `st.columns` must be either a positive integer (number of "
    "columns) or a list of positive numbers (width ratios of the columns). See "
    "[documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
    "for more information."
)
_GAPS = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge", None)


def _block(kind: str, **props: Any) -> Element:
    return Element(kind, props, children=[])


class LayoutMixin(DGBase):
    def container(
        self,
        *,
        border: bool | None = None,
        key: Any = None,
        width: Any = "stretch",
        height: Any = "content",
        horizontal: bool = False,
        wrap: bool = True,
        horizontal_alignment: str = "left",
        vertical_alignment: str = "top",
        gap: str | None = "small",
        autoscroll: bool | None = None,
    ) -> DeltaGenerator:
        return self._enqueue(
            container_block(
                border=border,
                height=height if isinstance(height, int) else None,
                horizontal=horizontal,
                gap=gap,
            )
        )

    def columns(
        self,
        spec: int | Sequence[float],
        *,
        gap: str | None = "small",
        vertical_alignment: str = "top",
        border: bool = False,
        width: Any = "stretch",
        wrap: bool = True,
    ) -> list[DeltaGenerator]:
        if isinstance(spec, int) and not isinstance(spec, bool):
            if spec < 1:
                raise StreamlitAPIException(_COLUMN_SPEC_ERROR)
            weights: list[float] = [1] * spec
        else:
            weights = list(spec) if not isinstance(spec, bool) else []
            if not weights or any(
                not isinstance(w, int | float) or isinstance(w, bool) or w <= 0 for w in weights
            ):
                raise StreamlitAPIException(_COLUMN_SPEC_ERROR)
        if gap not in _GAPS:
            raise StreamlitAPIException(
                f'The gap argument to st.columns must be "small", "medium", or "large". '
                f"\nThe argument passed was {gap}."
            )
        row = self._enqueue(
            _block("columns", gap=gap, vertical_alignment=vertical_alignment, border=border)
        )
        return [row._enqueue(_block("column", weight=w, border=border)) for w in weights]

    def expander(
        self,
        label: str,
        expanded: bool = False,
        *,
        key: Any = None,
        icon: str | None = None,
        type: str = "default",
        width: Any = "stretch",
        on_change: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
        bind: Any = None,
    ) -> DeltaGenerator:
        if label is None:
            raise StreamlitAPIException("A label is required for an expander")
        return self._enqueue(_block("expander", label=label, expanded=expanded, icon=icon))

    def tabs(
        self,
        tabs: Sequence[str],
        *,
        width: Any = "stretch",
        height: Any = "content",
        default: str | None = None,
        key: Any = None,
        on_change: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
        bind: Any = None,
    ) -> list[DeltaGenerator]:
        labels = [str(t) for t in tabs]
        if not labels:
            raise StreamlitAPIException(
                "The input argument to st.tabs must contain at least one tab label."
            )
        if default is not None and default not in labels:
            raise StreamlitAPIException(f"The default tab '{default}' is not one of the tabs.")
        bar = self._enqueue(_block("tabs", labels=labels, default=default))
        return [bar._enqueue(_block("tab", label=label)) for label in labels]

    def empty(self) -> DeltaGenerator:
        return self._enqueue(_block("empty"))

    def form(
        self,
        key: str,
        clear_on_submit: bool = False,
        *,
        enter_to_submit: bool = True,
        border: bool = True,
        width: Any = "stretch",
        height: Any = "content",
    ) -> DeltaGenerator:
        if self._current_form_id() is not None:
            raise StreamlitAPIException("Forms cannot be nested in other forms.")
        ctx = current()
        form_id = str(key)
        if form_id in ctx.forms:
            raise StreamlitAPIException(
                f"There are multiple identical forms with `key='{form_id}'`. To fix this, "
                "please make sure that the `key` argument is unique for each `st.form` "
                "you create."
            )
        ctx.forms[form_id] = clear_on_submit
        return self._enqueue(
            _block(
                "form",
                form_id=form_id,
                clear_on_submit=clear_on_submit,
                enter_to_submit=enter_to_submit,
                border=border,
            )
        )
