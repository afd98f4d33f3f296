"""Odd values sent to the account routes: YAML syntax, tags, anchors, document markers,
NUL and other control characters, line breaks of every kind, lone surrogates, very
long strings. Each is refused with a 4xx or written; whatever is written reads back
from the file as exactly the value sent (stripped, as the package strips it), the file
stays plain safe YAML, and every user can still log in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from accounts_harness import (
    NEW_PASSWORD,
    change_details,
    config_file,
    form,
    post,
    register,
    registering,
)
from auth_harness import PASSWORDS, Auth, MakeAuth

PWNED = Path("/tmp/stc-accounts-pwned")

ODD: list[str] = [
    f"!!python/object/apply:os.system ['touch {PWNED}']",
    "!!python/name:os.system",
    "!binary aGk=",
    "&anchor",
    "*anchor",
    "&a [*a, *a]",
    "<<: *a",
    "---",
    "...",
    "--- !!map {}",
    "%YAML 1.1",
    "key: value",
    "- item",
    "? complex",
    "{a: b}",
    "[1, 2]",
    "| literal",
    "> folded",
    "# comment",
    "@at",
    "`tick",
    "'single'",
    '"double"',
    "null",
    "~",
    "yes",
    "No",
    "0x1F",
    "1e3",
    "1_000",
    ".inf",
    "2001-12-14",
    "=",
    "\x00",
    "Ada\x00Lovelace",
    "a\nb: c",
    "a\rb: c",
    "a\tb",
    "a\x1bb",
    "a\x85b",
    "a\u2028b",
    "a\u2029b",
    "a\ufeffb",
    "\u202eevil",
    "x\ud800y",
    "🙂 emoji",
    " - - ",
    "'' ''",
    "- -",
    ". .",
    "x" * 100,
    "x" * 101,
    "x" * 5_000,
    "x" * 70_000,  # past the body limit: 413
]

# User names the package's pattern accepts that YAML would read as something else if
# they were written unquoted.
KEYS = ["null", "true", "yes", "on", "no", "1_000", "0x1f", "1e3", "0o17", "-", "--", "_",
        "12", "a.b@c.de"]  # fmt: skip


def read_back(auth: Auth) -> dict[str, Any]:
    """The file's users, after checking it is plain YAML: no tag, no alias."""
    data = yaml.safe_load(config_file(auth).read_text(encoding="utf-8"))
    seen: set[int] = set()

    def plain(node: Any) -> None:
        if isinstance(node, dict | list):
            assert id(node) not in seen  # an alias would make two places one object
            seen.add(id(node))
            for item in node.items() if isinstance(node, dict) else node:
                plain(item)
        elif isinstance(node, tuple):  # a dict's (key, value)
            for item in node:
                plain(item)
        else:
            assert node is None or isinstance(node, str | bool | int), repr(node)

    plain(data)
    users: dict[str, Any] = data["credentials"]["usernames"]
    assert all(isinstance(name, str) for name in users)
    return users


@pytest.fixture
def auth(make_auth: MakeAuth) -> Auth:
    return make_auth(auth=registering(), rate=1e6, burst=10**6, register_attempts=10**6)


def test_odd_values_are_refused_or_read_back_as_sent(auth: Auth) -> None:
    expected: dict[str, dict[str, Any]] = {}
    signed = auth.token_of("jsmith")
    for n, value in enumerate(ODD):
        for field in ("password_hint", "first_name", "last_name"):
            name = f"u{n}{field[0]}"
            sent = form(username=name, email=f"{name}@example.org", **{field: value})
            response = register(auth, sent)
            assert response.status_code in (200, 400, 413), (value, response.text)
            if response.status_code == 200:
                expected[name] = {field: value.strip()}
        response = change_details(auth, signed, "first_name", value)
        assert response.status_code in (200, 400, 413), (value, response.text)
        if response.status_code == 200:
            expected["jsmith"] = {"first_name": value.strip()}
    users = read_back(auth)
    assert len(users) == 2 + len(expected) - ("jsmith" in expected)
    for name, fields in expected.items():
        for field, value in fields.items():
            assert users[name][field] == value, (name, field)
    assert {"u3p", "u36p", "u39p", "u42p", "u45p", "u7p"} <= set(expected)  # some got in
    assert not PWNED.exists()
    for name in ("rbriggs", "u3p", "u39p", "u45p"):
        password = PASSWORDS.get(name, NEW_PASSWORD)
        assert auth.login(name, password).status_code == 200, name


def test_user_names_that_look_like_yaml_stay_names(auth: Auth) -> None:
    for n, name in enumerate(KEYS):
        response = register(auth, form(username=name, email=f"k{n}@example.org"))
        assert response.status_code == 200, (name, response.text)
    assert set(read_back(auth)) == {"jsmith", "rbriggs", *KEYS}
    for name in KEYS:
        assert auth.login(name, NEW_PASSWORD).status_code == 200, name


@pytest.mark.parametrize(
    "body",
    [{**form(), "first_name": {"$ne": 1}}, {**form(), "roles": {"!!python/object": 1}},
     {**form(), "email": ["a@b.co"]}, {"token": None}, "x" * 1000, 12, None],
    ids=["operator", "roles", "list", "null-token", "string", "number", "null"],
)  # fmt: skip
def test_odd_shapes_never_crash(auth: Auth, body: Any) -> None:
    for route in ("/v1/register", "/v1/details", "/v1/password"):
        response = post(auth, route, body)
        assert response.status_code < 500, (route, response.text)
    if (
        isinstance(body, dict) and "roles" in body
    ):  # a well-formed registration, whose roles are the app's
        assert read_back(auth)["ada"]["roles"] is None  # ...whose roles are the app's
