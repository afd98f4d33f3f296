"""The one contract between the site, the compiler and ``stc proxy`` for web requests.

Declared once, here, in plain Python that the runtime (in the browser), the compiler
(which writes the rules) and the proxy (which enforces them) all import::

    compiler: [tool.stc.secrets] API_KEY = {hosts = ["api.example.com"]}
              [tool.stc] proxy_hosts = ["data.example.org"]
              ──▶ stc/forward.json: ForwardRules (names and hosts, never a value)
              ──▶ page config data.http: {"secrets": [names], "hosts": [...]}
    browser:  st.secrets["API_KEY"] ─▶ placeholder("API_KEY"), an opaque token
              a request that carries a placeholder (URL, a header, the body), or goes
              to a proxy host ─▶ the same method to {proxy}/v1/fetch, with the
              header Stc-Target: <the URL>, and the app's headers and body
    proxy:    every placeholder must name a secret whose hosts allow the target's
              host, else nothing is substituted and the answer is a refusal; then
              the values replace the placeholders, the request goes on, and the
              answer streams back (server-sent events too). A refusal carries the
              header Stc-Proxy-Error: <code> and a ProxyError body.

A placeholder is a hash of the secret's name: it says nothing of the value, and only
the proxy, toward the hosts the user listed for that secret, turns it into the value.
It uses only characters that no URL, header or JSON encoding changes, so the proxy
finds it wherever the app put it (``Authorization: Basic`` hides it in base64: the
proxy decodes that header too).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = [
    "ERROR_HEADER",
    "FORWARD_ROUTE",
    "PLACEHOLDER",
    "RULES_PATH",
    "TARGET_HEADER",
    "WIRE_VERSION",
    "ForwardRules",
    "find_placeholders",
    "host_allowed",
    "host_of",
    "placeholder",
]

WIRE_VERSION = 1
FORWARD_ROUTE = "/v1/fetch"  # any method; the target in TARGET_HEADER
TARGET_HEADER = "Stc-Target"  # the absolute http(s) URL the app asked for
ERROR_HEADER = "Stc-Proxy-Error"  # on the proxy's own refusals: the ProxyError code
RULES_PATH = "stc/forward.json"  # in the built site, beside stc/queries.json
PLACEHOLDER = re.compile(r"stc-secret-[0-9a-f]{24}")

# ProxyError codes of the forward route (the body is runtime_wasm.connections' ProxyError):
#   unknown-secret       a placeholder of no secret this proxy holds            403
#   secret-not-allowed   a secret sent toward a host its rules do not list      403
#   host-not-allowed     no secret, and the host is not in proxy_hosts          403
#   bad-target           Stc-Target missing, not absolute, or not http(s)       400
#   upstream-unreachable the host did not answer (DNS, refused, TLS)            502
#   upstream-timeout     the host took longer than the proxy's timeout          504


def placeholder(name: str) -> str:
    """The token ``st.secrets[name]`` is in the browser (*name*: dotted for a nested
    key, ``"openai.api_key"``)."""
    digest = hashlib.sha256(b"stc-secret\0" + name.encode("utf-8")).hexdigest()
    return f"stc-secret-{digest[:24]}"


def find_placeholders(data: str | bytes) -> set[str]:
    """Every placeholder in *data*."""
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    return set(PLACEHOLDER.findall(text))


def host_of(url: str) -> str:
    """The host a request to *url* goes to, as rules name it: lower case, with the port
    when the URL gives one that is not its scheme's default (``"127.0.0.1:8123"``)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6: "[::1]:8080", never the ambiguous "::1:8080"
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    try:
        port = parts.port
    except ValueError:
        return host
    return f"{host}:{port}" if port is not None and port != default else host


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """Whether *host* (from :func:`host_of`) is one of *allowed*: an exact name (with its
    port when it has one), or ``*.example.com`` for any subdomain of example.com (not
    example.com itself: list both for both)."""
    for entry in allowed:
        entry = entry.lower()
        if entry == host:
            return True
        if entry.startswith("*.") and host.endswith(entry[1:]) and ":" not in host:
            return True
    return False


@dataclass(frozen=True, kw_only=True)
class ForwardRules:
    """Where the proxy may send what: each secret's hosts, and the hosts it forwards
    requests to that carry no secret (servers that do not allow CORS)."""

    secrets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    hosts: tuple[str, ...] = ()

    def dump(self) -> str:
        body = {
            "version": WIRE_VERSION,
            "secrets": {name: list(hosts) for name, hosts in sorted(self.secrets.items())},
            "hosts": sorted(self.hosts),
        }
        return json.dumps(body, indent=1)

    @classmethod
    def load(cls, text: str) -> ForwardRules:
        """Parse a rules file; raises ``ValueError`` when it is not one of ours."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != WIRE_VERSION:
            raise ValueError(f"not stc forward rules of version {WIRE_VERSION}")
        secrets = data.get("secrets", {})
        hosts = data.get("hosts", [])
        if not isinstance(secrets, dict) or not _strings(hosts):
            raise ValueError("secrets must be an object and hosts a list of strings")
        if not all(_strings(v) for v in secrets.values()):
            raise ValueError("each secret's hosts must be a list of strings")
        return cls(
            secrets={str(k): tuple(str(h) for h in v) for k, v in secrets.items()},
            hosts=tuple(str(h) for h in hosts),
        )

    def by_placeholder(self) -> dict[str, str]:
        """placeholder → secret name, for every secret the rules name."""
        return {placeholder(name): name for name in self.secrets}


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
