"""The proxy as a Starlette app: its routes, the middleware, one error handler.

``POST /v1/query`` looks the statement up by id in the allowlist, checks the
connection and the parameters, runs it in a worker thread and answers a
:class:`ResultSet` with an ``ETag`` (so ``If-None-Match`` gets a 304) and, when the
request carries the query's ``ttl``, ``Cache-Control: max-age``. ``/v1/fetch``
forwards an app's web request with the API keys it may carry (:mod:`proxy._forward`).
``/v1/login`` and ``/v1/session`` check passwords and sessions (:mod:`proxy._login`);
``/v1/password``, ``/v1/details`` and ``/v1/register`` change the app's credentials
file as streamlit-authenticator does (:mod:`proxy._accounts`); the connections and
secrets the site's ``auth.json`` names answer only requests that carry a session
(:func:`proxy._sessions.check_session`), checked before a database or an upstream is
touched.
``GET /healthz`` answers without touching a database. Nothing is kept between requests
but pooled database and upstream connections, the rate limiter's buckets and the
users last read from a credentials file (read again when it changes), so any number
of workers and instances can run side by side.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx2 as httpx
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from proxy._accounts import change_details, change_password, register
from proxy._backend import Limits
from proxy._bodies import json_object
from proxy._databases import Databases
from proxy._errors import QueryRefused, error_response
from proxy._forward import METHODS, forward, upstream_client
from proxy._login import login, session
from proxy._middleware import BodyLimit, Cors, RateLimit, RequestLog
from proxy._ratelimit import FailedLogins, TokenBuckets
from proxy._sessions import check_session
from proxy._settings import Settings
from proxy._statements import check_params, is_single_statement
from runtime_wasm.auth import (
    DETAILS_ROUTE,
    LOGIN_ROUTE,
    PASSWORD_ROUTE,
    REGISTER_ROUTE,
    SESSION_ROUTE,
)
from runtime_wasm.connections import (
    QUERY_ROUTE,
    WRITE_ROUTE,
    QueryRequest,
    ResultSet,
    WriteRequest,
)
from runtime_wasm.http import FORWARD_ROUTE

__all__ = ["create_app"]


async def query(request: Request) -> Response:
    """Run one allowlisted statement."""
    settings: Settings = request.app.state.settings
    wanted = _parse(await request.body())
    request.state.connection = wanted.connection
    request.state.query = wanted.query[:12]
    check_session(request, [wanted.connection], "connection")
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


async def write(request: Request) -> Response:
    """Write a DataFrame's rows to an allowlisted ``write_pandas`` target."""
    settings: Settings = request.app.state.settings
    wanted = _parse_write(await request.body())
    request.state.connection = wanted.connection
    request.state.query = wanted.write[:12]
    check_session(request, [wanted.connection], "connection")
    target = settings.writes.get(wanted.write)
    if target is None or target.connection != wanted.connection:
        raise QueryRefused(
            "unknown-write",
            f"no allowlisted write_pandas target {wanted.write[:12]!r} for connection "
            f"{wanted.connection!r}; rebuild the site and restart the proxy if the app changed",
        )
    if wanted.connection not in settings.connections:
        raise QueryRefused(
            "unknown-connection", f"this proxy has no connection {wanted.connection!r}"
        )
    rows = len(wanted.rows.data[0]) if wanted.rows.data else 0
    if rows > settings.max_rows:
        raise QueryRefused("bad-request", f"{rows} rows is more than this proxy takes at once")
    database = request.app.state.databases.get(target.connection)
    try:
        answer = await asyncio.wait_for(
            run_in_threadpool(database.write, target, wanted.rows, wanted.chunk_size),
            settings.timeout + 5,
        )
    except TimeoutError:
        raise QueryRefused("timeout", "the write ran longer than the proxy's timeout") from None
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})


async def healthz(request: Request) -> Response:
    """Alive, and how many statements it may run (no database is touched)."""
    settings: Settings = request.app.state.settings
    return JSONResponse(
        {"ok": True, "queries": len(settings.allowlist)}, headers={"Cache-Control": "no-store"}
    )


def _parse(body: bytes) -> QueryRequest:
    raw = json_object(body)
    connection, query_id, ttl = raw.get("connection"), raw.get("query"), raw.get("ttl")
    if not isinstance(connection, str) or not isinstance(query_id, str):
        raise QueryRefused("bad-request", "connection and query must be strings")
    if ttl is not None and (isinstance(ttl, bool) or not isinstance(ttl, int | float) or ttl < 0):
        raise QueryRefused("bad-request", "ttl must be a number of seconds")
    return QueryRequest(
        connection=connection, query=query_id, params=raw.get("params", {}), ttl=ttl
    )


def _parse_write(body: bytes) -> WriteRequest:
    raw = json_object(body)
    connection, write_id, rows = raw.get("connection"), raw.get("write"), raw.get("rows")
    chunk_size = raw.get("chunk_size")
    if not isinstance(connection, str) or not isinstance(write_id, str):
        raise QueryRefused("bad-request", "connection and write must be strings")
    if chunk_size is not None and (isinstance(chunk_size, bool) or not isinstance(chunk_size, int)
                                   or chunk_size < 1):  # fmt: skip
        raise QueryRefused("bad-request", "chunk_size must be a positive integer")
    try:
        result = ResultSet.from_json(json.dumps(rows))
        lengths = {len(column) for column in result.data}
        if len(result.columns) != len(result.dtypes) or len(result.columns) != len(result.data):
            raise ValueError("columns, dtypes and data differ in length")
        if len(lengths) > 1 or not all(isinstance(c, str) for c in result.columns):
            raise ValueError("columns differ in length")
    except (ValueError, KeyError, TypeError) as error:
        raise QueryRefused(
            "bad-request", f"rows must be columns, dtypes and data: {error}"
        ) from None
    return WriteRequest(connection=connection, write=write_id, rows=result, chunk_size=chunk_size)


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
    return error_response(
        QueryRefused(error.code, message, status=error.status, headers=error.headers)
    )


def create_app(
    settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
) -> Starlette:
    """The proxy's ASGI app for *settings* (*transport*: where forwarded web requests
    go instead of the network, for tests)."""
    databases = Databases(settings.connections)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with upstream_client(settings, transport) as client:
            app.state.upstream = client
            yield
        databases.close()

    app = Starlette(
        routes=[
            Route(QUERY_ROUTE, query, methods=["POST"]),
            Route(WRITE_ROUTE, write, methods=["POST"]),
            Route(FORWARD_ROUTE, forward, methods=METHODS),
            Route(LOGIN_ROUTE, login, methods=["POST"]),
            Route(SESSION_ROUTE, session, methods=["POST"]),
            Route(PASSWORD_ROUTE, change_password, methods=["POST"]),
            Route(DETAILS_ROUTE, change_details, methods=["POST"]),
            Route(REGISTER_ROUTE, register, methods=["POST"]),
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
    app.state.failed_logins = FailedLogins(
        limit=settings.login_attempts, window=settings.login_window
    )
    app.state.registrations = FailedLogins(
        limit=settings.register_attempts, window=settings.register_window
    )
    return app
