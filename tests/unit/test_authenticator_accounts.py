"""stc's streamlit-authenticator account forms on CPython (issue 15): reset_password,
update_user_details and register_user, drawn and checked as the package does (its
messages), with the change made by a fake ``stc proxy`` on the transport's seam. The
real proxy's side is tests/proxy/test_accounts.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from compiler.resolve._wheels import PipWheels
from runtime_wasm.auth._session import set_token
from runtime_wasm.auth._validator import Validator
from runtime_wasm.auth._wire import DETAILS_ROUTE, PASSWORD_ROUTE, REGISTER_ROUTE, Session
from runtime_wasm.testing import AppTest
from tests.unit._auth_proxy import PROXY_URL, answering

TOKEN = "signed.jwt.token"
SESSION = Session(token=TOKEN, username="jsmith", name="John Smith", email="j@example.com",
                  roles=("admin",), expires=2e9)  # fmt: skip
HEAD = """
import streamlit as st
import streamlit_authenticator as stauth

authenticator = stauth.Authenticate({"usernames": {}}, "stc_auth", "held-by-stc-proxy", 2)
st.session_state["authentication_status"] = True  # logged in (tests/unit/test_authenticator.py)
st.session_state["username"] = "jsmith"
"""


class AccountsProxy:
    """Answers the three account routes as the proxy does, or with *refusal*."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, object]]] = []
        self.refusal: tuple[int, str, str] | None = None

    def __call__(self, url: str, body: str) -> tuple[int, str]:
        route, request = url.removeprefix(PROXY_URL), json.loads(body)
        self.requests.append((route, request))
        if self.refusal is not None:
            status, code, message = self.refusal
            return status, json.dumps({"error": {"code": code, "message": message}})
        if route == REGISTER_ROUTE:
            name = f"{request['first_name']} {request['last_name']}"
            answer = {"email": request["email"], "username": request["username"], "name": name}
            return 200, json.dumps(answer)
        if route == DETAILS_ROUTE and request["field"] == "email":
            return 200, Session(**{**SESSION.__dict__, "email": request["value"],
                                   "token": "new.token"}).to_json()  # fmt: skip
        return 200, SESSION.to_json()


@pytest.fixture
def proxy() -> Iterator[AccountsProxy]:
    fake = AccountsProxy()
    with answering(fake):
        set_token(TOKEN)
        yield fake


RESET = (
    HEAD
    + """
try:
    if authenticator.reset_password(st.session_state["username"]):
        st.success("Password modified successfully")
except Exception as e:
    st.error(e)
"""
)


def _reset(at: AppTest, current: str, new: str, repeat: str | None = None) -> AppTest:
    at.text_input[0].input(current)
    at.text_input[1].input(new)
    at.text_input[2].input(new if repeat is None else repeat)
    return at.button[0].click().run()


def test_reset_password_posts_to_the_proxy_and_keeps_the_new_session(
    proxy: AccountsProxy,
) -> None:
    at = AppTest.from_string(RESET).run()
    assert [t.label for t in at.text_input] == ["Current password", "New password",
                                                "Repeat password"]  # fmt: skip
    assert "Between 8 and 20 characters long" in (at.text_input[1].help or "")
    _reset(at, "old", "N3w-secret!")
    assert not at.exception, at.exception
    assert at.success[0].value == "Password modified successfully"
    assert proxy.requests == [(PASSWORD_ROUTE, {"token": TOKEN, "password": "old",
                                                "new_password": "N3w-secret!"})]  # fmt: skip
    cookie = [c for c in at.get("component_instance") if c.props["args"].get("method") == "set"]
    assert cookie[0].props["args"]["value"] == TOKEN


@pytest.mark.parametrize(
    ("new", "repeat", "message"),
    [
        ("", "", "No new password provided"),
        ("N3w-secret!", "N3w-secret?", "Passwords do not match"),
        ("old", "old", "New and current passwords are the same"),
        ("short", "short", "**Password must:** \n\nBetween 8 and 20 characters long"),
    ],
)
def test_reset_password_checks_the_form_as_the_package_does(
    proxy: AccountsProxy, new: str, repeat: str, message: str
) -> None:
    at = _reset(AppTest.from_string(RESET).run(), "old", new, repeat)
    assert at.error[0].value.startswith(message)
    assert proxy.requests == []  # refused in the page, never posted


def test_a_wrong_current_password_is_the_package_s_error(proxy: AccountsProxy) -> None:
    proxy.refusal = (401, "bad-login", "wrong password")
    at = _reset(AppTest.from_string(RESET).run(), "wrong", "N3w-secret!")
    assert at.error[0].value == "Password is incorrect"
    proxy.refusal = (409, "read-only", "the users are in the proxy's secrets file")
    at = _reset(at, "old", "N3w-secret!")
    assert at.error[0].value == "the users are in the proxy's secrets file"


