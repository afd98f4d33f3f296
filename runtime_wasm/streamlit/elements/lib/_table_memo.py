"""Tables converted once per content: a big table shown again costs a fingerprint.

A rerun calls ``st.dataframe(rows)`` again, most often with the data it had: the
same file read again, or the value of an ``st.cache_data`` function, which hands out
a fresh copy on every call, so an object's identity says nothing. Converting
100,000 rows to display text takes most of such a rerun; marshalling or pickling
them takes a fraction of that, in C. Equal pickles mean equal types and values (``1``, ``1.0``
and ``True`` pickle apart, as they show apart), so data whose fingerprint was seen
gets the table converted then, its rows an ``EncodedList`` whose JSON is made once
too (``runtime_wasm._unchanged``).

Only plain containers and pandas, numpy, pyarrow or polars objects of at least
``MIN_ROWS`` rows are fingerprinted: a small table converts faster than it pickles,
and other objects might pickle slowly, partly or with side effects. Tables are kept
up to ``MAX_CELLS`` cells in all, least recently used first out.
"""

from __future__ import annotations

import hashlib
import marshal
import pickle
from collections import OrderedDict
from collections.abc import Callable, Sized
from typing import Any

from ...._unchanged import EncodedList

__all__ = ["MAX_CELLS", "MIN_ROWS", "Table", "clear", "remembered"]

Table = tuple[list[str], list[str] | None, list[list[str]]]

MIN_ROWS = 1_000
MAX_CELLS = 1_000_000
_LIBRARIES = ("pandas", "numpy", "pyarrow", "polars")

_tables: OrderedDict[bytes, Table] = OrderedDict()


def remembered(data: Any, convert: Callable[[Any], Table], variant: str = "") -> Table:
    """``convert(data)``, or the table it gave for data that pickles the same (and the
    same *variant*: what else than the data the conversion depends on)."""
    key = _fingerprint(data, variant)
    if key is None:
        return convert(data)
    table = _tables.get(key)
    if table is not None:
        _tables.move_to_end(key)
        return table
    columns, index, rows = convert(data)
    table = (columns, index, EncodedList(rows))
    _tables[key] = table
    while sum(_cells(kept) for kept in _tables.values()) > MAX_CELLS and len(_tables) > 1:
        _tables.popitem(last=False)
    return table


def _fingerprint(data: Any, variant: str) -> bytes | None:
    if _rows(data) < MIN_ROWS:
        return None
    digest = hashlib.blake2b(digest_size=20, person=variant.encode()[:16])
    try:
        # Lists of dicts of str, int, float, bool and None: marshal writes them 2.3x
        # as fast as pickle in Pyodide (34 against 78 ms for 100,000 rows), as exactly
        # (1, 1.0 and True apart; only builtin types, subclasses refused), and equal
        # bytes load as equal data. It marks an object shared when its reference
        # count is above one, so data that stays in memory marshals once more apart
        # after its first conversion, whose text shares its strings (then stays);
        # st.cache_data's copies are new objects each time, alike every time.
        digest.update(b"m" + marshal.dumps(data))
    except ValueError:  # other types: pickle
        try:
            digest.update(b"p" + pickle.dumps(data, protocol=5))
        except Exception:  # unpicklable data is converted every time
            return None
    return digest.digest()


def _rows(data: Any) -> int:
    """How many rows *data* would make, 0 for data not worth fingerprinting."""
    kind = type(data)
    if kind is list or kind is tuple:
        return len(data)
    if kind is dict:
        return max((len(v) for v in data.values() if isinstance(v, Sized)), default=len(data))
    if kind.__module__.partition(".")[0] in _LIBRARIES and isinstance(data, Sized):
        return len(data)
    return 0


def _cells(table: Table) -> int:
    columns, _, rows = table
    return max(len(columns), 1) * len(rows)


def clear() -> None:
    """Forget every table (tests)."""
    _tables.clear()
