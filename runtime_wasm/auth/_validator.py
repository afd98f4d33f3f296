"""streamlit-authenticator 0.4's checks of what a user types, with its messages.

The page checks a form before it posts it (the package's forms say what is wrong at
once), and ``stc proxy`` checks again, since a request need not come from the page.
Both import this module, so the two cannot disagree.
"""

from __future__ import annotations

import re

__all__ = ["PASSWORD_INSTRUCTIONS", "Validator"]

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
