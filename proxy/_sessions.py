"""Sessions: the tokens the proxy signs at a login, checks again on every request that
needs one, and the guard the query, write and fetch routes call.

A token is a JWT signed with HS256 and the site's signing key, claiming ``sub`` (the
lower-case user name), ``name``, ``email``, ``roles``, ``iat`` and ``exp``. Nothing is
stored: any worker or instance with the same key checks any token. Only HS256 is
accepted, so ``alg: none`` and tokens of other algorithms are refused before their
signature is looked at. What a token says about the user is not trusted beyond its
``sub``: name, email and roles come from the credentials as they are now, so a user
removed from them is refused and a role taken away is gone at the next request, even
for sessions signed before (a credentials file is read again when it changes:
:func:`proxy._credentials_file.current_logins`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from typing import Any, Literal

import jwt
from starlette.requests import Request

from proxy._credentials import Logins, User
from proxy._credentials_file import current_logins
from proxy._errors import QueryRefused
from runtime_wasm.auth import SESSION_HEADER, Session

__all__ = ["BadToken", "check_session", "renew", "sign", "verify"]

_ALGORITHM = "HS256"
# Instances behind one load balancer may disagree on the time by a few seconds; a
# token signed by one must not look issued in the future to another.
_LEEWAY = 30.0
# A login whose app sets no cookie (streamlit-authenticator's cookie_expiry_days=0)
# still needs a session for the proxy's routes while the page is open.
_NO_COOKIE_DAYS = 1.0


class BadToken(Exception):
    """A token the proxy did not sign, or no longer honours; the message says which."""


def sign(logins: Logins, user: User, expiry_days: float, *, now: float | None = None) -> Session:
    """A new session for *user*, lasting *expiry_days* (capped by the site's
    ``max_expiry_days``)."""
    issued = math.floor(time.time() if now is None else now)
    days = expiry_days if expiry_days > 0 else _NO_COOKIE_DAYS
    days = min(days, logins.config.max_expiry_days)
    return _signed(logins, user, issued, issued + max(1, round(days * 86_400)))


def renew(logins: Logins, user: User, expires: float, *, now: float | None = None) -> Session:
    """A new token for *user* ending when their current one does (*expires*): after an
    account change, so the token says the user's new name and email."""
    return _signed(logins, user, math.floor(time.time() if now is None else now), int(expires))


def _signed(logins: Logins, user: User, issued: int, expires: int) -> Session:
    claims = {"sub": user.username, "name": user.name, "email": user.email,
              "roles": list(user.roles), "iat": issued, "exp": expires}  # fmt: skip
    token = jwt.encode(claims, logins.key, algorithm=_ALGORITHM)
    return _session(token, user, expires)


def verify(logins: Logins, token: str) -> Session:
    """The session *token* stands for, its fields fresh from the credentials; raises
    :class:`BadToken`."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token, logins.key, algorithms=[_ALGORITHM], leeway=_LEEWAY,
            options={"require": ["sub", "iat", "exp"]},
        )  # fmt: skip
    except jwt.ExpiredSignatureError:
        raise BadToken("the session has expired; log in again") from None
    except jwt.InvalidTokenError:
        raise BadToken("the session token is not one this proxy signed") from None
    user = logins.users.get(str(claims["sub"]).lower())
    if user is None:
        raise BadToken("the session's user is no longer in the credentials")
    return _session(token, user, claims["exp"])


def check_session(
    request: Request, names: Iterable[str], kind: Literal["connection", "secret"]
) -> None:
    """Refuse the request unless it carries a session that each of *names* (the
    connections or secrets it uses) accepts: ``login-required`` (401) without a valid
    one, ``role-required`` (403) without one of a name's roles. Names the site's
    ``auth.json`` does not list are open to anyone."""
    logins = current_logins(request)
    if logins is None:
        return
    config = logins.config
    guarded = sorted(n for n in set(names) if n in config.require or config.roles.get(n))
    if not guarded:
        return
    session = _session_of(request, logins, f"the {kind} {guarded[0]!r}")
    for name in guarded:
        wanted = config.roles.get(name, ())
        if wanted and not set(wanted) & set(session.roles):
            raise QueryRefused(
                "role-required",
                f"the {kind} {name!r} needs one of the roles {', '.join(wanted)}; "
                f"{session.username!r} has {', '.join(session.roles) or 'none'}",
            )


def _session_of(request: Request, logins: Logins, what: str) -> Session:
    token = request.headers.get(SESSION_HEADER, "").strip()
    if not token:
        raise QueryRefused("login-required", f"{what} needs a login")
    try:
        return verify(logins, token)
    except BadToken as error:
        raise QueryRefused("login-required", f"{what} needs a login (bad-token: {error})") from None


def _session(token: str, user: User, expires: float) -> Session:
    return Session(token=token, username=user.username, name=user.name, email=user.email,
                   roles=user.roles, expires=float(expires))  # fmt: skip
