"""Web requests from an unmodified app in Chromium (issue 14): ``requests``, ``urllib``
and ``httpx`` through the browser's fetch; what a visitor reads when a server does not
allow the page's origin (CORS) or nothing answers; and an API key that stays on
``stc proxy``: the API gets it, the site, the page and its network never do.

The fake API is tests/upstream.py on another 127.0.0.1 port: a cross-origin server,
as a real API would be.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_upstream import API_KEY, Upstream
from fake_upstream import serving as serve_upstream
from playwright.sync_api import Page, expect

from compiler import BuildOptions, NullReporter, build, serving
from proxy import running
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
    (folder / "app" / ".streamlit").mkdir(parents=True)
    (folder / "app" / "app.py").write_text(source)
    (folder / "app" / "requirements.txt").write_text("requests\n")
    for name, text in files.items():
        (folder / "app" / name).write_text(text)
    site = folder / "site"
    build(BuildOptions(app=folder / "app" / "app.py", out_dir=site), NullReporter())
    return site


@pytest.mark.fresh_boot  # it counts the server's requests, which a priming visit makes too
def test_requests_and_urllib_reach_a_server_and_fail_with_reasons(
    page: Page, guard: PageGuard, upstream: Upstream, tmp_path: Path
) -> None:
    site = _site(tmp_path, DIRECT.format(base=upstream.url(""), dead=_dead_url()))
    with serving(site) as url:
        page.goto(url)
        wait_idle(page)
        expect(page.get_by_text("requests: world")).to_be_visible()
        expect(page.get_by_text("urllib: world")).to_be_visible()
        refused = page.get_by_text("refused: ")
        expect(refused).to_contain_text(
            f"the server at {upstream.host} does not allow requests from this site's address (CORS)"
        )
        expect(refused).to_contain_text("proxy_hosts under [tool.stc]")
        expect(page.get_by_text("down: ")).to_contain_text("Nothing answered at")
    assert [s.path for s in upstream.seen if s.method == "GET"].count("/cors/hello") == 2


STREAM = """\
import requests
import streamlit as st

answer = requests.get("{base}/events?n=5&every=0.4&cors=1", stream=True, timeout=30)
st.write_stream(
    line.split()[2] + " " for line in answer.iter_lines(decode_unicode=True) if line
)
st.write("done")
"""


def test_server_sent_events_render_as_they_arrive(
    page: Page, guard: PageGuard, upstream: Upstream, tmp_path: Path
) -> None:
    site = _site(tmp_path, STREAM.format(base=upstream.url("")))
    with serving(site) as url:
        page.goto(url)
        # the upstream sends an event every 0.4 s: the page shows the first ones while
        # the last is still to come
        expect(page.get_by_text("0 1 2")).to_be_visible(timeout=60_000)
        assert "0 1 2 3 4" not in page.inner_text("main")
        wait_idle(page)
        expect(page.get_by_text("0 1 2 3 4")).to_be_visible()
        expect(page.get_by_text("done")).to_be_visible()


KEYED = """\
import httpx
import requests
import streamlit as st

KEY = st.secrets["API_KEY"]
auth = {{"Authorization": f"Bearer {{KEY}}"}}
answer = requests.get("{base}/private?reflect=1", headers=auth, timeout=10).json()
st.write(f"requests: {{answer['answer']}}, echo {{answer['echo']}}")
st.write(f"httpx: {{httpx.post('{base}/private', headers=auth, timeout=10).json()['answer']}}")
st.write("no CORS, via proxy_hosts: " + requests.get("{base}/nocors/hello").json()["hello"])
events = requests.get("{base}/events?n=4&every=0.4", headers=auth, stream=True, timeout=30)
st.write_stream(
    "event " + line.split()[2] + ". " for line in events.iter_lines(decode_unicode=True) if line
)
try:
    requests.get("{elsewhere}/steal", headers=auth, timeout=10)
except requests.ConnectionError as error:
    st.write(f"refused: {{error}}")
st.write(f"secrets: {{st.secrets.to_dict()}}")
"""


def test_an_api_key_reaches_the_api_through_stc_proxy_and_nowhere_else(
    page: Page, guard: PageGuard, upstream: Upstream, tmp_path: Path
) -> None:
    proxy_port = int(_dead_url().rsplit(":", 1)[1])
    elsewhere = _dead_url()
    pyproject = (
        f'[tool.stc]\nproxy_url = "http://127.0.0.1:{proxy_port}"\n'
        f'proxy_hosts = ["{upstream.host}"]\n'
        f'[tool.stc.secrets]\nAPI_KEY = {{ hosts = ["{upstream.host}"] }}\n'
    )
    site = _site(
        tmp_path,
        KEYED.format(base=upstream.url(""), elsewhere=elsewhere),
        **{
            "pyproject.toml": pyproject,
            "requirements.txt": "requests\nhttpx\n",
            ".streamlit/secrets.toml": f'API_KEY = "{API_KEY}"\n',
        },
    )
    secrets = tmp_path / "app" / ".streamlit" / "secrets.toml"
    network: list[bytes] = []

    def record(response: Any) -> None:
        request = response.request
        network.append(repr(request.all_headers()).encode() + (request.post_data_buffer or b""))
        network.append(repr(response.all_headers()).encode())
        with contextlib.suppress(Exception):  # a stream the browser has not kept
            network.append(response.body())

    page.on("response", record)
    with serving(site) as url:
        origin = url.rstrip("/")
        arguments = [str(site), "--secrets", str(secrets), "--allow-origin", origin]
        with running(arguments, port=proxy_port, stderr=subprocess.DEVNULL):
            page.goto(url)
            expect(page.get_by_text("event 1.")).to_be_visible(timeout=60_000)
            assert "event 3." not in page.inner_text("main")  # streamed, not at the end
            wait_idle(page)
    text = page.inner_text("main")
    assert "requests: 42, echo ***" in text  # the API echoed the key: scrubbed on the way
    assert "httpx: 42" in text
    assert "no CORS, via proxy_hosts: world" in text  # the API does not allow the page
    assert "event 0. event 1. event 2. event 3." in text
    assert "stc proxy refused the request to " + elsewhere + "/steal (secret-not-allowed)" in text
    assert "secrets: {'API_KEY': <st.secrets['API_KEY']: held by stc proxy>}" in text
    assert API_KEY not in text
    # the API got the real key, three times (requests, httpx, the stream) ...
    keys = [
        s.headers.get("authorization") for s in upstream.seen if s.path in ("/private", "/events")
    ]
    assert keys[-3:] == [f"Bearer {API_KEY}"] * 3
    # ... and the site, the page's network and the API's other callers never did
    assert network and not [n for n in network if API_KEY.encode() in n]
    for file in site.rglob("*"):
        assert not file.is_file() or API_KEY.encode() not in file.read_bytes(), file
