"""streamlit-authenticator 0.4's checks of what a user types, with its messages.

The page checks a form before it posts it (the package's forms say what is wrong at
once), and ``stc proxy`` checks again, since a request need not come from the page.
Both import this module, so the two cannot disagree: :class:`Validator` is the
package's ``utilities/validator.py``, and the ``*_problem`` functions make its
controller's checks in its order, answering the first message that applies (the
page raises the package's exception with it, the proxy refuses with it). A password
repeat is only the page's to check: the proxy gets one password.
"""

from __future__ import annotations

import re

from runtime_wasm.auth._wire import DetailField, Registration

__all__ = [
    "DOMAIN_REFUSED",
    "PASSWORD_INSTRUCTIONS",
    "Validator",
    "detail_problem",
    "new_password_problem",
    "registration_problem",
]

PASSWORD_INSTRUCTIONS = """
**Password must be:**
- Between 8 and 20 characters long.
- Contain at least one lowercase letter.
- Contain at least one uppercase letter.
- Contain at least one digit.
- Contain at least one special character from !@#$%^&*()_+-=[]{};:'\\"\\\\|,.<>/?`~.
"""

_SPECIAL = r"!@#$%^&*()_+\-=\[\]{};':\"\\|,.<>\/?`~"
_PASSWORD = re.compile(
    rf"^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[{_SPECIAL}])[A-Za-z\d{_SPECIAL}]{{8,20}}$"
)
_EMAIL = re.compile(r"^[a-zA-Z0-9._%+-]{1,254}@[a-zA-Z0-9.-]{1,253}\.[a-zA-Z]{2,63}$")
_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F\u0370-\u1FFF\u2C00-\uD7FF\u4E00-\u9FFF' .-]{2,100}$")
_USERNAME = re.compile(
    r"^([a-zA-Z0-9_-]{1,20}|[a-zA-Z0-9._%+-]{1,254}@[a-zA-Z0-9.-]{1,253}\.[a-zA-Z]{2,63})$"
)


class Validator:
    """The package's ``Validator``: ``validate_*`` answer whether a value is allowed,
    ``diagnose_password`` says what a password lacks."""

    def validate_email(self, email: str) -> bool:
        return bool(_EMAIL.match(email))

    def validate_length(self, variable: str, min_length: int = 0, max_length: int = 254) -> bool:
        return bool(re.match(rf"^.{{{min_length},{max_length}}}$", variable))

    def validate_name(self, name: str) -> bool:
        return bool(_NAME.match(name))

    def validate_password(self, password: str) -> bool:
        return bool(_PASSWORD.match(password))

    def validate_username(self, username: str) -> bool:
        return bool(_USERNAME.match(username))

    def diagnose_password(self, password: str) -> str:
        errors = []
        if not 8 <= len(password) <= 20:
            errors.append("Between 8 and 20 characters long \n\n")
        if not re.search(r"[a-z]", password):
            errors.append("Contain at least one lowercase letter \n\n")
        if not re.search(r"[A-Z]", password):
            errors.append("Contain at least one uppercase letter \n\n")
        if not re.search(r"\d", password):
            errors.append("Contain at least one digit \n\n")
        if not re.search(rf"[{_SPECIAL}]", password):
            errors.append("Contain at least one special character (@$!%*?&) \n\n")
        return "**Password must:** \n\n" + "".join(errors)


_VALID = Validator()


def new_password_problem(current: str, new: str, repeat: str | None = None) -> str | None:
    """``reset_password``'s checks of the new password."""
    if not _VALID.validate_length(new, 1):
        return "No new password provided"
    if repeat is not None and new != repeat:
        return "Passwords do not match"
    if current == new:
        return "New and current passwords are the same"
    if not _VALID.validate_password(new):
        return _VALID.diagnose_password(new)
    return None


def detail_problem(field: DetailField, value: str) -> str | None:
    """``update_user_details``'s check of the new value."""
    if field == "first_name" and not _VALID.validate_name(value):
        return "First name is not valid"
    if field == "last_name" and not _VALID.validate_name(value):
        return "Last name is not valid"
    if field == "email" and not _VALID.validate_email(value):
        return "Email is not valid"
    return None


DOMAIN_REFUSED = "Email domain is not allowed to register"


def registration_problem(
    form: Registration, domains: tuple[str, ...] | list[str] | None, repeat: str | None = None
) -> str | None:
    """``register_user``'s checks (:data:`DOMAIN_REFUSED` for an email outside
    *domains*, which the proxy answers as not allowed rather than not valid)."""
    if not _VALID.validate_name(form.first_name):
        return "First name is not valid"
    if not _VALID.validate_name(form.last_name):
        return "Last name is not valid"
    if not _VALID.validate_email(form.email):
        return "Email is not valid"
    if domains and form.email.split("@")[-1] not in domains:
        return DOMAIN_REFUSED
    if not _VALID.validate_username(form.username):
        return "Username is not valid"
    empty_repeat = repeat is not None and not _VALID.validate_length(repeat, 1)
    if not _VALID.validate_length(form.password, 1) or empty_repeat:
        return "Password/repeat password fields cannot be empty"
    if repeat is not None and form.password != repeat:
        return "Passwords do not match"
    if form.password_hint and not _VALID.validate_length(form.password_hint, 1):
        return "Password hint cannot be empty"
    if not _VALID.validate_password(form.password):
        return _VALID.diagnose_password(form.password)
    return None
