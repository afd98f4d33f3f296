"""The checks streamlit-authenticator 0.4.2 makes of new account values, made again by
the proxy before it writes anything: the page makes them too, but a request need not
come from the page. The checks, their order and their messages are shared with the
page (:mod:`runtime_wasm.auth._validator`), so the page shows the package's words
whichever side refused. A value the Validator refuses is ``bad-value``; an email
outside the app's domains is ``not-allowed``.
"""

from __future__ import annotations

from collections.abc import Sequence

from proxy._errors import QueryRefused
from runtime_wasm.auth import DetailsChange, Registration
from runtime_wasm.auth._validator import (
    DOMAIN_REFUSED,
    detail_problem,
    new_password_problem,
    registration_problem,
)

__all__ = ["check_details", "check_new_password", "check_registration"]


def check_new_password(password: str, new_password: str) -> None:
    """``reset_password``'s checks of the new password (the repeat is the page's)."""
    _refuse_if(new_password_problem(password, new_password))


def check_details(change: DetailsChange) -> None:
    """``update_user_details``'s checks of the new value."""
    _refuse_if(detail_problem(change.field, change.value))


def check_registration(form: Registration, domains: Sequence[str]) -> None:
    """``register_user``'s checks, in its order (the password repeat is the page's)."""
    _refuse_if(registration_problem(form, list(domains)))


def _refuse_if(problem: str | None) -> None:
    if problem == DOMAIN_REFUSED:
        raise QueryRefused("not-allowed", problem)
    if problem is not None:
        raise QueryRefused("bad-value", problem)
