"""streamlit-authenticator's ``config.yaml`` without what must stay on ``stc proxy``.

The app reads its YAML file in the browser too (``config["cookie"]["name"]``), so the
site gets a copy with the same structure: the credentials table is emptied to
``usernames: {}``, the cookie's signing key becomes :data:`MARKER`, and everything
else is kept (the cookie's name and expiry, other keys the app reads). The proxy reads
the original (:class:`runtime_wasm.auth.CredentialsSource`).

YAML can say one value twice (anchors and aliases): the credentials table and every
table and list inside it are emptied in place, so an alias of them elsewhere is empty
too, and any string equal to a password or the signing key is replaced wherever it
is. The copy is written as JSON, which is YAML (any YAML reader takes it), so stc's
streamlit_authenticator reads it in the browser without a YAML parser (PyYAML is a
binary package from the CDN); comments are not kept.

Users kept in ``st.secrets`` get the same treatment (:func:`secrets_view`): the app
reads ``st.secrets["credentials"]`` and ``st.secrets["cookie"]`` in the browser too,
where the site has no secrets, so the page gets the same skeleton (no users, the
marker for the key) plus the two cookie settings streamlit-authenticator documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

__all__ = ["MARKER", "Redacted", "redact", "secrets_view"]

MARKER = "held-by-stc-proxy"  # in place of the signing key: not a secret, and says where it is


@dataclass(frozen=True, kw_only=True)
class Redacted:
    """The copy for the site; ``cookie_key``: whether the signing key was in the file."""

    text: str
    cookie_key: bool


def redact(text: str, key: str, cookie_key: str) -> Redacted | str:
    """*text* (YAML) with the table at the dotted *key* emptied and the value at the
    dotted *cookie_key* replaced; a string saying why not when it cannot be read so
    (never quoting the file)."""
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return f"is not valid YAML (line {mark.line + 1})" if mark else "is not valid YAML"
    except yaml.YAMLError:
        return "is not valid YAML"
    except RecursionError:
        return "is nested too deeply to read"
    if not isinstance(data, dict):
        return "is not a YAML mapping (credentials: …, cookie: …)"
    parent, last = _parent(data, key)
    table = parent.get(last) if parent is not None else None
    if not isinstance(table, dict):
        return f"has no table at {key!r} (usernames: …)"
    secrets = {s for s in _passwords(table) if s}
    _empty(table)
    table["usernames"] = {}
    parent, last = _parent(data, cookie_key) if cookie_key else (None, "")
    found = parent is not None and isinstance(parent.get(last), str | int | float)
    if parent is not None and found:
        secrets.add(str(parent[last]))
        parent[last] = MARKER
    _replace_strings(data, secrets)
    if _too_big(data):  # aliases of aliases ("billion laughs"): JSON would spell each out
        return "repeats its tables through YAML aliases more than stc copies out"
    try:
        dumped = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    except (TypeError, ValueError, RecursionError):
        return "holds values stc cannot write back"
    return Redacted(text=dumped, cookie_key=found)


_MAX_VALUES = 100_000  # values of the copy, aliases spelled out: a config has hundreds


def _too_big(data: object) -> bool:
    """Whether *data*, each alias spelled out as JSON must, holds over _MAX_VALUES."""
    count, stack = 0, [data]
    while stack:
        item = stack.pop()
        count += 1
        if count > _MAX_VALUES:
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _parent(data: dict[Any, Any], dotted: str) -> tuple[dict[Any, Any] | None, str]:
    """The table holding the last part of *dotted*, and that part."""
    *path, last = dotted.split(".")
    here: object = data
    for part in path:
        here = here.get(part) if isinstance(here, dict) else None
    return (here if isinstance(here, dict) else None), last


def _passwords(table: dict[Any, Any]) -> Iterator[str]:
    """The users' passwords (hashed or not: 0.4 hashes plain ones when it loads them)."""
    users = table.get("usernames")
    if isinstance(users, dict):
        for user in users.values():
            if isinstance(user, dict) and isinstance(user.get("password"), str):
                yield user["password"]


def _empty(value: object) -> None:
    """Empty *value* and every table and list inside it, in place (iteratively: YAML
    aliases can make a structure whose unfolding is exponential)."""
    stack, seen = [value], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, dict):
            stack.extend(item.values())
            item.clear()
        elif isinstance(item, list):
            stack.extend(item)
            item.clear()


def _replace_strings(value: object, secrets: set[str]) -> None:
    """Put :data:`MARKER` in place of every string value of *value* in *secrets*."""
    if not secrets:
        return
    stack, seen = [value], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, dict):
            for k, v in item.items():
                if isinstance(v, str) and v in secrets:
                    item[k] = MARKER
                else:
                    stack.append(v)
        elif isinstance(item, list):
            for i, v in enumerate(item):
                if isinstance(v, str) and v in secrets:
                    item[i] = MARKER
                else:
                    stack.append(v)


# the cookie settings streamlit-authenticator documents beside its key: the cookie's
# name and lifetime, which every visitor's browser sees anyway
_COOKIE_SETTINGS = ("name", "expiry_days")


def secrets_view(secrets: dict[str, Any] | None, key: str, cookie_key: str) -> dict[str, Any]:
    """What the page's ``st.secrets`` holds of a login's users at the dotted *key* and
    its signing key at the dotted *cookie_key*: an empty ``usernames`` table, the
    marker, and from *secrets* (secrets.toml at build, ``None`` without one) only the
    cookie's name and lifetime."""
    view: dict[str, Any] = {}
    _put(view, key, {"usernames": {}})
    if cookie_key:
        table_path, _, _last = cookie_key.rpartition(".")
        table = _get(secrets or {}, table_path) if table_path else None
        if isinstance(table, dict):
            for setting in _COOKIE_SETTINGS:
                value = table.get(setting)
                if isinstance(value, str | int | float) and not isinstance(value, bool):
                    _put(view, f"{table_path}.{setting}", value)
        _put(view, cookie_key, MARKER)
    return view


def _get(data: dict[str, Any], dotted: str) -> object:
    here: object = data
    for part in dotted.split("."):
        here = here.get(part) if isinstance(here, dict) else None
    return here


def _put(data: dict[str, Any], dotted: str, value: object) -> None:
    *path, last = dotted.split(".")
    for part in path:
        data = data.setdefault(part, {})
        if not isinstance(data, dict):
            return  # a value on the way (keys that nest into each other): left as it is
    data[last] = value
