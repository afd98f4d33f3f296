"""``/v1/login`` and ``/v1/session``: passwords checked with bcrypt, sessions signed
as JWTs the proxy alone can make, one answer for a wrong name or password, failed
logins limited per client and user name, and every kind of bad token refused."""

from __future__ import annotations

import base64
import json
import logging
import time
import warnings

import jwt
import jwt.warnings
import pytest
import yaml
from auth_harness import (
    KEY,
    OTHER_KEY,
    PASSWORDS,
    USERS,
    MakeAuth,
    config_yaml,
    no_canary,
    refusal,
    token,
)
from forward_harness import MakeForward
from proxy_harness import ORIGIN

from proxy._ratelimit import FailedLogins
from runtime_wasm.auth import LOGIN_ROUTE, SESSION_HEADER, Session
from runtime_wasm.connections import ProxyError
from runtime_wasm.http import ERROR_HEADER


def test_the_right_password_gets_a_signed_session(make_auth: MakeAuth) -> None:
    auth = make_auth()
    before = time.time()
    response = auth.login("JSmith", PASSWORDS["jsmith"], expiry_days=3)  # names ignore case
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["access-control-allow-origin"] == ORIGIN
    session = Session.from_json(response.text)
    assert (session.username, session.name, session.email) == (
        "jsmith", "John Smith", "jsmith@gmail.com"
    )  # fmt: skip
    assert session.roles == ("admin", "viewer")
    claims = jwt.decode(session.token, KEY, algorithms=["HS256"])
    assert claims["sub"] == "jsmith" and claims["roles"] == ["admin", "viewer"]
    assert claims["name"] == "John Smith" and claims["email"] == "jsmith@gmail.com"
    assert claims["exp"] == session.expires
    assert abs(claims["exp"] - claims["iat"] - 3 * 86_400) <= 1
    assert before - 1 <= claims["iat"] <= time.time()
    no_canary(response.text)


@pytest.mark.parametrize(("asked", "days"), [(365, 7), (0, 1), (0.5, 0.5)])
def test_expiry_is_capped_by_the_site(make_auth: MakeAuth, asked: float, days: float) -> None:
    """max_expiry_days is 7 in the harness's auth.json; 0 (streamlit-authenticator's
    "no cookie") still gets a session for the open page, of a day."""
    auth = make_auth()
    session = Session.from_json(auth.login("rbriggs", PASSWORDS["rbriggs"], expiry_days=asked).text)
    claims = jwt.decode(session.token, KEY, algorithms=["HS256"])
    assert abs(claims["exp"] - claims["iat"] - days * 86_400) <= 1


@pytest.mark.parametrize(
    ("username", "password"),
    [("jsmith", "wrong"), ("nobody", PASSWORDS["jsmith"]), ("", ""),
     ("rbriggs", PASSWORDS["jsmith"]), ("jsmith", PASSWORDS["jsmith"] + "x")],
    ids=["wrong-password", "unknown-user", "empty", "another-users-password", "longer"],
)  # fmt: skip
def test_wrong_name_or_password_get_one_answer(
    make_auth: MakeAuth, username: str, password: str
) -> None:
    response = make_auth().login(username, password)
    assert refusal(response) == (401, "bad-login", "bad-login")
    assert ProxyError.from_json(response.text).message == "wrong user name or password"
    assert response.headers["access-control-expose-headers"].endswith(ERROR_HEADER)
    no_canary(response.text)


def test_passwords_longer_than_bcrypt_reads(make_auth: MakeAuth) -> None:
    """bcrypt hashes the first 72 bytes; bcrypt 5 raises past them instead of reading
    those, which must not become an ``internal`` error."""
    import bcrypt

    long = "é" * 40  # 80 bytes
    hashed = bcrypt.hashpw(long.encode()[:72], bcrypt.gensalt(4)).decode()
    table = {"usernames": {"long": {"name": "L", "password": hashed}}}
    auth = make_auth(config=yaml.safe_dump({"credentials": table, "cookie": {"key": KEY}}))
    assert auth.login("long", long).status_code == 200
    assert refusal(auth.login("long", "x" * 100))[1] == "bad-login"


