"""stc's streamlit-authenticator on CPython (issue 15): the package's API and session
state, with logins and sessions answered by a fake ``stc proxy`` on the transport's
seam (the browser's synchronous XHR plugs in there too). The real proxy's side is
tests/proxy/test_login.py; the whole path in Chromium is tests/browser/test_login.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from runtime_wasm.auth._session import token
from runtime_wasm.auth._wire import LOGIN_ROUTE, SESSION_ROUTE, Session
from runtime_wasm.connections import DataConfig, configure
from runtime_wasm.testing import AppTest
from tests.unit._auth_proxy import PROXY_URL, answering

APP = """
import streamlit as st
import streamlit_authenticator as stauth

authenticator = stauth.Authenticate({"usernames": {}}, "stc_auth", "held-by-stc-proxy", 2)
authenticator.login()
if st.session_state["authentication_status"]:
    authenticator.logout()
    st.write(f'Welcome {st.session_state["name"]} ({st.session_state["username"]}, '
             f'{st.session_state["roles"]})')
elif st.session_state["authentication_status"] is False:
    st.error("Username/password is incorrect")
else:
    st.warning("Please enter your username and password")
"""
SESSION = Session(token="signed.jwt.token", username="jsmith", name="John Smith",
                  email="j@example.com", roles=("admin",), expires=2e9)  # fmt: skip


class FakeProxy:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, object]]] = []

    def __call__(self, url: str, body: str) -> tuple[int, str]:
        request = json.loads(body)
        self.requests.append((url.removeprefix(PROXY_URL), request))
        good = request.get("password") == "right" or request.get("token") == SESSION.token
        if good:
            return 200, SESSION.to_json()
        code = "bad-login" if url.endswith(LOGIN_ROUTE) else "bad-token"
        return 401, json.dumps({"error": {"code": code, "message": "no"}})


@pytest.fixture
def proxy() -> Iterator[FakeProxy]:
    fake = FakeProxy()
    with answering(fake):
        yield fake


def _log_in(at: AppTest, password: str) -> AppTest:
    at.text_input[0].input("JSmith ")
    at.text_input[1].input(password)
    return at.button[0].click().run()


def test_the_login_form_logs_in_through_the_proxy(proxy: FakeProxy) -> None:
    at = AppTest.from_string(APP).run()
    assert not at.exception, at.exception
    assert at.warning[0].value == "Please enter your username and password"
    assert [t.label for t in at.text_input] == ["Username", "Password"]
    _log_in(at, "wrong")
    assert at.session_state["authentication_status"] is False
    assert at.error[0].value == "Username/password is incorrect"
    _log_in(at, "right")
    assert not at.exception, at.exception
    # (CookieManager.set writes a <style> as in Streamlit: the welcome is the last text)
    assert at.markdown[-1].value == "Welcome John Smith (jsmith, ['admin'])"
    assert proxy.requests[-1] == (LOGIN_ROUTE, {"username": "jsmith", "password": "right",
                                                "expiry_days": 2.0})  # fmt: skip
    assert token() == SESSION.token  # every later request to the proxy carries it
    cookie = [c for c in at.get("component_instance") if c.props["args"].get("method") == "set"]
    assert cookie[0].props["args"]["cookie"] == "stc_auth"
    assert cookie[0].props["args"]["value"] == SESSION.token


def test_users_in_st_secrets_log_in_from_the_page_s_skeleton(proxy: FakeProxy) -> None:
    """An app keeping its users in st.secrets runs on what the page gets of them (the
    compiler's view: tests/unit/test_analysis_auth.py), and logs in through the proxy."""
    view = {
        "credentials": {"usernames": {}},
        "cookie": {"name": "stc_auth", "expiry_days": 2, "key": "held-by-stc-proxy"},
    }
    configure(DataConfig(proxy_url=PROXY_URL, public_secrets=view))
    app = APP.replace(
        'stauth.Authenticate({"usernames": {}}, "stc_auth", "held-by-stc-proxy", 2)',
        'stauth.Authenticate(st.secrets["credentials"].to_dict(), st.secrets["cookie"]["name"],'
        ' st.secrets["cookie"]["key"], st.secrets["cookie"]["expiry_days"])',
    )
    assert app != APP
    at = AppTest.from_string(app).run()
    assert not at.exception, at.exception
    _log_in(at, "right")
    assert at.markdown[-1].value == "Welcome John Smith (jsmith, ['admin'])"
    cookie = [c for c in at.get("component_instance") if c.props["args"].get("method") == "set"]
    assert cookie[0].props["args"]["cookie"] == "stc_auth"


def test_a_cookie_the_proxy_accepts_logs_in_and_logout_forgets_it(proxy: FakeProxy) -> None:
    at = AppTest.from_string(APP)
    at._session.client.update({"cookies": f"stc_auth={SESSION.token}"})
    at.run()
    assert at.markdown[-1].value.startswith("Welcome John Smith")
    assert proxy.requests == [(SESSION_ROUTE, {"token": SESSION.token})]
    at.button[0].click().run()  # Logout: this run goes on as the package's does
    assert at.session_state["authentication_status"] is None and token() is None
    deleted = [c for c in at.get("component_instance") if c.props["args"].get("method") == "delete"]
    assert deleted[0].props["args"]["cookie"] == "stc_auth"
    at.run()  # the cookie is still in the page's snapshot: a logout is not undone by it
    assert at.warning[0].value == "Please enter your username and password"


def test_a_forged_cookie_shows_the_form(proxy: FakeProxy) -> None:
    at = AppTest.from_string(APP)
    at._session.client.update({"cookies": "stc_auth=forged"})
    at.run()
    assert at.session_state["authentication_status"] is None
    assert at.warning[0].value == "Please enter your username and password"


def test_without_a_proxy_logging_in_says_why(proxy: FakeProxy) -> None:
    configure(DataConfig())
    at = _log_in(AppTest.from_string(APP).run(), "right")
    assert "Logging in needs `stc proxy`" in at.exception[0].message


@pytest.mark.parametrize(
    ("call", "error", "why"),
    [
        ("forgot_password()", "ForgotError", "anyone who knows a user name could take over"),
        ("forgot_username()", "ForgotError", "runs in the visitor's browser"),
        ("experimental_guest_login()", "LoginError", "stc proxy does not offer OAuth2 yet"),
        ("register_user(two_factor_auth=True)", "TwoFactorAuthError", "every visitor"),
    ],
)
def test_what_stc_cannot_do_safely_says_why(
    proxy: FakeProxy, call: str, error: str, why: str
) -> None:
    at = AppTest.from_string(APP + f"\nauthenticator.{call}\n").run()
    assert at.exception[0].props["type"] == error, at.exception[0]
    assert why in at.exception[0].message
