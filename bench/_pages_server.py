"""A static server that answers the way GitHub Pages does, for the start-up benchmark.

``stc serve`` sends every file as is with ``Cache-Control: no-cache`` (a rebuilt site
shows on reload). A visitor of a published site gets something else: compressible
files gzip-compressed, and ``Cache-Control: max-age=600`` with an ``ETag``, so a
repeat visit within ten minutes reads the browser's HTTP cache without asking. The
bench measures what visitors get, so this server does the same:

- gzip (level 6) for text, JSON and WebAssembly; ``.zip`` files go as they are (their
  members are deflated already, and compressing them again gains under 1%);
- ``max-age=600`` and an ``ETag``, answering ``If-None-Match`` with 304;
- a count of the bytes it wrote (headers and bodies), which is what the visitor
  downloaded: the bench reads it around each load (:attr:`PagesServer.sent`).
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from compiler.devtools._serve import MIME_TYPES

__all__ = ["PagesServer", "pages_server"]

_COMPRESSED_TYPES = ("text/", "application/json", "application/javascript", "application/wasm")


class PagesServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root.resolve()
        self._lock = threading.Lock()
        self._sent = 0

    @property
    def sent(self) -> int:
        """Bytes written to clients so far."""
        with self._lock:
            return self._sent

    def count(self, n: int) -> None:
        with self._lock:
            self._sent += n

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a page closed mid-download resets its connection


@cache
def _encoded(path: Path, mtime_ns: int) -> tuple[bytes, str, bool]:
    """The body to send for *path*, its ETag, and whether it is gzip-compressed."""
    data = path.read_bytes()
    mime = MIME_TYPES.get(path.suffix.lower(), "application/octet-stream")
    compress = mime.startswith(_COMPRESSED_TYPES)
    body = gzip.compress(data, compresslevel=6, mtime=0) if compress else data
    return body, '"' + hashlib.sha256(data).hexdigest()[:20] + '"', compress


class _Handler(BaseHTTPRequestHandler):
    server: PagesServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        path = (self.server.root / rel).resolve()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_relative_to(self.server.root) or not path.is_file():
            self._send(404, b"not found", "text/plain", "", False)
            return
        body, etag, compressed = _encoded(path, path.stat().st_mtime_ns)
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", "", etag, False)
            return
        mime = MIME_TYPES.get(path.suffix.lower(), "application/octet-stream")
        self._send(200, body, mime, etag, compressed)

    def _send(self, status: int, body: bytes, mime: str, etag: str, compressed: bool) -> None:
        lines = [f"HTTP/1.1 {status} {self.responses[status][0]}"]
        if mime:
            lines.append(f"Content-Type: {mime}")
        if etag:
            lines += [f"ETag: {etag}", "Cache-Control: max-age=600"]
        if compressed:
            lines.append("Content-Encoding: gzip")
        lines.append(f"Content-Length: {len(body)}")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode()
        self.wfile.write(head + body)
        self.server.count(len(head) + len(body))

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def pages_server(root: Path) -> Iterator[tuple[PagesServer, str]]:
    """Serve *root* from a thread; yields the server and its base URL."""
    server = PagesServer(root)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