@pytest.mark.parametrize(
    "body",
    [{"username": "jsmith"}, {"username": 1, "password": "x"},
     {"username": "jsmith", "password": "x", "expiry_days": "30"},
     {"username": "jsmith", "password": "x", "expiry_days": -1},
     {"username": "jsmith", "password": "x", "expiry_days": True}, [1, 2]],
)  # fmt: skip
def test_malformed_logins_are_bad_requests(make_auth: MakeAuth, body: object) -> None:
    response = make_auth().client.post(LOGIN_ROUTE, json=body, headers={"Origin": ORIGIN})
    assert refusal(response)[:2] == (400, "bad-request")


def test_failed_logins_are_limited_per_client_and_user(make_auth: MakeAuth) -> None:
    auth = make_auth()
    for _ in range(5):
        assert refusal(auth.login("jsmith", "guess"))[1] == "bad-login"
    blocked = auth.login("jsmith", PASSWORDS["jsmith"])  # even the right password
    assert refusal(blocked) == (429, "rate-limited", "rate-limited")
    assert 890 <= int(blocked.headers["retry-after"]) <= 900
    assert "Retry-After" in blocked.headers["access-control-expose-headers"]  # the page reads it
    assert refusal(auth.login("JSMITH", "guess"))[1] == "rate-limited"  # the same user
    # Another user from this client, and this user from another client, still may.
    assert auth.login("rbriggs", PASSWORDS["rbriggs"]).status_code == 200
    elsewhere = auth.from_address("10.9.9.9")
    assert auth.login("jsmith", PASSWORDS["jsmith"], client=elsewhere).status_code == 200
    # That success does not clear the first client's failures.
    assert refusal(auth.login("jsmith", PASSWORDS["jsmith"]))[1] == "rate-limited"


def test_unknown_users_count_as_failures_too(make_auth: MakeAuth) -> None:
    auth = make_auth(login_attempts=2)
    assert [refusal(auth.login("nobody", "x"))[1] for _ in range(3)] == [
        "bad-login", "bad-login", "rate-limited"
    ]  # fmt: skip


def test_a_success_clears_only_its_own_failures() -> None:
    now = [1000.0]
    failures = FailedLogins(limit=3, window=60, clock=lambda: now[0])
    mine, theirs = ("10.0.0.1", b"jsmith"), ("10.0.0.2", b"jsmith")
    for key in (mine, mine, theirs, theirs):
        assert failures.attempt(key) == 0  # each counts as failed until it succeeds
    failures.succeeded(mine)
    assert [failures.attempt(mine) for _ in range(3)] == [0, 0, 0]
    assert failures.attempt(mine) == 60
    assert failures.attempt(theirs) == 0 and failures.attempt(theirs) == 60
    now[0] += 30
    assert failures.attempt(theirs) == 30
    now[0] += 30
    assert failures.attempt(theirs) == 0  # the oldest left the window


def test_memory_is_bounded() -> None:
    now = [0.0]
    failures = FailedLogins(limit=2, window=10, clock=lambda: now[0], max_clients=3)
    for n in range(5):
        failures.attempt(("client", n))
        now[0] += 1
    assert len(failures._failures) == 3  # the least recent went first
    assert ("client", 4) in failures._failures and ("client", 0) not in failures._failures


def test_a_session_is_checked_again_with_fresh_fields(make_auth: MakeAuth) -> None:
    auth = make_auth()
    signed = token({"sub": "rbriggs", "name": "Old Name", "roles": ["admin"]})
    response = auth.session(signed)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    session = Session.from_json(response.text)
    assert (session.token, session.username, session.name) == (signed, "rbriggs", "Rebecca Briggs")
    assert session.roles == ("viewer",)  # the credentials', not the token's


