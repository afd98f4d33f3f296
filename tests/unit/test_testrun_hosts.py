"""``stc test --allow-host``: which requests a page may make, what an allowed one gets
back, and how the option reaches the browser check, all without a browser."""

from __future__ import annotations

import struct
import time
import zlib
from argparse import ArgumentTypeError
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from compiler.cli import main
from compiler.devtools import _testrun
from compiler.devtools._hosts import HostPolicy, allow_host_argument, placeholder
from compiler.devtools._testrun import _Watch

ALLOWED = HostPolicy(allowed=("example.com", "*.cdn.example.org", "127.0.0.2:8123"))


@pytest.mark.parametrize(
    ("url", "verdict"),
    [
        pytest.param("http://127.0.0.1:8000/stc/page.mjs", "local", id="the-site"),
        pytest.param("http://localhost:8000/", "local", id="localhost"),
        pytest.param("data:image/png;base64,AAAA", "local", id="data-url"),
        pytest.param("blob:http://127.0.0.1:8000/1234", "local", id="blob-url"),
        pytest.param("https://example.com/cat.png", "allowed", id="exact"),
        pytest.param("https://EXAMPLE.com/cat.png", "allowed", id="exact-any-case"),
        pytest.param("https://example.com:443/cat.png", "allowed", id="default-port"),
        pytest.param("https://a.cdn.example.org/x.mp4", "allowed", id="wildcard-subdomain"),
        pytest.param("https://a.b.cdn.example.org/x", "allowed", id="wildcard-deeper"),
        pytest.param("http://127.0.0.2:8123/x", "allowed", id="host-with-port"),
        # must not match
        pytest.param("https://example.com:8443/cat.png", "outside", id="other-port"),
        pytest.param("https://www.example.com/cat.png", "outside", id="exact-is-not-wildcard"),
        pytest.param("https://cdn.example.org/x", "outside", id="wildcard-not-its-base"),
        pytest.param("https://evilexample.com/x", "outside", id="suffix-is-not-a-subdomain"),
        pytest.param("https://example.com.evil.net/x", "outside", id="prefix-is-not-the-host"),
        pytest.param("http://127.0.0.2/x", "outside", id="host-without-its-port"),
        pytest.param("https://fonts.googleapis.com/css", "outside", id="unlisted"),
    ],
)
def test_verdict(url: str, verdict: str) -> None:
    assert ALLOWED.verdict(url) == verdict


def test_no_host_is_allowed_by_default() -> None:
    assert HostPolicy().verdict("https://example.com/cat.png") == "outside"
    assert HostPolicy().verdict("http://127.0.0.1:1/") == "local"


def test_refusal_names_the_url_and_the_option() -> None:
    assert HostPolicy().refusal("https://example.com:8443/cat.png") == (
        "request left 127.0.0.1: https://example.com:8443/cat.png "
        "(stc test --allow-host example.com:8443 allows it)"
    )


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    found, at = [], 8
    while at < len(png):
        (size,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + size]
        (crc,) = struct.unpack(">I", png[at + 8 + size : at + 12 + size])
        assert zlib.crc32(kind + data) == crc, kind
        found.append((kind, data))
        at += 12 + size
    return found


def test_an_allowed_image_gets_a_transparent_pixel() -> None:
    answer = placeholder("image")
    assert answer.status == 200
    assert answer.headers["content-type"] == "image/png"
    assert answer.headers["access-control-allow-origin"] == "*"
    chunks = _chunks(answer.body)
    assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, color = struct.unpack(">IIBB", chunks[0][1][:10])
    assert (width, height, depth, color) == (1, 1, 8, 6)  # one RGBA pixel
    assert zlib.decompress(chunks[1][1]) == b"\x00" + bytes(4)  # fully transparent


@pytest.mark.parametrize("kind", ["media", "fetch", "xhr", "script", "stylesheet", "font"])
def test_anything_else_allowed_gets_an_empty_204(kind: str) -> None:
    answer = placeholder(kind)
    assert (answer.status, answer.body) == (204, b"")
    assert answer.headers["access-control-allow-origin"] == "*"


class _Route:
    """What Playwright's ``Route`` is to ``_Watch.route``: a request and three answers."""

    def __init__(self, url: str, resource_type: str = "image") -> None:
        self.request = type("Request", (), {"url": url, "resource_type": resource_type})()
        self.done: tuple[str, dict[str, Any]] | None = None

    def continue_(self) -> None:
        self.done = ("continue", {})

    def fulfill(self, **answer: Any) -> None:
        self.done = ("fulfill", answer)

    def abort(self) -> None:
        self.done = ("abort", {})


