"""``serving``: the MIME types browsers insist on, and no caching."""

from __future__ import annotations

import socket
import struct
import threading
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from compiler import StcError, serving


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("page.mjs", "text/javascript"),
        ("vendor/lib.js", "text/javascript"),
        ("pyodide.asm.wasm", "application/wasm"),
        ("app.zip", "application/zip"),
        ("stc-build.json", "application/json"),
        ("stc.css", "text/css"),
        ("index.html", "text/html"),
    ],
)
def test_content_types(tmp_path: Path, name: str, content_type: str) -> None:
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_bytes(b"x")
    with serving(tmp_path) as base_url, urlopen(base_url + name) as response:
        assert base_url.startswith("http://127.0.0.1:")
        assert response.headers.get_content_type() == content_type
        assert response.headers["Cache-Control"] == "no-cache"
        assert response.read() == b"x"


def test_missing_file_is_404(tmp_path: Path) -> None:
    with serving(tmp_path) as base_url, pytest.raises(HTTPError) as error:
        urlopen(base_url + "nope.mjs")
    assert error.value.code == 404
    error.value.close()


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StcError, match="not a folder"), serving(tmp_path / "missing"):
        pass


def test_a_visitor_leaving_mid_download_is_not_an_error(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A page closed while a large file streams resets the connection: no traceback."""
    (tmp_path / "big.js").write_bytes(b"x" * 20_000_000)
    with serving(tmp_path) as url:
        host, port = url.removeprefix("http://").rstrip("/").split(":")
        client = socket.create_connection((host, int(port)))
        client.sendall(b"GET /big.js HTTP/1.1\r\nHost: x\r\n\r\n")
        assert client.recv(1024).startswith(b"HTTP/1.0 200")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()  # a reset, as a browser tab closing mid-download
        deadline = time.monotonic() + 5
        while threading.active_count() > 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # the handler thread ends on the reset
        with urlopen(url + "big.js") as response:  # and the server still serves
            assert response.status == 200
    assert "Traceback" not in capfd.readouterr().err
