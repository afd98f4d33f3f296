"""``stauth.Authenticate``: streamlit-authenticator 0.4's login and logout, with the
password checked and the session signed by ``stc proxy``.

The package checks bcrypt hashes in the app, which in a static site would ship every
hash to every visitor. Here the login form posts the user name and password to the
proxy, which answers a signed session (a JWT) or a refusal; the session sets the
package's ``st.session_state`` keys (``authentication_status``, ``name``,
``username``, ``email``, ``roles``, ``logout``) and goes in the cookie the app names,
through extra-streamlit-components' CookieManager as the package does, so a reload
stays logged in until it expires (the proxy checks the cookie again). The
credentials the app passes are not used in the browser: the compiler ships them
redacted and the proxy reads the real ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from .. import streamlit as st
from ..auth._session import set_token
from ..auth._validator import PASSWORD_INSTRUCTIONS
from ..auth._wire import Session
from ._accounts import FormCall, refuse, register_form, reset_form, update_form
from ._client import BadLogin, ProxyProblem, check_session, log_in
from .exceptions import LoginError, LogoutError

__all__ = ["Authenticate"]

Location = Literal["main", "sidebar", "unrendered"]
_FIELDS = {"Form name": "Login", "Username": "Username", "Password": "Password",
           "Login": "Login", "Captcha": "Captcha"}  # fmt: skip
_USER_KEYS = ("name", "username", "authentication_status", "email", "roles")


class Authenticate:
    """streamlit-authenticator's ``Authenticate``; the credentials stay on the proxy."""

    def __init__(
        self,
        credentials: Mapping[str, Any] | str,
        cookie_name: str = "some_cookie_name",
        cookie_key: str = "some_key",
        cookie_expiry_days: float = 30.0,
        validator: Any = None,
        auto_hash: bool = True,
        api_key: str | None = None,
        **kwargs: Any,
    ) -> None:
        if isinstance(credentials, str):  # the config file's path, as 0.4 allows
            cookie = _config_file(credentials).get("cookie", {})
            cookie_name = str(cookie.get("name", cookie_name))
            cookie_expiry_days = float(cookie.get("expiry_days", cookie_expiry_days))
        self.cookie_name = cookie_name
        self.cookie_expiry_days = float(cookie_expiry_days)
        self.attrs = kwargs
        for key in (*_USER_KEYS, "logout"):
            st.session_state.setdefault(key, None)
        import extra_streamlit_components as stx  # type: ignore[import-untyped, import-not-found, unused-ignore]

        self.cookie_manager = stx.CookieManager()

    # -- login ----------------------------------------------------------------------
    def login(
        self,
        location: Location = "main",
        max_concurrent_users: int | None = None,
        max_login_attempts: int | None = None,
        fields: Mapping[str, str] | None = None,
        captcha: bool = False,
        single_session: bool = False,
        clear_on_submit: bool = False,
        key: str = "Login",
        callback: Callable[[dict[str, Any]], Any] | None = None,
    ) -> tuple[str | None, bool | None, str | None] | None:
        """Show the login form, unless the visitor is logged in (by this session or a
        cookie the proxy accepts); as the package, ``unrendered`` returns the state."""
        if location not in ("main", "sidebar", "unrendered"):
            raise ValueError("Location must be one of 'main' or 'sidebar' or 'unrendered'")
        labels = {**_FIELDS, **(fields or {})}
        if not st.session_state.get("authentication_status"):
            self._from_cookie()
        if st.session_state.get("authentication_status") or location == "unrendered":
            if location == "unrendered":
                return (st.session_state["name"], st.session_state["authentication_status"],
                        st.session_state["username"])  # fmt: skip
            return None
        area = st.sidebar if location == "sidebar" else st
        form = area.form(key=key, clear_on_submit=clear_on_submit)
        form.subheader(labels["Form name"])
        username = form.text_input(labels["Username"], autocomplete="off")
        password = form.text_input(labels["Password"], type="password", autocomplete="off")
        if form.form_submit_button(labels["Login"]):
            self._log_in(username or "", password or "", callback)
        return None

    def _log_in(
        self, username: str, password: str, callback: Callable[[dict[str, Any]], Any] | None
    ) -> None:
        try:
            session = log_in(username.lower().strip(), password, self.cookie_expiry_days)
        except BadLogin:
            st.session_state["authentication_status"] = False
            return
        except ProxyProblem as problem:
            raise LoginError(str(problem)) from None
        self._renew(session)
        if callback is not None:
            callback({"widget": "Login", "username": session.username,
                      "email": session.email, "name": session.name,
                      "roles": list(session.roles)})  # fmt: skip

    def _from_cookie(self) -> None:
        """Log in from the cookie a past login left, if the proxy still accepts it."""
        if st.session_state.get("logout"):
            return
        token = st.context.cookies.get(self.cookie_name)
        if not token:
            return
        try:
            self._apply(check_session(token))
        except (BadLogin, ProxyProblem):  # expired, forged, or the proxy is away: log in
            set_token(None)

    def _renew(self, session: Session) -> None:
        """Take a session the proxy signed, and keep it in the app's cookie."""
        self._apply(session)
        if self.cookie_expiry_days != 0:
            expires = datetime.now() + timedelta(days=self.cookie_expiry_days)
            self.cookie_manager.set(self.cookie_name, session.token, expires_at=expires)

    def _apply(self, session: Session) -> None:
        set_token(session.token)
        st.session_state["email"] = session.email or None
        st.session_state["name"] = session.name
        st.session_state["roles"] = list(session.roles) or None
        st.session_state["username"] = session.username
        st.session_state["authentication_status"] = True
        st.session_state["logout"] = None

    # -- logout ---------------------------------------------------------------------
    def logout(
        self,
        button_name: str = "Logout",
        location: Location = "main",
        key: str = "Logout",
        use_container_width: bool = False,
        callback: Callable[[dict[str, Any]], Any] | None = None,
    ) -> None:
        """A logout button (or, ``unrendered``, a logout now), as the package's."""
        if not st.session_state.get("authentication_status"):
            raise LogoutError("User must be logged in to use the logout button")
        if location not in ("main", "sidebar", "unrendered"):
            raise ValueError("Location must be one of 'main' or 'sidebar' or 'unrendered'")
        area = st.sidebar if location == "sidebar" else st
        width = "stretch" if use_container_width else "content"
        if location == "unrendered" or area.button(button_name, key=key, width=width):
            self._log_out(callback)

    def _log_out(self, callback: Callable[[dict[str, Any]], Any] | None) -> None:
        if callback is not None:
            callback({"widget": "Logout", "username": st.session_state.get("username"),
                      "email": st.session_state.get("email"),
                      "name": st.session_state.get("name"),
                      "roles": st.session_state.get("roles")})  # fmt: skip
        set_token(None)
        st.session_state["logout"] = True
        for key in _USER_KEYS:
            st.session_state[key] = None
        self.cookie_manager.delete(self.cookie_name)

    # -- account changes, made by the proxy (see _accounts) ---------------------------
    def reset_password(
        self,
        username: str,
        location: Literal["main", "sidebar"] = "main",
        fields: Mapping[str, str] | None = None,
        clear_on_submit: bool = False,
        key: str = "Reset password",
        callback: Callable[[dict[str, Any]], Any] | None = None,
    ) -> bool | None:
        """A form to change the logged-in user's password; True once changed."""
        call = FormCall(location=location, fields=fields, clear_on_submit=clear_on_submit,
                        key=key, callback=callback)  # fmt: skip
        return reset_form(self._renew, username, call, self._instructions())

    def update_user_details(
        self,
        username: str,
        location: Literal["main", "sidebar"] = "main",
        fields: Mapping[str, str] | None = None,
        clear_on_submit: bool = False,
        key: str = "Update user details",
        callback: Callable[[dict[str, Any]], Any] | None = None,
    ) -> bool | None:
        """A form to change the logged-in user's first name, last name or email."""
        call = FormCall(location=location, fields=fields, clear_on_submit=clear_on_submit,
                        key=key, callback=callback)  # fmt: skip
        return update_form(self._renew, username, call)

    def register_user(
        self,
        location: Literal["main", "sidebar"] = "main",
        pre_authorized: list[str] | None = None,
        domains: list[str] | None = None,
        fields: Mapping[str, str] | None = None,
        captcha: bool = True,
        roles: list[str] | None = None,
        merge_username_email: bool = False,
        password_hint: bool = True,
        two_factor_auth: bool = False,
        clear_on_submit: bool = False,
        key: str = "Register user",
        callback: Callable[[dict[str, Any]], Any] | None = None,
    ) -> tuple[str | None, str | None, str | None]:
        """A form to register a user: (email, username, name) once registered. Who
        may, and the roles they get, are what this call says (read at build time);
        stc proxy rate-limits registrations per address in place of the captcha."""
        call = FormCall(location=location, fields=fields, clear_on_submit=clear_on_submit,
                        key=key, callback=callback)  # fmt: skip
        return register_form(call, pre_authorized, domains, roles, merge_username_email,
                             password_hint, two_factor_auth, self._instructions())  # fmt: skip

    def _instructions(self) -> str:
        return str(self.attrs.get("password_instructions", PASSWORD_INSTRUCTIONS))

    # -- what stc refuses, and why ------------------------------------------------------
    def forgot_password(self, *args: Any, **kwargs: Any) -> Any:
        raise refuse("forgot_password")

    def forgot_username(self, *args: Any, **kwargs: Any) -> Any:
        raise refuse("forgot_username")

    def experimental_guest_login(self, *args: Any, **kwargs: Any) -> Any:
        raise refuse("experimental_guest_login")


def _config_file(path: str) -> dict[str, Any]:
    """The app's config file as the site has it: redacted by the compiler, written as
    JSON (which is YAML), so no YAML parser is needed in the browser."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except ValueError:
        import yaml  # type: ignore[import-untyped, unused-ignore]  # PyYAML, if the site has it

        data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}
