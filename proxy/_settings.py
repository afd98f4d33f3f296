"""The proxy's settings: one frozen value, loaded in one place.

:func:`load_settings` reads the allowlist (from a built site's ``stc/queries.json`` or a
file given directly), a site's forward rules for web requests (``stc/forward.json``),
its logins (``stc/auth.json``, :mod:`proxy._credentials`; a site may have any of the
three) and the secrets file, and checks they agree;
``stc proxy`` calls it with its arguments, and :func:`settings_from_env` calls it with
``STC_PROXY_*`` environment variables for ``uvicorn proxy.asgi:app --workers N`` and
any ASGI host.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from proxy._credentials import Logins, read_logins
from proxy._errors import ProxyConfigError
from proxy._forward_rules import read_rules, read_secret_values
from proxy._secrets import ConnectionSettings, read_connections, secret_values
from runtime_wasm.auth import AUTH_PATH
from runtime_wasm.connections import (
    ALLOWLIST_PATH,
    AllowedQuery,
    AllowedWrite,
    load_allowlist,
    load_writes,
)
from runtime_wasm.http import RULES_PATH, ForwardRules

__all__ = ["ENV", "Settings", "load_settings", "settings_from_env"]

# The environment variables settings_from_env reads, by load_settings argument.
ENV = {
    "site": "STC_PROXY_SITE",
    "allowlist": "STC_PROXY_ALLOWLIST",
    "secrets": "STC_PROXY_SECRETS",
    "app": "STC_PROXY_APP",  # the app folder, where auth.json's credentials file is
    "allow_origins": "STC_PROXY_ALLOW_ORIGINS",  # comma-separated
    "max_rows": "STC_PROXY_MAX_ROWS",
    "timeout": "STC_PROXY_TIMEOUT",
    "max_body": "STC_PROXY_MAX_BODY",
    "rate": "STC_PROXY_RATE",
    "burst": "STC_PROXY_BURST",
}


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything a proxy process needs; the defaults are the documented ones."""

    allowlist: Mapping[str, AllowedQuery]
    connections: Mapping[str, ConnectionSettings]
    writes: Mapping[str, AllowedWrite] = field(default_factory=dict)  # write_pandas targets
    allow_origins: frozenset[str] = frozenset()
    max_rows: int = 100_000  # rows per answer; more and the answer says truncated
    timeout: float = 30.0  # seconds a statement may run, or a web request may wait
    max_body: int = 64 * 1024  # bytes of a request body
    rate: float = 10.0  # requests per second per client, sustained...
    burst: int = 40  # ...with this many at once
    secrets: frozenset[str] = field(default=frozenset(), repr=False)  # to scrub messages
    forward: ForwardRules = field(default_factory=ForwardRules)  # where web requests may go
    forward_secrets: Mapping[str, str] = field(default_factory=dict, repr=False)  # name → value
    auth: Logins | None = None  # the site's logins, when it has stc/auth.json
    login_attempts: int = 5  # failed logins a client may make for one user name...
    login_window: float = 15 * 60.0  # ...within this many seconds
    register_attempts: int = 5  # registrations a client may try (all count)...
    register_window: float = 15 * 60.0  # ...within this many seconds


def load_settings(
    *,
    secrets: Path,
    site: Path | None = None,
    allowlist: Path | None = None,
    allow_origins: Iterable[str] = (),
    max_rows: int = 100_000,
    timeout: float = 30.0,
    max_body: int = 64 * 1024,
    rate: float = 10.0,
    burst: int = 40,
    app: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Read and check the allowlist, the forward rules, the logins and the secrets;
    raises :class:`ProxyConfigError`. *app* is the app folder (default: the one
    holding ``.streamlit/secrets.toml``); *environ* where ``STC_PROXY_AUTH_KEY`` is
    looked for (default: ``os.environ``)."""
    if (site is None) == (allowlist is None):
        raise ProxyConfigError("give either a built site folder or --allowlist FILE")
    rules, logins = ForwardRules(), None
    if site is not None:
        allowlist, rules_file = site / ALLOWLIST_PATH, site / RULES_PATH
        if not any(file.exists() for file in (allowlist, rules_file, site / AUTH_PATH)):
            raise ProxyConfigError(
                f"{site} has none of {ALLOWLIST_PATH}, {RULES_PATH}, {AUTH_PATH}: was it built "
                "from an app that uses st.connection, a web API with a secret the proxy "
                "holds, or logins?"
            )
        rules = read_rules(rules_file) if rules_file.exists() else rules
        allowlist = allowlist if allowlist.exists() else None
        logins = read_logins(site, secrets=secrets, app=app, environ=environ)
    queries, writes = _read_allowlist(allowlist) if allowlist is not None else ({}, {})
    connections = read_connections(secrets)
    forward_secrets = read_secret_values(secrets, rules)
    used = {q.connection for q in queries.values()} | {w.connection for w in writes.values()}
    missing = sorted(used - connections.keys())
    if missing:
        raise ProxyConfigError(
            f"{secrets} has no [connections.{missing[0]}] table, which the site's queries use"
            f" (connections used: {', '.join(missing)})"
        )
    if max_rows < 1 or timeout <= 0 or max_body < 1 or rate <= 0 or burst < 1:
        raise ProxyConfigError("limits must be positive")
    return Settings(
        allowlist=queries,
        connections=connections,
        writes=writes,
        allow_origins=frozenset(o.rstrip("/") for o in allow_origins),
        max_rows=max_rows,
        timeout=timeout,
        max_body=max_body,
        rate=rate,
        burst=burst,
        secrets=secret_values(connections)
        | {value for value in forward_secrets.values() if len(value) >= 3}
        | ({logins.key} if logins else set()),
        forward=rules,
        forward_secrets=forward_secrets,
        auth=logins,
    )


def _read_allowlist(path: Path) -> tuple[dict[str, AllowedQuery], dict[str, AllowedWrite]]:
    try:
        text = path.read_text(encoding="utf-8")
        return load_allowlist(text), load_writes(text)
    except OSError as error:
        raise ProxyConfigError(f"cannot read allowlist {path}: {error.strerror}") from None
    except (ValueError, KeyError, TypeError) as error:
        raise ProxyConfigError(f"{path} is not an stc allowlist: {error}") from None


def settings_from_env(environ: Mapping[str, str] = os.environ) -> Settings:
    """:func:`load_settings` from ``STC_PROXY_*`` variables (see :data:`ENV`)."""

    def get(key: str) -> str | None:
        value = environ.get(ENV[key], "").strip()
        return value or None

    secrets = get("secrets")
    if secrets is None:
        raise ProxyConfigError(f"set {ENV['secrets']} to the secrets.toml file")
    site, allowlist, app = get("site"), get("allowlist"), get("app")
    numbers = {
        key: (float if key in ("timeout", "rate") else int)(value)
        for key in ("max_rows", "timeout", "max_body", "rate", "burst")
        if (value := get(key)) is not None
    }
    origins = [o.strip() for o in (get("allow_origins") or "").split(",") if o.strip()]
    return load_settings(
        secrets=Path(secrets),
        site=Path(site) if site else None,
        allowlist=Path(allowlist) if allowlist else None,
        allow_origins=origins,
        app=Path(app) if app else None,
        environ=environ,
        **numbers,  # type: ignore[arg-type]
    )
