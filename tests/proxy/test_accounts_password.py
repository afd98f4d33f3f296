"""``/v1/password``: streamlit-authenticator's ``reset_password`` against the app's
credentials file. The current password is checked with bcrypt and a wrong one counts
as a failed login; the new one is checked with the package's rules and messages,
hashed at the old hash's cost and written to the file, after which it logs in and the
old one does not."""

from __future__ import annotations

import logging
import time

import bcrypt
import pytest
from accounts_harness import (
    NEW_PASSWORD,
    change_password,
    config_file,
    entry,
    in_secrets,
    read_config,
)
from auth_harness import HASHES, KEY, OTHER_KEY, PASSWORDS, MakeAuth, no_canary, refusal, token

from runtime_wasm.auth import PASSWORD_ROUTE, Session
from runtime_wasm.connections import ProxyError


def test_a_new_password_is_written_and_logs_in(make_auth: MakeAuth) -> None:
    auth = make_auth()
    before = read_config(auth)
    old = auth.login("jsmith", PASSWORDS["jsmith"])
    signed = Session.from_json(old.text)
    response = change_password(auth, signed.token, PASSWORDS["jsmith"])
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    assert Session.from_json(response.text) == signed  # the same session, same expiry
    written = entry(auth, "jsmith")["password"]
    assert written.startswith("$2b$04$")  # the cost the old hash had
    assert bcrypt.checkpw(NEW_PASSWORD.encode(), written.encode())
    after = read_config(auth)
    del before["credentials"]["usernames"]["jsmith"]["password"]
    del after["credentials"]["usernames"]["jsmith"]["password"]
    assert after == before  # nothing else changed
    assert auth.login("jsmith", NEW_PASSWORD).status_code == 200
    assert refusal(auth.login("jsmith", PASSWORDS["jsmith"]))[1] == "bad-login"
    assert auth.session(signed.token).status_code == 200  # sessions go on
    no_canary(response.text)


@pytest.mark.parametrize(
    ("current", "new", "message"),
    [
        ("wrong-guess", NEW_PASSWORD, "Password is incorrect"),
        (PASSWORDS["jsmith"], "", "No new password provided"),
        (PASSWORDS["jsmith"], "   ", "No new password provided"),  # stripped, as the form does
        (NEW_PASSWORD, NEW_PASSWORD, "New and current passwords are the same"),
        (PASSWORDS["jsmith"], "abc", "**Password must:** \n\nBetween 8 and 20 characters long "
         "\n\nContain at least one uppercase letter \n\nContain at least one digit \n\nContain "
         "at least one special character (@$!%*?&) \n\n"),
        (PASSWORDS["jsmith"], "Abcdefgh1!" * 3, "**Password must:** \n\nBetween 8 and 20 "
         "characters long \n\n"),
        (PASSWORDS["jsmith"], "Abcdefg1 x!", "**Password must:** \n\n"),  # a space: the
        # package's pattern refuses it and its diagnosis names nothing; its words still
    ],
    ids=["wrong-current", "empty", "blank", "same", "weak", "long", "space"],
)  # fmt: skip
def test_refusals_say_the_packages_words(
    make_auth: MakeAuth, current: str, new: str, message: str
) -> None:
    auth = make_auth()
    before = config_file(auth).read_bytes()
    response = change_password(auth, auth.token_of("jsmith"), current, new)
    status, code = (401, "bad-login") if message == "Password is incorrect" else (400, "bad-value")
    assert refusal(response) == (status, code, code)
    assert ProxyError.from_json(response.text).message == message
    assert config_file(auth).read_bytes() == before
    no_canary(response.text)


@pytest.mark.parametrize(
    "forged",
    [token({}, key=OTHER_KEY), token({"exp": int(time.time()) - 60}), "not.a.token", "",
     token({"sub": "ghost"})],
    ids=["other-key", "expired", "malformed", "empty", "unknown-user"],
)  # fmt: skip
def test_a_forged_or_expired_token_changes_nothing(make_auth: MakeAuth, forged: str) -> None:
    auth = make_auth()
    before = config_file(auth).read_bytes()
    response = change_password(auth, forged, PASSWORDS["jsmith"])
    assert refusal(response) == (401, "bad-token", "bad-token")
    assert config_file(auth).read_bytes() == before


def test_guessing_the_current_password_is_rate_limited(make_auth: MakeAuth) -> None:
    """A wrong current password is a failed login for this client and user name."""
    auth = make_auth(login_attempts=3)
    signed = auth.token_of("jsmith")
    for _ in range(3):
        assert refusal(change_password(auth, signed, "guess"))[1] == "bad-login"
    blocked = change_password(auth, signed, PASSWORDS["jsmith"])  # even the right one
    assert refusal(blocked) == (429, "rate-limited", "rate-limited")
    assert 890 <= int(blocked.headers["retry-after"]) <= 900
    assert refusal(auth.login("jsmith", PASSWORDS["jsmith"]))[1] == "rate-limited"  # the form too
    assert entry(auth, "jsmith")["password"] == HASHES["jsmith"]
    # Another client, and another user here, still may.
    elsewhere = auth.from_address("10.9.9.9")
    moved = change_password(auth, signed, PASSWORDS["jsmith"], client=elsewhere)
    assert moved.status_code == 200, moved.text
    assert change_password(auth, auth.token_of("rbriggs"), PASSWORDS["rbriggs"]).status_code == 200


def test_a_right_password_clears_the_failures(make_auth: MakeAuth) -> None:
    auth = make_auth(login_attempts=3)
    signed = auth.token_of("jsmith")
    for _ in range(2):
        change_password(auth, signed, "guess")
    assert change_password(auth, signed, PASSWORDS["jsmith"]).status_code == 200
    assert [refusal(change_password(auth, signed, "guess"))[1] for _ in range(3)] == [
        "bad-login", "bad-login", "bad-login"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "body",
    [{"token": "x", "password": "y"}, {"token": 1, "password": "y", "new_password": "z"},
     {"token": "x", "password": ["y"], "new_password": "z"}, [], "text"],
)  # fmt: skip
def test_malformed_bodies_are_bad_requests(make_auth: MakeAuth, body: object) -> None:
    auth = make_auth()
    response = auth.client.post(PASSWORD_ROUTE, json=body)
    assert refusal(response)[:2] == (400, "bad-request")


def test_users_in_the_secrets_file_are_read_only(make_auth: MakeAuth) -> None:
    auth = make_auth(**in_secrets())
    response = change_password(auth, auth.token_of("jsmith"), PASSWORDS["jsmith"])
    assert refusal(response) == (409, "read-only", "read-only")
    assert "secrets file" in ProxyError.from_json(response.text).message
    assert auth.login("jsmith", PASSWORDS["jsmith"]).status_code == 200
    assert KEY not in response.text


def test_nothing_secret_is_logged(make_auth: MakeAuth, caplog: pytest.LogCaptureFixture) -> None:
    auth = make_auth()
    signed = auth.token_of("jsmith")
    with caplog.at_level(logging.INFO, logger="stc.proxy"):
        change_password(auth, signed, "wrong-canary-guess")
        change_password(auth, signed, PASSWORDS["jsmith"])
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert '"path": "/v1/password"' in logged and '"code": "bad-login"' in logged
    no_canary(logged)
    written = entry(auth, "jsmith")["password"]
    for secret in (signed, "wrong-canary-guess", NEW_PASSWORD, "jsmith", written):
        assert str(secret) not in logged
