"""st.dataframe's tables from plain Python data, converted a column at a time
(``_records_table``): the same text, cell for cell, as converting each cell alone."""

from __future__ import annotations

import math
import random
from typing import Any

from runtime_wasm.streamlit.elements._data import _cell, normalise_table


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
