"""``POST /v1/password``, ``/v1/details`` and ``/v1/register``: streamlit-authenticator's
``reset_password``, ``update_user_details`` and ``register_user``, whose changes the
package writes to the app's credentials file when ``Authenticate`` has its path. In a
static site the page cannot hold that file (it holds every hash), so it posts the
form here and the proxy does what the package's controller and model do, with their
checks and messages, and writes the file (:mod:`proxy._credentials_file`).

- A password change needs the user's session token and their current password,
  checked with bcrypt in a worker thread. A wrong one is ``bad-login`` with the
  package's "Password is incorrect" and counts as a failed login for this client and
  user name, so guessing it is rate limited like guessing at the login form. The new
  hash has the old one's cost; the answer is the same session.
- A details change (first name, last name or email) answers a session renewed with
  the new name and email, ending when the old one does.
- A registration is open only when the app's ``register_user`` call was found
  (``AuthConfig.register``): the roles, email domains and pre-authorized emails are
  the compiler's reading of that call, never the request's. Every try counts against
  the client's registrations (5 in 15 minutes by default).

The new values are checked again here (:mod:`proxy._account_rules`): a request need not
come from the page. Users in the proxy's secrets file are ``read-only``. Nothing here
logs a password, a hash, a token, a user name or an email.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

import bcrypt
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from proxy._account_rules import check_details, check_new_password, check_registration
from proxy._bodies import json_object
from proxy._credentials import Logins, bcrypt_cost, password_bytes
from proxy._credentials_file import Credentials, change_credentials, keep, writable
from proxy._errors import QueryRefused
from proxy._login import answer, failed_logins, logins_now, verified
from proxy._ratelimit import FailedLogins
from proxy._sessions import renew
from runtime_wasm.auth import DetailsChange, Registered, Registration

__all__ = ["change_details", "change_password", "register"]

T = TypeVar("T")

_FIELDS = ("first_name", "last_name", "email")


async def change_password(request: Request) -> Response:
    """``reset_password``: the current password checked, the new one written."""
    logins = logins_now(request)
    writable(logins)
    token, password, new_password = _texts(
        json_object(await request.body()), "token", "password", "new_password"
    )
    session = verified(logins, token)
    password, new_password = password.strip(), new_password.strip()  # as the form strips
    check_new_password(password, new_password)
    failures, key = failed_logins(request, session.username)
    user = logins.users[session.username]
    if not await run_in_threadpool(bcrypt.checkpw, password_bytes(password), user.hash):
        raise QueryRefused("bad-login", "Password is incorrect")
    failures.succeeded(key)
    salt = bcrypt.gensalt(rounds=bcrypt_cost(user.hash))
    new_hash = await run_in_threadpool(bcrypt.hashpw, password_bytes(new_password), salt)

    def change(credentials: Credentials) -> None:
        entry = _entry(credentials, session.username)
        if entry.get("password") != user.hash.decode("ascii"):
            # Changed by another request since it was checked: what was typed is no
            # longer the current password.
            raise QueryRefused("bad-login", "Password is incorrect")
        entry["password"] = new_hash.decode("ascii")

    _, fresh = await _change(request, logins, change)
    return answer(verified(fresh, token))


async def change_details(request: Request) -> Response:
    """``update_user_details``: one of first name, last name and email."""
    logins = logins_now(request)
    writable(logins)
    token, field, value = _texts(json_object(await request.body()), "token", "field", "value")
    if field not in _FIELDS:
        raise QueryRefused("bad-request", f"field must be one of {', '.join(_FIELDS)}")
    session = verified(logins, token)
    wanted = DetailsChange(token=token, field=field, value=value.strip())  # type: ignore[arg-type]
    check_details(wanted)

    def change(credentials: Credentials) -> None:
        entry = _entry(credentials, session.username)
        if wanted.field == "email" and credentials.holds(wanted.value):
            raise QueryRefused("taken", "Email already taken")
        if "first_name" not in entry:  # a user who had only a name: as the package does
            entry["first_name"] = entry["last_name"] = None
        if wanted.value == entry.get(wanted.field):
            raise QueryRefused("bad-value", "New and current values are the same")
        entry[wanted.field] = wanted.value
        if wanted.field != "email":
            entry.pop("name", None)  # the package drops it: the name is first and last now

    _, fresh = await _change(request, logins, change)
    user = fresh.users.get(session.username)
    if user is None:  # not a user with a password any more: the change was never theirs
        raise QueryRefused("bad-token", "the session's user is no longer in the credentials")
    return answer(renew(fresh, user, session.expires))


async def register(request: Request) -> Response:
    """``register_user``: a new user, within the app's ``register_user`` rules."""
    logins = logins_now(request)
    rules = logins.config.register
    if rules is None:
        raise QueryRefused("not-allowed", "this app does not offer registration")
    writable(logins)
    first, last, email, username, password, hint = _texts(
        json_object(await request.body()),
        *("first_name", "last_name", "email", "username", "password"),
        optional="password_hint",
    )
    form = Registration(  # stripped and lower-cased as the package's controller does
        first_name=first.strip(), last_name=last.strip(), email=email.strip(),
        username=username.lower().strip(), password=password.strip(), password_hint=hint.strip(),
    )  # fmt: skip
    check_registration(form, rules.domains)
    _count_registration(request)
    salt = bcrypt.gensalt(rounds=bcrypt_cost(logins.dummy))  # the users' cost
    hashed = (await run_in_threadpool(bcrypt.hashpw, password_bytes(form.password), salt)).decode()

    def change(credentials: Credentials) -> Registered:
        if credentials.holds(form.email):
            raise QueryRefused("taken", "Email already taken")
        if credentials.named(form.username):
            raise QueryRefused("taken", "Username/email already taken")
        listed = credentials.pre_authorized if rules.from_file else None
        allowed = list(rules.emails) or listed
        if allowed is not None:
            if form.email not in allowed:
                raise QueryRefused("not-allowed", "User not pre-authorized to register")
            if allowed is listed and listed is not None:
                listed.remove(form.email)  # as the package does: each email registers once
        # The package's _register_credentials, key for key.
        entry: dict[str, Any] = {
            "email": form.email, "logged_in": False, "first_name": form.first_name,
            "last_name": form.last_name, "password": hashed, "roles": list(rules.roles) or None,
        }  # fmt: skip
        if form.password_hint:
            entry["password_hint"] = form.password_hint
        credentials.usernames[form.username] = entry
        return Registered(
            email=form.email, username=form.username, name=f"{form.first_name} {form.last_name}"
        )

    registered, _ = await _change(request, logins, change)
    return answer(registered)


