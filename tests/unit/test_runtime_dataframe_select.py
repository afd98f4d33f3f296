"""``st.dataframe(on_select=...)`` through AppTest: Streamlit's selection state for
each mode, the key in session_state, the callback, defaults, selections the app sets,
Streamlit's error messages, and what the page is sent.

Streamlit's AppTest has no API to select in a dataframe (only session_state), so a
selection from the page goes through the private ``_set_widget`` as the page's
wire value."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from runtime_wasm.testing import AppTest

DATA = "data = {'a': [1, 2, 3], 'b': ['x', 'y', 'z']}\n"
EMPTY = {"selection": {"rows": [], "columns": [], "cells": []}}


def run(script: str) -> AppTest:
    return AppTest.from_string("import streamlit as st\n" + DATA + script).run()


def select(at: AppTest, selection: dict[str, Any], index: int = 0) -> AppTest:
    """What the page sends after a click: the whole selection, cells as lists."""
    wire = {"selection": {"rows": [], "columns": [], "cells": [], **selection}}
    at._set_widget(at.dataframe[index].id, wire, None)
    return at.run()


def shown(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


@pytest.mark.parametrize(
    ("mode", "rows"),
    [
        ("single-row", []),
        ("single-row-required", [0]),
        ("multi-row", []),
        ("single-column", []),
        ("multi-column", []),
        ("single-cell", []),
        ("multi-cell", []),
        (["multi-row", "multi-column", "multi-cell"], []),
    ],
    ids=str,
)
def test_initial_state_of_each_mode(mode: Any, rows: list[int]) -> None:
    at = run(
        f"ev = st.dataframe(data, on_select='rerun', selection_mode={mode!r})\n"
        "st.text(type(ev).__name__ + ' ' + type(ev.selection).__name__)\n"
        "st.text(repr(ev))\n"
        "st.text(repr(ev['selection']['rows'] is ev.selection.rows))\n"
    )
    expected = {"selection": {"rows": rows, "columns": [], "cells": []}}
    assert shown(at) == ["DataframeState DataframeSelectionState", repr(expected), "True"]
    node = at.dataframe[0]
    modes = [mode] if isinstance(mode, str) else sorted(mode)
    assert node.props["selection_mode"] == modes
    assert node.props["value"] == expected


@pytest.mark.parametrize(
    ("mode", "picked", "expected"),
    [
        ("single-row", {"rows": [2]}, {"rows": [2], "columns": [], "cells": []}),
        ("multi-row", {"rows": [0, 2]}, {"rows": [0, 2], "columns": [], "cells": []}),
        ("single-column", {"columns": ["b"]}, {"rows": [], "columns": ["b"], "cells": []}),
        ("multi-column", {"columns": ["a", "b"]}, {"rows": [], "columns": ["a", "b"], "cells": []}),
        ("single-cell", {"cells": [[1, "b"]]}, {"rows": [], "columns": [], "cells": [(1, "b")]}),
        (
            "multi-cell",
            {"cells": [[0, "a"], [1, "a"]]},
            {"rows": [], "columns": [], "cells": [(0, "a"), (1, "a")]},
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_selection_from_the_page_is_returned(
    mode: str, picked: dict[str, Any], expected: dict[str, Any]
) -> None:
    at = run(f"ev = st.dataframe(data, on_select='rerun', selection_mode={mode!r})\nst.text(ev)")
    select(at, picked)
    assert shown(at) == [repr({"selection": expected})]
    # The page gets the selection back to draw it (cells as JSON lists).
    sent = {k: [list(c) for c in v] if k == "cells" else v for k, v in expected.items()}
    assert at.dataframe[0].props["value"] == {"selection": sent}


def test_key_session_state_and_table_value() -> None:
    at = run(
        "ev = st.dataframe(data, key='pick', on_select='rerun', selection_mode='multi-row')\n"
        "st.text(repr(st.session_state.pick == ev))"
    )
    select(at, {"rows": [1]})
    assert shown(at) == ["True"]
    assert at.session_state["pick"] == {"selection": {"rows": [1], "columns": [], "cells": []}}
    assert at.session_state.pick.selection.rows == [1]
    node = at.dataframe[0]
    assert node.key == "pick"
    assert node.id.endswith("-pick")
    assert list(node.value["a"]) == ["1", "2", "3"]  # the table, as Streamlit's AppTest


def test_callback_runs_on_change_only() -> None:
    at = run(
        "def picked():\n"
        "    st.session_state.calls = st.session_state.get('calls', 0) + 1\n"
        "    st.session_state.seen = st.session_state.k.selection.rows\n"
        "st.dataframe(data, key='k', on_select=picked, selection_mode='multi-row')\n"
        "st.text(f\"{st.session_state.get('calls', 0)} {st.session_state.get('seen')}\")\n"
        "st.button('again')"
    )
    assert shown(at) == ["0 None"]
    select(at, {"rows": [0, 1]})
    assert shown(at) == ["1 [0, 1]"]
    select(at, {"rows": [0, 1]})  # the same selection again: no change, no callback
    assert shown(at) == ["1 [0, 1]"]
    at.button[0].click().run()
    assert shown(at) == ["1 [0, 1]"]


def test_rerun_keeps_the_selection() -> None:
    at = run(
        "ev = st.dataframe(data, on_select='rerun', selection_mode=['multi-row', 'multi-column'])\n"
        "st.text(ev.selection)\nst.button('again')"
    )
    select(at, {"rows": [2], "columns": ["a"]})
    at.button[0].click().run()
    assert shown(at) == [repr({"rows": [2], "columns": ["a"], "cells": []})]
    at.run()
    assert at.dataframe[0].props["value"]["selection"]["rows"] == [2]


def test_new_data_without_a_key_is_a_new_widget() -> None:
    at = run(
        "n = st.number_input('n', value=3)\n"
        "ev = st.dataframe({'a': list(range(int(n)))}, on_select='rerun')\n"
        "st.text(ev.selection.rows)"
    )
    select(at, {"rows": [1]})
    assert shown(at) == ["[1]"]
    at.number_input[0].set_value(4).run()
    assert shown(at) == ["[]"]


def test_ignore_returns_a_delta_generator() -> None:
    at = run(
        "ev = st.dataframe(data, key='k', selection_mode='single-cell')\n"
        "st.text(type(ev).__name__)\nst.text(repr('k' in st.session_state))"
    )
    assert shown(at) == ["DeltaGenerator", "False"]
    node = at.dataframe[0]
    assert "selection_mode" not in node.props and "value" not in node.props
    assert not node.id.startswith("$$ID")


@pytest.mark.parametrize(
    ("default", "mode", "expected"),
    [
        ({"selection": {"rows": [2, 0, 9, 2]}}, "multi-row", {"rows": [2, 0]}),
        ({"selection": {"rows": [2, 0]}}, "single-row", {"rows": [2]}),
        ({"selection": {"rows": [1]}}, "single-column", {}),
        ({"selection": {"columns": ["b", "zz", "a"]}}, "multi-column", {"columns": ["b", "a"]}),
        ({"selection": {"cells": [[1, "a"], (0, "b")]}}, "single-cell", {"cells": [(1, "a")]}),
        ({"selection": {"cells": [[1, "a"]]}}, "multi-cell", {}),  # not settable, as Streamlit
        (
            {"selection": {"cells": [[0, ["a"]], [0, "b", 1], [0, "b"]]}},
            "single-cell",
            {"cells": [(0, "b")]},
        ),
        ({"selection": {}}, "single-row-required", {"rows": [0]}),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_selection_default_is_validated(
    default: dict[str, Any], mode: str, expected: dict[str, Any]
) -> None:
    at = run(
        f"ev = st.dataframe(data, on_select='rerun', selection_mode={mode!r}, "
        f"selection_default={default!r})\nst.text(ev.selection)"
    )
    assert shown(at) == [repr({"rows": [], "columns": [], "cells": [], **expected})]


def test_selection_default_does_not_override_the_page() -> None:
    at = run(
        "ev = st.dataframe(data, on_select='rerun', selection_default={'selection': {'rows': [1]}})"
        "\nst.text(ev.selection.rows)"
    )
    assert shown(at) == ["[1]"]
    select(at, {"rows": []})
    assert shown(at) == ["[]"]


def test_a_selection_the_app_sets_is_validated() -> None:
    at = run(
        "if st.button('pick'):\n"
        "    st.session_state.k = {'selection': {'rows': [5, 1, 0], 'columns': ['a']}}\n"
        "ev = st.dataframe(data, key='k', on_select='rerun', selection_mode='single-row')\n"
        "st.text(ev.selection)"
    )
    at.button[0].click().run()
    assert shown(at) == [repr({"rows": [1], "columns": [], "cells": []})]
    assert at.dataframe[0].props["value"]["selection"]["rows"] == [1]  # the page shows it
    at.session_state["k"] = {"selection": {"rows": [2]}}  # AppTest's way, as Streamlit's
    at.run()
    assert shown(at) == [repr({"rows": [2], "columns": [], "cells": []})]


def test_the_state_is_read_only() -> None:
    at = run(
        "import copy\nev = st.dataframe(data, on_select='rerun')\n"
        "for change in (lambda: ev.__setitem__('x', 1), lambda: setattr(ev, 'x', 1),\n"
        "               lambda: ev.selection.update(rows=[1]), lambda: ev.pop('selection')):\n"
        "    try:\n        change()\n    except TypeError as e:\n        st.text(str(e)[:24])\n"
        "st.text(repr(type(copy.deepcopy(ev)).__name__))\n"
        "st.text(repr(hasattr(ev, 'to_pandas')))"
    )
    assert shown(at) == ["Widget state is read-onl"] * 4 + ["'DataframeState'", "False"]


# Messages are Streamlit 1.67's, checked against it in tests/differential.
ERRORS = [
    pytest.param(
        "st.dataframe(data, on_select=None)",
        "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function.",
        id="on-select",
    ),
    pytest.param(
        "st.dataframe(data, on_select='rerun', selection_mode='rows')",
        "Invalid `selection_mode` value. Supported values: 'multi-cell', 'multi-column', "
        "'multi-row', 'single-cell', 'single-column', 'single-row', 'single-row-required'.",
        id="mode",
    ),
    pytest.param(
        "st.dataframe(data, on_select='rerun', selection_mode=['single-row', 'multi-row'])",
        "`selection_mode='multi-row'` and `selection_mode='single-row'` cannot be used "
        "together. Only one row selection mode can be specified.",
        id="two-row-modes",
    ),
    pytest.param(
        "st.dataframe(data, on_select='rerun', "
        "selection_mode=['single-row', 'multi-row', 'single-row-required'])",
        "`selection_mode='multi-row'`, `selection_mode='single-row'`, and "
        "`selection_mode='single-row-required'` cannot be used together. "
        "Only one row selection mode can be specified.",
        id="three-row-modes",
    ),
    pytest.param(
        "st.dataframe(data, on_select='rerun', selection_mode=['single-column', 'multi-column'])",
        "`selection_mode='single-column'` and `selection_mode='multi-column'` cannot be used "
        "together.",
        id="column-modes",
    ),
    pytest.param(
        "st.dataframe(data, on_select='rerun', selection_mode=['multi-cell', 'single-cell'])",
        "`selection_mode='single-cell'` and `selection_mode='multi-cell'` cannot be used together.",
        id="cell-modes",
    ),
    pytest.param(
        "st.dataframe(data, selection_default={'selection': {'rows': [0]}})",
        "`selection_default` and `on_select='ignore'` cannot be used together. "
        "Set `on_select` to `'rerun'` or a callback to use `selection_default`.",
        id="default-ignore",
    ),
    pytest.param(
        "st.dataframe(data, on_select='rerun', selection_default={'rows': [0]})",
        "Selection state must be a dictionary with a 'selection' key containing 'rows', "
        "'columns', and 'cells' arrays.",
        id="default-shape",
    ),
    pytest.param(
        "st.session_state.k = [0]\nst.dataframe(data, key='k', on_select='rerun')",
        "Selection state must be a dictionary with a 'selection' key containing 'rows', "
        "'columns', and 'cells' arrays.",
        id="state-shape",
    ),
]


@pytest.mark.parametrize(("script", "message"), ERRORS)
def test_errors(script: str, message: str) -> None:
    at = run(script)
    assert [e.value for e in at.exception] == [message]


def test_rows_are_positions_and_columns_names() -> None:
    at = run(
        "ev = st.dataframe(data, on_select='rerun', column_order=['b'], hide_index=False,\n"
        "                  selection_mode=['multi-row', 'multi-column'])\nst.text(ev.selection)"
    )
    props = at.dataframe[0].props
    assert props["columns"] == ["b"] and props["hide_index"] is False
    select(at, {"rows": [0, 2], "columns": ["b"]})
    assert shown(at) == [repr({"rows": [0, 2], "columns": ["b"], "cells": []})]


@pytest.mark.parametrize(
    ("call", "hidden"),
    [
        ("st.dataframe(data, on_select='rerun')", True),  # a range index, rows selectable
        ("st.dataframe(data, on_select='rerun', selection_mode='multi-cell')", None),
        ("st.dataframe(data, on_select='rerun', hide_index=False)", False),
        ("st.dataframe({'v': 1, 'w': 2}, on_select='rerun')", None),  # keys are the index
        ("st.dataframe(data)", None),
    ],
)
def test_a_range_index_is_hidden_when_rows_are_selectable(call: str, hidden: Any) -> None:
    assert run(call).dataframe[0].props["hide_index"] is hidden


def test_selection_in_a_form_waits_for_submit() -> None:
    at = run(
        "with st.form('f'):\n"
        "    ev = st.dataframe(data, on_select='rerun')\n"
        "    st.form_submit_button('Go')\n"
        "st.text(ev.selection.rows)"
    )
    assert at.dataframe[0].props["form_id"] is not None
    select(at, {"rows": [1]})
    assert shown(at) == ["[]"]
    at.button[0].click().run()
    assert shown(at) == ["[1]"]


def test_copies_keep_their_type() -> None:
    from runtime_wasm.streamlit.elements.lib._dataframe_selection import (
        DataframeSelectionState,
        DataframeState,
    )

    state = DataframeState(selection=DataframeSelectionState(rows=[1], columns=[], cells=[]))
    for twin in (copy.copy(state), copy.deepcopy(state)):
        assert type(twin) is DataframeState and twin == state
    assert copy.deepcopy(state).selection.rows is not state.selection.rows
