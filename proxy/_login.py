"""``POST /v1/login`` and ``POST /v1/session``: streamlit-authenticator's login form
and its cookie, with the passwords checked where no visitor can read them.

A login posts a :class:`LoginRequest`; the password is checked with bcrypt against
the hash the credentials hold (in a worker thread: bcrypt takes a quarter of a second
on purpose, and the event loop must not wait for it), and the answer is a
:class:`Session` whose token the page keeps in the app's cookie. Wrong user name or
wrong password: one answer, ``bad-login``, in the same time, since an unknown user's
login is checked against a dummy hash. Failed logins are counted per client address
and user name (:class:`proxy._ratelimit.FailedLogins`); past the limit,
``rate-limited`` with ``Retry-After``.

A reload posts the token to ``/v1/session``, which answers the session again with
the user's fields as the credentials say now, or ``bad-token``. Both read the users
as the credentials file says now (:func:`proxy._credentials_file.current_logins`),
so a password changed or a user registered through another worker counts at once. Both answers are
``Cache-Control: no-store``: a token must not sit in any cache. Nothing here logs a
password, a token or a user name.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Hashable

import bcrypt
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from proxy._bodies import json_object
from proxy._credentials import Logins, password_bytes
from proxy._credentials_file import current_logins
from proxy._errors import QueryRefused
from proxy._ratelimit import FailedLogins
from proxy._sessions import BadToken, sign, verify
from runtime_wasm.auth import AUTH_PATH, LoginRequest, Registered, Session

__all__ = ["answer", "failed_logins", "login", "logins_now", "session", "verified"]


async def login(request: Request) -> Response:
    """Check a user name and password; a signed :class:`Session` if they match."""
    logins = logins_now(request)
    wanted = _parse_login(await request.body())
    username = wanted.username.strip().lower()
    failures, key = failed_logins(request, username)
    user = logins.users.get(username)
    password = password_bytes(wanted.password)
    matches = await run_in_threadpool(
        bcrypt.checkpw, password, user.hash if user is not None else logins.dummy
    )
    if user is None or not matches:
        raise QueryRefused("bad-login", "wrong user name or password")
    failures.succeeded(key)
    return answer(sign(logins, user, wanted.expiry_days))


async def session(request: Request) -> Response:
    """Check a session token again; the session with fresh fields if it holds."""
    logins = logins_now(request)
    token = json_object(await request.body()).get("token")
    if not isinstance(token, str):
        raise QueryRefused("bad-request", 'the request body must be {"token": "..."}')
    return answer(verified(logins, token))


def verified(logins: Logins, token: str) -> Session:
    """The session *token* stands for; ``bad-token`` when it stands for none."""
    try:
        return verify(logins, token)
    except BadToken as error:
        raise QueryRefused("bad-token", str(error)) from None


def failed_logins(request: Request, username: str) -> tuple[FailedLogins, Hashable]:
    """The failed-logins count and this client's key in it for *username*, after
    counting a try (``rate-limited`` past the limit); the caller takes the try back
    with ``succeeded(key)`` once the password matched."""
    failures: FailedLogins = request.app.state.failed_logins
    client = request.client.host if request.client else "?"
    # A digest, so a megabyte of user name is not kept for fifteen minutes.
    key = (client, hashlib.sha256(username.encode("utf-8", "surrogatepass")).digest())
    wait = failures.attempt(key)
    if wait:
        raise QueryRefused(
            "rate-limited",
            "too many failed logins for this user name from this client; retry later",
            headers={"Retry-After": str(math.ceil(wait))},
        )
    return failures, key


def logins_now(request: Request) -> Logins:
    """The site's logins as its credentials say now; a 404 when it has none."""
    logins = current_logins(request)
    if logins is None:
        raise QueryRefused(
            "bad-request", f"this proxy has no logins (the site has no {AUTH_PATH})", status=404
        )
    return logins


def _parse_login(body: bytes) -> LoginRequest:
    raw = json_object(body)
    username, password = raw.get("username"), raw.get("password")
    days = raw.get("expiry_days", 30.0)
    if not isinstance(username, str) or not isinstance(password, str):
        raise QueryRefused("bad-request", "username and password must be strings")
    if isinstance(days, bool) or not isinstance(days, int | float) or not 0 <= days < 1e6:
        raise QueryRefused("bad-request", "expiry_days must be a number of days")
    return LoginRequest(username=username, password=password, expiry_days=float(days))


def answer(reply: Session | Registered) -> Response:
    """*reply* as JSON nothing may cache (it carries a token or a user's details)."""
    return Response(
        reply.to_json(), media_type="application/json", headers={"Cache-Control": "no-store"}
    )
