"""Helpers for the forward route's tests: a site with ``stc/forward.json``, a secrets
file with API keys (canary values, searched for in every answer and log line), and a
client that sends an app's request the way the runtime does."""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from proxy_harness import ORIGIN
from starlette.testclient import TestClient

from proxy import Settings
from runtime_wasm.http import FORWARD_ROUTE, TARGET_HEADER, ForwardRules, placeholder

# The values the proxy holds; none may ever reach the page or a log line.
API_KEY = "sk-canary-5e1f0c2a9d7b4e3f"
TOKEN = 'tok/en+canary "quoted" & more=ü'  # needs encoding in a URL, a form and JSON
OPENAI = "sk-openai-canary-77aa01"  # [openai] api_key, named "openai.api_key"
OTHER = "other-canary-key-19c4"  # allowed only toward a host the tests never reach
VALUES = {"API_KEY": API_KEY, "TOKEN": TOKEN, "openai.api_key": OPENAI, "OTHER": OTHER}


def secrets_toml(values: Mapping[str, str]) -> str:
    """Top-level keys, and a dotted name as a key of its table."""

    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    plain = [f"{name} = {quoted(value)}" for name, value in values.items() if "." not in name]
    tables = [f"[{name.split('.')[0]}]\n{name.split('.')[1]} = {quoted(value)}"
              for name, value in values.items() if "." in name]  # fmt: skip
    return "\n".join(plain + tables) + "\n"


def write_site(
    folder: Path, rules: ForwardRules, values: Mapping[str, str] = VALUES
) -> tuple[Path, Path]:
    """A built site holding only ``stc/forward.json``, and its secrets file."""
    site = folder / "site"
    (site / "stc").mkdir(parents=True, exist_ok=True)
    (site / "stc" / "forward.json").write_text(rules.dump())
    secrets = folder / "secrets.toml"
    secrets.write_text(secrets_toml(values))
    return site, secrets


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


class Forward:
    """A proxy with forward rules, and the runtime's way of calling it."""

    def __init__(self, client: TestClient, settings: Settings) -> None:
        self.client, self.settings = client, settings

    def fetch(
        self,
        method: str,
        target: str | None,
        *,
        headers: Mapping[str, str] | None = None,
        origin: str | None = ORIGIN,
        **kwargs: Any,
    ) -> Any:
        sent = dict(headers or {})
        if target is not None:
            sent[TARGET_HEADER] = target
        if origin:
            sent["Origin"] = origin
        return self.client.request(method, FORWARD_ROUTE, headers=sent, **kwargs)


MakeForward = Callable[..., Forward]
# The placeholders the page holds for them.
KEY, TOKEN_PH, OPENAI_PH, OTHER_PH = (placeholder(name) for name in VALUES)
