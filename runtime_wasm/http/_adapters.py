"""The HTTP libraries an app may use, each with the patch that routes it (in the
browser only: on CPython, ``AppTest`` and scripts use the network as they are)."""

from __future__ import annotations

from runtime_wasm.http import _httpclient, _httpx, _urllib3
from runtime_wasm.http._hooks import install

__all__ = ["install_adapters"]

ADAPTERS = {
    "urllib3.contrib.emscripten.connection": _urllib3.patch,  # requests, urllib3, httpx
    "http.client": _httpclient.patch,  # urllib.request, pandas' URL readers
    "httpx": _httpx.patch,
}


def install_adapters() -> None:
    """Patch each library when the app imports it."""
    install(ADAPTERS)
