"""Snowflake through snowflake-connector-python, with fakesnow standing in for the
server (it emulates the connector over DuckDB in this process)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from proxy_harness import ORIGIN, MakeProxy

from runtime_wasm.connections import (
    WRITE_ROUTE,
    AllowedWrite,
    ProxyError,
    ResultSet,
    WriteRequest,
)

pytestmark = [
    # fakesnow's own note about an extra copy of Arrow rows
    pytest.mark.filterwarnings("ignore:Arrow output on a DB-API result:UserWarning"),
    # fakesnow's write_pandas asks pandas 3 for "object" columns the pandas 2 way
    pytest.mark.filterwarnings("ignore:For backward compatibility, 'str' dtypes:Warning"),
]

SF = {
    "account": "stc",
    "user": "u",
    "password": "canary-sf-Pa55-91b2",
    "database": "db",
    "schema": "s",
}
BY_KIND = "select id, name from pets where kind = :kind order by id"
DELETE = "delete from pets where kind = :kind"


@pytest.fixture
def fake_snowflake() -> Iterator[None]:
    fakesnow = pytest.importorskip("fakesnow")
    import snowflake.connector

    with fakesnow.patch():
        conn = snowflake.connector.connect(**SF)
        conn.cursor().execute("create table pets (id int, name varchar, kind varchar)")
        conn.cursor().execute("insert into pets values (1, 'Rex', 'dog'), (2, 'Tom', 'cat')")
        yield


def count(kind: str) -> int:
    import snowflake.connector

    cursor = snowflake.connector.connect(**SF).cursor()
    cursor.execute("select count(*) from pets where kind = ?", [kind])
    return int(cursor.fetchone()[0])  # type: ignore[index]


def test_query_with_params(make_proxy: MakeProxy, fake_snowflake: None) -> None:
    proxy_ = make_proxy(connections={"snowflake": SF}, queries=[("snowflake", BY_KIND)])
    response = proxy_.post("snowflake", BY_KIND, {"kind": "cat"})
    assert response.status_code == 200, response.text
    result = ResultSet.from_json(response.text)
    assert (result.columns, result.dtypes, result.data) == (
        ("ID", "NAME"), ("int64", "object"), ((2,), ("Tom",))
    )  # fmt: skip
    hostile = proxy_.post("snowflake", BY_KIND, {"kind": "cat' OR 1=1; DELETE FROM pets; --"})
    assert ResultSet.from_json(hostile.text).data == ((), ())
    assert count("cat") == 1


def test_read_only_and_opt_in(make_proxy: MakeProxy, fake_snowflake: None) -> None:
    table = {**SF, "type": "snowflake"}
    ro = make_proxy(connections={"wh": table}, queries=[("wh", DELETE)])
    response = ro.post("wh", DELETE, {"kind": "cat"})
    assert ProxyError.from_json(response.text).code == "read-only"
    assert count("cat") == 1
    rw = make_proxy(connections={"wh": {**table, "allow_writes": True}}, queries=[("wh", DELETE)])
    assert rw.post("wh", DELETE, {"kind": "cat"}).status_code == 200
    assert count("cat") == 0


# -- write_pandas ----------------------------------------------------------------------

PETS_TABLE = AllowedWrite(connection="wh", table="PETS", where="app.py:9:1")
NEW_ROWS = ResultSet(
    columns=("ID", "NAME", "KIND"), dtypes=("int64", "object", "object"),
    data=((3, 4), ("Kiki", "Bob'); drop table pets; --"), ("bird", "cat")),
)  # fmt: skip


def _write(proxy_: Any, target: AllowedWrite, **extra: Any) -> Any:
    """POST NEW_ROWS to *target*, the body's keys replaced by *extra*."""
    request = WriteRequest(connection=target.connection, write=target.id, rows=NEW_ROWS)
    body = json.loads(request.to_json())
    return proxy_.client.post(WRITE_ROUTE, json={**body, **extra}, headers={"Origin": ORIGIN})


