"""Which requests ``stc test`` lets a page make, and what an allowed one gets back.

A page is served from 127.0.0.1; by default any request to another host fails the
page, naming the URL and the ``--allow-host`` that would allow it, because a site
that quietly depends on a third-party host (an image, a font, a CDN) breaks when that
host does. An app that means to fetch from a host (``st.image("https://…")``, as in
Streamlit) names it with ``--allow-host``: an exact host (``example.com``, with its
port when not the scheme's default: ``127.0.0.1:8123``) or ``*.example.com`` for its
subdomains, matched as ``[tool.stc.secrets]`` hosts are
(:func:`runtime_wasm.http.host_allowed`).

An allowed request is answered here, never forwarded: a 1x1 transparent PNG for an
image, an empty ``204`` for anything else, each with CORS headers so a fetch from the
worker reads it. The test then stays offline and deterministic (the machine running
it may have no internet, and a flaky host must not fail a build); what it checks is
that the app works up to the fetch, not that the host is up.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from runtime_wasm.http import host_allowed, host_of

__all__ = ["LOCAL_HOSTS", "HostPolicy", "Placeholder", "allow_host_argument", "placeholder"]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
_LOCAL_SCHEMES = ("data:", "blob:")

Verdict = Literal["local", "allowed", "outside"]

# The smallest valid PNG: one transparent pixel, so an <img> loads and shows nothing.
_PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b4944415478da636000020000050001e9fadcd80000000049454e44ae426082"
)
_CORS = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "*",
    "access-control-allow-methods": "*",
}


@dataclass(frozen=True, kw_only=True)
class HostPolicy:
    """The hosts beside 127.0.0.1 a page may reach in ``stc test`` (``--allow-host``)."""

    allowed: tuple[str, ...] = ()

    def verdict(self, url: str) -> Verdict:
        """``local`` (the site itself, ``data:``, ``blob:``), ``allowed`` or ``outside``."""
        if url.startswith(_LOCAL_SCHEMES):
            return "local"
        if urlsplit(url).hostname in LOCAL_HOSTS:
            return "local"
        return "allowed" if host_allowed(host_of(url), self.allowed) else "outside"

    def refusal(self, url: str) -> str:
        """What a page's line says of a request to a host not allowed."""
        host = host_of(url) or url
        return f"request left 127.0.0.1: {url} (stc test --allow-host {host} allows it)"


@dataclass(frozen=True, kw_only=True)
class Placeholder:
    """The answer an allowed request gets instead of the host's."""

    status: int
    headers: dict[str, str]
    body: bytes


def placeholder(resource_type: str) -> Placeholder:
    """A transparent pixel for an image (Playwright's ``request.resource_type``), else
    an empty 204; both readable across origins."""
    if resource_type == "image":
        return Placeholder(status=200, headers={**_CORS, "content-type": "image/png"}, body=_PIXEL)
    return Placeholder(status=204, headers=dict(_CORS), body=b"")


def allow_host_argument(value: str) -> str:
    """``--allow-host``'s value as rules name hosts (lower case); argparse's usage
    error (exit 2) for a URL or anything that is not a host name."""
    # Here, not at the top: the CLI imports this module, and the analysis only when it runs.
    from compiler.analyse._project import host_problem

    problem = host_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(
            f"{value!r} {problem}; write a host such as example.com, *.example.com "
            "or 127.0.0.1:8123"
        )
    return value.lower()
