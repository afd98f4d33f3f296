"""streamlit-authenticator's exceptions (``streamlit_authenticator.utilities``), with
the package's names, so apps that catch them run unchanged."""

from __future__ import annotations

__all__ = [
    "AuthenticateError",
    "CloudError",
    "CredentialsError",
    "DeprecationError",
    "ForgotError",
    "LoginError",
    "LogoutError",
    "RegisterError",
    "ResetError",
    "TwoFactorAuthError",
    "UpdateError",
]


class AuthenticateError(Exception):
    """The base of the package's errors (stc's grouping)."""


class CloudError(AuthenticateError):
    pass


class CredentialsError(AuthenticateError):
    """Wrong credentials; its message is the package's for *credential_type*."""

    def __init__(self, credential_type: str = "") -> None:
        messages = {"username": "Username is incorrect", "password": "Password is incorrect"}
        super().__init__(messages.get(credential_type, "Username/password is incorrect"))


class DeprecationError(AuthenticateError):
    pass


class ForgotError(AuthenticateError):
    pass


class LoginError(AuthenticateError):
    pass


class LogoutError(AuthenticateError):
    pass


class RegisterError(AuthenticateError):
    pass


class ResetError(AuthenticateError):
    pass


class TwoFactorAuthError(AuthenticateError):
    pass


class UpdateError(AuthenticateError):
    pass
