"""``/v1/register``: streamlit-authenticator's ``register_user`` against the app's
credentials file, only within the rules the compiler read from the app's call (roles,
email domains, pre-authorized emails), never the request's; the package's checks,
messages and new entry; registrations rate limited per client."""

from __future__ import annotations

from typing import Any

import bcrypt
import pytest
import yaml
from accounts_harness import (
    NEW_PASSWORD,
    config_file,
    entry,
    form,
    in_secrets,
    read_config,
    register,
    registering,
)
from auth_harness import KEY, MakeAuth, config_yaml, refusal

from runtime_wasm.auth import REGISTER_ROUTE, AuthConfig, Registered, Session
from runtime_wasm.connections import ProxyError


def with_pre_authorized(listed: Any) -> str:
    """The harness's config.yaml with a ``pre-authorized`` entry."""
    data = yaml.safe_load(config_yaml())
    data["pre-authorized"] = listed
    return yaml.safe_dump(data, sort_keys=False)


def test_a_new_user_is_written_as_the_package_writes_it(make_auth: MakeAuth) -> None:
    auth = make_auth(auth=registering(roles=("viewer",)))
    before = read_config(auth)
    sent = form(username=" Ada ", email=" ada@example.org", password_hint=" the usual ",
                roles=["admin"], logged_in=True)  # fmt: skip
    response = register(auth, sent)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    assert Registered.from_json(response.text) == Registered(
        email="ada@example.org", username="ada", name="Ada Lovelace"
    )
    written = entry(auth, "ada")
    assert list(written) == ["email", "logged_in", "first_name", "last_name", "password",
                             "roles", "password_hint"]  # fmt: skip
    assert written["roles"] == ["viewer"]  # the app's, never the request's
    assert (written["email"], written["logged_in"], written["password_hint"]) == (
        "ada@example.org", False, "the usual"
    )  # fmt: skip
    assert written["password"].startswith("$2b$04$")  # the users' cost
    assert bcrypt.checkpw(NEW_PASSWORD.encode(), written["password"].encode())
    after = read_config(auth)
    del after["credentials"]["usernames"]["ada"]
    assert after == before  # the rest of the file as it was
    session = Session.from_json(auth.login("ada", NEW_PASSWORD).text)
    assert (session.name, session.email, session.roles) == (
        "Ada Lovelace", "ada@example.org", ("viewer",)
    )  # fmt: skip
    assert refusal(auth.query("admin_db", "select count(*) as n from pets -- admin",
                              session.token))[1] == "role-required"  # fmt: skip


def test_without_roles_or_hint_the_entry_says_so(make_auth: MakeAuth) -> None:
    auth = make_auth(auth=registering())
    assert register(auth, form()).status_code == 200
    written = entry(auth, "ada")
    assert written["roles"] is None and "password_hint" not in written


def test_an_app_without_register_user_refuses(make_auth: MakeAuth) -> None:
    auth = make_auth()  # the harness's auth.json has no register rules
    before = config_file(auth).read_bytes()
    response = register(auth, form())
    assert refusal(response) == (403, "not-allowed", "not-allowed")
    assert ProxyError.from_json(response.text).message == "this app does not offer registration"
    assert config_file(auth).read_bytes() == before


_DIAGNOSIS = ("**Password must:** \n\nContain at least one uppercase letter \n\nContain at least "
              "one special character (@$!%*?&) \n\n")  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "status", "code", "message"),
    [
        ({"first_name": "A"}, 400, "bad-value", "First name is not valid"),
        ({"first_name": "Ada\x00"}, 400, "bad-value", "First name is not valid"),
        ({"last_name": "L0velace"}, 400, "bad-value", "Last name is not valid"),
        ({"email": "ada@"}, 400, "bad-value", "Email is not valid"),
        ({"email": "ada@example.org\nbcc: x@y.z"}, 400, "bad-value", "Email is not valid"),
        ({"username": "ada lovelace"}, 400, "bad-value", "Username is not valid"),
        ({"username": "a" * 21}, 400, "bad-value", "Username is not valid"),
        ({"password": "  "}, 400, "bad-value", "Password/repeat password fields cannot be empty"),
        ({"password_hint": "two\nlines"}, 400, "bad-value", "Password hint cannot be empty"),
        ({"password_hint": "h" * 255}, 400, "bad-value", "Password hint cannot be empty"),
        ({"password": "password1"}, 400, "bad-value", _DIAGNOSIS),
        ({"email": "jsmith@gmail.com"}, 409, "taken", "Email already taken"),
        ({"username": "JSmith"}, 409, "taken", "Username/email already taken"),
    ],
    ids=["first-name", "nul", "last-name", "email", "email-newline", "username-space",
         "username-long", "password-empty", "hint-newline", "hint-long", "password-weak",
         "email-taken", "username-taken"],
)  # fmt: skip
def test_refusals_say_the_packages_words(
    make_auth: MakeAuth, fields: dict[str, str], status: int, code: str, message: str
) -> None:
    auth = make_auth(auth=registering())
    before = config_file(auth).read_bytes()
    response = register(auth, form(**fields))
    assert refusal(response) == (status, code, code)
    assert ProxyError.from_json(response.text).message == message
    assert config_file(auth).read_bytes() == before


