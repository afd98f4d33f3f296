"""The query route on a real PostgreSQL: typed rows, read-only transactions, writes by
opt-in, the statement timeout, and a database that is down."""

from __future__ import annotations

import pytest
from proxy_harness import PETS, PG_PASSWORD, MakeProxy, Postgres, free_port

from runtime_wasm.connections import ProxyError, ResultSet

TYPED = (
    "select id, name, weight, ok, date '2024-05-01' + id as born,"
    " timestamp '2024-05-01 12:00' as seen, timestamptz '2024-05-01 12:00+02' as seen_tz,"
    " 1.5::numeric as price, null::int as nothing from pets where kind = :kind order by id"
)
DELETE = "delete from pets where kind = :kind"
INSERT = "insert into audit values (:note)"
SLOW = "select pg_sleep(5)"


@pytest.fixture
def pg(postgres: Postgres) -> Postgres:
    postgres.reset_pets()
    return postgres


def test_typed_rows(make_proxy: MakeProxy, pg: Postgres) -> None:
    proxy_ = make_proxy(connections={"pets_db": pg.table()}, queries=[("pets_db", TYPED)])
    result = ResultSet.from_json(proxy_.post("pets_db", TYPED, {"kind": "cat"}).text)
    assert dict(zip(result.columns, result.dtypes, strict=True)) == {
        "id": "int64",
        "name": "object",
        "weight": "float64",
        "ok": "bool",
        "born": "object",
        "seen": "datetime64[ns]",
        "seen_tz": "datetime64[ns, UTC]",
        "price": "float64",
        "nothing": "object",
    }
    assert result.data[1] == ("Tom", "O'Malley")
    assert result.data[4] == ("2024-05-03", "2024-05-05")
    assert result.data[6][0] == "2024-05-01T10:00:00+00:00"


def test_write_under_read_only_fails_and_changes_nothing(
    make_proxy: MakeProxy, pg: Postgres
) -> None:
    proxy_ = make_proxy(
        connections={"pets_db": pg.table()}, queries=[("pets_db", DELETE), ("pets_db", INSERT)]
    )
    for sql, params in ((DELETE, {"kind": "cat"}), (INSERT, {"note": "x"})):
        response = proxy_.post("pets_db", sql, params)
        assert (response.status_code, ProxyError.from_json(response.text).code) == (
            403,
            "read-only",
        )
    assert pg.execute("select * from pets order by id") == PETS
    assert pg.execute("select count(*) from audit") == [(0,)]


def test_write_with_the_opt_in(make_proxy: MakeProxy, pg: Postgres) -> None:
    proxy_ = make_proxy(
        connections={"pets_db": pg.table(allow_writes=True)}, queries=[("pets_db", DELETE)]
    )
    assert proxy_.post("pets_db", DELETE, {"kind": "cat"}).status_code == 200
    assert pg.execute("select id from pets order by id") == [(1,), (3,)]


def test_stacked_statement_is_refused(make_proxy: MakeProxy, pg: Postgres) -> None:
    stacked = "select 1; delete from pets"
    proxy_ = make_proxy(
        connections={"pets_db": pg.table(allow_writes=True)}, queries=[("pets_db", stacked)]
    )
    response = proxy_.post("pets_db", stacked)
    assert ProxyError.from_json(response.text).code == "unknown-query"
    assert pg.execute("select count(*) from pets") == [(4,)]


def test_slow_statement_times_out(make_proxy: MakeProxy, pg: Postgres) -> None:
    proxy_ = make_proxy(connections={"pets_db": pg.table()}, queries=[("pets_db", SLOW)], timeout=1)
    response = proxy_.post("pets_db", SLOW)
    assert (response.status_code, ProxyError.from_json(response.text).code) == (504, "timeout")
    assert response.elapsed.total_seconds() < 4


def test_database_down(make_proxy: MakeProxy, pg: Postgres) -> None:
    down = pg.table(port=free_port())
    proxy_ = make_proxy(connections={"pets_db": down}, queries=[("pets_db", DELETE)])
    response = proxy_.post("pets_db", DELETE, {"kind": "cat"})
    error = ProxyError.from_json(response.text)
    assert (response.status_code, error.code) == (502, "database")
    assert "cannot reach the database of 'pets_db'" in error.message
    assert PG_PASSWORD not in response.text
