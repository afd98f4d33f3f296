"""What the app folder says about the site beyond its code: connections and public keys.

Two files, both read from the app folder only (never through a link out of it):

``.streamlit/secrets.toml`` is never shipped (:mod:`compiler._appfiles`) and is read
here for two things only: the names of its ``[connections.<name>]`` tables with their
``type`` (so the analysis can name a connection the app asks for that does not
exist), and the values of the keys the user marks public. No other value is kept,
shown in a diagnostic or written anywhere: a diagnostic about this file never quotes
its lines (``quote=False``) and names no value.

``pyproject.toml``'s ``[tool.stc]``: ``public_secrets = ["mapbox_token"]`` (top-level
keys of secrets.toml whose values every visitor may read through ``st.secrets``: they
go into the page config) and ``proxy_url`` (where ``stc proxy`` runs; the
``--proxy-url`` flag and ``STC_PROXY_URL`` win over it, see :func:`choose_proxy_url`).
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiler._appfiles import inside
from compiler._diagnostics import Diagnostic, Span

__all__ = ["PYPROJECT", "SECRETS", "Project", "choose_proxy_url", "read_project"]

SECRETS = ".streamlit/secrets.toml"
PYPROJECT = "pyproject.toml"
_CONNECTIONS = "connections"


@dataclass(frozen=True, kw_only=True)
class Project:
    """``connections``: name → its ``type`` in secrets.toml (``None`` when it has none);
    ``public_secrets``: the public keys present in secrets.toml → their values."""

    has_secrets: bool = False
    connections: Mapping[str, str | None] = field(default_factory=dict)
    public_keys: tuple[str, ...] = ()
    public_secrets: Mapping[str, Any] = field(default_factory=dict)
    proxy_url: str | None = None  # [tool.stc] proxy_url
    diagnostics: tuple[Diagnostic, ...] = ()


def read_project(app_dir: Path, display: str) -> Project:
    """Read the app's ``pyproject.toml`` and ``.streamlit/secrets.toml``, if present.

    *display* is how the app folder is shown in diagnostics."""
    diagnostics: list[Diagnostic] = []
    tool = _read_toml(app_dir, PYPROJECT, display, diagnostics)
    stc = tool.get("tool", {}).get("stc", {}) if isinstance(tool.get("tool"), dict) else {}
    stc = stc if isinstance(stc, dict) else {}
    public = _public_keys(stc.get("public_secrets", []), display, diagnostics)
    proxy = stc.get("proxy_url")
    if proxy is not None and not isinstance(proxy, str):
        diagnostics.append(_bad(display, PYPROJECT, "[tool.stc] proxy_url must be a string"))
        proxy = None
    secrets_path = app_dir / SECRETS
    present = secrets_path.is_file() and inside(app_dir, secrets_path)
    secrets = _read_toml(app_dir, SECRETS, display, diagnostics) if present else {}
    return Project(
        has_secrets=present,
        connections=_connections(secrets.get(_CONNECTIONS)),
        public_keys=public,
        public_secrets={k: _json_safe(secrets[k]) for k in public if k in secrets},
        proxy_url=proxy or None,
        diagnostics=tuple(diagnostics),
    )


def choose_proxy_url(flag: str | None, env: Mapping[str, str], project: Project) -> str | None:
    """``--proxy-url``, else ``STC_PROXY_URL``, else ``[tool.stc] proxy_url``."""
    return flag or env.get("STC_PROXY_URL") or project.proxy_url or None


def _connections(table: object) -> dict[str, str | None]:
    if not isinstance(table, dict):
        return {}
    found: dict[str, str | None] = {}
    for name, body in sorted(table.items()):
        kind = body.get("type") if isinstance(body, dict) else None
        found[name] = kind if isinstance(kind, str) else None
    return found


def _public_keys(value: object, display: str, diagnostics: list[Diagnostic]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        diagnostics.append(
            _bad(display, PYPROJECT, "[tool.stc] public_secrets must be a list of key names")
        )
        return ()
    keys = tuple(dict.fromkeys(value))
    if _CONNECTIONS in keys:
        diagnostics.append(
            _bad(
                display,
                PYPROJECT,
                "[tool.stc] public_secrets names 'connections': a connection's secrets "
                "stay on stc proxy and are never shipped",
            )
        )
    return tuple(k for k in keys if k != _CONNECTIONS)


def _read_toml(
    app_dir: Path, rel: str, display: str, diagnostics: list[Diagnostic]
) -> dict[str, Any]:
    path = app_dir / rel
    if not path.is_file() or not inside(app_dir, path):
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, RecursionError):
        diagnostics.append(_bad(display, rel, f"{rel} cannot be read as UTF-8 TOML"))
    except tomllib.TOMLDecodeError as error:
        # Only the position: a message about a secrets file must not quote it.
        where = m[0] if (m := re.search(r"line \d+, column \d+", str(error))) else "somewhere"
        diagnostics.append(_bad(display, rel, f"{rel} is not valid TOML ({where})"))
    return {}


def _bad(display: str, rel: str, message: str) -> Diagnostic:
    shown = f"{display.rstrip('/')}/{rel}" if display not in ("", ".") else rel
    return Diagnostic(
        code="STC710",
        severity="error",
        message=message,
        span=Span(path=shown, line=0, col=0, end_line=0, end_col=0),
        hint="see the README, 'Databases and secrets'",
        quote=False,
    )


def _json_safe(value: object) -> object:
    """TOML values as JSON: dates and times become ISO strings."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value
