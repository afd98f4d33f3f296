"""The proxy's HTTP edge: CORS only for allowed origins, body limits, malformed
requests, the rate limit, and one log line per request that never holds a parameter
value or a secret (a canary password is searched for in every answer and log line)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from proxy_harness import ORIGIN, PG_PASSWORD, MakeProxy, Postgres, Proxy

from runtime_wasm.connections import ProxyError, query_id

BY_KIND = "select id, name from pets where kind = :kind"


@pytest.fixture
def proxy_(make_proxy: MakeProxy, pets_sqlite: Path) -> Proxy:
    return make_proxy(
        connections={"pets_db": {"url": f"sqlite:///{pets_sqlite}"}}, queries=[("pets_db", BY_KIND)]
    )


def code(response: object) -> str:
    return ProxyError.from_json(response.text).code  # type: ignore[attr-defined]


def test_allowed_origin_gets_a_cors_grant(proxy_: Proxy) -> None:
    response = proxy_.post("pets_db", BY_KIND, {"kind": "cat"})
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "ETag" in response.headers["access-control-expose-headers"]


@pytest.mark.parametrize(
    "origin", ["https://evil.example", "https://me.github.io.evil.example", "null"]
)
def test_disallowed_origin_gets_no_grant_and_is_refused(proxy_: Proxy, origin: str) -> None:
    response = proxy_.post("pets_db", BY_KIND, {"kind": "cat"}, origin=origin)
    assert (response.status_code, code(response)) == (403, "forbidden-origin")
    assert "access-control-allow-origin" not in response.headers
    preflight = proxy_.client.options(
        "/v1/query", headers={"Origin": origin, "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_preflight(proxy_: Proxy) -> None:
    response = proxy_.client.options(
        "/v1/query",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"]


def test_oversized_body_is_413(proxy_: Proxy) -> None:
    big = {"connection": "pets_db", "query": query_id(BY_KIND), "params": {"kind": "x" * 70_000}}
    response = proxy_.client.post("/v1/query", json=big)
    assert (response.status_code, code(response)) == (413, "bad-request")


def test_streamed_oversized_body_is_413(proxy_: Proxy) -> None:
    def chunks() -> object:
        for _ in range(100):
            yield b"x" * 1000

    response = proxy_.client.post("/v1/query", content=chunks())  # type: ignore[arg-type]
    assert (response.status_code, code(response)) == (413, "bad-request")


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[1, 2]",
        b'"text"',
        b"",
        b'{"connection": 1, "query": "x"}',
        b'{"connection": "pets_db", "query": "x", "params": {"kind": NaN}}',
        b'{"connection": "pets_db", "query": "x", "ttl": "soon"}',
        b"\xff\xfe",
    ],
)
def test_malformed_requests_are_400(proxy_: Proxy, body: bytes) -> None:
    response = proxy_.client.post("/v1/query", content=body)
    assert (response.status_code, code(response)) == (400, "bad-request")


def test_wrong_method_and_route(proxy_: Proxy) -> None:
    assert proxy_.client.get("/v1/query").status_code == 405
    assert proxy_.client.get("/nope").status_code == 404


def test_rate_limit(make_proxy: MakeProxy, pets_sqlite: Path) -> None:
    proxy_ = make_proxy(
        connections={"pets_db": {"url": f"sqlite:///{pets_sqlite}"}},
        queries=[("pets_db", BY_KIND)],
        rate=0.01,
        burst=3,
    )
    statuses = [proxy_.post("pets_db", BY_KIND, {"kind": "cat"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    limited = proxy_.post("pets_db", BY_KIND, {"kind": "cat"})
    assert code(limited) == "rate-limited"
    assert int(limited.headers["retry-after"]) > 0
    assert limited.headers["access-control-allow-origin"] == ORIGIN  # the page can read why
    assert proxy_.client.get("/healthz").status_code == 200  # exempt


def test_one_log_line_per_request_and_the_canary(
    make_proxy: MakeProxy, postgres: Postgres, caplog: pytest.LogCaptureFixture
) -> None:
    postgres.reset_pets()
    secret_param = "param-value-never-logged-41c7"
    # a different text: the allowlist is keyed by the text's id, one connection per text
    down_sql = BY_KIND + " order by id"
    proxy_ = make_proxy(
        connections={"pets_db": postgres.table(), "down_db": postgres.table(port=1)},
        queries=[("pets_db", BY_KIND), ("pets_db", "delete from pets"), ("down_db", down_sql)],
    )
    caplog.set_level(logging.INFO, logger="stc.proxy")
    responses = [
        proxy_.post("pets_db", BY_KIND, {"kind": secret_param}),
        proxy_.post("pets_db", "delete from pets"),
        proxy_.post("down_db", down_sql, {"kind": secret_param}),
        proxy_.post("pets_db", BY_KIND, {"kind": secret_param}, origin="https://evil.example"),
        proxy_.post("pets_db", BY_KIND, {"kinds": secret_param}),
        proxy_.client.get("/healthz"),
    ]
    assert [r.status_code for r in responses] == [200, 403, 502, 403, 400, 200]
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "stc.proxy"]
    assert len(lines) == len(responses)
    assert lines[0] == {
        "method": "POST",
        "path": "/v1/query",
        "status": 200,
        "ms": lines[0]["ms"],
        "connection": "pets_db",
        "query": query_id(BY_KIND)[:12],
    }
    assert [line.get("code") for line in lines] == [
        None,
        "read-only",
        "database",
        "forbidden-origin",
        "bad-params",
        None,
    ]
    everything = "\n".join([r.text for r in responses] + [r.getMessage() for r in caplog.records])
    assert PG_PASSWORD not in everything
    assert secret_param not in "\n".join(r.getMessage() for r in caplog.records)
