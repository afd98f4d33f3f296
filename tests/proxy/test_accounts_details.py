"""``/v1/details``: streamlit-authenticator's ``update_user_details`` against the app's
credentials file: first name, last name or email, with the package's checks and
messages, written as the package writes them, and answered with a session that says
the new name and email and ends when the old one did."""

from __future__ import annotations

import jwt
import pytest
from accounts_harness import change_details, config_file, entry, in_secrets, read_config
from auth_harness import KEY, OTHER_KEY, PASSWORDS, MakeAuth, refusal, token

from runtime_wasm.auth import DETAILS_ROUTE, Session
from runtime_wasm.connections import ProxyError


def test_a_new_email_is_written_and_signed(make_auth: MakeAuth) -> None:
    auth = make_auth()
    before = read_config(auth)
    old = Session.from_json(auth.login("rbriggs", PASSWORDS["rbriggs"]).text)
    response = change_details(auth, old.token, "email", " becky@example.org ")
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    new = Session.from_json(response.text)
    assert (new.username, new.name, new.email, new.roles) == (
        "rbriggs", "Rebecca Briggs", "becky@example.org", ("viewer",)
    )  # fmt: skip
    assert new.expires == old.expires and new.token != old.token
    claims = jwt.decode(new.token, KEY, algorithms=["HS256"])
    assert claims["email"] == "becky@example.org" and claims["exp"] == old.expires
    # The package's update: first and last name set to null for a user who had only a
    # name (which stays, since the email changed), then the field.
    expected = before["credentials"]["usernames"]["rbriggs"]
    expected.update(email="becky@example.org", first_name=None, last_name=None)
    assert read_config(auth)["credentials"]["usernames"]["rbriggs"] == expected
    assert Session.from_json(auth.session(old.token).text).email == "becky@example.org"
    assert auth.login("rbriggs", PASSWORDS["rbriggs"]).status_code == 200


def test_names_replace_a_users_single_name(make_auth: MakeAuth) -> None:
    auth = make_auth()
    signed = auth.token_of("jsmith")
    first = change_details(auth, signed, "first_name", "Jöhnny")
    assert first.status_code == 200, first.text
    assert Session.from_json(first.text).name == "Jöhnny"  # not "Jöhnny None"
    written = entry(auth, "jsmith")
    assert (written["first_name"], written["last_name"]) == ("Jöhnny", None)
    assert "name" not in written  # the package drops it
    last = change_details(auth, Session.from_json(first.text).token, "last_name", "O'Neil-Smith")
    assert Session.from_json(last.text).name == "Jöhnny O'Neil-Smith"
    assert Session.from_json(auth.session(signed).text).name == "Jöhnny O'Neil-Smith"
    assert "Jöhnny" in config_file(auth).read_text(encoding="utf-8")  # allow_unicode


@pytest.mark.parametrize(
    ("field", "value", "status", "code", "message"),
    [
        ("first_name", "J", 400, "bad-value", "First name is not valid"),
        ("first_name", "R2D2", 400, "bad-value", "First name is not valid"),
        ("last_name", "x" * 101, 400, "bad-value", "Last name is not valid"),
        ("last_name", "", 400, "bad-value", "Last name is not valid"),
        ("email", "not-an-email", 400, "bad-value", "Email is not valid"),
        ("email", "a@b.c", 400, "bad-value", "Email is not valid"),
        ("email", "rbriggs@gmail.com", 409, "taken", "Email already taken"),
        # The package's test is "any user's entry holds the value": one's own too.
        ("email", "jsmith@gmail.com", 409, "taken", "Email already taken"),
    ],
)
def test_refusals_say_the_packages_words(
    make_auth: MakeAuth, field: str, value: str, status: int, code: str, message: str
) -> None:
    auth = make_auth()
    before = config_file(auth).read_bytes()
    response = change_details(auth, auth.token_of("jsmith"), field, value)
    assert refusal(response) == (status, code, code)
    assert ProxyError.from_json(response.text).message == message
    assert config_file(auth).read_bytes() == before


def test_the_same_value_again_is_refused(make_auth: MakeAuth) -> None:
    auth = make_auth()
    signed = auth.token_of("jsmith")
    assert change_details(auth, signed, "first_name", "Johnny").status_code == 200
    before = config_file(auth).read_bytes()
    again = change_details(auth, signed, "first_name", "Johnny")
    assert refusal(again) == (400, "bad-value", "bad-value")
    assert ProxyError.from_json(again.text).message == "New and current values are the same"
    assert config_file(auth).read_bytes() == before


@pytest.mark.parametrize(
    "body",
    [{"token": "x", "field": "name", "value": "Jo"}, {"token": "x", "field": "roles",
     "value": "admin"}, {"token": "x", "field": "email"}, {"token": "x", "field": "email",
     "value": 3}],
)  # fmt: skip
def test_other_fields_and_malformed_bodies_are_bad_requests(
    make_auth: MakeAuth, body: dict[str, object]
) -> None:
    auth = make_auth()
    body = {**body, "token": auth.token_of("jsmith")}
    assert refusal(auth.client.post(DETAILS_ROUTE, json=body))[:2] == (400, "bad-request")


def test_a_forged_token_changes_nothing(make_auth: MakeAuth) -> None:
    auth = make_auth()
    before = config_file(auth).read_bytes()
    forged = token({"sub": "jsmith"}, key=OTHER_KEY)
    assert refusal(change_details(auth, forged, "first_name", "Mallory"))[1] == "bad-token"
    assert config_file(auth).read_bytes() == before


def test_users_in_the_secrets_file_are_read_only(make_auth: MakeAuth) -> None:
    auth = make_auth(**in_secrets())
    response = change_details(auth, auth.token_of("jsmith"), "first_name", "Johnny")
    assert refusal(response) == (409, "read-only", "read-only")
