"""A fake web API on 127.0.0.1 for the tests of web requests (issue 14): it answers
with or without CORS, checks an API key, echoes what it saw, reflects the key back,
streams server-sent events, answers slowly, and records every request.

Started in a thread of the test process with uvicorn (about 0.1 s); the browser and
``stc proxy`` reach it like any server.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

__all__ = ["Seen", "Upstream", "serve_upstream"]

API_KEY = "canary-api-key-9d4e1f"  # what the upstream expects; never in a site or a page
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*"}


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Upstream:
    url: str
    seen: list[Seen] = field(default_factory=list)


def _app(upstream: Upstream) -> Starlette:
    async def record(request: Request) -> None:
        body = await request.body()
        upstream.seen.append(
            Seen(request.method, request.url.path, request.url.query, dict(request.headers), body)
        )

    async def hello(request: Request) -> Response:
        await record(request)
        cors = CORS if request.path_params["cors"] == "cors" else {}
        if request.method == "OPTIONS":
            return Response(status_code=204, headers=cors)
        return JSONResponse({"hello": "world"}, headers=cors)

    async def private(request: Request) -> Response:
        """Answers only with the right key: in a header, the query or the body."""
        await record(request)
        seen = upstream.seen[-1]
        key = seen.headers.get("authorization", "").removeprefix("Bearer ")
        key = key or request.query_params.get("key", "") or seen.body.decode()
        if key != API_KEY:
            return JSONResponse({"error": "bad key"}, status_code=401)
        return JSONResponse({"answer": 42, "echo": key if "reflect" in seen.query else ""})

    async def events(request: Request) -> Response:
        await record(request)

        async def ticks() -> AsyncIterator[bytes]:
            for n in range(1, 6):
                yield f"data: tick {n}\n\n".encode()
                await asyncio.sleep(0.4)

        return StreamingResponse(ticks(), media_type="text/event-stream", headers=CORS)

    return Starlette(
        routes=[
            Route("/{cors:str}/hello", hello, methods=["GET", "OPTIONS"]),
            Route("/private", private, methods=["GET", "POST"]),
            Route("/events", events, methods=["GET", "POST"]),
        ]
    )


@contextmanager
def serve_upstream() -> Iterator[Upstream]:
    """The fake API on a free 127.0.0.1 port, for the length of the block."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    upstream = Upstream(url=f"http://127.0.0.1:{port}")
    config = uvicorn.Config(_app(upstream), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        yield upstream
    finally:
        server.should_exit = True
        thread.join(timeout=5)