def test_write_pandas_writes_rows_to_the_allowlisted_table(
    make_proxy: MakeProxy, fake_snowflake: None
) -> None:
    table = {**SF, "type": "snowflake", "allow_writes": True}
    proxy_ = make_proxy(connections={"wh": table}, queries=[], writes=[PETS_TABLE])
    response = _write(proxy_, PETS_TABLE)
    assert response.status_code == 200, response.text
    assert response.json() == {"success": True, "nchunks": 1, "nrows": 2}
    assert count("bird") == 1 and count("cat") == 2  # the hostile name is only a value
    assert response.headers["cache-control"] == "no-store"


def test_write_pandas_needs_the_write_opt_in(make_proxy: MakeProxy, fake_snowflake: None) -> None:
    proxy_ = make_proxy(
        connections={"wh": {**SF, "type": "snowflake"}}, queries=[], writes=[PETS_TABLE]
    )
    response = _write(proxy_, PETS_TABLE)
    assert (response.status_code, ProxyError.from_json(response.text).code) == (403, "read-only")
    assert count("bird") == 0


@pytest.mark.parametrize(
    ("target", "code"),
    [
        (AllowedWrite(connection="wh", table="USERS"), "unknown-write"),  # not in the allowlist
        (AllowedWrite(connection="wh", table="PETS", options={"overwrite": True}), "unknown-write"),
        (AllowedWrite(connection="other", table="PETS"), "unknown-write"),
    ],
)
def test_only_the_allowlisted_target_and_options_are_written(
    make_proxy: MakeProxy, fake_snowflake: None, target: AllowedWrite, code: str
) -> None:
    table = {**SF, "type": "snowflake", "allow_writes": True}
    proxy_ = make_proxy(connections={"wh": table}, queries=[], writes=[PETS_TABLE])
    response = _write(proxy_, target)
    assert (response.status_code, ProxyError.from_json(response.text).code) == (404, code)
    assert count("cat") == 1  # nothing written, nothing overwritten


@pytest.mark.parametrize(
    "extra",
    [
        {"rows": {"columns": ["ID"], "dtypes": ["int64"], "data": [[1], [2]]}},
        {
            "rows": {
                "columns": ["ID", "NAME"],
                "dtypes": ["int64", "object"],
                "data": [[1, 2], ["a"]],
            }
        },
        {"rows": "not rows"},
        {"chunk_size": 0},
        {"write": 7},
    ],
)
def test_malformed_writes_are_refused(
    make_proxy: MakeProxy, fake_snowflake: None, extra: dict[str, Any]
) -> None:
    table = {**SF, "type": "snowflake", "allow_writes": True}
    proxy_ = make_proxy(connections={"wh": table}, queries=[], writes=[PETS_TABLE])
    response = _write(proxy_, PETS_TABLE, **extra)
    assert (response.status_code, ProxyError.from_json(response.text).code) == (400, "bad-request")
    assert count("bird") == 0


def test_a_sql_connection_has_no_write_pandas(make_proxy: MakeProxy, pets_sqlite: Path) -> None:
    target = AllowedWrite(connection="pets_db", table="pets")
    proxy_ = make_proxy(
        connections={"pets_db": {"url": f"sqlite:///{pets_sqlite}", "allow_writes": True}},
        queries=[], writes=[target],
    )  # fmt: skip
    response = _write(proxy_, target)
    assert ProxyError.from_json(response.text).code == "bad-request"
    assert "write_pandas is Snowflake's" in ProxyError.from_json(response.text).message


def test_an_unmodified_app_writes_a_dataframe_with_write_pandas(fake_snowflake: None) -> None:
    # The runtime's write_pandas (DataFrame -> column-oriented rows -> write id) through
    # AppTest's in-process proxy path, to fakesnow: the same objects the site sends.
    from runtime_wasm.testing import AppTest

    at = AppTest.from_string(
        """
        import pandas as pd
        import streamlit as st

        sf = st.connection("snowflake")
        frame = pd.DataFrame({"ID": [5, 6], "NAME": ["Ada", None], "KIND": ["cat", "cat"]})
        st.write(repr(sf.write_pandas(frame, "PETS")))
        """
    )
    at.secrets = {"connections": {"snowflake": {**SF, "allow_writes": True}}}
    at.run()
    assert not at.exception, at.exception
    assert at.markdown[0].value == "(True, 1, 2)"
    assert count("cat") == 3
    at.secrets = {"connections": {"snowflake": SF}}  # read-only: the proxy's default
    at.run()
    assert "(read-only)" in at.exception[0].message
