"""The authenticator's requests to ``stc proxy``: log in, check a session, and the
account changes (a new password, new details, a new user).

Synchronous, like the rest of Streamlit's API, through the same transport as the
connections' queries (the worker's synchronous XHR in the browser, urllib on CPython).
"""

from __future__ import annotations

import json

from runtime_wasm.auth._wire import (
    DETAILS_ROUTE,
    LOGIN_ROUTE,
    PASSWORD_ROUTE,
    REGISTER_ROUTE,
    SESSION_ROUTE,
    DetailsChange,
    LoginRequest,
    PasswordChange,
    Registered,
    Registration,
    Session,
)
from runtime_wasm.connections import _transport

__all__ = [
    "BadLogin",
    "ProxyProblem",
    "Refused",
    "change_details",
    "change_password",
    "check_session",
    "log_in",
    "register",
]


class Refused(Exception):
    """The proxy refused, with one of the codes of ``runtime_wasm.auth._wire``; the
    message is the package's where the package has one."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class BadLogin(Refused):
    """The proxy refused the user name and password (or, for a token, the token)."""


class ProxyProblem(Exception):
    """The proxy is not configured, did not answer, or refused for another reason."""


def log_in(username: str, password: str, expiry_days: float) -> Session:
    request = LoginRequest(username=username, password=password, expiry_days=expiry_days)
    return Session.from_json(_post(LOGIN_ROUTE, request.to_json(), "bad-login"))


def check_session(token: str) -> Session:
    return Session.from_json(_post(SESSION_ROUTE, json.dumps({"token": token}), "bad-token"))


def change_password(change: PasswordChange) -> Session:
    return Session.from_json(_post(PASSWORD_ROUTE, change.to_json(), None))


def change_details(change: DetailsChange) -> Session:
    return Session.from_json(_post(DETAILS_ROUTE, change.to_json(), None))


def register(registration: Registration) -> Registered:
    return Registered.from_json(_post(REGISTER_ROUTE, registration.to_json(), None))


def _post(route: str, body: str, refused: str | None) -> str:
    """The proxy's answer to *body* at *route*: :class:`BadLogin` for the *refused*
    code, :class:`Refused` for any code when *refused* is ``None``, otherwise
    :class:`ProxyProblem`."""
    base = _transport.current().proxy_url
    if not base:
        raise ProxyProblem(
            "Logging in needs `stc proxy`, which checks passwords where visitors cannot "
            "see them, and this site was built without its address. Rebuild with "
            "`stc build --proxy-url URL`."
        )
    status, text = _transport.poster()(base.rstrip("/") + route, body)
    if status == 200:
        return text
    if status == 0:
        raise ProxyProblem(f"The login server (stc proxy at {base}) did not answer.")
    try:
        error = json.loads(text)["error"]
        code, message = str(error["code"]), str(error["message"])
    except (ValueError, KeyError, TypeError):
        code, message = "http", f"HTTP {status}"
    if code == refused:
        raise BadLogin(code, message)
    if refused is None and code != "http":
        raise Refused(code, message)
    raise ProxyProblem(f"The login server refused ({code}): {message}")
