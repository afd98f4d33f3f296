"""``st.cache_data`` and ``st.cache_resource``: keys, copies, ttl and max_entries,
clearing, and the write-behind store the worker persists to IndexedDB."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest

from runtime_wasm import _cache_store, _caching
from runtime_wasm._cache_store import CacheStore
from runtime_wasm._errors import (
    StreamlitBadTimeStringError,
    StreamlitValueError,
    UnhashableParamError,
    UnserializableReturnValueError,
)
from runtime_wasm._hashing import function_key
from runtime_wasm.streamlit import cache_data, cache_resource
from runtime_wasm.testing import AppTest


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(_caching, "clock", fake)
    return fake


@pytest.fixture
def store() -> Iterator[CacheStore]:
    journaled = CacheStore(journaled=True)
    _cache_store.set_default_store(journaled)
    yield journaled


def counting(kind: Any = cache_data, **options: Any) -> tuple[Any, list[Any]]:
    calls: list[Any] = []

    def compute(x: Any, _ignored: Any = None) -> dict[str, Any]:
        calls.append(x)
        return {"x": x, "n": len(calls)}

    return kind(**options)(compute), calls


# -- keys ---------------------------------------------------------------------------


def _f(x: int) -> int:
    return x


def _g(x: int) -> int:
    return x + 1


def test_function_key_is_stable_and_changes_with_code_and_runtime() -> None:
    name, key = function_key(_f, "0.1.0")
    assert function_key(_f, "0.1.0") == (name, key)
    assert function_key(_f, "0.2.0") == (name, function_key(_f, "0.2.0")[1])
    assert function_key(_f, "0.2.0")[1] != key  # a rebuilt runtime: fresh cache
    assert function_key(_g, "0.1.0")[0] != name  # another function


def test_changed_source_gives_a_new_key(tmp_path: Any) -> None:
    keys = []
    for body in ("return 1", "return 2"):
        at = AppTest.from_string(
            f"""
            import streamlit as st
            from runtime_wasm._hashing import function_key

            def f():
                {body}
            st.write(function_key(f, "v")[1])
            """
        ).run()
        keys.append(at.markdown[0].value)
    assert keys[0] != keys[1]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        pytest.param(((1,), {}), ((1,), {}), True, id="same-args"),
        pytest.param(((1,), {}), ((2,), {}), False, id="other-arg"),
        pytest.param(((1, "a"), {}), ((1, "b"), {}), True, id="underscore-arg-excluded"),
        pytest.param(((1,), {"_ignored": object()}), ((1,), {}), True, id="underscore-kwarg"),
        pytest.param((([1, 2],), {}), (([1, 2],), {}), True, id="list-by-value"),
        pytest.param((({1, 2},), {}), (({2, 1},), {}), True, id="set-any-order"),
        pytest.param((({"a": 1},), {}), (({"a": 2},), {}), False, id="dict-values"),
        pytest.param(((1.0,), {}), ((1,), {}), False, id="float-vs-int"),
        pytest.param(((timedelta(1),), {}), ((timedelta(1),), {}), True, id="timedelta"),
    ],
)
def test_value_keys(first: Any, second: Any, same: bool) -> None:
    f, calls = counting()
    f(*first[0], **first[1])
    f(*second[0], **second[1])
    assert (len(calls) == 1) is same


@pytest.mark.parametrize("kind", [cache_data, cache_resource])
def test_a_dataframe_argument_hits_when_equal_and_misses_when_changed(kind: Any) -> None:
    pd = pytest.importorskip("pandas")
    f, calls = counting(kind)
    f(pd.DataFrame({"a": [1, 2]}))
    f(pd.DataFrame({"a": [1, 2]}))
    f(pd.DataFrame({"a": [1, 3]}))
    assert len(calls) == 2


class Point:
    def __init__(self, x: int) -> None:
        self.x = x


@pytest.mark.parametrize(
    "hash_funcs",
    [{Point: lambda p: p.x}, {f"{__name__}.Point": lambda p: p.x}],
    ids=["by-type", "by-name"],
)
def test_hash_funcs(hash_funcs: dict[Any, Any]) -> None:
    f, calls = counting(hash_funcs=hash_funcs)
    f(Point(1))
    f(Point(1))
    f(Point(2))
    assert len(calls) == 2


def test_unhashable_param_error_is_streamlits() -> None:
    @cache_data
    def load(conn: Any, n: int) -> int:
        return n

    with pytest.raises(UnhashableParamError) as info:
        load(threading.Lock(), 1)
    assert str(info.value) == (
        "Cannot hash argument 'conn' (of type `_thread.lock`) in 'load'.\n\n"
        "To address this, you can tell Streamlit not to hash this argument by adding a\n"
        "leading underscore to the argument's name in the function signature:\n\n"
        "```\n@st.cache_data\ndef load(_conn, ...):\n    ...\n```\n            "
    )


def test_unserializable_return_value_names_cache_resource() -> None:
    @cache_data
    def make() -> Any:
        return threading.Lock()

    with pytest.raises(UnserializableReturnValueError, match=r"use `st\.cache_resource`"):
        make()


# -- values -------------------------------------------------------------------------


def test_cache_data_returns_a_copy_on_every_call() -> None:
    f, calls = counting()
    first = f(1)
    first["x"] = "mutated"
    second = f(1)
    assert second == {"x": 1, "n": 1}
    assert second is not f(1)
    assert calls == [1]


def test_cache_resource_returns_the_same_object() -> None:
    f, calls = counting(cache_resource)
    assert f(1) is f(1)
    assert calls == [1]


@pytest.mark.parametrize("kind", [cache_data, cache_resource], ids=["data", "resource"])
@pytest.mark.parametrize("ttl", [10, 10.0, timedelta(seconds=10), "10s", "0.5h"], ids=str)
def test_ttl_with_an_injected_clock(kind: Any, ttl: Any, clock: Clock) -> None:
    f, calls = counting(kind, ttl=ttl)
    f(1)
    clock.now += 9
    f(1)
    assert len(calls) == 1
    clock.now += 10_000
    f(1)
    assert len(calls) == 2


@pytest.mark.parametrize("kind", [cache_data, cache_resource], ids=["data", "resource"])
def test_max_entries_evicts_the_oldest(kind: Any, clock: Clock) -> None:
    f, calls = counting(kind, max_entries=2)
    for x in (1, 2, 3):
        clock.now += 1
        f(x)
    f(3)
    f(2)
    assert calls == [1, 2, 3]
    f(1)  # evicted
    assert calls == [1, 2, 3, 1]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1h", 3600),
        ("30m", 1800),
        ("1d2h34m", 95640),
        ("2 days", 172800),
        ("10s", 10),
        ("500ms", 0.5),
        ("1.5h", 5400),
        ("00:30:00", 1800),
        ("1 day, 01:00:00", 90000),
        ("1w", 604800),
    ],
)
def test_ttl_strings_as_pandas_reads_them(text: str, seconds: float) -> None:
    assert _caching.ttl_seconds(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "1x", "h"])
def test_bad_ttl_string_is_streamlits_error(text: str) -> None:
    with pytest.raises(StreamlitBadTimeStringError, match="`'1d2h34m'` or `2 days`"):
        cache_data(ttl=text)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"persist": "memory"}, "Invalid `persist` value. Supported values: 'disk', None."),
        ({"scope": "tab"}, "Invalid `scope` value. Supported values: 'global', 'session'."),
        ({"refresh_mode": "x"}, "Supported values: foreground, background."),
    ],
)
def test_invalid_options_are_refused(options: dict[str, Any], message: str) -> None:
    with pytest.raises(StreamlitValueError, match=message.replace("(", r"\(")):
        cache_data(**options)


# -- clearing -----------------------------------------------------------------------


def test_clear_one_function_one_entry_and_everything() -> None:
    f, f_calls = counting()
    g_calls: list[int] = []

    @cache_data
    def g(x: int) -> int:
        g_calls.append(x)
        return x

    for fn in (f, g):
        fn(1)
        fn(2)
    f.clear(1)
    f(1)
    f(2)
    assert f_calls == [1, 2, 1]
    f.clear()
    f(2)
    g(1)
    assert f_calls == [1, 2, 1, 2]
    assert g_calls == [1, 2]  # another function's cache is untouched
    cache_data.clear()
    g(1)
    assert g_calls == [1, 2, 1]


def test_same_code_redefined_shares_its_cache() -> None:
    f, calls = counting()
    again, _ = counting()  # what every rerun does: define the function anew
    f(1)
    again(1)
    assert calls == [1]


def test_cache_resource_clear_calls_on_release() -> None:
    released: list[Any] = []
    f, _ = counting(cache_resource, on_release=released.append)
    value = f(1)
    f.clear()
    assert released == [value]
    f(1)
    cache_resource.clear()
    assert len(released) == 2


def test_cache_resource_validate_false_recomputes() -> None:
    f, calls = counting(cache_resource, validate=lambda v: v["n"] > 1)
    f(1)
    f(1)  # first value fails validation
    f(1)
    assert len(calls) == 2


def test_cached_method_and_async_function() -> None:
    class Repo:
        @cache_data
        def get(_self, x: int) -> int:  # Streamlit hashes `self` too: opt out
            return x * 2

    assert Repo().get(2) == 4

    @cache_data
    async def fetch(x: int) -> int:
        return x + 1

    import asyncio

    assert asyncio.run(fetch(1)) == 2


# -- in an app ----------------------------------------------------------------------

APP = """
import time
import streamlit as st

