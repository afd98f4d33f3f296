"""The query route on SQLite files: typed rows, what is refused and why, read-only by
default, writes by opt-in, the row cap, the timeout, ETag and Cache-Control."""

from __future__ import annotations

from pathlib import Path

import pytest
from proxy_harness import PETS, MakeProxy, Proxy, sqlite_rows

import proxy
from runtime_wasm.connections import ProxyError, ResultSet, query_id

BY_KIND = "select id, name, weight, ok from pets where kind = :kind order by id"
ALL = "select * from pets order by id"
DELETE = "delete from pets where kind = :kind"


def sqlite_proxy(
    make_proxy: MakeProxy, db: Path, *, writes: bool = False, **limits: object
) -> Proxy:
    table: dict[str, object] = {"url": f"sqlite:///{db}"}
    if writes:
        table["allow_writes"] = True
    return make_proxy(
        connections={"pets_db": table, "other_db": {"url": f"sqlite:///{db}"}},
        queries=[
            ("pets_db", BY_KIND),
            ("pets_db", ALL),
            ("pets_db", DELETE),
            ("other_db", "select count(*) as n from pets"),
        ],
        **limits,
    )


def error(response: object) -> ProxyError:
    return ProxyError.from_json(response.text)  # type: ignore[attr-defined]


def test_public_names() -> None:
    assert proxy.__all__ == [
        "ENV",
        "ConnectionSettings",
        "ProxyConfigError",
        "QueryRefused",
        "Settings",
        "create_app",
        "load_settings",
        "read_connections",
        "running",
        "serve",
        "settings_env",
        "settings_from_env",
    ]


def test_allowlisted_query_with_params_returns_typed_rows(
    make_proxy: MakeProxy, pets_sqlite: Path
) -> None:
    response = sqlite_proxy(make_proxy, pets_sqlite).post("pets_db", BY_KIND, {"kind": "cat"})
    assert response.status_code == 200, response.text
    result = ResultSet.from_json(response.text)
    assert result.columns == ("id", "name", "weight", "ok")
    assert result.dtypes == ("int64", "object", "float64", "int64")  # SQLite has no bool
    assert result.data == ((2, 4), ("Tom", "O'Malley"), (4.2, 5.0), (0, 1))
    assert not result.truncated


@pytest.mark.parametrize(
    ("connection", "query", "why"),
    [
        ("pets_db", query_id("select * from pets"), "never allowlisted"),
        ("pets_db", query_id(BY_KIND)[:-1] + "0", "tampered id"),
        ("pets_db", query_id(BY_KIND).upper(), "id in another case"),
        ("pets_db", query_id("select count(*) as n from pets"), "id of another connection"),
        ("other_db", query_id(BY_KIND), "right id, wrong connection"),
        ("pets_db", "", "empty id"),
    ],
)
def test_unknown_queries(
    make_proxy: MakeProxy, pets_sqlite: Path, connection: str, query: str, why: str
) -> None:
    client = sqlite_proxy(make_proxy, pets_sqlite).client
    response = client.post(
        "/v1/query", json={"connection": connection, "query": query, "params": {"kind": "cat"}}
    )
    assert response.status_code == 404, why
    assert error(response).code == "unknown-query", why


def test_unknown_connection(make_proxy: MakeProxy, pets_sqlite: Path) -> None:
    response = sqlite_proxy(make_proxy, pets_sqlite).post("nope", BY_KIND, {"kind": "cat"})
    assert (response.status_code, error(response).code) == (404, "unknown-connection")


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"kind": "cat", "extra": 1},
        {"kinds": "cat"},
        {"kind": {"$ne": 1}},
        {"kind": ["cat", "dog"]},
        {"kind": [["cat"]]},
    ],
    ids=["missing", "extra", "misnamed", "object", "array", "nested-array"],
)
def test_bad_params(make_proxy: MakeProxy, pets_sqlite: Path, params: dict[str, object]) -> None:
    response = sqlite_proxy(make_proxy, pets_sqlite).post("pets_db", BY_KIND, params)
    assert (response.status_code, error(response).code) == (400, "bad-params")


def test_params_not_an_object(make_proxy: MakeProxy, pets_sqlite: Path) -> None:
    response = sqlite_proxy(make_proxy, pets_sqlite).client.post(
        "/v1/query", json={"connection": "pets_db", "query": query_id(BY_KIND), "params": ["cat"]}
    )
    assert (response.status_code, error(response).code) == (400, "bad-params")


def test_write_on_a_read_only_connection_fails_and_changes_nothing(
    make_proxy: MakeProxy, pets_sqlite: Path
) -> None:
    response = sqlite_proxy(make_proxy, pets_sqlite).post("pets_db", DELETE, {"kind": "cat"})
    assert (response.status_code, error(response).code) == (403, "read-only")
    assert "allow_writes" in error(response).message
    assert sqlite_rows(pets_sqlite) == PETS