def test_reset_password_needs_a_login(proxy: AccountsProxy) -> None:
    at = AppTest.from_string(RESET.replace('"authentication_status"] = True',
                                           '"authentication_status"] = None')).run()  # fmt: skip
    assert at.error[0].value == "User must be logged in to use the reset password widget"


UPDATE = (
    HEAD
    + """
try:
    if authenticator.update_user_details(st.session_state["username"]):
        st.success("Entries updated successfully")
except Exception as e:
    st.error(e)
st.write(f"email: {st.session_state['email']}")
"""
)


def test_update_user_details_changes_the_session_s_email(proxy: AccountsProxy) -> None:
    at = AppTest.from_string(UPDATE).run()
    assert at.selectbox[0].options == ["First name", "Last name", "Email"]
    at.selectbox[0].select("Email")
    at.text_input[0].input("new@example.com")
    at.button[0].click().run()
    assert at.success[0].value == "Entries updated successfully"
    assert proxy.requests == [(DETAILS_ROUTE, {"token": TOKEN, "field": "email",
                                               "value": "new@example.com"})]  # fmt: skip
    assert at.markdown[-1].value == "email: new@example.com"
    at.text_input[0].input("not an email")
    at.button[0].click().run()
    assert at.error[0].value == "Email is not valid"
    proxy.refusal = (409, "taken", "Email already taken")
    at.text_input[0].input("taken@example.com")
    at.button[0].click().run()
    assert at.error[0].value == "Email already taken"


REGISTER = (
    HEAD.replace('st.session_state["authentication_status"] = True', "")
    + """
try:
    email, username, name = authenticator.register_user(roles=["viewer"])
    if email:
        st.success(f"User registered successfully: {username}, {name}, {email}")
except Exception as e:
    st.error(e)
"""
)


def _register(at: AppTest, **values: str) -> AppTest:
    form = {"First name": "Ada", "Last name": "Lovelace", "Email": "ada@example.com",
            "Username": "Ada", "Password": "An4lytical!", "Repeat password": "An4lytical!",
            "Password hint": "engine", **values}  # fmt: skip
    for box in at.text_input:
        box.input(form[box.label])
    return at.button[0].click().run()


def test_register_user_posts_the_form_and_returns_who_registered(proxy: AccountsProxy) -> None:
    at = _register(AppTest.from_string(REGISTER).run())
    assert not at.exception, at.exception
    assert at.success[0].value == (
        "User registered successfully: ada, Ada Lovelace, ada@example.com"
    )
    ((route, sent),) = proxy.requests
    assert route == REGISTER_ROUTE
    assert sent == {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com",
                    "username": "ada", "password": "An4lytical!",
                    "password_hint": "engine"}  # fmt: skip
    assert "roles" not in sent  # the proxy's roles are the ones the build read


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"First name": "A"}, "First name is not valid"),
        ({"Email": "ada"}, "Email is not valid"),
        ({"Username": "a b"}, "Username is not valid"),
        ({"Repeat password": "other"}, "Passwords do not match"),
        ({"Password": "", "Repeat password": ""}, "Password/repeat password fields cannot be"),
        ({"Password": "weakpass", "Repeat password": "weakpass"}, "**Password must:**"),
    ],
)
def test_register_user_checks_the_form_as_the_package_does(
    proxy: AccountsProxy, values: dict[str, str], message: str
) -> None:
    at = _register(AppTest.from_string(REGISTER).run(), **values)
    assert at.error[0].value.startswith(message)
    assert proxy.requests == []


def test_the_proxy_s_refusal_is_the_package_s_register_error(proxy: AccountsProxy) -> None:
    proxy.refusal = (403, "not-allowed", "User not pre-authorized to register")
    at = _register(AppTest.from_string(REGISTER).run())
    assert at.error[0].value == "User not pre-authorized to register"


def test_the_validator_is_the_package_s(tmp_path: Path) -> None:
    """Differential: the package's own validator.py (from its PyPI wheel) and stc's
    answer the same on thousands of odd strings."""
    import importlib.util
    import random
    import string
    import zipfile

    wheel = PipWheels(Path.home() / ".cache" / "stc").fetch("streamlit-authenticator", "0.4.2")
    with zipfile.ZipFile(wheel) as archive:
        source = archive.read("streamlit_authenticator/utilities/validator.py")
    copy = tmp_path / "their_validator.py"
    copy.write_bytes(source)
    spec = importlib.util.spec_from_file_location("their_validator", copy)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    theirs, ours = module.Validator(), Validator()
    rng = random.Random(15)
    alphabet = string.ascii_letters + string.digits + "!@#$%^&*()_+-=[]{};:'\"\\|,.<>/?`~ .@é中\n"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        for method in ("validate_email", "validate_name", "validate_password",
                       "validate_username", "diagnose_password"):  # fmt: skip
            assert getattr(theirs, method)(text) == getattr(ours, method)(text), (method, text)
        assert theirs.validate_length(text, 1) == ours.validate_length(text, 1)
