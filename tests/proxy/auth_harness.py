"""Helpers for the login tests: an app folder holding streamlit-authenticator's
``config.yaml`` (bcrypt hashes made at cost 4, so a login takes milliseconds), a built
site whose ``stc/auth.json`` points at it beside queries and forward rules, and a
client that logs in and calls the proxy the way the runtime does.

The passwords, hashes and signing key are canaries: :func:`no_canary` looks for them
in answers, messages and log lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import bcrypt
import jwt
import yaml
from forward_harness import secrets_toml
from proxy_harness import ORIGIN, param_names, toml_table
from starlette.testclient import TestClient

from proxy import Settings
from runtime_wasm.auth import (
    LOGIN_ROUTE,
    SESSION_HEADER,
    SESSION_ROUTE,
    AuthConfig,
    CredentialsSource,
)
from runtime_wasm.connections import AllowedQuery, ProxyError, dump_allowlist, query_id
from runtime_wasm.http import ERROR_HEADER, FORWARD_ROUTE, TARGET_HEADER, ForwardRules

KEY = "signing-key-canary-7f3a9c1e5b2d4f60a8"  # 36 bytes: over HS256's minimum of 32
OTHER_KEY = "another-signing-key-canary-0b1c2d3e4f"
PASSWORDS = {"jsmith": "abc-canary-pw-71", "rbriggs": "def-canary-pw-82"}
USERS: dict[str, dict[str, Any]] = {
    "jsmith": {"name": "John Smith", "email": "jsmith@gmail.com", "roles": ["admin", "viewer"]},
    "rbriggs": {"name": "Rebecca Briggs", "email": "rbriggs@gmail.com", "roles": ["viewer"]},
}
HASHES = {user: bcrypt.hashpw(pw.encode(), bcrypt.gensalt(4)).decode()
          for user, pw in PASSWORDS.items()}  # fmt: skip

# The statements of the site's three connections over one SQLite file; each text is its
# connection's own (the allowlist names a statement by its text).
PETS = "select name from pets where kind = :kind"  # pets_db: any session
ADMIN = "select count(*) as n from pets -- admin"  # admin_db: a session with role admin
OPEN = "select count(*) as n from pets -- open"  # open_db: anyone
REQUIRE = ("pets_db", "admin_db", "API_KEY")
ROLES = {"admin_db": ("admin",)}


def credentials(users: Mapping[str, Mapping[str, Any]] = USERS) -> dict[str, Any]:
    """streamlit-authenticator's credentials table for *users*."""
    return {"usernames": {u: {**fields, "password": HASHES.get(u.lower(), "")}
                          for u, fields in users.items()}}  # fmt: skip


def config_yaml(users: Mapping[str, Mapping[str, Any]] = USERS, key: str = KEY) -> str:
    """An app's ``config.yaml`` as streamlit-authenticator's documentation writes it."""
    cookie = {"name": "stc_auth", "key": key, "expiry_days": 30}
    return yaml.safe_dump({"credentials": credentials(users), "cookie": cookie})


def write_app(
    folder: Path,
    *,
    pets_db: Path,
    config: str | None = None,
    auth: AuthConfig | None = None,
    extra_secrets: str = "",
    upstream_host: str = "127.0.0.1:9",
) -> tuple[Path, Path]:
    """An app folder (``app/config.yaml``, ``app/.streamlit/secrets.toml``) and a built
    site (``site/stc/{queries,forward,auth}.json``); returns (site, secrets file)."""
    app, site = folder / "app", folder / "site"
    (app / ".streamlit").mkdir(parents=True, exist_ok=True)
    (site / "stc").mkdir(parents=True, exist_ok=True)
    (app / "config.yaml").write_text(config_yaml() if config is None else config)
    url = {"url": f"sqlite:///{pets_db}"}
    secrets = app / ".streamlit" / "secrets.toml"
    secrets.write_text(
        secrets_toml({"API_KEY": "sk-canary-api-5e1f", "TOKEN": "tok-canary-open-9a"})
        + "".join(toml_table(name, url) for name in ("pets_db", "admin_db", "open_db"))
        + extra_secrets
    )
    queries = [("pets_db", PETS), ("admin_db", ADMIN), ("open_db", OPEN)]
    allowed = [AllowedQuery(sql=sql, connection=conn, params=param_names(sql))
               for conn, sql in queries]  # fmt: skip
    (site / "stc" / "queries.json").write_text(dump_allowlist(allowed))
    here = (upstream_host,)
    rules = ForwardRules(secrets={"API_KEY": here, "TOKEN": here})
    (site / "stc" / "forward.json").write_text(rules.dump())
    if auth is None:
        source = CredentialsSource(kind="file", path="config.yaml")
        auth = AuthConfig(credentials=source, require=REQUIRE, roles=ROLES, max_expiry_days=7)
    (site / "stc" / "auth.json").write_text(auth.dump())
    return site, secrets


def token(claims: Mapping[str, Any], key: str = KEY, algorithm: str = "HS256") -> str:
    """A token signed by hand, valid for an hour unless *claims* say otherwise."""
    now = int(time.time())
    body = {"sub": "jsmith", "name": "John Smith", "roles": ["admin"], "iat": now,
            "exp": now + 3600, **claims}  # fmt: skip
    return jwt.encode(body, key, algorithm=algorithm)


def refusal(response: Any) -> tuple[int, str, str]:
    """(status, code of the body, code of the header)."""
    body = ProxyError.from_json(response.text)
    return response.status_code, body.code, response.headers[ERROR_HEADER]


def no_canary(*texts: str) -> None:
    for text in texts:
        for value in (KEY, OTHER_KEY, *PASSWORDS.values(), *HASHES.values()):
            assert value not in text


class Auth:
    """A proxy with logins, and the runtime's way of calling it."""

    def __init__(self, client: TestClient, settings: Settings, site: Path) -> None:
        self.client, self.settings, self.site = client, settings, site

    def from_address(self, address: str) -> TestClient:
        """A client of the same proxy with another address (no lifespan: not for
        /v1/fetch)."""
        return TestClient(self.client.app, client=(address, 5000))

    def login(
        self,
        username: str,
        password: str,
        *,
        expiry_days: Any = 30.0,
        client: TestClient | None = None,
    ) -> Any:
        body = {"username": username, "password": password, "expiry_days": expiry_days}
        return (client or self.client).post(LOGIN_ROUTE, json=body, headers={"Origin": ORIGIN})

    def session(self, value: Any) -> Any:
        return self.client.post(SESSION_ROUTE, json={"token": value}, headers={"Origin": ORIGIN})

    def token_of(self, username: str) -> str:
        response = self.login(username, PASSWORDS[username])
        assert response.status_code == 200, response.text
        return str(response.json()["token"])

    def query(self, connection: str, sql: str, session: str | None = None) -> Any:
        body = {"connection": connection, "query": query_id(sql),
                "params": {"kind": "cat"} if ":kind" in sql else {}}  # fmt: skip
        return self.client.post("/v1/query", json=body, headers=self._headers(session))

    def fetch(self, target: str, session: str | None = None, **headers: str) -> Any:
        sent = {**self._headers(session), TARGET_HEADER: target, **headers}
        return self.client.get(FORWARD_ROUTE, headers=sent)

    @staticmethod
    def _headers(session: str | None) -> dict[str, str]:
        return {"Origin": ORIGIN, **({SESSION_HEADER: session} if session else {})}


MakeAuth = Callable[..., Auth]
