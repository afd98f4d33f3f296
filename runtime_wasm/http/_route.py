"""Where each request of the app goes: straight to its server, or through ``stc proxy``.

Every adapter (urllib3, so ``requests``; ``http.client``, so ``urllib`` and pandas;
``httpx``) hands each request to :func:`outgoing` before it is sent, and hands back
what went wrong to :func:`failure` or :func:`refusal`: one policy, one set of
messages, plain Python tested on CPython.

A request that carries a secret's placeholder (in its URL, a header, or its body), or
that goes to a host the build listed in ``proxy_hosts``, is sent to the proxy's
forward route, with its target in a header (``runtime_wasm.http._wire``). Any other
request goes straight to its server, which must allow the page's origin (CORS).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from runtime_wasm.auth._session import session_headers
from runtime_wasm.http._wire import (
    ERROR_HEADER,
    FORWARD_ROUTE,
    TARGET_HEADER,
    find_placeholders,
    host_allowed,
    host_of,
    placeholder,
)

__all__ = [
    "HttpSettings",
    "Outgoing",
    "RequestProblem",
    "SecretPlaceholder",
    "browser_headers",
    "configure",
    "current",
    "failure",
    "outgoing",
    "refusal",
    "set_probe",
]

# url -> True: a server answered (so the browser refused it: CORS), False: nothing did,
# None: the browser cannot tell (no JSPI)
Probe = Callable[[str], bool | None]


@dataclass(frozen=True, kw_only=True)
class HttpSettings:
    """What the build said about web requests (page config ``data.http``)."""

    proxy_url: str = ""
    secrets: tuple[str, ...] = ()  # held by the proxy: st.secrets gives placeholders
    hosts: tuple[str, ...] = ()  # reached through the proxy without a secret
    by_placeholder: Mapping[str, str] = field(default_factory=dict)  # token -> name

    @classmethod
    def make(cls, proxy_url: str, secrets: tuple[str, ...], hosts: tuple[str, ...]) -> HttpSettings:
        tokens = {placeholder(name): name for name in secrets}
        return cls(proxy_url=proxy_url, secrets=secrets, hosts=hosts, by_placeholder=tokens)


class SecretPlaceholder(str):
    """``st.secrets["K"]`` of a key ``stc proxy`` holds: a token the proxy swaps for the
    value in requests to the hosts allowed for it; copied anywhere else it is useless."""

    name: str

    def __new__(cls, name: str) -> SecretPlaceholder:
        token = super().__new__(cls, placeholder(name))
        token.name = name
        return token

    def __repr__(self) -> str:
        return f"<st.secrets[{self.name!r}]: held by stc proxy>"


@dataclass(frozen=True, kw_only=True)
class Outgoing:
    """A request as it will be sent; ``via_proxy``: rewritten to the forward route."""

    method: str
    url: str
    headers: dict[str, str]
    body: bytes | None
    via_proxy: bool = False
    target: str = ""  # the URL the app asked for


class RequestProblem(Exception):
    """A request stc will not send, or that failed in a way a visitor can act on; the
    adapters raise it as their library's own connection error, with this message."""


# request headers only the browser may set: fetch drops them, an XHR logs an error each
_FORBIDDEN = frozenset(
    {"host", "connection", "content-length", "accept-encoding", "transfer-encoding",
     "keep-alive", "expect", "te", "trailer", "upgrade"}
)  # fmt: skip

_settings = HttpSettings()
_probe: Probe | None = None


def configure(settings: HttpSettings) -> None:
    global _settings
    _settings = settings


def current() -> HttpSettings:
    return _settings


def set_probe(probe: Probe | None) -> None:
    """Install the browser's reachability probe (the bridge; absent on CPython)."""
    global _probe
    _probe = probe


def browser_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """*headers* without those only the browser sets (Host, Connection…)."""
    return {k: v for k, v in headers.items() if k.lower() not in _FORBIDDEN}


def outgoing(method: str, url: str, headers: Mapping[str, str], body: bytes | None) -> Outgoing:
    """Where *url* must go, and how; raises :class:`RequestProblem` for a request that
    needs a proxy the site does not have."""
    headers = browser_headers(headers)
    found = _placeholders(url, headers, body)
    host = host_of(url)
    if not found and not host_allowed(host, _settings.hosts):
        return Outgoing(method=method, url=url, headers=dict(headers), body=body, target=url)
    names = sorted(_settings.by_placeholder.get(token, "?") for token in found)
    if not _settings.proxy_url:
        what = f"st.secrets[{names[0]!r}]" if names else f"the host {host}"
        raise RequestProblem(
            f"The request to {url} needs `stc proxy` ({what} stays there), and this site "
            "was built without its address. Rebuild with `stc build --proxy-url URL` (or "
            "STC_PROXY_URL, or [tool.stc] proxy_url in pyproject.toml)."
        )
    forwarded = {**headers, **session_headers(), TARGET_HEADER: url}
    proxy = _settings.proxy_url.rstrip("/") + FORWARD_ROUTE
    return Outgoing(method=method, url=proxy, headers=forwarded, body=body, via_proxy=True,
                    target=url)  # fmt: skip


def refusal(sent: Outgoing, headers: Mapping[str, str], body: bytes) -> str | None:
    """The message for the proxy's own refusal of *sent* (its answer carries
    ``Stc-Proxy-Error``), or ``None`` when the answer is the target's."""
    if not sent.via_proxy:
        return None
    code = next((v for k, v in headers.items() if k.lower() == ERROR_HEADER.lower()), None)
    if code is None:
        return None
    message = _error_message(body) or f"HTTP error {code}"
    return f"stc proxy refused the request to {sent.target} ({code}): {message}"


def failure(sent: Outgoing, why: str) -> str:
    """The message for a request that got no answer at all (*why*: the browser's words)."""
    if sent.via_proxy:
        return (
            f"stc proxy at {_settings.proxy_url} did not answer the request to {sent.target}: "
            "it may be down, or it does not allow this site's address (--allow-origin). "
            f"({why})"
        )
    answered = _probe(sent.url) if _probe is not None else None
    host = host_of(sent.url)
    if answered is False:
        return f"Nothing answered at {sent.url}: the server is down or the address is wrong."
    cors = (
        f"The browser refused the request to {sent.url}: the server at {host} does not "
        "allow requests from this site's address (CORS)"
    )
    if answered is None:
        cors = f"The request to {sent.url} failed ({why}): the server is down, or it does " \
            "not allow requests from this site's address (CORS)"  # fmt: skip
    return (
        f"{cors}. A static site can reach it through `stc proxy`: add {host!r} to "
        "proxy_hosts under [tool.stc] in pyproject.toml and rebuild."
    )


def _placeholders(url: str, headers: Mapping[str, str], body: bytes | None) -> set[str]:
    found = find_placeholders(url)
    for name, value in headers.items():
        found |= find_placeholders(value)
        if name.lower() == "authorization" and value[:6].lower() == "basic ":
            found |= find_placeholders(_unbase64(value[6:]))
    if body:
        found |= find_placeholders(body)
    return found


def _unbase64(text: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        return b""


def _error_message(body: bytes) -> str | None:
    import json

    try:
        error: Any = json.loads(body)["error"]
        return str(error["message"])
    except (ValueError, KeyError, TypeError):
        return None
