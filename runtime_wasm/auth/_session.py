"""The signed session of the visitor logged in through ``stc proxy``, if any.

The login code (``runtime_wasm.streamlit_authenticator``) sets it; every request to
the proxy carries it in ``Stc-Session`` (the connections' transport, the forward
route), so data a login protects comes only to a logged-in visitor. It lives in the
worker's memory for the session, and in the cookie the app names across reloads.
"""

from __future__ import annotations

from runtime_wasm.auth._wire import SESSION_HEADER

__all__ = ["session_headers", "set_token", "token"]

_token: str | None = None


def set_token(value: str | None) -> None:
    global _token
    _token = value or None


def token() -> str | None:
    return _token


def session_headers() -> dict[str, str]:
    """The header a request to the proxy carries: empty when nobody is logged in."""
    return {SESSION_HEADER: _token} if _token else {}
