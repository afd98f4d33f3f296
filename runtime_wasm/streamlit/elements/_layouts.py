"""Layout: container, columns, expander, tabs, empty, form, popover, space, grid,
skeleton, and the page-level ``st.bottom``.

Each returns generators that write into a block of this run's tree; the page
draws the block and keeps its own view state (open expander, selected tab) across
reruns because the block's id does not change. Tabs, expanders and popovers with
``on_change`` are widgets instead, whose open state Python holds (``lib/_open_state``).

* ``empty`` and ``skeleton`` are elements whose handle is a slot: what is written
  into them replaces them, as in Streamlit (the skeleton shows a loading
  placeholder until then: Streamlit's ``SkeletonPlaceholder``).
* ``grid`` is a block whose children are its cells, placed by CSS grid.
* ``bottom`` lives beside main and sidebar under the root.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..._context import current
from ..._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitMissingRequiredParameterError,
    StreamlitValueError,
    StreamlitValueOutOfRangeError,
)
from ..._tree import Element
from ..._tree import container as container_block
from .._base import DGBase
from .._widget import Key
from .lib._numbers import is_integral, is_number
from .lib._open_state import check_bind, check_on_change, register_open_state, tracks_state
from .lib._root_blocks import bottom_dg
from .lib._url_codecs import bool_codec, choice_codec

if TYPE_CHECKING:
    from .._dg import DeltaGenerator, ExpanderContainer, PopoverContainer, TabContainer

__all__ = ["BottomProxy", "LayoutsMixin"]

_COLUMN_SPEC_ERROR = (
    "The `spec` argument to `st.columns` must be either a positive integer (number of "
    "columns) or a list of positive numbers (width ratios of the columns). See "
    "[documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
    "for more information."
)
_GRID_COLUMNS = (1, 24)
SPACE_SIZES = ("stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
_GAPS = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge", None)
_EXPANDER_TYPES = ("default", "compact", "step")


def _block(kind: str, **props: Any) -> Element:
    return Element(kind, props, children=[])


def _tab_labels(tabs: Sequence[str], default: str | None) -> list[str]:
    """``tabs`` and ``default`` checked as Streamlit 1.67 checks them, in its order."""
    if not tabs:
        raise StreamlitMissingRequiredParameterError(
            "tabs", detail="Provide at least one tab label."
        )
    labels = list(tabs)
    if default and default not in labels:
        raise StreamlitValueError(
            "default",
            ["a tab label from `tabs`"],
            detail=f"`{default}` is not in the list of tabs.",
        )
    for label in labels:
        if not isinstance(label, str):
            raise StreamlitInvalidParameterTypeError(
                "tabs", type(label).__name__, ["a string for each tab label"]
            )
    return labels


def _check_bound_labels(labels: list[str]) -> None:
    """A label bound to the URL must name one tab: non-empty and unique."""
    if not all(labels):
        raise StreamlitValueError(
            "tabs",
            ["non-empty labels"],
            detail="Tab labels must be non-empty when bind='query-params'.",
        )
    if len(set(labels)) != len(labels):
        raise StreamlitValueError(
            "tabs",
            ["unique labels"],
            detail="Tab labels must be unique when bind='query-params'.",
        )


def _known_label(label: Any, labels: list[str]) -> str:
    """A stored open tab, if it is still one of the tabs (else the default wins)."""
    if isinstance(label, str) and label in labels:
        return label
    raise ValueError(label)


class LayoutsMixin(DGBase):
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
        # NumPy numbers are numbers here too (numbers.Integral / Real), as in Streamlit;
        # the page gets Python ones.
        given: Any = spec
        if is_integral(given):
            if given < 1:
                raise StreamlitAPIException(_COLUMN_SPEC_ERROR)
            weights: list[float] = [1] * int(given)
        else:
            weights = list(given) if not isinstance(given, bool) else []
            if not weights or any(not is_number(w) or w <= 0 for w in weights):
                raise StreamlitAPIException(_COLUMN_SPEC_ERROR)
            weights = [int(w) if is_integral(w) else float(w) for w in weights]
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
        key: Key | None = None,
        icon: str | None = None,
        type: str = "default",
        width: Any = "stretch",
        on_change: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
        bind: Any = None,
    ) -> ExpanderContainer:
        if label is None:
            raise StreamlitMissingRequiredParameterError("label")
        check_on_change(on_change)
        if type not in _EXPANDER_TYPES:
            raise StreamlitValueError("type", [repr(t) for t in _EXPANDER_TYPES])
        check_bind(bind)
        widget_id, is_open = None, None
        if tracks_state(on_change, bind):
            widget_id, is_open = register_open_state(
                self,
                "expander",
                key=key,
                default=bool(expanded),
                identity={
                    "label": label,
                    "expanded": expanded,
                    "icon": icon,
                    "type": type,
                    "width": width,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
                bind=bind,
                url=bool_codec(),
            )
        props = {
            "label": label,
            "expanded": bool(expanded) if is_open is None else is_open,
            "icon": icon,
            "tracks_state": is_open is not None,
        }
        block = Element("expander", props, widget_id=widget_id, children=[])
        return self._make_container("expander", self._enqueue(block), open=is_open)  # type: ignore[return-value]

    def tabs(
        self,
        tabs: Sequence[str],
        *,
        width: Any = "stretch",
        height: Any = "content",
        default: str | None = None,
        key: Key | None = None,
        on_change: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
        bind: Any = None,
    ) -> Sequence[TabContainer]:
        labels = _tab_labels(tabs, default)
        check_on_change(on_change)
        check_bind(bind)
        if bind == "query-params":
            _check_bound_labels(labels)
        default_label = default if default else labels[0]
        widget_id, current = None, default_label
        if tracks_state(on_change, bind):
            widget_id, current = register_open_state(
                self,
                "tabs",
                key=key,
                default=default_label,
                identity={
                    "tabs": tuple(labels),
                    "width": width,
                    "height": height,
                    "default": default,
                },
                coerce=lambda label: _known_label(label, labels),
                on_change=on_change,
                args=args,
                kwargs=kwargs,
                bind=bind,
                url=choice_codec(labels, labels, str, clearable=False),
            )
        props = {
            "labels": labels,
            "index": labels.index(current),
            "tracks_state": widget_id is not None,
        }
        bar = self._enqueue(Element("tabs", props, widget_id=widget_id, children=[]))
        return tuple(
            self._make_container(  # type: ignore[misc]
                "tab",
                bar._enqueue(_block("tab", label=label)),
                open=None if widget_id is None else label == current,
            )
            for label in labels
        )

    def empty(self) -> DeltaGenerator:
        # An element, not a block, as Streamlit's: what is written into the placeholder
        # takes its place (the handle is a slot), so the tree holds either the empty
        # element or what replaced it, never a wrapper around it.
        return self._enqueue(Element("empty"))

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
        key: Key | None = None,
        on_change: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
    ) -> PopoverContainer:
        if label is None:
            raise StreamlitMissingRequiredParameterError("label")
        if use_container_width is not None:
            width = "stretch" if use_container_width else "content"
        if type not in ("primary", "secondary", "tertiary"):
            raise StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
        check_on_change(on_change)
        widget_id, is_open = None, None
        if tracks_state(on_change):
            widget_id, is_open = register_open_state(
                self,
                "popover",
                key=key,
                default=False,
                identity={
                    "label": label,
                    "type": type,
                    "help": help,
                    "icon": icon,
                    "disabled": disabled,
                    "width": width,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            )
        props = {
            "label": str(label),
            "type": type,
            "help": help,
            "icon": icon,
            "disabled": disabled,
            "width": width,
            "open": bool(is_open),
            "tracks_state": is_open is not None,
        }
        popover = self._enqueue(Element("popover", props, widget_id=widget_id, children=[]))
        return self._make_container("popover", popover, open=is_open)  # type: ignore[return-value]

    def space(self, size: Any = "small") -> DeltaGenerator:
        valid = (isinstance(size, str) and size in SPACE_SIZES) or (
            isinstance(size, int) and not isinstance(size, bool) and size > 0
        )
        if not valid:
            raise StreamlitAPIException(
                "Invalid `size` value. Supported values: "
                + ", ".join([*(f"'{s}'" for s in SPACE_SIZES), "a positive integer"])
                + f". Got {size!r}."
            )
        return self._enqueue(Element("space", {"size": size}))

    def grid(
        self,
        columns: Any = "auto",
        *,
        min_column_width: Any = "auto",
        wrap: bool = True,
        gap: Any = "small",
        vertical_alignment: str = "top",
        border: bool = False,
        row_height: Any = "content",
        width: Any = "stretch",
        height: Any = "content",
        key: Key | None = None,
        dense: bool = False,
    ) -> Any:
        if isinstance(columns, str) and columns != "auto":
            raise StreamlitValueError(
                "columns", ['"auto"', "an integer from 1 to 24"], detail=f"Got {columns!r}."
            )
        if columns != "auto":
            if not is_integral(columns):
                raise StreamlitInvalidParameterTypeError(
                    "columns", type(columns).__name__, ["int", '"auto"']
                )
            if not _GRID_COLUMNS[0] <= columns <= _GRID_COLUMNS[1]:
                raise StreamlitValueOutOfRangeError("columns", columns, *_GRID_COLUMNS)
        elif wrap is False:
            raise StreamlitAPIException(
                '`columns="auto"` and `wrap=False` cannot be used together. '
                "`wrap=False` requires an explicit column count. "
                "Pass an integer, such as `st.grid(3, wrap=False)`."
            )
        if min_column_width != "auto" and (
            not is_integral(min_column_width) or min_column_width < 1
        ):
            raise StreamlitValueError(
                "min_column_width",
                ['"auto"', "a positive integer"],
                detail=f"Got {min_column_width!r}.",
            )
        if vertical_alignment not in ("top", "center", "bottom"):
            raise StreamlitValueError(
                "vertical_alignment",
                ["'top'", "'center'", "'bottom'"],
                detail=f"Got {vertical_alignment!r}.",
            )
        row_gap, col_gap = gap if isinstance(gap, tuple | list) and len(gap) == 2 else (gap, gap)
        # Streamlit's layout ints are any numbers.Integral (np.int64 too); the page's, int
        props = {
            "columns": columns if columns == "auto" else int(columns),
            "min_column_width": (
                min_column_width if min_column_width == "auto" else int(min_column_width)
            ),
            "wrap": wrap,
            "row_gap": row_gap,
            "column_gap": col_gap,
            "vertical_alignment": vertical_alignment,
            "border": border,
            "row_height": row_height,
            "height": int(height) if is_integral(height) else None,
            "dense": dense,
            "key": None if key is None else str(key),
        }
        return self._enqueue(Element("grid", props, children=[]))

    def skeleton(self, height: Any = None, *, width: Any = "stretch") -> Any:
        # A slot like st.empty's: what is written into it replaces the skeleton.
        return self._enqueue(Element("skeleton", {"height": height, "width": width}))


class BottomProxy:
    """``st.bottom``: a container pinned to the bottom of the page (as Streamlit's
    ``BottomContainerProxy``, it resolves its block in the run in progress)."""

    def _dg(self) -> Any:
        return bottom_dg()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._dg(), name)

    def __enter__(self) -> Any:
        dg = self._dg()
        self._entered = dg
        return dg.__enter__()

    def __exit__(self, *exc: Any) -> bool:
        dg = self.__dict__.pop("_entered", None)
        return bool(dg.__exit__(*exc)) if dg is not None else False

    def __repr__(self) -> str:
        return "st.bottom"
