"""``stc run``'s event stream (``/__stc/events``): what a page connected to it reads,
and that only ``stc run``'s server has it."""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import pytest

from compiler import serving
from compiler.devtools._events import EventHub
from runtime_wasm._protocol import DEV_EVENTS, FileDigest

APP_A: FileDigest = {"file": "stc/app.zip", "size": 10, "sha256": "a" * 64}
APP_B: FileDigest = {"file": "stc/app.zip", "size": 11, "sha256": "b" * 64}


class Stream:
    """A page's EventSource, read by hand: ``next()`` gives ``(event, data)``."""

    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.response = response

    def next(self) -> tuple[str, object]:
        name, data = "", ""
        while True:
            line = self.response.readline().decode()
            if line == "":
                return "", None  # the stream ended
            line = line.rstrip("\n")
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                data = line.removeprefix("data: ")
            elif line == "" and name:
                return name, json.loads(data)


@contextmanager
def events(base_url: str) -> Iterator[Stream]:
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    connection.request("GET", "/" + DEV_EVENTS)
    response = connection.getresponse()
    assert response.status == 200
    assert response.headers.get_content_type() == "text/event-stream"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.readline() == b"retry: 1000\n"
    try:
        yield Stream(response)
    finally:
        connection.close()


def _wait_for_listeners(hub: EventHub, count: int) -> None:
    for _ in range(100):
        if hub.listeners == count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{hub.listeners} listeners, not {count}")


def test_a_page_reads_each_build_and_failure(tmp_path: Path) -> None:
    hub = EventHub()
    with serving(tmp_path, events=hub) as url, events(url) as stream:
        _wait_for_listeners(hub, 1)
        hub.build("app", APP_A)
        assert stream.next() == ("build", {"change": "app", "app": APP_A})
        text = "app.py:3:1: error[STC001]: syntax error"
        hub.failed(text)
        assert stream.next() == ("failed", {"diagnostics": text})
        hub.build("reload", APP_B)
        assert stream.next() == ("build", {"change": "reload", "app": APP_B})


def test_a_page_that_connects_catches_up_without_a_reload(tmp_path: Path) -> None:
    """The last build is replayed as "none" (a "reload" replayed would reload the page
    at every connection), then the failure after it, if any."""
    hub = EventHub()
    hub.build("reload", APP_A)
    with serving(tmp_path, events=hub) as url:
        with events(url) as stream:
            assert stream.next() == ("build", {"change": "none", "app": APP_A})
        hub.failed("broken")
        with events(url) as stream:
            assert stream.next() == ("build", {"change": "none", "app": APP_A})
            assert stream.next() == ("failed", {"diagnostics": "broken"})
        hub.build("app", APP_B)
        with events(url) as stream:
            assert stream.next() == ("build", {"change": "none", "app": APP_B})
            hub.build("app", APP_A)  # the replay came: this stream is listening
            assert stream.next() == ("build", {"change": "app", "app": APP_A})


def test_streams_end_when_stc_run_stops(tmp_path: Path) -> None:
    hub = EventHub()
    ended = threading.Event()
    with serving(tmp_path, events=hub) as url, events(url) as stream:
        _wait_for_listeners(hub, 1)

        def read() -> None:
            assert stream.next() == ("", None)
            ended.set()

        reader = threading.Thread(target=read)
        reader.start()
        started = time.monotonic()
        hub.close()
        reader.join(timeout=5)
        assert ended.is_set() and time.monotonic() - started < 1
        assert hub.listeners == 0


def test_a_page_that_went_is_dropped(tmp_path: Path) -> None:
    hub = EventHub()
    with serving(tmp_path, events=hub) as url:
        with events(url):
            _wait_for_listeners(hub, 1)
        for _ in range(50):  # the server learns it at its next write
            hub.build("app", APP_A)
            if hub.listeners == 0:
                break
            time.sleep(0.05)
        assert hub.listeners == 0


def test_stc_serve_has_no_event_stream(tmp_path: Path) -> None:
    with serving(tmp_path) as url, pytest.raises(HTTPError) as error:
        urlopen(url + DEV_EVENTS)
    assert error.value.code == 404
    error.value.close()


@pytest.mark.parametrize(("dev", "status"), [(False, 304), (True, 200)], ids=["serve", "run"])
def test_stc_run_answers_a_file_rewritten_within_the_second(
    tmp_path: Path, dev: bool, status: int
) -> None:
    """Last-Modified has whole seconds: stc run's server never says "not modified"."""
    (tmp_path / "app.zip").write_bytes(b"new")
    with serving(tmp_path, events=EventHub() if dev else None) as url:
        request = Request(url + "app.zip", headers={"If-Modified-Since": _http_date()})
        try:
            with urlopen(request) as response:
                assert (response.status, response.read()) == (status, b"new")
        except HTTPError as error:
            assert error.code == status
            error.close()


def _http_date() -> str:
    from email.utils import formatdate

    return formatdate(time.time() + 1, usegmt=True)
