"""``stc proxy``: the server a user owns that holds a site's secrets. It runs only the
statements the compiler allowlisted, with bound parameters, forwards the app's web
requests with the API keys they carry, only toward the hosts each key's rules list,
and checks the app's logins, so that connections and keys can require a session.

A Starlette app (:func:`create_app`) over one frozen :class:`Settings`
(:func:`load_settings` from arguments, :func:`settings_from_env` from ``STC_PROXY_*``
variables); :func:`serve` runs it with uvicorn. The wire contracts it enforces are
:mod:`runtime_wasm.connections` (queries), :mod:`runtime_wasm.http` (web requests)
and :mod:`runtime_wasm.auth` (logins).
"""

from proxy._app import create_app
from proxy._errors import ProxyConfigError, QueryRefused
from proxy._running import running
from proxy._secrets import ConnectionSettings, read_connections
from proxy._serve import serve, settings_env
from proxy._settings import ENV, Settings, load_settings, settings_from_env

__all__ = [
    "ENV",
    "ConnectionSettings",
    "ProxyConfigError",
    "QueryRefused",
    "Settings",
    "create_app",
    "load_settings",
    "read_connections",
    "running",
    "serve",
    "settings_env",
    "settings_from_env",
]
