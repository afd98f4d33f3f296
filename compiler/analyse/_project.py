"""What the app folder says about the site beyond its code: connections, public keys,
and the web requests ``stc proxy`` forwards.

Two files, both read from the app folder only (never through a link out of it):

``.streamlit/secrets.toml`` is never shipped (:mod:`compiler.analyse._appfiles`) and is read
here for two things only: the names of its ``[connections.<name>]`` tables with their
``type`` (so the analysis can name a connection the app asks for that does not
exist), and the values of the keys the user marks public. No other value is kept,
shown in a diagnostic or written anywhere: a diagnostic about this file never quotes
its lines (``quote=False``) and names no value.

``pyproject.toml``'s ``[tool.stc]``: ``public_secrets = ["mapbox_token"]`` (top-level
keys of secrets.toml whose values every visitor may read through ``st.secrets``: they
go into the page config), ``proxy_url`` (where ``stc proxy`` runs; the
``--proxy-url`` flag and ``STC_PROXY_URL`` win over it, see :func:`choose_proxy_url`)
and ``proxy_hosts = ["data.example.org"]`` (servers without CORS, reached through the
proxy). ``[tool.stc.secrets]`` names the secrets the proxy holds for web requests,
each with the hosts it may be sent to: ``API_KEY = { hosts = ["api.example.com"] }``
(a quoted dotted name, ``"openai.api_key"``, is a nested key of secrets.toml). Both
become the :class:`~runtime_wasm.http.ForwardRules` of ``stc/forward.json``: names and
hosts, never a value. Of secrets.toml, only whether each of those names is there is
looked at.

``[tool.stc.login]`` says which of those need a login (streamlit-authenticator's,
checked by ``stc proxy``): ``required = ["pets_db", "API_KEY"]`` names connections
and ``[tool.stc.secrets]`` names, ``roles = { pets_db = ["admin"] }`` the roles a login
must hold for some of them (a name with roles needs a login, listed or not), and
``max_expiry_days`` caps how long a login lasts. They become
:class:`~runtime_wasm.auth.AuthConfig`'s ``require``, ``roles`` and ``max_expiry_days``.
"""

from __future__ import annotations

import datetime
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiler._diagnostics import Diagnostic, Severity, Span
from compiler.analyse._appfiles import inside
from runtime_wasm.http import ForwardRules

__all__ = [
    "PYPROJECT",
    "SECRETS",
    "LoginRules",
    "Project",
    "choose_proxy_url",
    "file_span",
    "host_problem",
    "read_project",
    "toml_key",
]

SECRETS = ".streamlit/secrets.toml"
PYPROJECT = "pyproject.toml"
_CONNECTIONS = "connections"
_FORWARD = "[tool.stc.secrets]"
_LOGIN = "[tool.stc.login]"
_LOGIN_KEYS = ("required", "roles", "max_expiry_days")
_ROLES_EXAMPLE = '{ pets_db = ["admin"] }'
# a bare host name (letters, digits, -, _, dots), "*." before it, or ":port" after it
_HOST = re.compile(
    r"(?P<wild>\*\.)?[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*"
    r"(?::(?P<port>[0-9]{1,5}))?",
    re.IGNORECASE,
)
_MAX_HOST = 253 + len(":65535")  # DNS's longest name, with a port
_SHOWN = 80  # characters of a name from pyproject.toml a message shows
_HOST_EXAMPLES = '"api.example.com", "*.example.org" or "127.0.0.1:8123"'


@dataclass(frozen=True, kw_only=True)
class LoginRules:
    """``[tool.stc.login]``: the connections and secrets whose requests need a login,
    the roles some of them need, and how long a login may last; ``declared`` when the
    table is there."""

    declared: bool = False
    required: tuple[str, ...] = ()  # sorted, and every name of roles among them
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    max_expiry_days: float = 30.0


