"""Answers of the forward route as they stream: scrubbed however the chunks fall,
decoded when an upstream compresses anyway, cut (not ended) when the upstream breaks
off, and server-sent events passed one by one through a real ``stc proxy`` process."""

from __future__ import annotations

import gzip
import json
import logging
import random
import re
import subprocess
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs

import httpx2 as httpx
import pytest
from fake_upstream import Upstream
from forward_harness import API_KEY, KEY, VALUES, MakeForward, write_site
from proxy_harness import ORIGIN, free_port

from proxy import running
from proxy._scrub import Scrubber
from runtime_wasm.http import FORWARD_ROUTE, TARGET_HEADER, ForwardRules

SECRET = b"sk-0123456789"
ANSWER = b'{"echo": "sk-0123456789", "again": "sk-0123456789"} sk-0123'


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 11, 13, 64])
def test_the_scrubber_catches_a_value_however_the_chunks_fall(size: int) -> None:
    scrubber = Scrubber([SECRET, b"0123"])
    chunks = [ANSWER[i : i + size] for i in range(0, len(ANSWER), size)]
    out = b"".join(scrubber.feed(chunk) for chunk in chunks) + scrubber.end()
    assert out == b'{"echo": "***", "again": "***"} sk-***'


def test_the_scrubber_streaming_equals_the_scrubber_on_the_whole_answer() -> None:
    rng = random.Random(14)
    for _ in range(2000):  # small alphabets, so values overlap and repeat often
        values = list({bytes(rng.choices(b"abc", k=rng.randint(3, 6))) for _ in range(3)})
        answer = bytes(rng.choices(b"abc", k=rng.randint(0, 40)))
        longest_first = b"|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
        whole = re.compile(longest_first).sub(b"***", answer)
        scrubber, out, at = Scrubber(values), b"", 0
        while at < len(answer):
            size = rng.randint(1, 8)
            out, at = out + scrubber.feed(answer[at : at + size]), at + size
        assert out + scrubber.end() == whole, (values, answer)


def test_the_scrubber_holds_back_only_what_could_begin_a_value() -> None:
    scrubber = Scrubber([SECRET])
    assert scrubber.feed(b"data: one\n\n") == b"data: one\n\n"  # an event passes at once
    assert scrubber.feed(b"data: sk-01") == b"data: "
    assert scrubber.feed(b"2x\n\n") == b"sk-012x\n\n"
    assert scrubber.end() == b""
    assert Scrubber([]).feed(b"sk-01") == b"sk-01"


def test_a_compressed_answer_is_decoded_and_scrubbed(make_forward: MakeForward) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        body = gzip.compress(json.dumps({"key": request.headers["x-api-key"]}).encode())
        return httpx.Response(200, content=body, headers={"Content-Encoding": "gzip"})

    proxy_ = make_forward(
        secrets={"API_KEY": ["api.example.com"]}, transport=httpx.MockTransport(handler)
    )
    response = proxy_.fetch("GET", "https://api.example.com/v1", headers={"X-Api-Key": KEY})
    assert response.json() == {"key": "***"}
    assert "content-encoding" not in response.headers


def test_an_answer_the_upstream_breaks_off_is_cut_and_logged(
    make_forward: MakeForward, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken() -> AsyncIterator[bytes]:
        yield b"data: first\n\n"
        raise httpx.ReadTimeout("the upstream went quiet")

    class Stream(httpx.AsyncByteStream):
        def __aiter__(self) -> AsyncIterator[bytes]:
            return broken()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Stream())

    proxy_ = make_forward(hosts=["api.example.com"], transport=httpx.MockTransport(handler))
    caplog.set_level(logging.INFO, logger="stc.proxy")
    response = proxy_.fetch("GET", "https://api.example.com/events")
    assert response.text == "data: first\n\n"  # a real server then closes the connection
    line = json.loads(caplog.records[-1].getMessage())
    assert (line["status"], line["code"]) == (200, "upstream-timeout")


def test_events_stream_through_a_real_proxy_one_by_one_and_a_stalled_one_is_cut(
    tmp_path: Path, upstream: Upstream
) -> None:
    rules = ForwardRules(secrets={"API_KEY": (upstream.host,)})
    site, secrets = write_site(tmp_path, rules, VALUES)
    port = free_port()
    arguments = [str(site), "--secrets", str(secrets), "--allow-origin", ORIGIN,
                 "--timeout", "0.6"]  # fmt: skip
    with running(arguments, port=port, stderr=subprocess.PIPE) as process:
        headers = {TARGET_HEADER: upstream.url(f"/events?n=5&every=0.2&key={KEY}"),
                   "Origin": ORIGIN}  # fmt: skip
        arrived: list[tuple[float, str]] = []
        started = time.monotonic()
        url = f"http://127.0.0.1:{port}{FORWARD_ROUTE}"
        with httpx.stream("GET", url, headers=headers, timeout=10) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            for line in response.iter_lines():
                if line.startswith("data:"):
                    arrived.append((time.monotonic() - started, line))
        finished = time.monotonic() - started
        # an upstream silent for longer than --timeout: the answer is cut, not ended
        stalled = {**headers, TARGET_HEADER: upstream.url(f"/events?n=2&every=3&key={KEY}")}
        with httpx.stream("GET", url, headers=stalled, timeout=10) as response:
            lines = response.iter_lines()
            assert next(lines).startswith("data: event 0")
            with pytest.raises(httpx.RemoteProtocolError, match="incomplete"):
                list(lines)
    _, stderr = process.communicate()
    assert [line.split(" at ")[0] for _, line in arrived] == [f"data: event {i}" for i in range(5)]
    first, last = arrived[0][0], arrived[-1][0]
    assert first < finished - 0.5, (first, finished)  # the upstream takes ~0.8 s in all
    assert last - first > 0.6, arrived  # not buffered: each came when it was sent
    assert parse_qs(upstream.seen[-2].query)["key"] == [API_KEY]
    logged = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    streamed, cut = logged[-2], logged[-1]
    assert {"path": FORWARD_ROUTE, "status": 200, "host": upstream.host}.items() <= streamed.items()
    assert (cut["status"], cut["code"]) == (200, "upstream-timeout")
    assert API_KEY not in stderr and KEY not in stderr and "Traceback" not in stderr
