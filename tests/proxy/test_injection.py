"""An injection corpus passed as parameter values, against SQLite and PostgreSQL: each
payload is treated as a value (it is echoed back, matches no pet) and the database is
unchanged afterwards, even on connections that may write."""

from __future__ import annotations

from pathlib import Path

import pytest
from injection_corpus import PAYLOADS
from proxy_harness import PETS, MakeProxy, Postgres, sqlite_rows

from runtime_wasm.connections import ResultSet

# The value comes back as a column, so the test sees what the database bound.
FIND = "select :kind as bound, count(*) as n from pets where kind = :kind or name = :kind"


def test_the_corpus_is_large_and_distinct() -> None:
    assert len(set(PAYLOADS)) == len(PAYLOADS) >= 50


def check_all(proxy_: object, connection: str) -> None:
    for payload in PAYLOADS:
        response = proxy_.post(connection, FIND, {"kind": payload})  # type: ignore[attr-defined]
        assert response.status_code == 200, (payload, response.text)
        result = ResultSet.from_json(response.text)
        assert result.data == ((payload,), (0,)), payload


@pytest.mark.parametrize("writes", [False, True], ids=["read-only", "allow-writes"])
def test_corpus_on_sqlite(make_proxy: MakeProxy, pets_sqlite: Path, writes: bool) -> None:
    table = {"url": f"sqlite:///{pets_sqlite}", "allow_writes": writes}
    proxy_ = make_proxy(connections={"pets_db": table}, queries=[("pets_db", FIND)], burst=1000)
    check_all(proxy_, "pets_db")
    assert sqlite_rows(pets_sqlite) == PETS
    assert not Path("/tmp/stc-pwned.db").exists()


@pytest.mark.parametrize("writes", [False, True], ids=["read-only", "allow-writes"])
def test_corpus_on_postgres(make_proxy: MakeProxy, postgres: Postgres, writes: bool) -> None:
    postgres.reset_pets()
    proxy_ = make_proxy(
        connections={"pets_db": postgres.table(allow_writes=writes)},
        queries=[("pets_db", FIND)],
        burst=1000,
    )
    check_all(proxy_, "pets_db")
    assert postgres.execute("select * from pets order by id") == PETS
    assert postgres.execute("select count(*) from audit") == [(0,)]
    tables = postgres.execute("select tablename from pg_tables where schemaname = 'public'")
    assert sorted(tables) == [("audit",), ("pets",)]
