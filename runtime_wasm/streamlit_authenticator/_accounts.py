"""streamlit-authenticator 0.4's account forms: ``reset_password``,
``update_user_details`` and ``register_user``, drawn as the package draws them, with
the change made by ``stc proxy``.

The package changes the credentials in the app (and in the config file, when it was
given its path). Here the page checks the form with the package's own rules and
messages (:class:`runtime_wasm.auth._validator.Validator`), then posts it to the
proxy, which checks again, writes the credentials file it reads, and answers the
new session (or, for a registration, who registered). A refusal raises the
package's exception with the package's message, which apps show with ``st.error``.

What the package would do in the browser but stc cannot do safely is refused with
why: ``forgot_password`` / ``forgot_username`` hand the new password or the user
name to the app's code (here, to whoever asks), two-factor codes and emails go
through the package's cloud service with an API key the page would have to carry,
and guest logins are OAuth2, which ``stc proxy`` does not offer yet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import streamlit as st
from .._unsupported import refused
from ..auth._session import token
from ..auth._validator import detail_problem, new_password_problem, registration_problem
from ..auth._wire import DetailField, DetailsChange, PasswordChange, Registration, Session
from ._client import ProxyProblem, Refused, change_details, change_password, register
from .exceptions import (
    CredentialsError,
    DeprecationError,
    ForgotError,
    LoginError,
    RegisterError,
    ResetError,
    TwoFactorAuthError,
    UpdateError,
)

__all__ = ["FormCall", "refuse", "register_form", "reset_form", "update_form"]

Callback = Callable[[dict[str, Any]], Any] | None


@dataclass(frozen=True, kw_only=True)
class FormCall:
    """What every account form is called with, and its labels (``fields`` renames
    them, as in the package)."""

    location: str
    fields: Mapping[str, str] | None
    clear_on_submit: bool
    key: str
    callback: Callback

    def open(self, title: str) -> Any:
        """The form, under its title."""
        if self.location not in ("main", "sidebar"):
            raise ValueError("Location must be one of 'main' or 'sidebar'")
        area = st.sidebar if self.location == "sidebar" else st
        form = area.form(key=self.key, clear_on_submit=self.clear_on_submit)
        form.subheader(self.label("Form name", title))
        return form

    def label(self, name: str, default: str | None = None) -> str:
        return (self.fields or {}).get(name, default or name)


# -- reset_password -----------------------------------------------------------------------
def reset_form(
    apply: Callable[[Session], None], username: str, call: FormCall, instructions: str
) -> bool | None:
    if not st.session_state.get("authentication_status"):
        raise ResetError("User must be logged in to use the reset password widget")
    form = call.open("Reset password")
    password = form.text_input(call.label("Current password"), type="password",
                               autocomplete="off").strip()  # fmt: skip
    new = form.text_input(call.label("New password"), type="password",
                          help=instructions, autocomplete="off").strip()  # fmt: skip
    repeat = form.text_input(call.label("Repeat password"), type="password",
                             autocomplete="off").strip()  # fmt: skip
    if not form.form_submit_button(call.label("Reset")):
        return None
    problem = new_password_problem(password, new, repeat)
    if problem is not None:
        raise ResetError(problem)
    change = PasswordChange(token=_token(ResetError), password=password, new_password=new)
    try:
        session = change_password(change)
    except Refused as refused:
        if refused.code == "bad-login":  # the current password
            raise CredentialsError("password") from None
        raise ResetError(str(refused)) from None
    except ProxyProblem as problem:
        raise ResetError(str(problem)) from None
    apply(session)
    if call.callback is not None:
        call.callback({"widget": "Reset password", "username": username.lower().strip(),
                  "email": session.email, "name": session.name,
                  "roles": list(session.roles)})  # fmt: skip
    return True


# -- update_user_details ------------------------------------------------------------------
_DETAILS: tuple[DetailField, ...] = ("first_name", "last_name", "email")


def update_form(apply: Callable[[Session], None], username: str, call: FormCall) -> bool | None:
    if not st.session_state.get("authentication_status"):
        raise UpdateError("User must be logged in to use the update user details widget")
    form = call.open("Update user details")
    labels = [call.label("First name"), call.label("Last name"), call.label("Email")]
    chosen = form.selectbox(call.label("Field"), labels)
    value = form.text_input(call.label("New value"), autocomplete="off").strip()
    field = _DETAILS[labels.index(chosen)]
    if not form.form_submit_button(call.label("Update")):
        return None
    problem = detail_problem(field, value)
    if problem is not None:
        raise UpdateError(problem)
    try:
        session = change_details(DetailsChange(token=_token(UpdateError), field=field, value=value))
    except (Refused, ProxyProblem) as problem:
        raise UpdateError(str(problem)) from None
    apply(session)
    if call.callback is not None:
        call.callback({"widget": "Update user details", "username": username.lower().strip(),
                  "field": field, "new_value": value})  # fmt: skip
    return True


# -- register_user ------------------------------------------------------------------------
def register_form(
    call: FormCall,
    pre_authorized: Any,
    domains: list[str] | None,
    roles: list[str] | None,
    merge_username_email: bool,
    password_hint: bool,
    two_factor_auth: bool,
    instructions: str,
) -> tuple[str | None, str | None, str | None]:
    """The package's form; who may register, and with which roles, is what the
    compiler read from this call (``stc/auth.json``), enforced by the proxy."""
    if isinstance(pre_authorized, bool | dict):
        raise DeprecationError(
            "Please note that the 'pre_authorized' parameter now requires a list of "
            "pre-authorized emails."
        )
    if two_factor_auth:
        raise TwoFactorAuthError(
            refused("streamlit_authenticator.Authenticate.register_user").message
        )
    form = call.open("Register user")
    left, right = form.columns(2)
    first = left.text_input(call.label("First name"), autocomplete="off")
    last = right.text_input(call.label("Last name"), autocomplete="off")
    if merge_username_email:
        email = form.text_input(call.label("Email"), autocomplete="off")
        username = email
    else:
        email = left.text_input(call.label("Email"), autocomplete="off")
        username = right.text_input(call.label("Username"), autocomplete="off")
    left, right = form.columns(2)
    password = left.text_input(call.label("Password"), type="password",
                               help=instructions, autocomplete="off")  # fmt: skip
    repeat = right.text_input(call.label("Repeat password"), type="password",
                              autocomplete="off")  # fmt: skip
    hint = ""
    if password_hint:
        hint = form.text_input(call.label("Password hint"), autocomplete="off")
    if not form.form_submit_button(call.label("Register")):
        return None, None, None
    wanted = _checked_registration(first, last, email, username, password, repeat, hint,
                                   domains, roles)  # fmt: skip
    try:
        done = register(wanted)
    except (Refused, ProxyProblem) as problem:
        raise RegisterError(str(problem)) from None
    if call.callback is not None:
        call.callback({"widget": "Register user", "new_name": wanted.first_name,
                  "new_last_name": wanted.last_name, "new_email": wanted.email,
                  "new_username": wanted.username})  # fmt: skip
    return done.email, done.username, done.name


def _checked_registration(
    first: str, last: str, email: str, username: str, password: str, repeat: str, hint: str,
    domains: list[str] | None, roles: list[str] | None,
) -> Registration:  # fmt: skip
    """The package's controller checks, in its order and with its messages."""
    first, last, email = first.strip(), last.strip(), email.strip()
    username, password, repeat = username.lower().strip(), password.strip(), repeat.strip()
    hint = hint.strip() if hint else ""
    form = Registration(first_name=first, last_name=last, email=email, username=username,
                        password=password, password_hint=hint)  # fmt: skip
    problem = registration_problem(form, domains, repeat)
    if problem is not None:
        raise RegisterError(problem)
    if roles and not isinstance(roles, list):
        raise LoginError("Roles must be provided as a list")
    return form


def _token(error: type[Exception]) -> str:
    current = token()
    if not current:
        raise error("Your session has ended: log in again.")
    return current


# -- what stc refuses, and why (runtime_wasm._unsupported: the compiler's STC106 too) --------
_REFUSED: dict[str, type[Exception]] = {
    "forgot_password": ForgotError,
    "forgot_username": ForgotError,
    "experimental_guest_login": LoginError,
}


def refuse(name: str) -> Exception:
    """The package's exception for a method stc refuses, saying why."""
    return _REFUSED[name](refused(f"streamlit_authenticator.Authenticate.{name}").message)
