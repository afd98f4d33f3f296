"""The forward route (``/v1/fetch``) against a fake web API on 127.0.0.1: API keys put in
where the app put placeholders (a header, the query, a JSON or form body, Basic auth),
never echoed back to the page, refused toward hosts their rules do not list, and
every refusal told apart from the upstream's own errors by ``Stc-Proxy-Error``."""

from __future__ import annotations

import base64
import json
import logging
from urllib.parse import parse_qs

import pytest
from fake_upstream import Upstream
from forward_harness import (
    API_KEY,
    KEY,
    OPENAI,
    OPENAI_PH,
    OTHER,
    OTHER_PH,
    TOKEN,
    TOKEN_PH,
    VALUES,
    MakeForward,
    basic,
)
from proxy_harness import ORIGIN, free_port

from runtime_wasm.connections import ProxyError
from runtime_wasm.http import ERROR_HEADER, placeholder


def refusal(response: object) -> tuple[int, str, str]:
    """(status, code of the body, code of the header)."""
    body = ProxyError.from_json(response.text)  # type: ignore[attr-defined]
    return response.status_code, body.code, response.headers[ERROR_HEADER]  # type: ignore[attr-defined]


def no_canary(*texts: str) -> None:
    for text in texts:
        for value in (API_KEY, TOKEN, OPENAI, OTHER, base64.b64encode(API_KEY.encode()).decode()):
            assert value not in text


