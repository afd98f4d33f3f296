"""streamlit-authenticator for a static site: ``import streamlit_authenticator``
resolves here (``runtime_wasm._alias``), with the package's API and session state,
and logins checked by ``stc proxy`` (see ``_authenticate``)."""

from __future__ import annotations

from ._authenticate import Authenticate
from .utilities import (
    CloudError,
    CredentialsError,
    DeprecationError,
    ForgotError,
    Hasher,
    LoginError,
    LogoutError,
    RegisterError,
    ResetError,
    TwoFactorAuthError,
    UpdateError,
    Validator,
)

__all__ = [
    "Authenticate",
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