def _tampered() -> str:
    header, payload, signature = token({"sub": "rbriggs"}).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["sub"] = "jsmith"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{header}.{forged}.{signature}"


def _unsigned() -> str:
    header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').decode().rstrip("=")
    body = json.dumps({"sub": "jsmith", "iat": int(time.time()), "exp": int(time.time()) + 99})
    return f"{header}.{base64.urlsafe_b64encode(body.encode()).decode().rstrip('=')}."


def _hs512() -> str:
    """Signed with the proxy's own key, by an algorithm it does not accept."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", jwt.warnings.InsecureKeyLengthWarning)
        return token({}, algorithm="HS512")


@pytest.mark.parametrize(
    ("make_token", "reason"),
    [
        (lambda: token({}, key=OTHER_KEY), "not one this proxy signed"),
        (lambda: token({"exp": int(time.time()) - 3600}), "expired"),
        (_tampered, "not one this proxy signed"),
        (_unsigned, "not one this proxy signed"),
        (_hs512, "not one this proxy signed"),
        (lambda: token({"iat": int(time.time()) + 3600}), "not one this proxy signed"),
        (lambda: jwt.encode({"sub": "jsmith"}, KEY, algorithm="HS256"), "not one this"),
        (lambda: "not.a.token", "not one this proxy signed"),
        (lambda: "", "not one this proxy signed"),
        (lambda: token({"sub": "ghost"}), "no longer in the credentials"),
    ],
    ids=["other-key", "expired", "tampered", "alg-none", "hs512", "issued-later", "no-exp",
         "malformed", "empty", "unknown-user"],
)  # fmt: skip
def test_bad_tokens_are_refused(make_auth: MakeAuth, make_token: object, reason: str) -> None:
    response = make_auth().session(make_token())  # type: ignore[operator]
    assert refusal(response) == (401, "bad-token", "bad-token")
    assert reason in ProxyError.from_json(response.text).message
    no_canary(response.text)


def test_a_user_removed_from_the_credentials_is_refused(make_auth: MakeAuth) -> None:
    signed = make_auth().token_of("rbriggs")
    without = make_auth(config=config_yaml({"jsmith": USERS["jsmith"]}))  # restarted, same key
    assert refusal(without.session(signed))[1] == "bad-token"
    assert without.session(token({"sub": "jsmith"})).status_code == 200


def test_a_session_body_must_hold_a_token(make_auth: MakeAuth) -> None:
    assert refusal(make_auth().session(42))[:2] == (400, "bad-request")


def test_a_site_without_logins_has_no_login_route(make_forward: MakeForward) -> None:
    proxy_ = make_forward()
    response = proxy_.client.post(LOGIN_ROUTE, json={"username": "a", "password": "b"})
    assert refusal(response)[:2] == (404, "bad-request")


def test_preflight_allows_the_session_header(make_auth: MakeAuth) -> None:
    asked = f"content-type, {SESSION_HEADER.lower()}"
    headers = {"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
               "Access-Control-Request-Headers": asked}  # fmt: skip
    client = make_auth().client
    for path in ("/v1/query", "/v1/write", LOGIN_ROUTE, "/v1/fetch"):
        response = client.options(path, headers=headers)
        assert response.status_code == 204
        allowed = response.headers["access-control-allow-headers"].lower()
        assert SESSION_HEADER.lower() in allowed, path


def test_no_password_token_or_hash_is_logged(
    make_auth: MakeAuth, caplog: pytest.LogCaptureFixture
) -> None:
    auth = make_auth()
    with caplog.at_level(logging.INFO, logger="stc.proxy"):
        signed = auth.token_of("jsmith")
        auth.login("jsmith", "wrong-canary-guess")
        auth.session(signed)
        auth.query("pets_db", "select name from pets where kind = :kind", signed)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert '"code": "bad-login"' in logged and '"path": "/v1/login"' in logged
    no_canary(logged)
    assert signed not in logged and "wrong-canary-guess" not in logged and "jsmith" not in logged
