"""A small static server for built sites, for ``stc serve`` and for tests.

Python's default MIME table is platform-dependent; browsers refuse module scripts
served as anything but JavaScript and ``WebAssembly.instantiateStreaming`` needs
``application/wasm``, so the types that matter are fixed here. ``no-cache`` makes
the browser revalidate, so a rebuilt site is picked up on reload.

``stc run``'s server is the same one given an :class:`EventHub`: it then answers
``/__stc/events`` (``DEV_EVENTS``) with the hub's event stream. ``stc serve`` has no
hub, so a built site never has that address.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from os import PathLike
from pathlib import Path
from typing import Any

from compiler._exceptions import StcError
from compiler._progress import Reporter
from compiler.devtools._events import EventHub
from runtime_wasm._protocol import DEV_EVENTS

__all__ = ["serve", "serving"]

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".gz": "application/gzip",  # sent as is: the worker inflates runtime.zip.gz itself
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}


class _Handler(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        events = getattr(self.server, "events", None)
        if events is not None and self.path.split("?", 1)[0] == "/" + DEV_EVENTS:
            self._stream(events)
            return
        if events is not None:
            # Last-Modified has whole seconds: a file stc run rewrote within the second
            # would be "not modified" and the page would run the build before it.
            del self.headers["If-Modified-Since"]
        super().do_GET()

    def _stream(self, events: EventHub) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()  # adds no-cache
        self.close_connection = True
        events.stream(self.wfile)

    def guess_type(self, path: str | PathLike[str]) -> str:
        return MIME_TYPES.get(Path(path).suffix.lower()) or super().guess_type(path)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: a page load is dozens of requests

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing path gets the nearest ``404.html`` above it, as GitHub Pages does
        (a site's ``404.html`` answers for every missing path under the site)."""
        page = self._not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", MIME_TYPES[".html"])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        here = Path(self.translate_path(self.path))
        root = Path(self.directory).resolve()
        for folder in [here, *here.parents]:
            if not folder.resolve().is_relative_to(root):
                return None
            if (folder / "404.html").is_file():
                return folder / "404.html"
        return None


class _Server(ThreadingHTTPServer):
    events: EventHub | None = None  # stc run's: answer DEV_EVENTS

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that leaves a page (or a test that closes it) while a large file
        is still being sent resets the connection: normal, not worth a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def _server(
    directory: Path, host: str, port: int, events: EventHub | None = None
) -> ThreadingHTTPServer:
    if not directory.is_dir():
        raise StcError(f"cannot serve {directory}: not a folder")
    handler = partial(_Handler, directory=str(directory))
    try:
        server = _Server((host, port), handler)
    except OSError as error:
        raise StcError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    server.daemon_threads = True
    server.events = events
    return server


def _base_url(server: ThreadingHTTPServer) -> str:
    host, port = str(server.server_address[0]), server.server_address[1]
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"


def serve(
    directory: Path, host: str = "127.0.0.1", port: int = 8000, reporter: Reporter | None = None
) -> None:
    """Serve *directory* until interrupted (Ctrl-C); the URL goes to *reporter*."""
    with _server(directory, host, port) as server:
        if reporter is not None:
            reporter.info(f"serving {directory} at {_base_url(server)} (Ctrl-C to stop)")
        with suppress(KeyboardInterrupt):
            server.serve_forever()


@contextmanager
def serving(
    directory: Path, host: str = "127.0.0.1", port: int = 0, events: EventHub | None = None
) -> Iterator[str]:
    """Serve *directory* from a daemon thread; yields the base URL (ending in ``/``).
    With *events* (``stc run``), ``DEV_EVENTS`` streams them; they end on the way out."""
    with _server(directory, host, port, events) as server:
        # A short poll interval makes shutdown quick (tests start many servers).
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield _base_url(server)
        finally:
            if events is not None:
                events.close()  # the streams' threads end
            server.shutdown()
            thread.join()
