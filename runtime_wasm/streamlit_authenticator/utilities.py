"""``streamlit_authenticator.utilities``: the package's exceptions, ``Hasher`` and
``Validator``."""

from __future__ import annotations

from typing import Any

from ..auth._validator import Validator
from .exceptions import (
    AuthenticateError,
    CloudError,
    CredentialsError,
    DeprecationError,
    ForgotError,
    LoginError,
    LogoutError,
    RegisterError,
    ResetError,
    TwoFactorAuthError,
    UpdateError,
)

__all__ = [
    "AuthenticateError",
    "CloudError",
    "CredentialsError",
    "DeprecationError",
    "ForgotError",
    "Hasher",
    "LoginError",
    "LogoutError",
    "RegisterError",
    "ResetError",
    "TwoFactorAuthError",
    "UpdateError",
    "Validator",
]


class Hasher:
    """The package's password hasher: a tool for the app's author, on their machine
    (bcrypt is a binary package; a site checks passwords on ``stc proxy`` instead)."""

    @classmethod
    def hash(cls, password: str) -> str:
        bcrypt = _bcrypt()
        return str(bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode())

    @classmethod
    def hash_list(cls, passwords: list[str]) -> list[str]:
        return [cls.hash(p) for p in passwords]

    @classmethod
    def hash_passwords(cls, credentials: dict[str, Any]) -> dict[str, Any]:
        for user in credentials.get("usernames", {}).values():
            password = user.get("password")
            if isinstance(password, str) and not cls.is_hash(password):
                user["password"] = cls.hash(password)
        return credentials

    @classmethod
    def check_pw(cls, password: str, hashed_password: str) -> bool:
        return bool(_bcrypt().checkpw(password.encode(), hashed_password.encode()))

    @classmethod
    def is_hash(cls, hash_string: str) -> bool:
        import re

        return bool(re.fullmatch(r"^\$2[aby]\$\d+\$.{53}$", hash_string))


def _bcrypt() -> Any:
    try:
        import bcrypt
    except ImportError:
        raise RuntimeError(
            "Hasher needs bcrypt, which a static site does not have: hash the passwords "
            "on your machine (pip install streamlit-authenticator, then "
            "stauth.Hasher.hash_passwords(config['credentials'])); in the site, stc "
            "proxy checks them."
        ) from None
    return bcrypt
