"""What can go wrong in ``stc proxy``, and the one place each failure becomes an answer.

::

    ProxyConfigError          the proxy cannot start: a bad secrets file, allowlist or rules
    QueryRefused              a request is answered with a ProxyError body
     ├─ code "bad-request", "unknown-query", "bad-params", "unknown-connection"   (4xx)
     ├─ code "forbidden-origin", "rate-limited", "read-only"                       (4xx)
     ├─ code "bad-target", "unknown-secret", "secret-not-allowed",                 (4xx)
     │       "host-not-allowed"                                 (web requests)
     ├─ code "bad-login", "bad-token", "login-required", "role-required"           (4xx)
     │                                                          (logins and sessions)
     ├─ code "bad-value", "taken", "not-allowed", "read-only"                      (4xx)
     │                                          (account changes and registrations)
     └─ code "timeout", "database", "internal",                                    (5xx)
             "upstream-unreachable", "upstream-timeout"         (web requests)
    AnswerCut                 an upstream broke off an answer already streaming to the page

Every refusal, whether raised by an endpoint or decided by a middleware, goes through
:func:`error_response`, so the body always has the contract's shape
(:class:`runtime_wasm.connections.ProxyError`), never carries a secret, and has the
header ``Stc-Proxy-Error: <code>``: on the forward route an upstream's own 403 or 502
passes through as it is, and that header is how the page tells the two apart.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.responses import Response

from runtime_wasm.connections import ProxyError
from runtime_wasm.http import ERROR_HEADER

__all__ = ["STATUS", "AnswerCut", "ProxyConfigError", "QueryRefused", "error_response"]

# The HTTP status of each contract error code.
STATUS: dict[str, int] = {
    "bad-request": 400,
    "bad-params": 400,
    "bad-target": 400,
    "bad-value": 400,
    "bad-login": 401,
    "bad-token": 401,
    "login-required": 401,
    "forbidden-origin": 403,
    "read-only": 403,
    "unknown-secret": 403,
    "secret-not-allowed": 403,
    "host-not-allowed": 403,
    "role-required": 403,
    "not-allowed": 403,
    "unknown-query": 404,
    "unknown-write": 404,
    "unknown-connection": 404,
    "taken": 409,  # and "read-only" of the credentials (a database's is 403)
    "rate-limited": 429,
    "internal": 500,
    "database": 502,
    "upstream-unreachable": 502,
    "timeout": 504,
    "upstream-timeout": 504,
}


class ProxyConfigError(Exception):
    """The proxy cannot start; the message says which file and what to fix."""


class QueryRefused(Exception):
    """A request the proxy answers with a :class:`ProxyError` body."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status if status is not None else STATUS[code]
        self.headers = dict(headers or {})  # e.g. Retry-After


class AnswerCut(Exception):
    """An upstream failed after its answer began streaming to the page. The status is
    sent, so the only honest signal left is to close the connection without ending
    the body (the page sees a cut answer, never a short one that looks whole): the
    request log notes the code and returns, and the server closes the connection."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def error_response(refusal: QueryRefused, headers: dict[str, str] | None = None) -> Response:
    """The answer for *refusal*: its status and ``{"error": {"code", "message"}}``."""
    body = ProxyError(code=refusal.code, message=refusal.message).to_json()
    return Response(
        body,
        status_code=refusal.status,
        media_type="application/json",
        headers={
            "Cache-Control": "no-store",
            ERROR_HEADER: refusal.code,
            **refusal.headers,
            **(headers or {}),
        },
    )
