"""The authenticator's two requests to ``stc proxy``: log in, and check a session.

Synchronous, like the rest of Streamlit's API, through the same transport as the
connections' queries (the worker's synchronous XHR in the browser, urllib on CPython).
"""

from __future__ import annotations

import json

from runtime_wasm.auth._wire import LOGIN_ROUTE, SESSION_ROUTE, LoginRequest, Session
from runtime_wasm.connections import _transport

__all__ = ["BadLogin", "ProxyProblem", "check_session", "log_in"]


class BadLogin(Exception):
    """The proxy refused the user name and password (or, for a token, the token)."""


class ProxyProblem(Exception):
    """The proxy is not configured, did not answer, or refused for another reason."""


def log_in(username: str, password: str, expiry_days: float) -> Session:
    request = LoginRequest(username=username, password=password, expiry_days=expiry_days)
    return Session.from_json(_post(LOGIN_ROUTE, request.to_json(), "bad-login"))


def check_session(token: str) -> Session:
    return Session.from_json(_post(SESSION_ROUTE, json.dumps({"token": token}), "bad-token"))


def _post(route: str, body: str, refused: str) -> str:
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
        raise BadLogin(message)
    raise ProxyProblem(f"The login server refused ({code}): {message}")