@dataclass(frozen=True, kw_only=True)
class Project:
    """``connections``: name → its ``type`` in secrets.toml (``None`` when it has none);
    ``public_secrets``: the public keys present in secrets.toml → their values."""

    has_secrets: bool = False
    connections: Mapping[str, str | None] = field(default_factory=dict)
    public_keys: tuple[str, ...] = ()
    public_secrets: Mapping[str, Any] = field(default_factory=dict)
    proxy_url: str | None = None  # [tool.stc] proxy_url
    # [tool.stc.secrets] and [tool.stc] proxy_hosts: what stc proxy forwards, and where
    forward: ForwardRules = field(default_factory=ForwardRules)
    login: LoginRules = field(default_factory=LoginRules)  # [tool.stc.login]
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
    before = len(diagnostics)
    secrets = _read_toml(app_dir, SECRETS, display, diagnostics) if present else {}
    readable = present and len(diagnostics) == before  # so what it lacks can be told
    held = _held_secrets(stc.get("secrets", {}), public, display, diagnostics)
    if readable:
        _check_held(held, secrets, display, diagnostics)
    hosts = _hosts(stc.get("proxy_hosts", []), "[tool.stc] proxy_hosts", display, diagnostics)
    connections = _connections(secrets.get(_CONNECTIONS))
    known = _Known(connections=connections if readable else None, held=held, public=public)
    login = _login(stc["login"], known, display, diagnostics) if "login" in stc else LoginRules()
    return Project(
        has_secrets=present,
        connections=connections,
        public_keys=public,
        public_secrets={k: _json_safe(secrets[k]) for k in public if k in secrets},
        proxy_url=proxy or None,
        forward=ForwardRules(secrets=held, hosts=hosts),
        login=login,
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


def _held_secrets(
    table: object, public: tuple[str, ...], display: str, diagnostics: list[Diagnostic]
) -> dict[str, tuple[str, ...]]:
    """``[tool.stc.secrets]``: secret name → the hosts it may be sent to."""
    if not isinstance(table, dict):
        diagnostics.append(_bad(display, PYPROJECT, f"{_FORWARD} must be a table of secret names"))
        return {}
    held: dict[str, tuple[str, ...]] = {}
    for name, body in table.items():
        where = f"{_FORWARD} {toml_key(_cut(name))}"
        problem = _name_problem(name, public)
        if problem is None and not (isinstance(body, dict) and "hosts" in body):
            nested = isinstance(body, dict) and any(isinstance(v, dict) for v in body.values())
            problem = (
                f"must be {{ hosts = [...] }}; for a nested key of secrets.toml, quote "
                f'the dotted name: "{name}.{next(iter(body))}" = {{ hosts = [...] }}'
                if nested
                else 'must be { hosts = ["api.example.com"] }, the hosts it may be sent to'
            )
        elif problem is None and (extra := sorted(set(body) - {"hosts"})):
            problem = f"has {', '.join(map(repr, extra))}; the only key is hosts"
        if problem is not None:
            diagnostics.append(_bad(display, PYPROJECT, f"{where} {problem}"))
            continue
        hosts = _hosts(body["hosts"], f"{where} hosts", display, diagnostics)
        if not hosts and isinstance(body["hosts"], list) and not body["hosts"]:
            message = f"{where} lists no hosts, so stc proxy would never send it"
            diagnostics.append(_bad(display, PYPROJECT, message))
        if hosts:
            held[name] = hosts
    return held


def _name_problem(name: str, public: tuple[str, ...]) -> str | None:
    parts = name.split(".")
    if not all(parts):
        return "is not a key of secrets.toml (an empty part between dots)"
    if parts[0] == _CONNECTIONS:
        return "names a connection's secret: st.connection reads those on stc proxy"
    if parts[0] in public:
        return (
            f"is also public (public_secrets names {parts[0]!r}): a secret either ships "
            "to every visitor or stays on stc proxy, not both"
        )
    return None


def _hosts(
    value: object, what: str, display: str, diagnostics: list[Diagnostic]
) -> tuple[str, ...]:
    """A list of host names as rules name them (lower case), each checked."""
    if not isinstance(value, list) or not all(isinstance(h, str) for h in value):
        message = f"{what} must be a list of host names such as {_HOST_EXAMPLES}"
        diagnostics.append(_bad(display, PYPROJECT, message))
        return ()
    found: list[str] = []
    for host in value:
        problem = host_problem(host)
        if problem is not None:
            message = f"{what}: {_cut(host)!r} {problem}; write {_HOST_EXAMPLES}"
            diagnostics.append(_bad(display, PYPROJECT, message))
        else:
            found.append(host.lower())
    return tuple(dict.fromkeys(found))


def host_problem(host: str) -> str | None:
    """Why *host* is not a host name as ``runtime_wasm.http.host_allowed`` reads them."""
    if "://" in host or host.partition("/")[1]:
        return "is a URL, not a host name (no scheme, no path)"
    if len(host) > _MAX_HOST:
        return "is too long for a host name"
    match = _HOST.fullmatch(host)
    if match is None:
        return "is not a host name"
    if match["wild"] and match["port"]:
        return "has both a wildcard and a port, which no request matches"
    if match["port"] and not 0 < int(match["port"]) < 65536:
        return "has a port outside 1-65535"
    return None


def _check_held(
    held: Mapping[str, tuple[str, ...]],
    secrets: Mapping[str, Any],
    display: str,
    diagnostics: list[Diagnostic],
) -> None:
    """A warning for each held secret secrets.toml lacks (only presence is looked at)."""
    for name in held:
        value: object = secrets
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or isinstance(value, dict):
            why = "is not a value in" if isinstance(value, dict) else "is not in"
            message = (
                f"{_FORWARD} {toml_key(name)} {why} {SECRETS}: stc proxy will refuse "
                "to start with this secrets file"
            )
            diagnostics.append(_bad(display, PYPROJECT, message, severity="warning"))


@dataclass(frozen=True, kw_only=True)
class _Known:
    """The names ``[tool.stc.login]`` may name: the connections of secrets.toml
    (``None`` when there is no readable secrets.toml to tell), the secrets
    ``[tool.stc.secrets]`` holds; and the public keys, which it may not."""

    connections: Mapping[str, str | None] | None
    held: Mapping[str, tuple[str, ...]]
    public: tuple[str, ...]


def _login(table: object, known: _Known, display: str, diagnostics: list[Diagnostic]) -> LoginRules:
    """``[tool.stc.login]``, each name checked against what the proxy holds."""
    if not isinstance(table, dict):
        message = f'{_LOGIN} must be a table: required = ["pets_db"], roles = {_ROLES_EXAMPLE}'
        diagnostics.append(_bad(display, PYPROJECT, message))
        return LoginRules()
    for extra in sorted(set(table) - set(_LOGIN_KEYS)):
        message = f"{_LOGIN} has {_cut(extra)!r}; its keys are {', '.join(_LOGIN_KEYS)}"
        diagnostics.append(_bad(display, PYPROJECT, message))
    required = table.get("required", [])
    if not isinstance(required, list) or not all(isinstance(n, str) for n in required):
        message = f"{_LOGIN} required must be a list of connection and secret names"
        diagnostics.append(_bad(display, PYPROJECT, message))
        required = []
    roles = _login_roles(table.get("roles", {}), display, diagnostics)
    names = sorted(dict.fromkeys([*required, *roles]))
    for name in names:
        found = _login_name_problem(name, known)
        if found is not None:
            severity, problem = found
            message = f"{_LOGIN} names {_cut(name)!r}, {problem}"
            diagnostics.append(_bad(display, PYPROJECT, message, severity=severity))
    days = table.get("max_expiry_days", 30.0)
    if isinstance(days, bool) or not isinstance(days, int | float) or not 0 < days <= 3650:
        message = f"{_LOGIN} max_expiry_days must be a number of days, over 0 and at most 3650"
        diagnostics.append(_bad(display, PYPROJECT, message))
        days = 30.0
    return LoginRules(declared=True, required=tuple(names), roles=roles,
                      max_expiry_days=float(days))  # fmt: skip


def _login_roles(
    value: object, display: str, diagnostics: list[Diagnostic]
) -> dict[str, tuple[str, ...]]:
    """``roles = { name = ["role", ...] }``, each list of roles not empty."""
    shape = f"{_LOGIN} roles must map names to lists of roles: roles = {_ROLES_EXAMPLE}"
    if not isinstance(value, dict):
        diagnostics.append(_bad(display, PYPROJECT, shape))
        return {}
    roles: dict[str, tuple[str, ...]] = {}
    for name, listed in value.items():
        if not isinstance(listed, list) or not all(isinstance(r, str) and r for r in listed):
            diagnostics.append(_bad(display, PYPROJECT, shape))
        elif not listed:
            message = f"{_LOGIN} roles {toml_key(_cut(name))} lists no roles: no login could pass"
            diagnostics.append(_bad(display, PYPROJECT, message))
        else:
            roles[name] = tuple(dict.fromkeys(listed))
    return roles


def _login_name_problem(name: str, known: _Known) -> tuple[Severity, str] | None:
    """Why *name* is not something a login can guard (a warning when there is no
    secrets.toml to tell whether it is a connection)."""
    if name in known.held:
        return None
    if name.split(".")[0] in known.public:
        return "error", "a key public_secrets names: every visitor has it, no login can guard it"
    if known.connections is None:
        why = f"which is not in {_FORWARD}, and there is no {SECRETS} to tell if it is a connection"
        return "warning", why
    if name in known.connections:
        return None
    have = ", ".join(sorted(known.connections)) or "none"
    why = f"which is neither a connection of {SECRETS} (it has {have}) nor a name in {_FORWARD}"
    return "error", why


def _cut(text: str) -> str:
    """*text*, cut for a message when it is long."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def toml_key(name: str) -> str:
    """*name* as a key of a TOML table: bare when it can be, else quoted
    (``API_KEY``, ``"openai.api_key"``)."""
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name)


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


def file_span(display: str, rel: str) -> Span:
    """The whole of the app folder's file *rel* (*display*: the folder as shown)."""
    shown = f"{display.rstrip('/')}/{rel}" if display not in ("", ".") else rel
    return Span(path=shown, line=0, col=0, end_line=0, end_col=0)


def _bad(display: str, rel: str, message: str, *, severity: Severity = "error") -> Diagnostic:
    return Diagnostic(
        code="STC710",
        severity=severity,
        message=message,
        span=file_span(display, rel),
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
