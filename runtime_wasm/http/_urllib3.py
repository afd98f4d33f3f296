"""urllib3, and so ``requests``, in the browser.

urllib3 2.x has its own emscripten backend (``urllib3.contrib.emscripten``, switched on
by ``import urllib3`` under Pyodide): it sends with ``fetch`` through JSPI when the
browser has it, streaming the answer chunk by chunk, and with a synchronous XHR
otherwise. stc does not replace it; it wraps the two functions the backend's
connection sends with (``send_request`` and ``send_streaming_request``, looked up in
the *connection* module, which imported them by name), so that every request first
passes :func:`~runtime_wasm.http._route.outgoing` and every failure gets a message a
visitor can act on. urllib3 turns the backend's ``_RequestError`` into its own
``ProtocolError``, which ``requests`` raises as ``ConnectionError``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from runtime_wasm.http._route import Outgoing, RequestProblem, failure, outgoing, refusal
from runtime_wasm.http._wire import ERROR_HEADER

__all__ = ["patch"]

_PATCHED = "__stc_routed__"


def patch(connection: Any) -> None:
    """Route ``urllib3.contrib.emscripten.connection``'s sends (idempotent)."""
    if getattr(connection, _PATCHED, False):
        return
    from urllib3.contrib.emscripten.fetch import _RequestError

    connection.send_request = _routed(connection.send_request, _RequestError)
    connection.send_streaming_request = _routed(connection.send_streaming_request, _RequestError)
    setattr(connection, _PATCHED, True)


def _routed(send: Callable[[Any], Any], request_error: Any) -> Callable[[Any], Any]:
    def send_routed(request: Any) -> Any:
        body = request.body.encode() if isinstance(request.body, str) else request.body
        scanned = body if isinstance(body, bytes) else None
        try:
            sent = outgoing(request.method, request.url, request.headers, scanned)
        except RequestProblem as problem:
            raise request_error(str(problem), request=request) from None
        request.url, request.headers = sent.url, sent.headers
        try:
            response = send(request)
        except request_error as error:
            why = getattr(error, "message", None) or str(error)
            raise request_error(failure(sent, why), request=request) from error
        if response is not None and sent.via_proxy:
            _raise_refusal(sent, response, request_error)
        return response

    return send_routed


def _raise_refusal(sent: Outgoing, response: Any, request_error: Any) -> None:
    """The proxy's own refusal as an error (the target never saw the request)."""
    headers = dict(response.headers)
    if not any(k.lower() == ERROR_HEADER.lower() for k in headers):
        return
    body = response.body.read() if hasattr(response.body, "read") else bytes(response.body)
    message = refusal(sent, headers, body)
    if message is not None:
        raise request_error(message, request=response.request)