def test_only_the_apps_domains_may_register(make_auth: MakeAuth) -> None:
    auth = make_auth(auth=registering(domains=("example.org", "example.com")))
    response = register(auth, form(email="ada@evil.example"))
    assert refusal(response) == (403, "not-allowed", "not-allowed")
    assert ProxyError.from_json(response.text).message == "Email domain is not allowed to register"
    assert register(auth, form(email="ada@example.com")).status_code == 200


def test_emails_pre_authorized_in_the_app(make_auth: MakeAuth) -> None:
    auth = make_auth(auth=registering(emails=("ada@example.org",)))
    response = register(auth, form(email="eve@example.org", username="eve"))
    assert refusal(response)[:2] == (403, "not-allowed")
    assert ProxyError.from_json(response.text).message == "User not pre-authorized to register"
    assert register(auth, form()).status_code == 200
    assert "pre-authorized" not in read_config(auth)  # the app's list is not the file's
    assert ProxyError.from_json(register(auth, form(username="ada2")).text).message == (
        "Email already taken"
    )  # the same email cannot register twice


@pytest.mark.parametrize(
    ("listed", "left"),
    [({"emails": ["ada@example.org", "bob@example.org"]}, {"emails": ["bob@example.org"]}),
     (["ada@example.org", "bob@example.org"], ["bob@example.org"])],
    ids=["documented", "as-the-package-writes-it-back"],
)  # fmt: skip
def test_emails_pre_authorized_in_the_file_are_used_once(
    make_auth: MakeAuth, listed: Any, left: Any
) -> None:
    auth = make_auth(config=with_pre_authorized(listed), auth=registering(from_file=True))
    refused = register(auth, form(email="eve@example.org", username="eve"))
    assert ProxyError.from_json(refused.text).message == "User not pre-authorized to register"
    assert register(auth, form()).status_code == 200
    assert read_config(auth)["pre-authorized"] == left  # removed, as the package does
    bob = register(auth, form(email="bob@example.org", username="bob", first_name="Bob"))
    assert bob.status_code == 200, bob.text
    assert read_config(auth)["pre-authorized"] == ({"emails": []} if "emails" in left else [])
    late = register(auth, form(email="carl@example.org", username="carl"))
    assert ProxyError.from_json(late.text).message == "User not pre-authorized to register"


def test_a_file_without_a_pre_authorized_list_lets_anyone_register(make_auth: MakeAuth) -> None:
    """As the package does when neither the call nor the file lists emails."""
    auth = make_auth(auth=registering(from_file=True))
    assert register(auth, form()).status_code == 200


def test_registrations_are_limited_per_client(make_auth: MakeAuth) -> None:
    auth = make_auth(auth=registering(), register_attempts=2)
    assert register(auth, form()).status_code == 200
    assert refusal(register(auth, form()))[1] == "taken"  # counts too: it tells what is taken
    blocked = register(auth, form(username="bob", email="bob@example.org"))
    assert refusal(blocked) == (429, "rate-limited", "rate-limited")
    assert 890 <= int(blocked.headers["retry-after"]) <= 900
    assert "bob" not in read_config(auth)["credentials"]["usernames"]
    # A form the Validator refuses writes nothing and tells nothing: it does not count.
    assert refusal(register(auth, form(first_name="X")))[1] == "bad-value"
    elsewhere = auth.from_address("10.9.9.9")
    moved = register(auth, form(username="bob", email="bob@example.org"), client=elsewhere)
    assert moved.status_code == 200, moved.text


@pytest.mark.parametrize(
    "body",
    [{"first_name": "Ada"}, {**form(), "username": None}, {**form(), "password_hint": 3}, []],
)
def test_malformed_bodies_are_bad_requests(make_auth: MakeAuth, body: object) -> None:
    auth = make_auth(auth=registering())
    assert refusal(auth.client.post(REGISTER_ROUTE, json=body))[:2] == (400, "bad-request")


def test_users_in_the_secrets_file_are_read_only(make_auth: MakeAuth) -> None:
    auth = make_auth(**in_secrets())
    response = register(auth, form())
    assert refusal(response) == (409, "read-only", "read-only")
    message = ProxyError.from_json(response.text).message
    assert "secrets file" in message and KEY not in message


def test_a_nested_credentials_key_is_written_in_place(make_auth: MakeAuth) -> None:
    data = yaml.safe_load(config_yaml())
    nested = {"auth": {"credentials": data.pop("credentials"),
                       "pre-authorized": {"emails": ["ada@example.org"]}},
              "cookie": data["cookie"], "extra": {"kept": [1, 2]}}  # fmt: skip
    source = registering(from_file=True).credentials
    config = AuthConfig(
        credentials=type(source)(kind="file", path="config.yaml", key="auth.credentials"),
        register=registering(from_file=True).register,
    )
    auth = make_auth(config=yaml.safe_dump(nested), auth=config)
    assert register(auth, form()).status_code == 200
    after = read_config(auth)
    assert "ada" in after["auth"]["credentials"]["usernames"]
    assert after["auth"]["pre-authorized"] == {"emails": []}
    assert after["extra"] == {"kept": [1, 2]} and "credentials" not in after