async def _change(
    request: Request, logins: Logins, change: Callable[[Credentials], T]
) -> tuple[T, Logins]:
    result, fresh = await run_in_threadpool(change_credentials, logins, change)
    keep(request, fresh)
    return result, fresh


def _entry(credentials: Credentials, username: str) -> dict[Any, Any]:
    entry = credentials.entry(username)
    if entry is None:
        raise QueryRefused("bad-token", "the session's user is no longer in the credentials")
    return entry


def _count_registration(request: Request) -> None:
    registrations: FailedLogins = request.app.state.registrations
    wait = registrations.attempt(request.client.host if request.client else "?")
    if wait:
        raise QueryRefused(
            "rate-limited",
            "too many registrations from this client; retry later",
            headers={"Retry-After": str(math.ceil(wait))},
        )


def _texts(raw: dict[str, Any], *names: str, optional: str = "") -> list[str]:
    """The strings *names* of a request body (and *optional*, ``""`` when absent).

    JSON may carry a lone surrogate (``"\\ud800"``), which is no text a form can hold
    and which libyaml will not read back from the file: refused here."""
    values = [raw.get(name) for name in names]
    if optional:
        values.append(raw.get(optional) or "")
    texts = [value for value in values if isinstance(value, str) and _encodes(value)]
    if len(texts) != len(values):
        listed = ", ".join((*names, optional) if optional else names)
        raise QueryRefused("bad-request", f"{listed} must be text")
    return texts


def _encodes(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
