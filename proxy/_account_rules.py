"""The checks streamlit-authenticator 0.4.2 makes of new account values, made again by
the proxy before it writes anything: the page makes them too, but a request need not
come from the page.

The patterns are the package's ``utilities/validator.py`` ``Validator``, matched as it
matches them (``re.match``, so ``$`` also matches before a final newline: the values
are stripped first, as the package's forms and controller strip them), and the order
and messages are its ``controllers/authentication_controller.py``'s, so the page shows
the package's words whichever side refused. A value the Validator refuses is
``bad-value``; an email outside the app's domains is ``not-allowed``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NoReturn

from proxy._errors import QueryRefused
from runtime_wasm.auth import DetailsChange, Registration

__all__ = ["check_details", "check_new_password", "check_registration"]

_EMAIL = r"^[a-zA-Z0-9._%+-]{1,254}@[a-zA-Z0-9.-]{1,253}\.[a-zA-Z]{2,63}$"
_NAME = r"^[A-Za-z\u00C0-\u024F\u0370-\u1FFF\u2C00-\uD7FF\u4E00-\u9FFF' .-]{2,100}$"
_SPECIAL = r"!@#$%^&*()_+\-=\[\]{};':\"\\|,.<>\/?`~"
_PASSWORD = rf"^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[{_SPECIAL}])[A-Za-z\d{_SPECIAL}]{{8,20}}$"
_USERNAME = r"^([a-zA-Z0-9_-]{1,20}|[a-zA-Z0-9._%+-]{1,254}@[a-zA-Z0-9.-]{1,253}\.[a-zA-Z]{2,63})$"
_NAME_FIELDS = {"first_name": "First name", "last_name": "Last name"}


def check_new_password(password: str, new_password: str) -> None:
    """``reset_password``'s checks of the new password (the repeat is the page's)."""
    if not _long_enough(new_password):
        _refuse("No new password provided")
    if password == new_password:
        _refuse("New and current passwords are the same")
    if not re.match(_PASSWORD, new_password):
        _refuse(_diagnose_password(new_password))


def check_details(change: DetailsChange) -> None:
    """``update_user_details``'s checks of the new value."""
    if change.field in _NAME_FIELDS and not re.match(_NAME, change.value, re.UNICODE):
        _refuse(f"{_NAME_FIELDS[change.field]} is not valid")
    if change.field == "email" and not re.match(_EMAIL, change.value):
        _refuse("Email is not valid")


def check_registration(form: Registration, domains: Sequence[str]) -> None:
    """``register_user``'s checks, in its order (the password repeat is the page's)."""
    if not re.match(_NAME, form.first_name, re.UNICODE):
        _refuse("First name is not valid")
    if not re.match(_NAME, form.last_name, re.UNICODE):
        _refuse("Last name is not valid")
    if not re.match(_EMAIL, form.email):
        _refuse("Email is not valid")
    if domains and form.email.split("@")[-1] not in domains:
        raise QueryRefused("not-allowed", "Email domain is not allowed to register")
    if not re.match(_USERNAME, form.username):
        _refuse("Username is not valid")
    if not _long_enough(form.password):
        _refuse("Password/repeat password fields cannot be empty")
    if form.password_hint and not _long_enough(form.password_hint):
        _refuse("Password hint cannot be empty")  # the package's words for a too long one too
    if not re.match(_PASSWORD, form.password):
        _refuse(_diagnose_password(form.password))


def _long_enough(value: str) -> bool:
    """The package's ``validate_length(value, 1)``: 1 to 254 characters, no newline."""
    return bool(re.match(r"^.{1,254}$", value))


def _diagnose_password(password: str) -> str:
    """The package's ``Validator.diagnose_password``, word for word."""
    errors = []
    if not 8 <= len(password) <= 20:
        errors.append("Between 8 and 20 characters long \n\n")
    if not re.search(r"[a-z]", password):
        errors.append("Contain at least one lowercase letter \n\n")
    if not re.search(r"[A-Z]", password):
        errors.append("Contain at least one uppercase letter \n\n")
    if not re.search(r"\d", password):
        errors.append("Contain at least one digit \n\n")
    if not re.search(r"[!@#$%^&*()_+\-=\[\]{};:\'\"\\|,.<>\/?`~]", password):
        errors.append("Contain at least one special character (@$!%*?&) \n\n")
    return "**Password must:** \n\n" + "".join(errors)


def _refuse(message: str) -> NoReturn:
    raise QueryRefused("bad-value", message)
