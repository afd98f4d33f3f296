"""The keys of ``st.cache_data`` / ``st.cache_resource`` calls: each type Streamlit
hashes gives equal keys for equal values and another key for a changed one, and
real Streamlit 1.67 (installed for the tests) is the oracle for which arguments are
hashable, which pairs hit and miss alike, and the exact messages of
``UnhashableParamError`` and ``UserHashError``. Key *values* are ours."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import enum
import functools
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd
import pytest

from runtime_wasm._errors import UnhashableParamError, UserHashError
from runtime_wasm._hash_data import NP_SIZE_LARGE, PANDAS_ROWS_LARGE
from runtime_wasm._hashing import HashFuncs, hash_args
from runtime_wasm._script import describe_exception
from runtime_wasm.streamlit.elements.lib._uploaded_file import UploadedFile

ROOT = Path(__file__).resolve().parents[2]


def takes(x: Any) -> Any:
    return x


def key(value: Any, hash_funcs: HashFuncs | None = None, func: Callable[..., Any] = takes) -> str:
    return hash_args(func, (value,), {}, hash_funcs, "cache_data")


def real_key(
    value: Any, hash_funcs: HashFuncs | None = None, func: Callable[..., Any] = takes
) -> str:
    cache_utils = pytest.importorskip("streamlit.runtime.caching.cache_utils")
    from streamlit.runtime.caching.cache_type import CacheType

    return str(cache_utils._make_value_key(CacheType.DATA, func, (value,), {}, hash_funcs))


class Color(enum.Enum):
    RED = 1
    BLUE = 2


@dataclasses.dataclass
class Pt:
    x: int
    y: int


Pair = collections.namedtuple("Pair", "a b")


def _model(a: int) -> Any:
    pydantic = pytest.importorskip("pydantic")
    model = pydantic.create_model("Model", a=(int, ...))
    return model(a=a)


def _model_holding(value: Any) -> Any:
    pydantic = pytest.importorskip("pydantic")
    return pydantic.create_model("Holder", held=(Any, ...))(held=value)


def _image(colour: str, size: tuple[int, int] = (3, 2), mode: str = "RGB") -> Any:
    image_module = pytest.importorskip("PIL.Image")
    return image_module.new(mode, size, colour)


def _frame(rows: int = 3, **change: Any) -> pd.DataFrame:
    frame = pd.DataFrame({"n": np.arange(rows), "s": [f"r{i}" for i in range(rows)]})
    for column, (row, value) in change.items():
        frame.loc[row, column] = value
    return frame


def _buffer(data: bytes, position: int = 0) -> io.BytesIO:
    buffer = io.BytesIO(data)
    buffer.seek(position)
    return buffer


def _cycle(last: int) -> list[Any]:
    items: list[Any] = [1, last]
    items.append(items)
    return items


# (make, changed): make() twice gives two equal, distinct objects; changed() differs
# in one detail. Real Streamlit must hit and miss on the same pairs.
HASHABLE = [
    pytest.param(lambda: None, lambda: 0, id="none-vs-zero"),
    pytest.param(lambda: True, lambda: 1, id="bool-vs-int"),
    pytest.param(lambda: 10**30, lambda: 10**30 + 1, id="int"),
    pytest.param(lambda: -7, lambda: 7, id="negative-int"),
    pytest.param(lambda: 1.5, lambda: 1.25, id="float"),
    pytest.param(lambda: 1.0, lambda: 1, id="float-vs-int"),
    pytest.param(lambda: "abc", lambda: "abd", id="str"),
    pytest.param(lambda: b"abc", lambda: b"abd", id="bytes"),
    pytest.param(lambda: bytearray(b"ab"), lambda: bytearray(b"ac"), id="bytearray"),
    pytest.param(lambda: uuid.UUID(int=1), lambda: uuid.UUID(int=2), id="uuid"),
    pytest.param(lambda: dt.datetime(2024, 1, 2, 3), lambda: dt.datetime(2024, 1, 2, 4), id="dt"),
    pytest.param(lambda: dt.date(2024, 1, 2), lambda: dt.date(2024, 1, 3), id="date"),
    pytest.param(lambda: dt.time(1, 2), lambda: dt.time(1, 3), id="time"),
    pytest.param(lambda: dt.timedelta(hours=1), lambda: dt.timedelta(hours=2), id="timedelta"),
    pytest.param(lambda: Decimal("1.1"), lambda: Decimal("1.10"), id="decimal-exponent"),
    pytest.param(lambda: PurePosixPath("a/b"), lambda: PurePosixPath("a/c"), id="path"),
    pytest.param(lambda: Color.RED, lambda: Color.BLUE, id="enum"),
    pytest.param(lambda: Pt(1, 2), lambda: Pt(1, 3), id="dataclass"),
    pytest.param(lambda: Pair(1, 2), lambda: Pair(1, 3), id="namedtuple"),
    pytest.param(lambda: [1, [2, 3]], lambda: [1, [2, 4]], id="nested-list"),
    pytest.param(lambda: (1, "a"), lambda: (1, "b"), id="tuple"),
    pytest.param(lambda: {"a": {"b": [1]}}, lambda: {"a": {"b": [2]}}, id="nested-dict"),
    pytest.param(lambda: {"a": 1, "b": 2}, lambda: {"b": 2, "a": 1}, id="dict-order-counts"),
    pytest.param(lambda: {1, 2, 3}, lambda: {1, 2, 4}, id="set"),
    pytest.param(lambda: frozenset("ab"), lambda: frozenset("ac"), id="frozenset"),
    pytest.param(lambda: range(3), lambda: range(4), id="range"),
    pytest.param(lambda: MappingProxyType({"a": 1}), lambda: MappingProxyType({"a": 2}), id="mpx"),
    pytest.param(lambda: {"a": 1}.items(), lambda: {"a": 2}.items(), id="items-view"),
    pytest.param(lambda: collections.OrderedDict(a=1), lambda: {"a": 1}, id="ordered-dict"),
    pytest.param(lambda: collections.Counter("aab"), lambda: collections.Counter("abb"), id="ctr"),
    pytest.param(lambda: re.compile("a+"), lambda: re.compile("a+", re.I), id="regex-flags"),
    pytest.param(lambda: io.StringIO("abc"), lambda: io.StringIO("abd"), id="stringio"),
    pytest.param(lambda: _buffer(b"abc"), lambda: _buffer(b"abc", 1), id="bytesio-position"),
    pytest.param(lambda: math, lambda: json, id="module"),
    pytest.param(lambda: int, lambda: str, id="class"),
    pytest.param(lambda: len, lambda: abs, id="builtin-function"),
    pytest.param(lambda: functools.partial(max, 1), lambda: functools.partial(max, 2), id="partl"),
    pytest.param(lambda: ValueError("a"), lambda: ValueError("b"), id="exception"),
    pytest.param(lambda: _cycle(2), lambda: _cycle(3), id="self-referencing-list"),
    pytest.param(lambda: _model(1), lambda: _model(2), id="pydantic"),
    pytest.param(lambda: np.arange(6).reshape(2, 3), lambda: np.arange(6).reshape(3, 2), id="np"),
    pytest.param(lambda: np.array([1, 2]), lambda: np.array([1, 3]), id="np-cell"),
    pytest.param(lambda: np.array([1, 2]), lambda: np.array([1, 2], "int32"), id="np-dtype"),
    pytest.param(lambda: np.int64(3), lambda: np.int64(4), id="np-scalar"),
    pytest.param(lambda: np.float32(3), lambda: np.float64(3), id="np-scalar-type"),
    pytest.param(lambda: np.datetime64("2024-01"), lambda: np.datetime64("2024-02"), id="np-dt64"),
    pytest.param(lambda: np.add, lambda: np.subtract, id="np-ufunc"),
    pytest.param(lambda: _frame(), lambda: _frame(n=(1, 9)), id="df-cell"),
    pytest.param(lambda: _frame(), lambda: _frame(s=(2, "x")), id="df-str-cell"),
    pytest.param(lambda: _frame(), lambda: _frame().rename(columns={"s": "t"}), id="df-column"),
    pytest.param(lambda: _frame(), lambda: _frame().astype({"n": "int32"}), id="df-dtype"),
    pytest.param(lambda: _frame(), lambda: _frame().set_index("s"), id="df-index"),
    pytest.param(
        lambda: pd.DataFrame({"a": [[1], [2]]}),
        lambda: pd.DataFrame({"a": [[1], [3]]}),
        id="df-list-cells-pickled",
    ),
    pytest.param(lambda: pd.Series([1, 2]), lambda: pd.Series([1, 3]), id="series"),
    pytest.param(lambda: pd.Series([1, 2]), lambda: pd.Series([1.0, 2.0]), id="series-dtype"),
    pytest.param(lambda: pd.Timestamp("2024-01-01"), lambda: pd.Timestamp("2024-01-02"), id="ts"),
    pytest.param(lambda: _image("red"), lambda: _image("blue"), id="pil-pixels"),
    pytest.param(lambda: _image(0, mode="P"), lambda: _image(1, mode="P"), id="pil-palette"),
]


@pytest.mark.parametrize(("make", "changed"), HASHABLE)
def test_equal_values_hash_equal_and_a_change_hashes_different(
    make: Callable[[], Any], changed: Callable[[], Any]
) -> None:
    first, second = make(), make()
    assert key(first) == key(first)  # deterministic
    assert key(first) == key(second)  # by value, not identity
    assert key(first) != key(changed())


@pytest.mark.parametrize(("make", "changed"), HASHABLE)
def test_hits_and_misses_as_streamlit(make: Callable[[], Any], changed: Callable[[], Any]) -> None:
    first, second, other = make(), make(), changed()
    assert (real_key(first) == real_key(second)) is (key(first) == key(second))
    assert (real_key(first) == real_key(other)) is (key(first) == key(other))


def test_mock_is_hashed_by_identity() -> None:
    from unittest import mock

    one, two = mock.Mock(), mock.Mock()
    assert key(one) == key(one)
    assert key(one) != key(two)


def test_uploaded_file_by_name_position_and_contents() -> None:
    def upload(name: str, data: bytes) -> UploadedFile:
        return UploadedFile(data, file_id="f1", name=name, type="text/csv")

    assert key(upload("a.csv", b"x")) == key(upload("a.csv", b"x"))
    assert key(upload("a.csv", b"x")) != key(upload("b.csv", b"x"))
    assert key(upload("a.csv", b"x")) != key(upload("a.csv", b"y"))
    read = upload("a.csv", b"xy")
    read.read(1)
    assert key(read) != key(upload("a.csv", b"xy"))


def test_a_file_on_disk_by_name_modification_time_and_position(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_text("abc")
    with open(path) as first, open(path) as second:
        assert key(first) == key(second)
        assert real_key(first) == real_key(second)
        second.read(1)
        assert key(first) != key(second)
        assert real_key(first) != real_key(second)
        before = key(first)
        os.utime(path, (1_000_000, 1_000_000))
        assert key(first) != before


def test_a_temporary_file_as_a_file_on_disk() -> None:
    with tempfile.NamedTemporaryFile() as temp:
        assert type(temp).__name__ == "_TemporaryFileWrapper"
        assert key(temp) == key(temp)
        assert real_key(temp) == real_key(temp)  # hashable there too
        before = key(temp)
        os.utime(temp.name, (1_000_000, 1_000_000))
        assert key(temp) != before  # by when it last changed


# -- large objects are hashed on a sample, as Streamlit's --------------------------


def _sampled_rows(frame: pd.DataFrame) -> set[int]:
    return set(frame.sample(n=10_000, random_state=0).index)


@pytest.mark.parametrize("rows", [PANDAS_ROWS_LARGE - 1, PANDAS_ROWS_LARGE])
def test_large_frames_are_hashed_on_streamlits_sample(rows: int) -> None:
    frame = _frame(rows)
    outside = min(set(range(rows)) - _sampled_rows(frame))
    inside = min(_sampled_rows(frame))
    unseen, seen = _frame(rows, n=(outside, -1)), _frame(rows, n=(inside, -1))
    assert key(frame) != key(seen)
    assert (key(frame) == key(unseen)) is (rows >= PANDAS_ROWS_LARGE)
    assert (real_key(frame) == real_key(unseen)) is (key(frame) == key(unseen))
    assert real_key(frame) != real_key(seen)


@pytest.mark.parametrize("size", [NP_SIZE_LARGE - 1, NP_SIZE_LARGE])
def test_large_arrays_are_hashed_on_streamlits_sample(size: int) -> None:
    array = np.arange(size)
    sampled = set(np.random.RandomState(0).choice(array.flat, size=100_000).tolist())
    unseen = array.copy()
    unseen[min(set(range(size)) - sampled)] = -1
    seen = array.copy()
    seen[min(sampled)] = -1
    assert key(array) != key(seen)
    assert (key(array) == key(unseen)) is (size >= NP_SIZE_LARGE)
    assert (real_key(array) == real_key(unseen)) is (key(array) == key(unseen))


def test_a_large_series_is_sampled_and_keeps_its_length_and_type() -> None:
    series = pd.Series(np.arange(PANDAS_ROWS_LARGE))
    assert key(series) == key(series.copy())
    assert key(series) != key(series.astype("float64"))
    assert key(series) != key(pd.Series(np.arange(PANDAS_ROWS_LARGE + 1)))


def test_a_large_image_is_hashed_on_a_sample_of_its_pixels() -> None:
    image = _image("red", size=(500, 400))
    assert key(image) == key(_image("red", size=(500, 400)))
    assert key(image) != key(_image("blue", size=(500, 400)))
    assert key(image) != key(_image("red", size=(400, 500)))  # Streamlit's would hit


# -- polars, where it is installed -------------------------------------------------


@pytest.fixture
def pl() -> Any:
    return pytest.importorskip("polars")


def test_polars_frames_and_series(pl: Any) -> None:
    frame = pl.DataFrame({"n": list(range(40)), "s": [str(i) for i in range(40)]})
    middle = pl.when(pl.col("n") == 20).then(-1).otherwise(pl.col("n")).alias("n")
    changed = frame.with_columns(middle)
    assert changed.shape == frame.shape and changed["n"][20] == -1
    assert key(frame) == key(frame.clone())
    assert key(frame) != key(changed)  # a middle row, which Streamlit's key misses
    assert key(frame) != key(frame.rename({"s": "t"}))
    assert key(frame["n"]) == key(frame["n"].clone())
    assert key(frame["n"]) != key(changed["n"])
    assert key(frame["n"]) != key(frame["n"].cast(pl.Int32))
    big = pl.DataFrame({"n": list(range(PANDAS_ROWS_LARGE))})
    assert key(big) == key(big.clone())
    assert real_key(frame) == real_key(frame.clone())  # both hash polars objects


# -- the data libraries are imported only for their own objects -------------------


def test_hashing_builtin_values_imports_no_data_library() -> None:
    script = (
        "import sys, datetime, decimal, io, re\n"
        "from runtime_wasm._hashing import hash_args\n"
        "def f(x):\n    return x\n"
        "for v in [1, 'a', [1, {'a': (2.5, None)}], {1}, datetime.date(2024, 1, 1),\n"
        "          decimal.Decimal('1'), io.BytesIO(b'a'), re.compile('a'), len, sys]:\n"
        "    hash_args(f, (v,), {}, None, 'cache_data')\n"
        "try:\n    hash_args(f, (lambda: 1,), {}, None, 'cache_data')\n"
        "except Exception as exc:\n    assert type(exc).__name__ == 'UnhashableParamError'\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'polars', 'PIL') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert done.stdout.strip() == "[]"


# -- unhashable arguments: Streamlit's error and message ---------------------------


class Plain:
    def __init__(self) -> None:
        self.x = 1


def _function() -> int:
    return 1


def _generator() -> Iterator[int]:
    yield 1


UNHASHABLE = [
    pytest.param(lambda: lambda: 1, id="lambda"),
    pytest.param(lambda: _function, id="function"),
    pytest.param(lambda: Plain().__init__, id="bound-method"),
    pytest.param(lambda: functools.partial(_function), id="partial-of-a-function"),
    pytest.param(threading.Lock, id="lock"),
    pytest.param(lambda: 1j, id="complex"),
    pytest.param(Plain, id="instance-of-a-user-class"),
    pytest.param(object, id="object"),
    pytest.param(_generator, id="generator"),
    pytest.param(lambda: {}.keys(), id="keys-view"),
    pytest.param(lambda: memoryview(b"a"), id="memoryview"),
    pytest.param(lambda: pd.Index([1, 2]), id="pandas-index"),
    pytest.param(lambda: pd.Categorical(["a"]), id="pandas-categorical"),
    pytest.param(lambda: [1, threading.Lock()], id="lock-in-a-list"),
    pytest.param(lambda: {"k": Plain()}, id="object-in-a-dict"),
    pytest.param(lambda: {threading.Lock()}, id="lock-in-a-set"),
    pytest.param(lambda: pytest.importorskip("pyarrow").table({"a": [1]}), id="arrow-table"),
    pytest.param(lambda: _model_holding(_function), id="pydantic-holding-a-function"),
]


def _real_error(
    decorator: str, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> BaseException:
    cache_utils = pytest.importorskip("streamlit.runtime.caching.cache_utils")
    from streamlit.runtime.caching.cache_type import CacheType

    kind = CacheType.DATA if decorator == "cache_data" else CacheType.RESOURCE
    with pytest.raises(Exception) as info:
        cache_utils._make_value_key(kind, func, args, kwargs, None)
    return info.value


@pytest.mark.parametrize("make", UNHASHABLE)
def test_unhashable_as_streamlit_with_its_message(make: Callable[[], Any]) -> None:
    def load(conn: Any, n: int = 0) -> Any:
        return conn

    value = make()
    with pytest.raises(UnhashableParamError) as ours:
        key(value, func=load)
    real = _real_error("cache_data", load, (value,), {})
    assert type(real).__name__ == "UnhashableParamError"
    assert str(ours.value) == str(real)


@pytest.mark.parametrize("decorator", ["cache_data", "cache_resource"])
@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        pytest.param((1, threading.Lock()), {}, id="second-positional"),
        pytest.param((1,), {"n": threading.Lock()}, id="keyword"),
        pytest.param((1, 2, threading.Lock()), {}, id="unnamed-star-arg"),
    ],
)
def test_unhashable_message_names_the_argument_and_decorator(
    decorator: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    def fetch(a: Any, n: Any = 0, *rest: Any) -> Any:
        return a

    with pytest.raises(UnhashableParamError) as ours:
        hash_args(fetch, args, kwargs, None, decorator)
    assert str(ours.value) == str(_real_error(decorator, fetch, args, kwargs))


# -- hash_funcs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "hash_funcs",
    [{Plain: lambda p: p.x}, {f"{__name__}.Plain": lambda p: p.x}],
    ids=["by-type", "by-name"],
)
def test_hash_funcs_by_type_and_by_name_also_inside_containers(hash_funcs: HashFuncs) -> None:
    one, other = Plain(), Plain()
    other.x = 2
    assert key([one, {"k": one}], hash_funcs) == key([Plain(), {"k": Plain()}], hash_funcs)
    assert key([one], hash_funcs) != key([other], hash_funcs)
    assert real_key([one], hash_funcs) != real_key([other], hash_funcs)


def test_hash_funcs_override_a_hashable_type_but_not_bytes() -> None:
    same = {int: lambda n: 0, bytes: lambda b: 0}
    assert key(1, same) == key(2, same)
    assert key(b"a", same) != key(b"b", same)  # Streamlit hashes bytes before hash_funcs
    assert (real_key(1, same) == real_key(2, same)) and real_key(b"a", same) != real_key(b"b", same)


def test_a_failing_hash_func_raises_streamlits_user_hash_error() -> None:
    def broken(p: Plain) -> Any:
        raise ValueError("no hash for you")

    def load(items: Any) -> Any:
        return items

    value, hash_funcs = [1, Plain()], {Plain: broken}
    with pytest.raises(UserHashError) as ours:
        key(value, hash_funcs, func=load)
    with pytest.raises(Exception) as real:
        real_key(value, hash_funcs, func=load)
    assert type(real.value).__name__ == "UserHashError"
    assert str(ours.value) == str(real.value)
    shown = describe_exception(ours.value)  # as st.exception and an uncaught error show it
    assert (shown.type, shown.message) == ("ValueError", str(real.value).strip())
