"""Web requests from an unmodified app in Chromium (issue 14): ``requests`` and
``urllib`` through the browser's fetch, and what a visitor reads when a server does
not allow the page's origin (CORS) or nothing answers.

The fake API is tests/upstream.py on another 127.0.0.1 port: a cross-origin server,
as a real API would be.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from upstream import Upstream, serve_upstream

from compiler import BuildOptions, NullReporter, build, serving
from tests.browser.conftest import PageGuard, wait_idle

DIRECT = """\
import json
import urllib.request

import requests
import streamlit as st

BASE = "{base}"
st.write("requests: " + requests.get(BASE + "/cors/hello", timeout=10).json()["hello"])
with urllib.request.urlopen(BASE + "/cors/hello", timeout=10) as answer:
    st.write("urllib: " + json.load(answer)["hello"])
try:
    requests.get(BASE + "/nocors/hello", timeout=10)
except requests.ConnectionError as error:
    st.write(f"refused: {{error}}")
try:
    urllib.request.urlopen("{dead}/x", timeout=10)
except OSError as error:
    st.write(f"down: {{error}}")
"""


@pytest.fixture(scope="module")
def upstream() -> Iterator[Upstream]:
    with serve_upstream() as running:
        yield running


def _dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def _site(folder: Path, source: str, **files: str) -> Path:
    (folder / "app").mkdir(parents=True)
    (folder / "app" / "app.py").write_text(source)
    (folder / "app" / "requirements.txt").write_text("requests\n")
    for name, text in files.items():
        (folder / "app" / name).write_text(text)
    site = folder / "site"
    build(BuildOptions(app=folder / "app" / "app.py", out_dir=site), NullReporter())
    return site


def test_requests_and_urllib_reach_a_server_and_fail_with_reasons(
    page: Page, guard: PageGuard, upstream: Upstream, tmp_path: Path
) -> None:
    site = _site(tmp_path, DIRECT.format(base=upstream.url, dead=_dead_url()))
    with serving(site) as url:
        page.goto(url)
        wait_idle(page)
        expect(page.get_by_text("requests: world")).to_be_visible()
        expect(page.get_by_text("urllib: world")).to_be_visible()
        refused = page.get_by_text("refused: ")
        expect(refused).to_contain_text(
            f"the server at {upstream.url.removeprefix('http://')} does not allow requests "
            "from this site's address (CORS)"
        )
        expect(refused).to_contain_text("proxy_hosts under [tool.stc]")
        expect(page.get_by_text("down: ")).to_contain_text("Nothing answered at")
    assert [s.path for s in upstream.seen if s.method == "GET"].count("/cors/hello") == 2


STREAM = """\
import requests
import streamlit as st

answer = requests.get("{base}/events", stream=True, timeout=30)
st.write_stream(
    line.removeprefix("data: ") + " " for line in answer.iter_lines(decode_unicode=True) if line
)
st.write("done")
"""


def test_server_sent_events_render_as_they_arrive(
    page: Page, guard: PageGuard, upstream: Upstream, tmp_path: Path
) -> None:
    site = _site(tmp_path, STREAM.format(base=upstream.url))
    with serving(site) as url:
        page.goto(url)
        # the upstream sends a tick every 0.4 s: the page shows the first ones while
        # the last is still to come
        expect(page.get_by_text("tick 2")).to_be_visible(timeout=60_000)
        assert "tick 5" not in page.inner_text("main")
        wait_idle(page)
        expect(page.get_by_text("tick 1 tick 2 tick 3 tick 4 tick 5")).to_be_visible()
        expect(page.get_by_text("done")).to_be_visible()
