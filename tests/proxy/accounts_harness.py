"""Helpers for the account tests: the routes called as the page calls them, the app's
credentials file read back, and values streamlit-authenticator 0.4.2's Validator
accepts (its password rule: 8 to 20 characters with a lower-case and an upper-case
letter, a digit and one of its special characters).

The fixture is ``make_auth`` (``conftest.py``); these take the :class:`Auth` it makes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from auth_harness import HASHES, KEY, REQUIRE, ROLES, USERS, Auth
from proxy_harness import ORIGIN
from starlette.testclient import TestClient

from runtime_wasm.auth import (
    DETAILS_ROUTE,
    PASSWORD_ROUTE,
    REGISTER_ROUTE,
    AuthConfig,
    CredentialsSource,
    RegisterRules,
)

NEW_PASSWORD = "N3w-canary-Pw!"  # the package's rules accept it
OTHER_NEW_PASSWORD = "An0ther-canary-Pw?"
FILE = CredentialsSource(kind="file", path="config.yaml")


def registering(**rules: Any) -> AuthConfig:
    """The harness's auth.json, for an app whose ``register_user`` call has *rules*."""
    return AuthConfig(
        credentials=FILE, require=REQUIRE, roles=ROLES, register=RegisterRules(**rules)
    )


def form(**fields: Any) -> dict[str, Any]:
    """A registration the package accepts, with *fields* changed."""
    return {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org",
            "username": "ada", "password": NEW_PASSWORD, "password_hint": "", **fields}  # fmt: skip


def config_file(auth: Auth) -> Path:
    """The app's credentials file (auth_harness.write_app's ``app/config.yaml``)."""
    return auth.site.parent / "app" / "config.yaml"


def read_config(auth: Auth) -> dict[str, Any]:
    data = yaml.safe_load(config_file(auth).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def entry(auth: Auth, username: str) -> dict[str, Any]:
    """*username*'s entry in the file as it is now."""
    found: dict[str, Any] = read_config(auth)["credentials"]["usernames"][username]
    return found


def change_password(
    auth: Auth,
    token: str,
    password: str,
    new_password: str = NEW_PASSWORD,
    client: TestClient | None = None,
) -> Any:
    body = {"token": token, "password": password, "new_password": new_password}
    return post(auth, PASSWORD_ROUTE, body, client)


def change_details(auth: Auth, token: str, field: str, value: Any) -> Any:
    return post(auth, DETAILS_ROUTE, {"token": token, "field": field, "value": value})


def register(auth: Auth, body: Any, client: TestClient | None = None) -> Any:
    return post(auth, REGISTER_ROUTE, body, client)


def post(auth: Auth, route: str, body: Any, client: TestClient | None = None) -> Any:
    """POST *body* as JSON; ASCII, so a lone surrogate travels as JSON's ``\\ud800``."""
    headers = {"Origin": ORIGIN, "Content-Type": "application/json"}
    return (client or auth.client).post(route, content=json.dumps(body), headers=headers)


def in_secrets() -> dict[str, Any]:
    """``make_auth`` arguments for users kept in the proxy's secrets file."""
    lines = ["[auth.cookie]", f'key = "{KEY}"']
    for user, fields in USERS.items():
        lines += [f"[auth.credentials.usernames.{user}]", f'name = "{fields["name"]}"',
                  f'password = "{HASHES[user]}"']  # fmt: skip
    source = CredentialsSource(kind="secrets", key="auth.credentials", cookie_key="auth.cookie.key")
    config = AuthConfig(credentials=source, register=RegisterRules())
    return {"auth": config, "extra_secrets": "\n".join(lines) + "\n"}
