"""Placeholders in an app's request: where they are, whether they may go to the
target, and the request with the secrets' values in their place.

A placeholder may be in the URL, in any header (``Authorization: Basic`` holds it in
base64, so that header is decoded) or in the body. Every one must name a secret whose
hosts allow the target; a request without any must go to a ``proxy_hosts`` host. Each
value is encoded as the place it lands in needs (percent-encoded in the URL and in a
form body, JSON-escaped in a JSON body), since the app encoded only the placeholder.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, quote_plus, urlsplit

from proxy._errors import QueryRefused
from runtime_wasm.http import ForwardRules, find_placeholders, host_allowed, host_of

__all__ = ["Outgoing", "substitute"]


@dataclass(frozen=True, kw_only=True)
class Outgoing:
    """The request as it goes upstream, and what must not come back from it."""

    url: str
    headers: list[tuple[str, str]]
    body: bytes
    secrets: frozenset[str]  # the names of the secrets it carries
    hidden: tuple[bytes, ...]  # their values in every form sent, longest first


def substitute(
    rules: ForwardRules,
    values: Mapping[str, str],
    *,
    url: str,
    headers: Iterable[tuple[str, str]],
    body: bytes,
) -> Outgoing:
    """The request to *url* with the values of its placeholders; raises
    :class:`QueryRefused` (``unknown-secret``, ``secret-not-allowed``,
    ``host-not-allowed``) before anything is substituted when it may not go."""
    headers = list(headers)
    host = host_of(url)
    found = find_placeholders(url) | find_placeholders(body)
    for name, value in headers:
        found |= find_placeholders(value) | find_placeholders(_basic(name, value) or "")
    names = _check(rules, host, found)
    if names and find_placeholders(urlsplit(url).netloc):
        raise QueryRefused("secret-not-allowed", f"a secret may not be part of the host {host}")
    tokens = {token: values[rules.by_placeholder()[token]] for token in found}
    if not tokens:
        return Outgoing(url=url, headers=headers, body=body, secrets=frozenset(), hidden=())
    hidden = {form for value in tokens.values() for form in _forms(value)}
    sent: list[tuple[str, str]] = []
    for name, value in headers:
        decoded = _basic(name, value)
        if decoded is not None and find_placeholders(decoded):
            credentials = _replace(decoded, tokens).encode("utf-8")
            value = "Basic " + base64.b64encode(credentials).decode("ascii")
            hidden.add(value[len("Basic ") :])
        else:
            value = _replace(value, tokens)
        if any(c in value for c in "\r\n\0"):
            raise QueryRefused("bad-request", f"a secret in the header {name} holds a line break")
        sent.append((name, value))
    return Outgoing(
        url=_replace(url, {t: quote(v, safe="") for t, v in tokens.items()}),
        headers=sent,
        body=_body(body, tokens, dict((n.lower(), v) for n, v in headers).get("content-type")),
        secrets=frozenset(rules.by_placeholder()[token] for token in tokens),
        hidden=tuple(sorted((h.encode() for h in hidden if len(h) >= 3), key=len, reverse=True)),
    )


def _check(rules: ForwardRules, host: str, found: set[str]) -> set[str]:
    known = rules.by_placeholder()
    unknown = sorted(found - known.keys())
    if unknown:
        raise QueryRefused(
            "unknown-secret",
            f"the request carries {unknown[0]}, a placeholder of no secret this proxy holds; "
            "rebuild the site and restart the proxy if the app changed",
        )
    names = {known[token] for token in found}
    for name in sorted(names):
        if not host_allowed(host, rules.secrets[name]):
            raise QueryRefused(
                "secret-not-allowed",
                f"the secret {name!r} may not be sent to {host}; list that host under "
                f"[tool.stc.secrets] {name} = {{hosts = [...]}} and rebuild",
            )
    if not names and not host_allowed(host, rules.hosts):
        raise QueryRefused(
            "host-not-allowed",
            f"{host} is not in proxy_hosts and the request carries no secret; list it under "
            "[tool.stc] proxy_hosts and rebuild",
        )
    return names


def _basic(name: str, value: str) -> str | None:
    """The decoded credentials of an ``Authorization: Basic`` header, else ``None``."""
    scheme, _, token = value.strip().partition(" ")
    if name.lower() != "authorization" or scheme.lower() != "basic":
        return None
    try:
        raw = base64.b64decode(token.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _replace(text: str, tokens: Mapping[str, str]) -> str:
    for token, value in tokens.items():
        text = text.replace(token, value)
    return text


def _body(body: bytes, tokens: Mapping[str, str], content_type: str | None) -> bytes:
    kind = (content_type or "").split(";")[0].strip().lower()
    encode: Callable[[str], str] = str
    if kind == "application/json" or kind.endswith("+json"):
        encode = _json_escaped
    elif kind == "application/x-www-form-urlencoded":
        encode = _form_escaped
    for token, value in tokens.items():
        body = body.replace(token.encode("ascii"), encode(value).encode("utf-8"))
    return body


def _form_escaped(value: str) -> str:
    return quote_plus(value)


def _json_escaped(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _forms(value: str) -> set[str]:
    """*value* as it may appear in the request, so in an answer that echoes it."""
    forms = {value, quote(value, safe=""), quote_plus(value), _json_escaped(value)}
    return forms | {json.dumps(value)[1:-1]}  # \uXXXX for what is not ASCII
