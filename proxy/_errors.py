"""What can go wrong in ``stc proxy``, and the one place each failure becomes an answer.

::

    ProxyConfigError          the proxy cannot start: a bad secrets file or allowlist
    QueryRefused              a request is answered with a ProxyError body
     ├─ code "bad-request", "unknown-query", "bad-params", "unknown-connection"   (4xx)
     ├─ code "forbidden-origin", "rate-limited", "read-only"                       (4xx)
     └─ code "timeout", "database", "internal"                                     (5xx)

Every refusal, whether raised by an endpoint or decided by a middleware, goes through
:func:`error_response`, so the body always has the contract's shape
(:class:`runtime_wasm.connections.ProxyError`) and never carries a secret.
"""

from __future__ import annotations

from starlette.responses import Response

from runtime_wasm.connections import ProxyError

__all__ = ["STATUS", "ProxyConfigError", "QueryRefused", "error_response"]

# The HTTP status of each contract error code.
STATUS: dict[str, int] = {
    "bad-request": 400,
    "bad-params": 400,
    "forbidden-origin": 403,
    "read-only": 403,
    "unknown-query": 404,
    "unknown-write": 404,
    "unknown-connection": 404,
    "rate-limited": 429,
    "internal": 500,
    "database": 502,
    "timeout": 504,
}


class ProxyConfigError(Exception):
    """The proxy cannot start; the message says which file and what to fix."""


class QueryRefused(Exception):
    """A request the proxy answers with a :class:`ProxyError` body."""

    def __init__(self, code: str, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status if status is not None else STATUS[code]


def error_response(refusal: QueryRefused, headers: dict[str, str] | None = None) -> Response:
    """The answer for *refusal*: its status and ``{"error": {"code", "message"}}``."""
    body = ProxyError(code=refusal.code, message=refusal.message).to_json()
    return Response(
        body,
        status_code=refusal.status,
        media_type="application/json",
        headers={"Cache-Control": "no-store", **(headers or {})},
    )
