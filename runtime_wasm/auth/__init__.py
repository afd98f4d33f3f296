"""Logins for a static site: streamlit-authenticator's API, with passwords checked and
sessions signed by ``stc proxy``. :mod:`runtime_wasm.auth._wire` is the contract the
site, the compiler and the proxy share."""

from __future__ import annotations

from runtime_wasm.auth._wire import (
    AUTH_PATH,
    DETAILS_ROUTE,
    LOGIN_ROUTE,
    PASSWORD_ROUTE,
    REGISTER_ROUTE,
    SESSION_HEADER,
    SESSION_ROUTE,
    AuthConfig,
    CredentialsSource,
    DetailsChange,
    LoginRequest,
    PasswordChange,
    Registered,
    RegisterRules,
    Registration,
    Session,
)

__all__ = [
    "AUTH_PATH",
    "DETAILS_ROUTE",
    "LOGIN_ROUTE",
    "PASSWORD_ROUTE",
    "REGISTER_ROUTE",
    "SESSION_HEADER",
    "SESSION_ROUTE",
    "AuthConfig",
    "CredentialsSource",
    "DetailsChange",
    "LoginRequest",
    "PasswordChange",
    "RegisterRules",
    "Registered",
    "Registration",
    "Session",
]