def test_write_with_the_opt_in_commits(make_proxy: MakeProxy, pets_sqlite: Path) -> None:
    response = sqlite_proxy(make_proxy, pets_sqlite, writes=True).post(
        "pets_db", DELETE, {"kind": "cat"}
    )
    assert response.status_code == 200, response.text
    assert [row[0] for row in sqlite_rows(pets_sqlite)] == [1, 3]


def test_row_cap_truncates(make_proxy: MakeProxy, pets_sqlite: Path) -> None:
    result = ResultSet.from_json(
        sqlite_proxy(make_proxy, pets_sqlite, max_rows=3).post("pets_db", ALL).text
    )
    assert result.truncated
    assert result.data[0] == (1, 2, 3)


def test_slow_statement_times_out(make_proxy: MakeProxy, pets_sqlite: Path) -> None:
    slow = (
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 100000000)"
        " select count(*) from n"
    )
    proxy_ = make_proxy(
        connections={"pets_db": {"url": f"sqlite:///{pets_sqlite}"}},
        queries=[("pets_db", slow)],
        timeout=0.5,
    )
    response = proxy_.post("pets_db", slow)
    assert (response.status_code, error(response).code) == (504, "timeout")
    assert proxy_.post("pets_db", slow).status_code == 504  # the connection is usable after


def test_stacked_statement_in_allowlisted_text_is_refused(
    make_proxy: MakeProxy, pets_sqlite: Path
) -> None:
    stacked = "select * from pets; delete from pets"
    fine = 'select \';\' as semi, "a;b" from (select 1 as "a;b") -- ; delete\n;'
    proxy_ = make_proxy(
        connections={"pets_db": {"url": f"sqlite:///{pets_sqlite}", "allow_writes": True}},
        queries=[("pets_db", stacked), ("pets_db", fine)],
    )
    response = proxy_.post("pets_db", stacked)
    assert (response.status_code, error(response).code) == (404, "unknown-query")
    assert "more than one statement" in error(response).message
    assert sqlite_rows(pets_sqlite) == PETS
    assert ResultSet.from_json(proxy_.post("pets_db", fine).text).data == ((";",), (1,))


def test_etag_and_if_none_match(make_proxy: MakeProxy, pets_sqlite: Path) -> None:
    proxy_ = sqlite_proxy(make_proxy, pets_sqlite)
    first = proxy_.post("pets_db", BY_KIND, {"kind": "dog"}, ttl=600)
    assert first.headers["cache-control"] == "max-age=600"
    etag = first.headers["etag"]
    again = proxy_.client.post(
        "/v1/query",
        json={"connection": "pets_db", "query": query_id(BY_KIND), "params": {"kind": "dog"}},
        headers={"If-None-Match": etag},
    )
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag)
    other = proxy_.post("pets_db", BY_KIND, {"kind": "cat"})
    assert other.headers["etag"] != etag
    assert other.headers["cache-control"] == "no-cache"


def test_healthz(make_proxy: MakeProxy, pets_sqlite: Path) -> None:
    response = sqlite_proxy(make_proxy, pets_sqlite).client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"ok": True, "queries": 4}


def _secrets(folder: Path, table: str) -> Path:
    (folder / ".streamlit").mkdir(parents=True, exist_ok=True)
    path = folder / ".streamlit" / "secrets.toml"
    path.write_text(f"[connections.pets_db]\n{table}\n", encoding="utf-8")
    return path


def test_a_relative_database_file_starts_at_the_app_folder(
    pets_sqlite: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # where the proxy starts must not matter
    secrets = _secrets(pets_sqlite.parent, 'url = "sqlite:///pets.db"')
    options = proxy.read_connections(secrets)["pets_db"].options
    assert options["url"] == f"sqlite:///{pets_sqlite.resolve()}"
    assert not (elsewhere / "pets.db").exists()


def test_a_missing_database_file_is_an_error_not_an_empty_database(tmp_path: Path) -> None:
    secrets = _secrets(tmp_path, 'url = "sqlite:///nope.db"')
    with pytest.raises(proxy.ProxyConfigError, match=r"'nope\.db'.*does not exist"):
        proxy.read_connections(secrets)
    assert not (tmp_path / "nope.db").exists()


def test_in_memory_and_absolute_databases_are_left_alone(pets_sqlite: Path) -> None:
    secrets = _secrets(pets_sqlite.parent / "app", 'url = "sqlite://"')
    assert proxy.read_connections(secrets)["pets_db"].options["url"] == "sqlite://"
    absolute = _secrets(pets_sqlite.parent / "app", f'url = "sqlite:///{pets_sqlite}"')
    assert proxy.read_connections(absolute)["pets_db"].options["url"] == f"sqlite:///{pets_sqlite}"
