"""Selections of ``st.dataframe(on_select=...)``: Streamlit's ``DataframeState``, the
validation of ``selection_mode`` and of selections an app sets, and the widget.

With ``on_select`` other than ``"ignore"`` a dataframe is a widget whose value is
``{"selection": {"rows": [...], "columns": [...], "cells": [...]}}``: rows by their
position in the data, columns by name, cells as ``(row position, column name)``. The
page sends that dict (cells as lists) after each click; the value it gets back is
what it draws, so the selection survives reruns. A selection the app assigns to
``st.session_state[key]`` (or ``selection_default``) is validated against the data
as Streamlit does; one from the page is taken as it is, because the page can only
produce valid ones and multi-cell selections would not survive validation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from ...._errors import (
    StreamlitAPIException,
    StreamlitIncompatibleParametersError,
    StreamlitValueError,
)
from ..._base import DGBase
from ..._widget import Key, widget
from ..._widget_state import ReadOnlyAttributeDictionary

__all__ = [
    "ROW_MODES",
    "DataframeSelectionState",
    "DataframeState",
    "normalize_selection_mode",
    "selectable_dataframe",
]

SELECTION_MODES = frozenset(
    {
        "single-row",
        "single-row-required",
        "multi-row",
        "single-column",
        "multi-column",
        "single-cell",
        "multi-cell",
    }
)
ROW_MODES = frozenset({"single-row", "single-row-required", "multi-row"})


class DataframeSelectionState(ReadOnlyAttributeDictionary):
    """``rows`` (positions), ``columns`` (names), ``cells`` (``(position, name)``)."""


class DataframeState(ReadOnlyAttributeDictionary):
    """What a selectable ``st.dataframe`` returns: ``state.selection``."""


def _state(selection: dict[str, Any]) -> DataframeState:
    return DataframeState(selection=DataframeSelectionState(selection))


def normalize_selection_mode(selection_mode: str | Iterable[str]) -> set[str]:
    """The set of modes, with Streamlit's errors for unknown modes and conflicts."""
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    if not modes <= SELECTION_MODES:
        raise StreamlitValueError("selection_mode", [f"'{m}'" for m in sorted(SELECTION_MODES)])
    rows = modes & ROW_MODES
    if len(rows) > 1:
        raise StreamlitIncompatibleParametersError(
            *(f"selection_mode='{m}'" for m in sorted(rows)),
            explanation="Only one row selection mode can be specified.",
        )
    for kind in ("column", "cell"):
        if {f"single-{kind}", f"multi-{kind}"} <= modes:
            raise StreamlitIncompatibleParametersError(
                f"selection_mode='single-{kind}'", f"selection_mode='multi-{kind}'"
            )
    return modes


def _valid(values: Any, keep: Callable[[Any], bool], multi: bool) -> list[Any]:
    """The distinct kept values in order; only the first unless ``multi``."""
    found = list(dict.fromkeys(v for v in values if keep(v)))
    return found if multi else found[:1]


def validate_selection(
    value: Any, num_rows: int, columns: list[str], modes: set[str]
) -> dict[str, list[Any]]:
    """A selection set by the app, filtered to what this dataframe allows (Streamlit's
    ``_validate_selection_state``): rows and columns that exist, in enabled modes, one
    of each in single modes, and cells only in single-cell mode (a multi-cell
    selection is a set of ranges a list of cells cannot rebuild)."""
    if not isinstance(value, dict) or not isinstance(value.get("selection"), dict):
        raise StreamlitAPIException(
            "Selection state must be a dictionary with a 'selection' key "
            "containing 'rows', 'columns', and 'cells' arrays."
        )
    selection = value["selection"]
    names = set(columns)
    result: dict[str, list[Any]] = {"rows": [], "columns": [], "cells": []}
    rows = selection.get("rows")
    if isinstance(rows, list) and modes & ROW_MODES:
        result["rows"] = _valid(
            rows, lambda r: isinstance(r, int) and 0 <= r < num_rows, "multi-row" in modes
        )
    if "single-row-required" in modes and num_rows > 0 and not result["rows"]:
        result["rows"] = [0]
    picked = selection.get("columns")
    if isinstance(picked, list) and modes & {"single-column", "multi-column"}:
        result["columns"] = _valid(
            picked, lambda c: isinstance(c, str) and c in names, "multi-column" in modes
        )
    cells = selection.get("cells")
    if isinstance(cells, list) and "single-cell" in modes:
        pairs = [tuple(c) for c in cells if isinstance(c, list | tuple) and len(c) == 2]
        result["cells"] = _valid(
            pairs,
            lambda c: (
                isinstance(c[0], int)
                and 0 <= c[0] < num_rows
                and isinstance(c[1], str)
                and c[1] in names
            ),
            False,
        )
    return result


def _from_page(raw: Any, default: dict[str, list[Any]] | None, required: bool) -> DataframeState:
    """Streamlit's ``DataframeSelectionSerde.deserialize``: the page's selection (JSON
    text in Streamlit, a dict here), else the default; missing lists filled in."""
    state = json.loads(raw) if isinstance(raw, str) else raw
    if state is None and default is not None:
        state = {"selection": default}
    if not isinstance(state, dict) or not isinstance(state.get("selection"), dict):
        state = {"selection": {}}
    selection = {name: list(state["selection"].get(name, [])) for name in ("rows", "columns")}
    selection["cells"] = [tuple(c) for c in state["selection"].get("cells", [])]
    if required and not selection["rows"]:
        selection["rows"] = [0]
    return _state(selection)


def _to_page(state: Any) -> dict[str, Any]:
    selection = state["selection"]
    return {
        "selection": {
            "rows": list(selection["rows"]),
            "columns": list(selection["columns"]),
            "cells": [list(c) for c in selection["cells"]],
        }
    }


def selectable_dataframe(
    dg: DGBase,
    props: dict[str, Any],
    *,
    columns: list[str],
    identity: dict[str, Any],
    key: Key | None,
    on_select: Callable[..., Any] | None,
    modes: set[str],
    selection_default: Any,
) -> DataframeState:
    """Register the dataframe whose table is ``props`` as a widget; its selection.

    ``columns`` are all the data's column names (``column_order`` may show fewer)."""
    num_rows = len(props["rows"])
    default = (
        None
        if selection_default is None
        else validate_selection(selection_default, num_rows, columns, modes)
    )
    required = "single-row-required" in modes and num_rows > 0

    def deserialize(raw: Any) -> DataframeState:
        return _from_page(raw, default, required)

    def coerce(value: Any) -> DataframeState:
        if isinstance(value, DataframeState):  # the page's, or one validated before
            return value
        return _state(validate_selection(value, num_rows, columns, modes))

    mode_list = sorted(modes)
    state: DataframeState = widget(
        dg,
        "dataframe",
        key=key,
        shared={"selection_mode": mode_list},
        identity={**identity, "selection_default": default},
        default=deserialize(None),
        props={**props},
        serialize=_to_page,
        deserialize=deserialize,
        coerce=coerce,
        on_change=on_select,
    )
    return state