def test_key_in_a_header_reaches_the_api_and_never_comes_back(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward()
    response = proxy_.fetch("GET", upstream.url("/echo"), headers={"X-Api-Key": KEY})
    assert response.status_code == 200, response.text
    assert upstream.seen[0].headers["x-api-key"] == API_KEY
    assert response.json()["headers"]["x-api-key"] == "***"  # echoed in the body
    assert response.headers["x-echo-key"] == "***"  # and in a header
    assert "x-echo-key" in response.headers["access-control-expose-headers"].lower()
    assert ERROR_HEADER not in response.headers
    no_canary(response.text, str(response.headers))


def test_key_in_the_query_string_is_percent_encoded(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward()
    target = upstream.url(f"/echo?key={KEY}&token={TOKEN_PH}&q=cats")
    response = proxy_.fetch("GET", target)
    assert response.status_code == 200, response.text
    assert parse_qs(upstream.seen[0].query) == {"key": [API_KEY], "token": [TOKEN], "q": ["cats"]}
    assert parse_qs(response.json()["query"]) == {"key": ["***"], "token": ["***"], "q": ["cats"]}
    no_canary(response.text)


@pytest.mark.parametrize(
    ("content_type", "template", "decode"),
    [
        ("application/json", '{"key": "%s", "token": "%s"}', json.loads),
        ("application/x-www-form-urlencoded", "key=%s&token=%s", parse_qs),
        ("text/plain", "key=%s token=%s", str),
    ],
    ids=["json", "form", "text"],
)
def test_keys_in_the_body_are_encoded_as_the_body_is(
    make_forward: MakeForward, upstream: Upstream, content_type: str, template: str, decode: object
) -> None:
    proxy_ = make_forward()
    body = (template % (KEY, TOKEN_PH)).encode()
    response = proxy_.fetch(
        "POST", upstream.url("/echo"), content=body, headers={"Content-Type": content_type}
    )
    assert response.status_code == 200, response.text
    got = upstream.seen[0].body.decode()
    if content_type == "application/json":
        assert json.loads(got) == {"key": API_KEY, "token": TOKEN}
    elif content_type.endswith("urlencoded"):
        assert parse_qs(got) == {"key": [API_KEY], "token": [TOKEN]}
    else:
        assert got == f"key={API_KEY} token={TOKEN}"
    no_canary(response.text)


def test_key_in_basic_auth_is_decoded_and_encoded_again(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward()
    response = proxy_.fetch(
        "GET", upstream.url("/echo"), headers={"Authorization": basic("me", OPENAI_PH)}
    )
    assert response.status_code == 200, response.text
    assert upstream.seen[0].headers["authorization"] == basic("me", OPENAI)
    assert response.headers["x-echo-authorization"] == "Basic ***"
    assert response.json()["headers"]["authorization"] == "Basic ***"


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "HEAD"])
def test_every_method_goes_through_as_it_is(
    make_forward: MakeForward, upstream: Upstream, method: str
) -> None:
    proxy_ = make_forward()
    response = proxy_.fetch(method, upstream.url("/echo"), headers={"X-Api-Key": KEY})
    assert response.status_code == 200
    assert (upstream.seen[0].method, upstream.seen[0].headers["x-api-key"]) == (method, API_KEY)


def test_what_describes_the_page_is_not_sent_and_no_compression_is_asked(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward()
    headers = {"X-Api-Key": KEY, "Cookie": "visitor=1", "Referer": "https://me.github.io/app",
               "Accept-Encoding": "gzip, br", "X-App": "kept"}  # fmt: skip
    proxy_.fetch("GET", upstream.url("/echo"), headers=headers)
    seen = upstream.seen[0].headers
    assert seen["accept-encoding"] == "identity"
    assert seen["host"] == upstream.host
    assert seen["x-app"] == "kept"
    assert not {"cookie", "referer", "origin", "stc-target"} & seen.keys()


def test_headers_that_would_speak_for_the_proxy_are_dropped(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward(hosts=[upstream.host])
    response = proxy_.fetch("GET", upstream.url("/headers"))
    assert response.status_code == 200
    assert response.headers["x-kept"] == "yes"
    assert not {"set-cookie", "alt-svc", ERROR_HEADER.lower()} & response.headers.keys()
    assert response.headers["access-control-allow-origin"] == ORIGIN  # the proxy's, not "*"
    exposed = response.headers["access-control-expose-headers"].lower()
    assert "x-kept" in exposed and ERROR_HEADER.lower() in exposed


def test_redirects_are_answered_not_followed(make_forward: MakeForward, upstream: Upstream) -> None:
    proxy_ = make_forward(hosts=[upstream.host])
    response = proxy_.fetch("GET", upstream.url("/redirect"), follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == upstream.url("/echo")
    assert len(upstream.seen) == 1


def test_an_answer_split_across_chunks_is_scrubbed_whole(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward()
    response = proxy_.fetch("GET", upstream.url(f"/split?text={KEY}"))
    assert response.text == "before *** after"


def test_a_proxy_host_without_a_secret_is_forwarded(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward(hosts=[upstream.host])
    response = proxy_.fetch("POST", upstream.url("/echo?x=1"), content=b"plain")
    assert response.status_code == 200
    assert (upstream.seen[0].query, upstream.seen[0].body) == ("x=1", b"plain")


def test_a_secret_toward_a_host_its_rules_do_not_list_is_refused(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward(hosts=[upstream.host])  # a proxy host, but not OTHER's
    for where in ({"headers": {"X-Api-Key": OTHER_PH}}, {"content": OTHER_PH.encode()}):
        response = proxy_.fetch("POST", upstream.url("/echo"), **where)  # type: ignore[arg-type]
        assert refusal(response) == (403, "secret-not-allowed", "secret-not-allowed")
        assert "OTHER" in response.json()["error"]["message"]
    # one allowed secret does not carry a forbidden one along
    both = proxy_.fetch("GET", upstream.url(f"/echo?a={KEY}&b={OTHER_PH}"))
    assert refusal(both)[1] == "secret-not-allowed"
    assert upstream.seen == []


def test_a_secret_may_not_become_part_of_the_host(make_forward: MakeForward) -> None:
    proxy_ = make_forward(secrets={"API_KEY": ["*.example.com"]})
    response = proxy_.fetch("GET", f"https://{KEY}.example.com/")
    assert refusal(response)[1] == "secret-not-allowed"


def test_an_unknown_placeholder_is_refused(make_forward: MakeForward, upstream: Upstream) -> None:
    proxy_ = make_forward(hosts=[upstream.host])
    unknown = placeholder("NOT_A_SECRET_HERE")
    response = proxy_.fetch("GET", upstream.url("/echo"), headers={"Authorization": unknown})
    assert refusal(response) == (403, "unknown-secret", "unknown-secret")
    assert upstream.seen == []


def test_no_secret_and_a_host_not_listed_is_refused(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward(hosts=[upstream.host])
    other = f"http://127.0.0.1:{free_port()}/echo"
    response = proxy_.fetch("GET", other)
    assert refusal(response) == (403, "host-not-allowed", "host-not-allowed")
    without_port = proxy_.fetch("GET", "http://127.0.0.1/echo")
    assert refusal(without_port)[1] == "host-not-allowed"


@pytest.mark.parametrize(
    "target",
    [None, "", "/echo", "echo", "ftp://{host}/echo", "http://{host}@evil.example/",
     "http://me:pw@{host}/", "http:///echo", "http://{host}:port/", "http://exa mple.com/",
     "http://evil.example\\.{host}/", "javascript:alert(1)", "file:///etc/passwd"],
)  # fmt: skip
def test_bad_targets_are_400(make_forward: MakeForward, upstream: Upstream, target: str) -> None:
    proxy_ = make_forward(hosts=[upstream.host, "evil.example"])
    response = proxy_.fetch("GET", target.format(host=upstream.host) if target else target)
    assert refusal(response) == (400, "bad-target", "bad-target")
    assert upstream.seen == []


def test_an_api_that_is_down_is_502(make_forward: MakeForward) -> None:
    down = f"127.0.0.1:{free_port()}"
    proxy_ = make_forward(secrets={"API_KEY": [down]})
    response = proxy_.fetch("GET", f"http://{down}/", headers={"X-Api-Key": KEY})
    assert refusal(response) == (502, "upstream-unreachable", "upstream-unreachable")
    no_canary(response.text)


def test_an_api_slower_than_the_timeout_is_504(
    make_forward: MakeForward, upstream: Upstream
) -> None:
    proxy_ = make_forward(timeout=0.3)
    response = proxy_.fetch("GET", upstream.url(f"/slow?s=1.5&key={KEY}"))
    assert refusal(response) == (504, "upstream-timeout", "upstream-timeout")


def test_preflight_grants_the_methods_and_headers_an_app_sends(make_forward: MakeForward) -> None:
    proxy_ = make_forward()
    response = proxy_.client.options(
        "/v1/fetch",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "PUT",
            "Access-Control-Request-Headers": "authorization, stc-target, x-api-key",
        },
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == ORIGIN
    allowed = response.headers["access-control-allow-headers"]
    assert {"authorization", "stc-target", "x-api-key"} <= {h.strip() for h in allowed.split(",")}
    assert "PUT" in response.headers["access-control-allow-methods"]
    refused = proxy_.fetch("GET", None)
    assert ERROR_HEADER in refused.headers["access-control-expose-headers"]
    assert refused.headers["access-control-allow-origin"] == ORIGIN


def test_a_disallowed_origin_is_refused(make_forward: MakeForward, upstream: Upstream) -> None:
    proxy_ = make_forward()
    response = proxy_.fetch(
        "GET", upstream.url("/echo"), headers={"X-Api-Key": KEY}, origin="https://evil.example"
    )
    assert refusal(response)[:2] == (403, "forbidden-origin")
    assert "access-control-allow-origin" not in response.headers
    preflight = proxy_.client.options(
        "/v1/fetch",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert upstream.seen == []


def test_body_limit_and_rate_limit_apply(make_forward: MakeForward, upstream: Upstream) -> None:
    proxy_ = make_forward(hosts=[upstream.host], max_body=100, burst=2, rate=0.01)
    big = proxy_.fetch("POST", upstream.url("/echo"), content=b"x" * 200)
    assert refusal(big) == (413, "bad-request", "bad-request")
    limited = proxy_.fetch("GET", upstream.url("/echo"))
    assert limited.status_code == 200
    assert refusal(proxy_.fetch("GET", upstream.url("/echo")))[1:] == ("rate-limited",) * 2


def test_log_lines_name_the_host_and_never_a_secret_or_the_query(
    make_forward: MakeForward, upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    proxy_ = make_forward()
    caplog.set_level(logging.INFO, logger="stc.proxy")
    responses = [
        proxy_.fetch("GET", upstream.url(f"/echo?key={KEY}&q=private-query-7"),
                     headers={"Authorization": basic("u", TOKEN_PH)}),
        proxy_.fetch("POST", upstream.url("/echo"), content=f'{{"k": "{OPENAI_PH}"}}'),
        proxy_.fetch("GET", upstream.url(f"/echo?key={OTHER_PH}")),
        proxy_.fetch("GET", f"http://127.0.0.1:{free_port()}/?q=private-query-7"),
    ]  # fmt: skip
    assert [r.status_code for r in responses] == [200, 200, 403, 403]
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "stc.proxy"]
    assert [line.get("code") for line in lines] == [None, None, "secret-not-allowed",
                                                    "host-not-allowed"]  # fmt: skip
    assert lines[0] == {"method": "GET", "path": "/v1/fetch", "status": 200,
                        "ms": lines[0]["ms"], "host": upstream.host}  # fmt: skip
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "private-query-7" not in logged and "/echo" not in logged
    no_canary(logged, *(r.text for r in responses), *(str(r.headers) for r in responses))
    assert all(value not in logged for value in VALUES.values())