@st.cache_data(show_spinner=True)
def stamp(label):
    return f"{label}-{time.perf_counter_ns()}"

st.write(stamp("a"))
if st.button("clear"):
    stamp.clear()
    st.write(stamp("a"))
"""


def test_cache_in_reruns_and_clear_from_a_button() -> None:
    at = AppTest.from_string(APP).run()
    first = at.markdown[0].value
    at.run()
    assert at.markdown[0].value == first
    at.button[0].click().run()
    assert at.markdown[1].value != first
    at.run()
    assert at.markdown[0].value == at.get("markdown")[0].value


def test_spinner_shown_while_computing_is_streamlits_text(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    from runtime_wasm.streamlit.elements._status import StatusMixin

    original = StatusMixin.spinner

    def spy(self: Any, text: str = "", **kwargs: Any) -> Any:
        seen.append(text)
        return original(self, text, **kwargs)

    monkeypatch.setattr(StatusMixin, "spinner", spy)
    AppTest.from_string(
        """
        import streamlit as st
        @st.cache_data
        def none(): return 1
        @st.cache_data
        def some(x): return x
        @st.cache_data(show_spinner="Loading data")
        def custom(): return 2
        @st.cache_data(show_spinner=False)
        def quiet(): return 3
        none(); some(1); custom(); quiet(); none()
        """
    ).run()
    assert seen == ["Running `none()`.", "Running `some(...)`.", "Loading data"]


# -- the store: journal, preload, failures -------------------------------------------


def test_journal_records_puts_deletes_and_clears(store: CacheStore, clock: Clock) -> None:
    f, _ = counting()
    f(1)
    f.clear(1)
    cache_data.clear()
    ops = [op["op"] for op in store.take_journal()]
    assert ops == ["clear"]  # a clear supersedes what came before it
    f(2)
    f.clear()
    assert [op["op"] for op in store.take_journal()] == ["put", "delete"]
    assert store.take_journal() == []


def test_session_scope_is_not_persisted(store: CacheStore) -> None:
    f, _ = counting(scope="session")
    f(1)
    assert store.take_journal() == []
    assert len(store) == 1


def test_preload_round_trip_survives_a_reload(store: CacheStore, clock: Clock) -> None:
    f, _ = counting()
    f(1)
    puts = [op for op in store.take_journal() if op["op"] == "put"]
    # What the worker writes to IndexedDB and reads back at the next boot:
    rows = [{k: v for k, v in op.items() if k != "op"} for op in puts]
    _cache_store.set_default_store(CacheStore.from_json(json.dumps(rows)))
    g, g_calls = counting()  # the script defines the function again
    assert g(1) == {"x": 1, "n": 1}
    assert g_calls == []


def test_ttl_holds_across_a_reload(store: CacheStore, clock: Clock) -> None:
    f, _ = counting(ttl=60)
    f(1)
    rows = [{k: v for k, v in op.items() if k != "op"} for op in store.take_journal()]
    clock.now += 120
    _cache_store.set_default_store(CacheStore.from_json(json.dumps(rows)))
    g, g_calls = counting(ttl=60)
    g(1)
    assert g_calls == [1]


def test_entries_of_an_older_version_are_retired(store: CacheStore) -> None:
    store.put("old:1", "old-func-key", function_key(_f, "x")[0], b"junk", 0.0)
    store.take_journal()
    cache_data(_f)(1)
    ops = store.take_journal()
    assert {"op": "delete", "key": "old:1"} in ops


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "{}",
        '[{"key": "k"}]',
        '[{"key": "k", "func": "f", "name": "n", "created": "x", "value": "v"}]',
    ],
    ids=["empty", "garbage", "object", "missing-fields", "bad-created"],
)
def test_corrupted_preload_is_an_empty_store(text: str) -> None:
    store = CacheStore.from_json(text)
    assert len(store) == 0


def test_corrupted_value_is_a_miss_and_is_deleted(store: CacheStore) -> None:
    f, calls = counting()
    f(1)
    key = next(op["key"] for op in store.take_journal() if op["op"] == "put")
    entry = store.get(key)
    assert entry is not None
    entry.value = "bm90IGEgcGlja2xl"  # base64 of "not a pickle"
    f(1)
    assert calls == [1, 1]
    assert store.take_journal()[0] == {"op": "delete", "key": key}


def test_memory_store_keeps_no_journal() -> None:
    f, calls = counting()
    f(1)
    f(1)
    assert calls == [1]
    assert _cache_store.default_store().take_journal() == []


Fn = Callable[..., Any]
