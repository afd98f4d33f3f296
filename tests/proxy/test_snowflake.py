"""Snowflake through snowflake-connector-python, with fakesnow standing in for the
server (it emulates the connector over DuckDB in this process)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from proxy_harness import MakeProxy

from runtime_wasm.connections import ProxyError, ResultSet

pytestmark = pytest.mark.filterwarnings(
    # fakesnow's own note about an extra copy of Arrow rows
    "ignore:Arrow output on a DB-API result:UserWarning"
)

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
