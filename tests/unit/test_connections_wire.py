"""The wire contract between the site, the compiler's allowlist and ``stc proxy``."""

from __future__ import annotations

import json

import pytest

from runtime_wasm.connections import (
    AllowedQuery,
    ProxyError,
    ResultSet,
    dump_allowlist,
    load_allowlist,
    query_id,
)


def test_query_id_ignores_surrounding_whitespace_only() -> None:
    assert query_id("select 1") == query_id("\n  select 1  \n")
    assert query_id("select 1") != query_id("select  1")
    assert len(query_id("select 1")) == 64


def test_allowlist_round_trips_and_is_sorted() -> None:
    queries = [
        AllowedQuery(sql="select * from pets where kind = :kind", connection="pets",
                     params=("kind",), where="app.py:3:8"),
        AllowedQuery(sql="\nselect 1\n", connection="pets"),
    ]  # fmt: skip
    text = dump_allowlist(queries)
    loaded = load_allowlist(text)
    assert list(json.loads(text)["queries"]) == sorted(loaded)
    assert loaded[query_id("select 1")].sql == "select 1"
    assert loaded[query_id(queries[0].sql)] == queries[0]


def test_a_tampered_allowlist_is_refused() -> None:
    text = dump_allowlist([AllowedQuery(sql="select 1", connection="c")])
    with pytest.raises(ValueError, match="does not match"):
        load_allowlist(text.replace("select 1", "drop table pets"))
    with pytest.raises(ValueError, match="version"):
        load_allowlist('{"version": 0, "queries": {}}')


def test_result_set_and_error_round_trip() -> None:
    result = ResultSet(columns=("a", "b"), dtypes=("int64", "object"), data=((1, 2), ("x", None)))
    assert ResultSet.from_json(result.to_json()) == result
    error = ProxyError(code="unknown-query", message="no such statement")
    assert ProxyError.from_json(error.to_json()) == error
