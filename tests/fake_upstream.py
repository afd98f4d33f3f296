"""A web API for the tests of web requests (issue 14), in the proxy tier and in the
browser: a small Starlette app on a free 127.0.0.1 port (uvicorn in a thread, up in
well under a second), which records every request it gets and can echo it, be slow,
stream server-sent events, or set headers that must not reach the page.

Routes: ``/echo`` (any method: what it saw, as JSON, with the ``Authorization`` and
``X-Api-Key`` headers reflected in answer headers), ``/slow?s=1.5``,
``/events?n=5&every=0.2`` (``&cors=1``: callable from a page directly),
``/split?text=...`` (the text in two chunks, cut in its middle, 100 ms apart),
``/headers`` (headers the proxy must drop), ``/redirect``, ``/cors/hello`` and
``/nocors/hello`` (a page may, or may not, read the answer), ``/private`` (answers
only with :data:`API_KEY` as a bearer token; ``?reflect=1`` echoes it back).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import uvicorn
from pg_cluster import free_port
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
API_KEY = "canary-api-key-9d4e1f"  # what /private wants; never in a site or a page
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*"}


@dataclass
class Seen:
    """One request as the upstream got it."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Upstream:
    port: int
    seen: list[Seen] = field(default_factory=list)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"


def _app(upstream: Upstream) -> Starlette:
    async def record(request: Request) -> Seen:
        seen = Seen(
            method=request.method,
            path=request.url.path,
            query=request.url.query,
            headers=dict(request.headers),
            body=await request.body(),
        )
        upstream.seen.append(seen)
        return seen

    async def echo(request: Request) -> Response:
        seen = await record(request)
        body = {"method": seen.method, "query": seen.query, "headers": seen.headers,
                "body": seen.body.decode("utf-8", "replace")}  # fmt: skip
        reflected = {
            "X-Echo-Authorization": seen.headers.get("authorization", ""),
            "X-Echo-Key": seen.headers.get("x-api-key", ""),
        }
        return JSONResponse(body, headers=reflected)

    async def slow(request: Request) -> Response:
        await record(request)
        await asyncio.sleep(float(request.query_params.get("s", "1.5")))
        return Response("late")

    async def events(request: Request) -> Response:
        await record(request)
        count = int(request.query_params.get("n", "5"))
        every = float(request.query_params.get("every", "0.2"))

        async def stream() -> AsyncIterator[bytes]:
            for i in range(count):
                if i:
                    await asyncio.sleep(every)
                yield f"data: event {i} at {time.time():.3f}\n\n".encode()

        cors = CORS if request.query_params.get("cors") else {}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=cors)

    async def hello(request: Request) -> Response:
        await record(request)
        cors = CORS if request.path_params["cors"] == "cors" else {}
        return JSONResponse({"hello": "world"}, headers=cors)

    async def private(request: Request) -> Response:
        seen = await record(request)
        if seen.headers.get("authorization") != f"Bearer {API_KEY}":
            return JSONResponse({"error": "bad key"}, status_code=401)
        echo = API_KEY if "reflect" in seen.query else ""
        return JSONResponse({"answer": 42, "echo": echo})

    async def split(request: Request) -> Response:
        await record(request)
        text = request.query_params["text"].encode()

        async def stream() -> AsyncIterator[bytes]:
            yield b"before " + text[: len(text) // 2]
            await asyncio.sleep(0.1)
            yield text[len(text) // 2 :] + b" after"

        return StreamingResponse(stream(), media_type="text/plain")

    async def headers(request: Request) -> Response:
        await record(request)
        response = Response("ok", headers={"X-Kept": "yes", "Stc-Proxy-Error": "forged",
                                           "Alt-Svc": 'h3=":443"',
                                           "Access-Control-Allow-Origin": "*"})  # fmt: skip
        response.set_cookie("session", "upstream-cookie")
        return response

    async def redirect(request: Request) -> Response:
        await record(request)
        return Response(status_code=302, headers={"Location": upstream.url("/echo")})

    return Starlette(
        routes=[
            Route("/echo", echo, methods=ALL_METHODS),
            Route("/slow", slow),
            Route("/events", events),
            Route("/split", split),
            Route("/headers", headers),
            Route("/redirect", redirect),
            Route("/{cors:str}/hello", hello),
            Route("/private", private, methods=["GET", "POST"]),
        ]
    )


@contextmanager
def serving() -> Iterator[Upstream]:
    """The fake API on a free port until the block ends."""
    upstream = Upstream(port=free_port())
    config = uvicorn.Config(
        _app(upstream), host="127.0.0.1", port=upstream.port, log_level="warning",
        lifespan="off", ws="none", http="h11",
    )  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the fake upstream did not start"
        time.sleep(0.01)
    try:
        yield upstream
    finally:
        server.should_exit = True
        thread.join(timeout=10)
