"""``httpx`` in the browser.

httpx sends through httpcore, which opens sockets: nothing works in Pyodide (Pyodide's
own httpx is a fork that PyPI does not have). stc gives every ``httpx.Client`` and
``httpx.AsyncClient`` a transport that sends with urllib3's emscripten backend, the
routed one (:mod:`runtime_wasm.http._urllib3`), streaming the answer as it arrives; a
transport the app passes itself is kept. Failures become httpx's own ``ConnectError``
and ``ReadTimeout``, with stc's message.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

__all__ = ["patch"]

_DROPPED = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def patch(httpx: Any) -> None:
    """Make urllib3's fetch the default transport of httpx's clients (idempotent)."""
    if getattr(httpx, "__stc_routed__", False):
        return
    import urllib3

    pool = urllib3.PoolManager(retries=False)

    class _Stream(httpx.SyncByteStream, httpx.AsyncByteStream):  # type: ignore[misc]
        def __init__(self, answer: Any) -> None:
            self._answer = answer

        def __iter__(self) -> Iterator[bytes]:
            yield from self._answer.stream(65536)

        async def __aiter__(self) -> AsyncIterator[bytes]:
            for chunk in self._answer.stream(65536):
                yield chunk

        def close(self) -> None:
            self._answer.release_conn()

        async def aclose(self) -> None:
            self.close()

    def send(request: Any, body: bytes) -> Any:
        timeout = request.extensions.get("timeout", {}).get("read")
        try:
            answer = pool.request(
                request.method, str(request.url), body=body or None,
                headers=dict(request.headers), preload_content=False, redirect=False,
                timeout=timeout,
            )  # fmt: skip
        except urllib3.exceptions.TimeoutError as error:
            raise httpx.ReadTimeout(str(error), request=request) from None
        except urllib3.exceptions.HTTPError as error:
            raise httpx.ConnectError(_reason(error), request=request) from None
        headers = [(k, v) for k, v in answer.headers.items() if k.lower() not in _DROPPED]
        return httpx.Response(answer.status, headers=headers, stream=_Stream(answer),
                              request=request)  # fmt: skip

    class FetchTransport(httpx.BaseTransport):  # type: ignore[misc]
        def handle_request(self, request: Any) -> Any:
            return send(request, request.read())

    class AsyncFetchTransport(httpx.AsyncBaseTransport):  # type: ignore[misc]
        async def handle_async_request(self, request: Any) -> Any:
            return send(request, await request.aread())

    def sync_transport(self: Any, *args: Any, transport: Any = None, **kwargs: Any) -> Any:
        return transport or FetchTransport()

    def async_transport(self: Any, *args: Any, transport: Any = None, **kwargs: Any) -> Any:
        return transport or AsyncFetchTransport()

    httpx.Client._init_transport = sync_transport
    httpx.Client._init_proxy_transport = lambda self, *a, **k: FetchTransport()
    httpx.AsyncClient._init_transport = async_transport
    httpx.AsyncClient._init_proxy_transport = lambda self, *a, **k: AsyncFetchTransport()
    httpx.__stc_routed__ = True


def _reason(error: Exception) -> str:
    """stc's message, from under urllib3's wrappers (ProtocolError('Connection
    aborted.', HTTPException(message)))."""
    inner: Any = error
    while inner.args and isinstance(inner.args[-1], BaseException):
        inner = inner.args[-1]
    return str(inner.args[0]) if inner.args else str(error)
