"""The proxy as a Starlette app: two routes, the middleware, one error handler.

``POST /v1/query`` looks the statement up by id in the allowlist, checks the
connection and the parameters, runs it in a worker thread and answers a
:class:`ResultSet` with an ``ETag`` (so ``If-None-Match`` gets a 304) and, when the
request carries the query's ``ttl``, ``Cache-Control: max-age``. ``GET /healthz``
answers without touching a database. Nothing is kept between requests but pooled
database connections and the rate limiter's buckets, so any number of workers and
instances can run side by side.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from proxy._databases import Databases, Limits
from proxy._errors import QueryRefused, error_response
from proxy._middleware import BodyLimit, Cors, RateLimit, RequestLog
from proxy._ratelimit import TokenBuckets
from proxy._settings import Settings
from proxy._statements import check_params, is_single_statement
from runtime_wasm.connections import QUERY_ROUTE, QueryRequest

__all__ = ["create_app"]


async def query(request: Request) -> Response:
    """Run one allowlisted statement."""
    settings: Settings = request.app.state.settings
    wanted = _parse(await request.body())
    request.state.connection = wanted.connection
    request.state.query = wanted.query[:12]
    if wanted.connection not in settings.connections:
        raise QueryRefused(
            "unknown-connection", f"this proxy has no connection {wanted.connection!r}"
        )
    entry = settings.allowlist.get(wanted.query)
    if entry is None or entry.connection != wanted.connection:
        raise QueryRefused(
            "unknown-query",
            f"no allowlisted statement {wanted.query[:12]!r} for connection "
            f"{wanted.connection!r}; rebuild the site and restart the proxy if the app changed",
        )
    if not is_single_statement(entry.sql):
        raise QueryRefused(
            "unknown-query",
            f"the statement at {entry.where or wanted.query[:12]} holds more than one "
            "statement; the proxy runs one statement per query",
        )
    params = check_params(entry, wanted.params)
    database = request.app.state.databases.get(entry.connection)
    limits = Limits(max_rows=settings.max_rows, timeout=settings.timeout)
    try:
        # The databases enforce the timeout themselves; this deadline is the backstop
        # for dialects that cannot (the thread finishes on its own).
        result = await asyncio.wait_for(
            run_in_threadpool(database.run, entry, params, limits), settings.timeout + 5
        )
    except TimeoutError:
        raise QueryRefused("timeout", "the statement ran longer than the proxy's timeout") from None
    return _cacheable(request, result.to_json().encode(), wanted.ttl)


async def healthz(request: Request) -> Response:
    """Alive, and how many statements it may run (no database is touched)."""
    settings: Settings = request.app.state.settings
    return JSONResponse(
        {"ok": True, "queries": len(settings.allowlist)}, headers={"Cache-Control": "no-store"}
    )


def _parse(body: bytes) -> QueryRequest:
    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    try:
        raw = json.loads(body, parse_constant=no_constants)
    except (ValueError, RecursionError):
        raise QueryRefused("bad-request", "the request body is not JSON") from None
    if not isinstance(raw, dict):
        raise QueryRefused("bad-request", "the request body must be a JSON object")
    connection, query_id, ttl = raw.get("connection"), raw.get("query"), raw.get("ttl")
    if not isinstance(connection, str) or not isinstance(query_id, str):
        raise QueryRefused("bad-request", "connection and query must be strings")
    if ttl is not None and (isinstance(ttl, bool) or not isinstance(ttl, int | float) or ttl < 0):
        raise QueryRefused("bad-request", "ttl must be a number of seconds")
    return QueryRequest(
        connection=connection, query=query_id, params=raw.get("params", {}), ttl=ttl
    )


def _cacheable(request: Request, body: bytes, ttl: float | None) -> Response:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {
        "ETag": etag,
        "Cache-Control": f"max-age={math.floor(ttl)}" if ttl else "no-cache",
    }
    matches = [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]
    if etag in matches or "*" in matches:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


async def _refused(request: Request, error: Exception) -> Response:
    """The one handler: every :class:`QueryRefused` becomes a ProxyError answer,
    its message scrubbed of the secrets' values."""
    assert isinstance(error, QueryRefused)
    settings: Settings = request.app.state.settings
    message = error.message
    for secret in sorted(settings.secrets, key=len, reverse=True):
        message = message.replace(secret, "***")
    request.state.code = error.code
    return error_response(QueryRefused(error.code, message, status=error.status))


def create_app(settings: Settings) -> Starlette:
    """The proxy's ASGI app for *settings*."""
    databases = Databases(settings.connections)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        databases.close()

    app = Starlette(
        routes=[
            Route(QUERY_ROUTE, query, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        middleware=[
            Middleware(RequestLog),
            Middleware(Cors, allow_origins=settings.allow_origins),
            Middleware(RateLimit, buckets=TokenBuckets(rate=settings.rate, burst=settings.burst)),
            Middleware(BodyLimit, max_body=settings.max_body),
        ],
        exception_handlers={QueryRefused: _refused},
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.databases = databases
    return app
