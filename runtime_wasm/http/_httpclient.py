"""``http.client``, and so ``urllib.request`` and pandas' URL readers, in the browser.

Pyodide's ``http.client`` opens a socket, which Emscripten turns into a WebSocket to
the host: it fails (or, worse, knocks on the server's port). stc replaces
``HTTPConnection`` and ``HTTPSConnection`` with classes that send each request with
urllib3's emscripten backend, through the same routed send as ``requests``
(:mod:`runtime_wasm.http._urllib3`), and hand ``urllib`` an ordinary
``http.client.HTTPResponse`` parsed from the answer. The browser has already undone any
``Content-Encoding`` (pandas would gunzip again), so that header is left out.

urllib3 must be in the site: the compiler ships it with any app that imports these.
"""

from __future__ import annotations

import io
from typing import Any

from runtime_wasm.http._route import browser_headers

__all__ = ["patch"]

_DROPPED = frozenset({"content-length", "content-encoding", "transfer-encoding"})


def patch(client: Any) -> None:
    """Replace ``http.client``'s connection classes (idempotent)."""
    if getattr(client, "__stc_routed__", False):
        return
    base = client.HTTPConnection

    class FetchHTTPConnection(base):  # type: ignore[misc, valid-type]
        """An ``HTTPConnection`` whose requests go through the browser's fetch."""

        scheme = "http"

        def connect(self) -> None:  # nothing to open: each request is one fetch
            pass

        def request(
            self,
            method: str,
            url: str,
            body: Any = None,
            headers: Any = None,
            *,
            encode_chunked: bool = False,
        ) -> None:
            self._stc_answer = _send(self, method, url, body, browser_headers(headers or {}))

        def getresponse(self) -> Any:
            status, reason, headers, data = self._stc_answer
            head = f"HTTP/1.1 {status} {reason or 'OK'}\r\n" + "".join(
                f"{k}: {v}\r\n" for k, v in headers.items() if k.lower() not in _DROPPED
            )
            raw = head.encode("latin-1") + f"Content-Length: {len(data)}\r\n\r\n".encode()
            response = client.HTTPResponse(_Socket(raw + data), method=self._method)
            response.begin()
            return response

    class FetchHTTPSConnection(FetchHTTPConnection):
        scheme = "https"
        default_port = 443

        def __init__(self, host: str, port: int | None = None, **kwargs: Any) -> None:
            kwargs.pop("context", None)  # TLS is the browser's
            kwargs.pop("check_hostname", None)
            super().__init__(host, port, **kwargs)

    client.HTTPConnection = FetchHTTPConnection
    client.HTTPSConnection = FetchHTTPSConnection
    client.__stc_routed__ = True


def _send(
    conn: Any, method: str, url: str, body: Any, headers: dict[str, str]
) -> tuple[int, str, dict[str, str], bytes]:
    conn._method = method
    try:
        send, request_error, timeout_error, make_request = backend()
    except ImportError as error:
        raise ConnectionError(
            f"{method} {url}: urllib3 is not in this site, and stc sends urllib's requests "
            f"with it; rebuild the site with stc ({error})"
        ) from None
    if "://" not in url:
        default = 443 if conn.scheme == "https" else 80
        port = "" if conn.port in (None, default) else f":{conn.port}"
        url = f"{conn.scheme}://{conn.host}{port}{url}"
    if hasattr(body, "read"):
        body = body.read()
    if isinstance(body, str):
        body = body.encode("iso-8859-1")
    if body is not None and not isinstance(body, bytes):
        body = b"".join(bytes(chunk) for chunk in body)  # an iterable of chunks
    timeout = conn.timeout if isinstance(conn.timeout, int | float) else 0
    request = make_request(method=method, url=url, headers=headers, body=body, timeout=timeout)
    try:
        answer = send(request)
    except timeout_error as error:
        raise TimeoutError(str(error)) from None
    except request_error as error:  # urllib wraps an OSError in URLError
        raise ConnectionError(str(error)) from None
    data = answer.body.read() if hasattr(answer.body, "read") else bytes(answer.body)
    return answer.status_code, "", dict(answer.headers), data


def backend() -> tuple[Any, Any, Any, Any]:
    """urllib3's emscripten backend: its routed send (see _urllib3), its two errors and
    its request type. Tests on CPython put a fake one in its place."""
    from urllib3.contrib.emscripten import connection
    from urllib3.contrib.emscripten.fetch import _RequestError, _TimeoutError
    from urllib3.contrib.emscripten.request import EmscriptenRequest

    send = connection.send_request  # type: ignore[attr-defined]  # routed by _urllib3
    return send, _RequestError, _TimeoutError, EmscriptenRequest


class _Socket:
    """What ``HTTPResponse`` reads from: the answer, already whole."""

    def __init__(self, data: bytes) -> None:
        self._file = io.BytesIO(data)

    def makefile(self, mode: str) -> io.BytesIO:
        return self._file
