"""st.dataframe's tables from plain Python data, converted a column at a time
(``_records_table``): the same text, cell for cell, as converting each cell alone;
and a big table shown again with the same data is not converted again
(``lib/_table_memo``)."""

from __future__ import annotations

import copy
import datetime
import math
import pickle
import random
from collections.abc import Iterator
from typing import Any

import pytest

from runtime_wasm._unchanged import EncodedList
from runtime_wasm.streamlit.elements.lib import _table_memo, _tables
from runtime_wasm.streamlit.elements.lib._table_memo import MIN_ROWS
from runtime_wasm.streamlit.elements.lib._tables import dataframe_cell as _cell
from runtime_wasm.streamlit.elements.lib._tables import normalise_table, table_cell


class Float64(float):
    """A float subclass, as numpy's float64 is."""


def _values(rng: random.Random) -> list[Any]:
    pool: list[Any] = [
        0, -3, 10**20, True, False, None, "text", "", 0.5, -2.0, 1 / 3, 1e15, 1e16, -1e-7,
        math.nan, math.inf, -math.inf, Float64(2.5), Float64(4.0), [1, 2], {"a": 1},
    ]  # fmt: skip
    return [rng.choice(pool) for _ in range(400)]


def test_records_convert_as_cell_by_cell() -> None:
    rng = random.Random(7)
    columns = {name: _values(rng) for name in ("a", "b", "c")}
    floats = [rng.uniform(-1e6, 1e6) for _ in range(400)] + [None, 3.0]
    records = [{k: v[i] for k, v in columns.items()} for i in range(400)]
    records += [{"a": f} for f in floats]  # a float-only column, and missing keys
    names, index, rows = normalise_table(records)
    assert names == ["a", "b", "c"] and index is None
    expected = [[_cell(r.get(c)) for c in names] for r in records]
    assert rows == expected


def test_records_with_keys_that_are_not_text() -> None:
    names, _, rows = normalise_table([{1: 0.25, "1": "shadowed"}, {2: None}])
    assert names == ["1", "2"]
    assert rows == [["0.25", "None"], ["None", "None"]]


def test_records_without_keys_keep_their_rows() -> None:
    assert normalise_table([{}, {}]) == ([], None, [[], []])


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every conversion normalise_table makes, with an empty table memo."""
    seen: list[Any] = []
    convert = _tables._normalise

    def counting(data: Any, cell: Any) -> Any:
        seen.append(data)
        return convert(data, cell)

    monkeypatch.setattr(_tables, "_normalise", counting)
    _table_memo.clear()
    yield seen
    _table_memo.clear()


def _records(count: int, flag: Any = 1) -> list[dict[str, Any]]:
    return [{"id": i, "flag": flag, "name": f"row {i}"} for i in range(count)]


def test_a_big_table_shown_again_is_not_converted_again(conversions: list[Any]) -> None:
    first = normalise_table(_records(MIN_ROWS))
    again = normalise_table(copy.deepcopy(_records(MIN_ROWS)))  # equal data, new objects
    assert again is first and isinstance(first[2], EncodedList)
    assert len(conversions) == 1
    # Values that are equal but show apart are other data: 1, True and 1.0.
    shown = {normalise_table(_records(MIN_ROWS, flag))[2][0][1] for flag in (1, True, 1.0)}
    assert shown == {"1", "True", "1.0"}
    assert len(conversions) == 3
    changed = _records(MIN_ROWS)
    changed[-1]["name"] = "edited"
    assert normalise_table(changed)[2][-1] == [str(MIN_ROWS - 1), "1", "edited"]
    assert len(conversions) == 4
    # st.table shows the same data with other text: a table of its own.
    assert normalise_table(changed, table_cell)[2][0] == ["0", "1", "row 0"]
    assert len(conversions) == 5


class Label(str):
    """A str subclass: marshal refuses it, pickle keeps its class."""


def test_tables_marshal_cannot_write_are_remembered_by_their_pickle(
    conversions: list[Any],
) -> None:
    for flag in (datetime.date(2026, 12, 6), Label("x")):  # not builtin types: pickled
        first = normalise_table(pickle.loads(pickle.dumps(_records(MIN_ROWS, flag))))
        assert normalise_table(pickle.loads(pickle.dumps(_records(MIN_ROWS, flag)))) is first
    assert len(conversions) == 2
    # A str subclass and its text are other data, as a date and its text are.
    normalise_table(_records(MIN_ROWS, "x"))
    normalise_table(_records(MIN_ROWS, "2026-12-06"))
    assert len(conversions) == 4


def test_st_table_shows_floats_with_four_decimals() -> None:
    _, _, rows = normalise_table({"x": [12.25, 3.0, math.nan, 7, None, "a"]}, table_cell)
    assert [r[0] for r in rows] == ["12.2500", "3.0000", "nan", "7", "None", "a"]
    _, _, rows = normalise_table({"x": [12.25, 3.0]})
    assert [r[0] for r in rows] == ["12.25", "3.0"]  # st.dataframe's


def test_small_and_unpicklable_tables_are_converted_every_time(conversions: list[Any]) -> None:
    small = _records(MIN_ROWS - 1)
    assert normalise_table(small) == normalise_table(small)
    odd = [{"id": i, "f": lambda: None} for i in range(MIN_ROWS)]  # lambdas do not pickle
    assert normalise_table(odd)[2][0][0] == "0"
    normalise_table(odd)
    assert len(conversions) == 4
    assert not isinstance(normalise_table(small)[2], EncodedList)


def test_the_memo_keeps_at_most_max_cells(
    conversions: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_table_memo, "MAX_CELLS", 3 * MIN_ROWS * 2)  # two 3-column tables
    tables = [pickle.dumps(_records(MIN_ROWS, flag)) for flag in ("a", "b", "c")]
    for table in tables:  # a new copy each time, as st.cache_data hands them out
        normalise_table(pickle.loads(table))
    normalise_table(pickle.loads(tables[2]))
    normalise_table(pickle.loads(tables[1]))
    assert len(conversions) == 3
    normalise_table(pickle.loads(tables[0]))  # dropped when the third came
    assert len(conversions) == 4


def test_data_kept_in_memory_converts_at_most_twice(conversions: list[Any]) -> None:
    """Its first conversion shares its strings, which marshal then writes apart."""
    rows = _records(MIN_ROWS)
    for _ in range(4):
        normalise_table(rows)
    assert len(conversions) <= 2
