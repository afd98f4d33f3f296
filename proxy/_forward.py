"""``/v1/fetch``: an app's web request, sent on with the secrets it may carry, its
answer streamed back scrubbed of them.

The target is the ``Stc-Target`` header; :mod:`proxy._placeholders` decides whether
the request may go and puts the values in. One shared ``httpx`` client (made in the
app's lifespan) sends it without following redirects, asking for an uncompressed
answer so that it can be scrubbed (:mod:`proxy._scrub`). The answer streams: status
and headers as soon as the upstream sends them, then each chunk as it arrives, so
server-sent events reach the page one by one.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import httpx2 as httpx
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from proxy._errors import AnswerCut, QueryRefused
from proxy._placeholders import substitute
from proxy._scrub import Scrubber
from proxy._sessions import check_session
from proxy._settings import Settings
from runtime_wasm.auth import SESSION_HEADER
from runtime_wasm.http import ERROR_HEADER, TARGET_HEADER, host_of

__all__ = ["METHODS", "forward", "upstream_client"]

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
_HOST = re.compile(r"[a-z0-9._-]+|[0-9a-f:.]+")  # a name or an address, nothing to re-read

_HOP_BY_HOP = frozenset(
    ("connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
     "te", "trailer", "transfer-encoding", "upgrade")
)  # fmt: skip
# The page's request to the proxy is not the proxy's request to the upstream: these
# describe the first, would tell the upstream who the visitor is, or would hand it
# the visitor's session with this proxy.
_NOT_SENT = _HOP_BY_HOP | {
    "host", "origin", "referer", "cookie", "content-length", "accept-encoding",
    TARGET_HEADER.lower(), SESSION_HEADER.lower(),
}  # fmt: skip
# The upstream's answer is read by the page as the proxy's: these would speak for the
# proxy's origin (cookies, HSTS, alternative services, CORS), describe bytes that the
# proxy changed (length, compression), pass for a refusal of the proxy itself, or be
# sent twice (the server adds its own Date and Server).
_NOT_RETURNED = _HOP_BY_HOP | {
    "content-length", "content-encoding", "set-cookie", "set-cookie2", "alt-svc",
    "strict-transport-security", "date", "server", ERROR_HEADER.lower(),
}  # fmt: skip


def upstream_client(
    settings: Settings, transport: httpx.AsyncBaseTransport | None
) -> httpx.AsyncClient:
    """The client every forwarded request goes through (*transport*: for tests)."""
    return httpx.AsyncClient(transport=transport, follow_redirects=False, timeout=settings.timeout)


async def forward(request: Request) -> Response:
    """Send the app's request to its target, if the rules allow it."""
    settings: Settings = request.app.state.settings
    target = _target(request.headers.get(TARGET_HEADER))
    request.state.host = host_of(target)
    connection = {n.strip().lower() for n in request.headers.get("connection", "").split(",")}
    headers = [
        (name, value)
        for name, value in request.headers.items()
        if name not in _NOT_SENT and name not in connection and not name.startswith("sec-fetch-")
    ]
    outgoing = substitute(
        settings.forward, settings.forward_secrets,
        url=target, headers=headers, body=await request.body(),
    )  # fmt: skip
    check_session(request, outgoing.secrets, "secret")  # nothing has been sent yet
    client: httpx.AsyncClient = request.app.state.upstream
    try:
        sent = client.build_request(
            request.method,
            outgoing.url,
            headers=[(_raw(n), _raw(v)) for n, v in outgoing.headers]
            + [(b"accept-encoding", b"identity")],
            content=outgoing.body or (None if request.method in ("GET", "HEAD") else b""),
        )
    except httpx.InvalidURL:
        raise QueryRefused("bad-target", f"{TARGET_HEADER} is not a URL") from None
    port = f":{sent.url.port}" if sent.url.port is not None else ""
    if sent.url.host + port != request.state.host:  # two URL parsers must agree on where
        raise QueryRefused("bad-target", f"{TARGET_HEADER} names its host ambiguously")
    try:
        upstream = await client.send(sent, stream=True)
    except httpx.TimeoutException:
        raise QueryRefused(
            "upstream-timeout", f"{request.state.host} did not answer within the proxy's timeout"
        ) from None
    except httpx.TransportError as error:
        raise QueryRefused(
            "upstream-unreachable",
            f"could not reach {request.state.host} ({type(error).__name__})",
        ) from None
    scrubber = Scrubber(outgoing.hidden)
    # A HEAD answer has no body to change, so its length is the upstream's to tell.
    dropped = _NOT_RETURNED - {"content-length"} if request.method == "HEAD" else _NOT_RETURNED
    passed = [
        (name.lower(), scrubber.header(value))
        for name, value in upstream.headers.raw
        if name.lower().decode("latin-1") not in dropped
        and not name.lower().startswith(b"access-control-")
    ]
    names = ", ".join(dict.fromkeys(name.decode("latin-1") for name, _ in passed))
    response = StreamingResponse(_body(upstream, scrubber), status_code=upstream.status_code)
    response.raw_headers = [*passed, (b"access-control-expose-headers", names.encode("latin-1"))]
    return response


async def _body(upstream: httpx.Response, scrubber: Scrubber) -> AsyncIterator[bytes]:
    try:
        async for chunk in upstream.aiter_bytes():  # decoded, if the upstream compressed anyway
            out = scrubber.feed(chunk)
            if out:
                yield out
        if rest := scrubber.end():
            yield rest
    except httpx.TimeoutException:
        raise AnswerCut("upstream-timeout") from None
    except (httpx.TransportError, httpx.DecodingError):
        raise AnswerCut("upstream-unreachable") from None
    finally:
        await upstream.aclose()


def _raw(text: str) -> bytes:
    """A header as bytes: as the page sent it (Latin-1), or UTF-8 when a secret's value
    holds what Latin-1 cannot."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")


def _target(value: str | None) -> str:
    """The absolute http(s) URL the app asked for; ``bad-target`` otherwise."""
    if not value:
        raise QueryRefused("bad-target", f"the request has no {TARGET_HEADER} header")
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        raise QueryRefused("bad-target", f"{TARGET_HEADER} is not a URL") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise QueryRefused("bad-target", f"{TARGET_HEADER} must be an absolute http(s) URL")
    if "@" in parts.netloc:
        raise QueryRefused(
            "bad-target", f"{TARGET_HEADER} may not hold a user name or password; use a header"
        )
    if not _HOST.fullmatch(parts.hostname):
        raise QueryRefused("bad-target", f"{TARGET_HEADER} has a host that is not a plain name")
    if any(c.isspace() or ord(c) < 32 for c in value.strip()):
        raise QueryRefused("bad-target", f"{TARGET_HEADER} holds spaces or control characters")
    return parts._replace(fragment="").geturl()