def test_the_watch_lets_the_site_through_answers_allowed_hosts_and_aborts_the_rest() -> None:
    watch = _Watch(HostPolicy(allowed=("example.com",)))
    local, allowed, outside = (
        _Route("http://127.0.0.1:9/index.html", "document"),
        _Route("https://example.com/cat.png"),
        _Route("https://other.example.net/dog.png"),
    )
    for route in (local, allowed, outside):
        watch.route(route)
    assert local.done == ("continue", {})
    assert allowed.done is not None and allowed.done[0] == "fulfill"
    assert allowed.done[1]["status"] == 200 and allowed.done[1]["body"] == placeholder("image").body
    assert outside.done == ("abort", {})
    assert watch.problems() == [
        "request left 127.0.0.1: https://other.example.net/dog.png "
        "(stc test --allow-host other.example.net allows it)"
    ]


@pytest.mark.parametrize(
    ("value", "host"),
    [
        ("example.com", "example.com"),
        ("Example.COM", "example.com"),
        ("*.example.com", "*.example.com"),
        ("127.0.0.1:8123", "127.0.0.1:8123"),
    ],
)
def test_allow_host_argument(value: str, host: str) -> None:
    assert allow_host_argument(value) == host


@pytest.mark.parametrize(
    "value",
    ["https://example.com", "example.com/cat.png", "", "exa mple.com", "*.example.com:443"],
)
def test_allow_host_argument_refuses_what_is_not_a_host(value: str) -> None:
    with pytest.raises(ArgumentTypeError, match=r"write a host such as example\.com"):
        allow_host_argument(value)


def test_the_cli_passes_every_allowed_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}

    def run_in_browser(target: Path, **kwargs: Any) -> tuple[()]:
        seen.update(kwargs, target=target)
        return ()

    monkeypatch.setattr(_testrun, "run_in_browser", run_in_browser)
    site = tmp_path / "site"
    args = ["test", str(site), "--allow-host", "Example.com", "--allow-host", "*.cdn.org"]
    assert main(args) == 0
    assert seen["target"] == site
    assert seen["hosts"] == HostPolicy(allowed=("example.com", "*.cdn.org"))
    assert main(["test", str(site)]) == 0
    assert seen["hosts"] == HostPolicy()


def test_the_cli_refuses_a_url_as_a_host(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", "app.py", "--allow-host", "https://example.com/cat.png"]) == 2
    err = capsys.readouterr().err
    assert "--allow-host: 'https://example.com/cat.png' is a URL, not a host name" in err


def test_chromiums_echo_of_an_aborted_request_is_not_a_second_problem() -> None:
    watch = _Watch(HostPolicy())
    for _ in range(2):  # asked twice, said once
        watch.route(_Route("https://example.com/cat.png"))
    for text, url in (
        ("Failed to load resource: net::ERR_FAILED", "https://example.com/cat.png"),
        ("Uncaught TypeError: x is undefined", "http://127.0.0.1:9/stc/page.mjs"),
    ):
        watch.on_console(SimpleNamespace(type="error", text=text, location={"url": url}))
    watch.on_console(SimpleNamespace(type="warning", text="slow", location={}))
    assert watch.problems() == [
        HostPolicy().refusal("https://example.com/cat.png"),
        "console error: Uncaught TypeError: x is undefined",
    ]


class _Page:
    """A page whose requests start and end on the given ticks of wait_for_timeout."""

    def __init__(self, watch: _Watch, events: dict[int, str]) -> None:
        self.watch, self.events, self.ticks = watch, events, 0

    def wait_for_timeout(self, ms: float) -> None:
        time.sleep(ms / 1000)
        self.ticks += 1
        event = self.events.get(self.ticks)
        if event == "start":
            self.watch.on_request(None)
        elif event == "end":
            self.watch.on_done(None)


def test_settle_waits_for_a_request_the_page_starts_after_idle() -> None:
    watch = _Watch(HostPolicy())
    watch.last_activity -= 10  # quiet since long before idle: the wait starts anyway
    page = _Page(watch, {2: "start", 6: "end"})
    watch.settle(page, quiet=0.2, limit=5)  # type: ignore[arg-type]
    assert page.ticks >= 6 + 3  # the end, then 0.2 s of quiet at 50 ms a tick
    assert watch.in_flight == 0


def test_settle_waits_quiet_even_when_nothing_comes() -> None:
    watch = _Watch(HostPolicy())
    watch.last_activity -= 10
    started = time.monotonic()
    watch.settle(_Page(watch, {}), quiet=0.2, limit=5)  # type: ignore[arg-type]
    assert 0.2 <= time.monotonic() - started < 1.5


def test_settle_gives_up_on_a_request_that_never_ends() -> None:
    watch = _Watch(HostPolicy())
    page = _Page(watch, {1: "start"})
    started = time.monotonic()
    watch.settle(page, quiet=0.1, limit=0.5)  # type: ignore[arg-type]
    assert 0.5 <= time.monotonic() - started < 1.5
    assert watch.in_flight == 1
