"""The connections and secrets a site's ``auth.json`` names answer only requests that
carry a valid session (``Stc-Session``), with one of their roles when they list some;
the check comes before a database or an upstream is touched, and the session never
reaches an upstream. Then the whole path through a real ``stc proxy`` process."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx2 as httpx
import pytest
from auth_harness import (
    ADMIN,
    OPEN,
    OTHER_KEY,
    PASSWORDS,
    PETS,
    USERS,
    MakeAuth,
    config_yaml,
    refusal,
    token,
    write_app,
)
from fake_upstream import Upstream
from proxy_harness import ORIGIN, free_port

from proxy import running
from runtime_wasm.auth import LOGIN_ROUTE, SESSION_HEADER, Session
from runtime_wasm.connections import ProxyError, ResultSet, query_id
from runtime_wasm.http import placeholder


def test_a_required_connection_refuses_anonymous_requests(make_auth: MakeAuth) -> None:
    auth = make_auth()
    response = auth.query("pets_db", PETS)
    assert refusal(response) == (401, "login-required", "login-required")
    assert ProxyError.from_json(response.text).message == "the connection 'pets_db' needs a login"
    assert response.headers["access-control-allow-origin"] == ORIGIN
    answer = auth.query("pets_db", PETS, auth.token_of("rbriggs"))
    assert answer.status_code == 200, answer.text
    assert ResultSet.from_json(answer.text).data == (("Tom", "O'Malley"),)


def test_a_connection_not_named_is_open(make_auth: MakeAuth) -> None:
    auth = make_auth()
    assert auth.query("open_db", OPEN).status_code == 200
    assert auth.query("open_db", OPEN, "not-a-token").status_code == 200  # not even looked at


@pytest.mark.parametrize(
    ("session", "detail"),
    [(token({}, key=OTHER_KEY), "not one this proxy signed"),
     (token({"exp": 1_000_000}), "expired"),
     (token({"sub": "ghost"}), "no longer in the credentials")],
    ids=["forged", "expired", "unknown-user"],
)  # fmt: skip
def test_bad_sessions_are_login_required_with_the_reason(
    make_auth: MakeAuth, session: str, detail: str
) -> None:
    response = make_auth().query("pets_db", PETS, session)
    assert refusal(response)[:2] == (401, "login-required")
    message = ProxyError.from_json(response.text).message
    assert "bad-token" in message and detail in message


def test_roles(make_auth: MakeAuth) -> None:
    auth = make_auth()
    viewer, admin = auth.token_of("rbriggs"), auth.token_of("jsmith")
    assert refusal(auth.query("admin_db", ADMIN))[:2] == (401, "login-required")
    response = auth.query("admin_db", ADMIN, viewer)
    assert refusal(response) == (403, "role-required", "role-required")
    assert "needs one of the roles admin" in ProxyError.from_json(response.text).message
    assert auth.query("admin_db", ADMIN, admin).status_code == 200


def test_roles_come_from_the_credentials_not_the_token(make_auth: MakeAuth) -> None:
    """A token claiming admin for a viewer is signed by the right key (the proxy once
    made it, before the role was taken away): the credentials have the last word."""
    auth = make_auth()
    response = auth.query("admin_db", ADMIN, token({"sub": "rbriggs", "roles": ["admin"]}))
    assert refusal(response)[1] == "role-required"
    demoted = make_auth(config=config_yaml({**USERS, "jsmith": {**USERS["jsmith"], "roles": []}}))
    assert refusal(demoted.query("admin_db", ADMIN, token({"sub": "jsmith"})))[1] == "role-required"


def test_the_write_route_is_guarded_before_its_target_is_looked_up(make_auth: MakeAuth) -> None:
    auth = make_auth()
    body = {"connection": "pets_db", "write": "0" * 64,
            "rows": {"columns": ["a"], "dtypes": ["int64"], "data": [[1]]}}  # fmt: skip
    anonymous = auth.client.post("/v1/write", json=body, headers={"Origin": ORIGIN})
    assert refusal(anonymous)[:2] == (401, "login-required")
    headers = {"Origin": ORIGIN, SESSION_HEADER: auth.token_of("jsmith")}
    signed_in = auth.client.post("/v1/write", json=body, headers=headers)
    assert refusal(signed_in)[:2] == (404, "unknown-write")  # past the guard


def test_a_required_secret_is_not_sent_without_a_session(
    make_auth: MakeAuth, upstream: Upstream
) -> None:
    auth = make_auth()
    key = placeholder("API_KEY")
    response = auth.fetch(upstream.url("/echo"), **{"X-Api-Key": key})
    assert refusal(response)[:2] == (401, "login-required")
    assert "the secret 'API_KEY' needs a login" in ProxyError.from_json(response.text).message
    assert upstream.seen == []  # refused before anything left the proxy
    session = auth.token_of("rbriggs")
    response = auth.fetch(upstream.url("/echo"), session, **{"X-Api-Key": key})
    assert response.status_code == 200, response.text
    assert upstream.seen[0].headers["x-api-key"] == "sk-canary-api-5e1f"
    assert SESSION_HEADER.lower() not in upstream.seen[0].headers
    assert session not in response.text


def test_the_session_never_reaches_an_upstream(make_auth: MakeAuth, upstream: Upstream) -> None:
    """Not with a secret no login guards, nor in a header the app names."""
    auth = make_auth()
    session = auth.token_of("jsmith")
    response = auth.fetch(upstream.url("/echo"), session, Authorization=placeholder("TOKEN"))
    assert response.status_code == 200, response.text
    (seen,) = upstream.seen
    assert seen.headers["authorization"] == "tok-canary-open-9a"
    assert all(session not in value for value in seen.headers.values())
    assert SESSION_HEADER.lower() not in seen.headers


def test_stc_proxy_answers_a_login_end_to_end(tmp_path: Path, pets_sqlite: Path) -> None:
    """The real command line, with the secrets file deployed apart from the app and
    --app saying where the app's config.yaml is: a login over HTTP, then a guarded
    query with the token it gave."""
    site, secrets = write_app(tmp_path, pets_db=pets_sqlite)
    app = tmp_path / "app"
    deployed = tmp_path / "deployed-secrets.toml"
    deployed.write_text(secrets.read_text())  # not in .streamlit/: --app says where the app is
    port = free_port()
    arguments = [str(site), "--secrets", str(deployed), "--app", str(app), "--allow-origin", ORIGIN]
    base = f"http://127.0.0.1:{port}"
    with running(arguments, port=port, stderr=subprocess.DEVNULL):
        body = {"username": "jsmith", "password": PASSWORDS["jsmith"], "expiry_days": 1}
        response = httpx.post(base + LOGIN_ROUTE, json=body, headers={"Origin": ORIGIN})
        assert response.status_code == 200, response.text
        session = Session.from_json(response.text)
        assert session.name == "John Smith"
        query = {"connection": "pets_db", "query": query_id(PETS), "params": {"kind": "cat"}}
        anonymous = httpx.post(base + "/v1/query", json=query)
        signed_in = httpx.post(base + "/v1/query", json=query,
                               headers={SESSION_HEADER: session.token})  # fmt: skip
    assert anonymous.status_code == 401
    assert signed_in.status_code == 200, signed_in.text
