"""The proxy's middleware, outermost first: one JSON log line per request, origins
(CORS), per-client rate limit, body size limit. Pure ASGI classes, so a refusal is
answered before the body is read or an endpoint runs.

The log line never holds parameter values, SQL or secrets: method, path, status,
milliseconds, the connection name and the first 12 characters of the query id, the
host of a web request (not its URL, whose query may hold anything), and the error code
of a refusal. Endpoints leave those facts in the request's ``state``.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from collections.abc import Iterable
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from proxy._errors import AnswerCut, QueryRefused, error_response
from proxy._ratelimit import TokenBuckets
from runtime_wasm.auth import SESSION_HEADER
from runtime_wasm.http import ERROR_HEADER, FORWARD_ROUTE

__all__ = ["BodyLimit", "Cors", "RateLimit", "RequestLog", "logger"]

logger = logging.getLogger("stc.proxy")

_ALLOW_HEADERS = f"content-type, if-none-match, {SESSION_HEADER.lower()}"
_FORWARD_METHODS = "GET, POST, PUT, PATCH, DELETE, HEAD"
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


async def _refuse(scope: Scope, receive: Receive, send: Send, refusal: QueryRefused) -> None:
    scope.setdefault("state", {})["code"] = refusal.code
    await error_response(refusal)(scope, receive, send)


class RequestLog:
    """One structured line per request; the last resort for an unexpected exception
    (logged with its traceback, answered as ``internal`` without details)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        except AnswerCut as cut:
            # Returning with the body unfinished makes the server close the connection,
            # which is what a cut answer must look like; it is no bug of the proxy's.
            scope.setdefault("state", {})["code"] = cut.code
        except Exception:
            logger.exception("request failed: %s %s", scope["method"], scope["path"])
            if status:
                raise
            await _refuse(
                scope,
                receive,
                send_status,
                QueryRefused("internal", "the proxy failed; its log says why"),
            )
        state: dict[str, Any] = scope.get("state", {})
        line = {
            "method": scope["method"],
            "path": scope["path"],
            "status": status,
            "ms": round((time.perf_counter() - started) * 1000, 1),
            "connection": state.get("connection"),
            "query": state.get("query"),
            "host": state.get("host"),
            "code": state.get("code"),
        }
        logger.info(json.dumps({k: v for k, v in line.items() if v is not None}))


class Cors:
    """Grant CORS to the allowed origins only; refuse requests from any other origin.

    A request without ``Origin`` is not from a page's script (browsers send it on every
    cross-origin request and every POST), so it is let through: CORS protects
    visitors' browsers, and a non-browser client could forge any header anyway.

    The forward route takes any method an app uses and any header it sets
    (``Authorization``, an API's own), so its preflight grants the requested ones; what
    may reach an upstream is decided by the forward rules, not by CORS. Every answer
    exposes ``Stc-Proxy-Error``, so the page can tell a refusal from an upstream's error.
    """

    def __init__(self, app: ASGIApp, *, allow_origins: Iterable[str]) -> None:
        self.app = app
        self.allow_origins = frozenset(allow_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is None:
            await self.app(scope, receive, send)
            return
        if origin not in self.allow_origins:
            await _refuse(
                scope,
                receive,
                send,
                QueryRefused(
                    "forbidden-origin",
                    f"origin {origin!r} is not allowed by this proxy's --allow-origin",
                ),
            )
            return
        grant = {"Access-Control-Allow-Origin": origin}
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            preflight = {
                **grant,
                "Vary": "Origin",
                "Access-Control-Allow-Methods": "GET, POST",
                "Access-Control-Allow-Headers": _ALLOW_HEADERS,
                "Access-Control-Max-Age": "600",
            }
            if scope["path"] == FORWARD_ROUTE:
                asked = headers.get("access-control-request-headers", "")
                names = [n.strip() for n in asked.split(",") if _HEADER_NAME.fullmatch(n.strip())]
                preflight["Vary"] = "Origin, Access-Control-Request-Headers"
                preflight["Access-Control-Allow-Methods"] = _FORWARD_METHODS
                preflight["Access-Control-Allow-Headers"] = ", ".join(names) or _ALLOW_HEADERS
            await send(
                {
                    "type": "http.response.start",
                    "status": 204,
                    "headers": MutableHeaders(preflight).raw,
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_granted(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                out.update(grant)
                out.add_vary_header("Origin")
                exposed = [out.get("access-control-expose-headers", ""), "ETag", ERROR_HEADER]
                if "retry-after" in out:  # a refused login says when to try again
                    exposed.append("Retry-After")
                out["Access-Control-Expose-Headers"] = ", ".join(e for e in exposed if e)
            await send(message)

        await self.app(scope, receive, send_granted)


class RateLimit:
    """``rate-limited`` (429, ``Retry-After``) past a client's token bucket; the health
    check is exempt (load balancers call it often)."""

    def __init__(self, app: ASGIApp, *, buckets: TokenBuckets) -> None:
        self.app = app
        self.buckets = buckets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == "/healthz":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.buckets.take(client[0] if client else "?")
        if wait:
            refusal = QueryRefused(
                "rate-limited", "too many requests from this client; retry later"
            )
            scope.setdefault("state", {})["code"] = refusal.code
            response = error_response(refusal, {"Retry-After": str(math.ceil(wait))})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class BodyTooLarge(QueryRefused):
    def __init__(self, limit: int) -> None:
        super().__init__(
            "bad-request", f"the request body is larger than {limit} bytes", status=413
        )


class BodyLimit:
    """``bad-request`` (413) for a body over *max_body* bytes, whether it says its
    length up front or streams past the limit."""

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length", "0")
        if not length.isdigit():
            refusal = QueryRefused("bad-request", "Content-Length is not a number")
            await _refuse(scope, receive, send, refusal)
            return
        if int(length) > self.max_body:
            await _refuse(scope, receive, send, BodyTooLarge(self.max_body))
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLarge(self.max_body)  # the endpoint's handler answers it
            return message

        await self.app(scope, counted, send)
