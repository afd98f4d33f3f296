"""The one contract between the site, the compiler and ``stc proxy`` for logins
(streamlit-authenticator's API, with the passwords checked where the site cannot see
them). Declared once, here, in plain Python all three sides import::

    compiler: stauth.Authenticate(config["credentials"], …) with the credentials in a
              YAML file of the app (credentials: usernames: …) or in st.secrets
              ──▶ stc/auth.json: AuthConfig (where the proxy finds the credentials and
                  the signing key: file and key names, never their contents; and which
                  connections and secrets need a session)
              ──▶ app.zip carries that YAML file redacted: no user, no hash, no key
    browser:  the login form posts {username, password, expiry_days} to LOGIN_ROUTE
              ◀── 200 Session | 401 bad-login | 429 rate-limited (failed logins)
              the token is kept in the cookie the app names; a reload posts {token}
              to SESSION_ROUTE ◀── 200 Session | 401 bad-token (forged, expired)
              every request to the proxy's query, write and fetch routes carries the
              token in SESSION_HEADER when there is one
              account changes (reset_password, update_user_details, register_user):
              PasswordChange to PASSWORD_ROUTE and DetailsChange to DETAILS_ROUTE
              ◀── 200 Session; Registration to REGISTER_ROUTE ◀── 200 Registered
    proxy:    checks passwords with bcrypt against the credentials, signs tokens (JWT,
              HS256, with the signing key), refuses forged or expired ones, and refuses
              requests for the connections and secrets AuthConfig.require names without
              a valid session (401 login-required) or without one of their roles
              (403 role-required); writes account changes to the credentials file, as
              the package does when Authenticate is given the file's path (users in
              the proxy's secrets file are read-only), and registers a user only
              within AuthConfig.register: the roles, domains and pre-authorized emails
              the compiler read from the app's register_user call, never the browser's

Nothing a visitor downloads lets them check a password offline or forge a session.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "AUTH_PATH",
    "DETAILS_ROUTE",
    "LOGIN_ROUTE",
    "PASSWORD_ROUTE",
    "REGISTER_ROUTE",
    "SESSION_HEADER",
    "SESSION_ROUTE",
    "WIRE_VERSION",
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

WIRE_VERSION = 1
LOGIN_ROUTE = "/v1/login"  # POST LoginRequest → Session
SESSION_ROUTE = "/v1/session"  # POST {"token": …} → Session (the token checked again)
PASSWORD_ROUTE = "/v1/password"  # POST PasswordChange → Session (reset_password)
DETAILS_ROUTE = "/v1/details"  # POST DetailsChange → Session (update_user_details)
REGISTER_ROUTE = "/v1/register"  # POST Registration → Registered (register_user)
SESSION_HEADER = "Stc-Session"  # the token, on requests to the proxy's other routes
AUTH_PATH = "stc/auth.json"  # in the built site, beside stc/queries.json

# ProxyError codes of the login routes and guards (body: connections' ProxyError):
#   bad-login        wrong user name or password (one message for both)        401
#   bad-token        a session token forged, expired, or signed by another key  401
#   login-required   a connection or secret AuthConfig.require names, no session 401
#   role-required    a valid session without any of the roles required           403
#   rate-limited     too many failed logins for this client and user name        429
#                    (a wrong current password counts), or registrations per client
#   bad-value        a new value the package's Validator refuses; the message is the
#                    package's ("Email is not valid", "Passwords do not match"…)  400
#   taken            "Email already taken" / "Username/email already taken"     409
#   not-allowed      registration the app does not offer, or "User not
#                    pre-authorized to register", "Email domain is not allowed
#                    to register"                                                403
#   read-only        the users are in the proxy's secrets file, which it does not
#                    write                                                       409


@dataclass(frozen=True, kw_only=True)
class CredentialsSource:
    """Where the proxy reads the users and the signing key.

    ``kind="file"``: a YAML file of the app (``path``, relative to the app folder),
    ``key`` the dotted path of the credentials table in it (``"credentials"``), and
    ``cookie_key`` the dotted path of the signing key (``"cookie.key"``).
    ``kind="secrets"``: the same dotted paths in the proxy's secrets file.
    An empty ``cookie_key`` means the proxy's ``STC_PROXY_AUTH_KEY`` environment
    variable. Either way the credentials table is streamlit-authenticator's:
    ``usernames: {<user>: {name, email, password (a bcrypt hash), roles}}``.
    """

    kind: Literal["file", "secrets"]
    path: str = ""
    key: str = "credentials"
    cookie_key: str = "cookie.key"


@dataclass(frozen=True, kw_only=True)
class AuthConfig:
    """What the compiler tells the proxy about the app's logins."""

    credentials: CredentialsSource
    # connection names (st.connection) and secret names ([tool.stc.secrets]) whose
    # requests need a session; a name with roles needs a session holding one of them
    require: tuple[str, ...] = ()
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    max_expiry_days: float = 30.0  # a login asks for its cookie's expiry, capped here
    where: str = ""  # "app.py:12:5", the Authenticate call, for messages
    register: RegisterRules | None = None  # None: the app has no register_user

    def dump(self) -> str:
        source = self.credentials
        body = {
            "version": WIRE_VERSION,
            "credentials": {"kind": source.kind, "path": source.path, "key": source.key,
                            "cookie_key": source.cookie_key},
            "require": sorted(self.require),
            "roles": {name: sorted(roles) for name, roles in sorted(self.roles.items())},
            "max_expiry_days": self.max_expiry_days,
            "where": self.where,
            "register": self.register.to_dict() if self.register else None,
        }  # fmt: skip
        return json.dumps(body, indent=1)

    @classmethod
    def load(cls, text: str) -> AuthConfig:
        """Parse an auth file; raises ``ValueError`` when it is not one of ours."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != WIRE_VERSION:
            raise ValueError(f"not an stc auth file of version {WIRE_VERSION}")
        raw = data["credentials"]
        if raw.get("kind") not in ("file", "secrets"):
            raise ValueError("credentials.kind must be 'file' or 'secrets'")
        roles = data.get("roles", {})
        if not isinstance(roles, dict) or not all(isinstance(v, list) for v in roles.values()):
            raise ValueError("roles must map names to lists")
        return cls(
            credentials=CredentialsSource(
                kind=raw["kind"],
                path=str(raw.get("path", "")),
                key=str(raw.get("key", "")),
                cookie_key=str(raw.get("cookie_key", "")),
            ),
            require=tuple(str(n) for n in data.get("require", [])),
            roles={str(k): tuple(str(r) for r in v) for k, v in roles.items()},
            max_expiry_days=float(data.get("max_expiry_days", 30.0)),
            where=str(data.get("where", "")),
            register=RegisterRules.from_dict(data["register"]) if data.get("register") else None,
        )


@dataclass(frozen=True, kw_only=True)
class RegisterRules:
    """What the app's ``register_user`` call allows, read by the compiler from its
    literal arguments: the ``roles`` a new user gets, the email ``domains`` allowed
    (empty: any), and who is pre-authorized: the emails listed in the app
    (``emails``), or, with ``from_file``, the credentials file's ``pre-authorized:
    emails`` list, from which the proxy removes each email that registers."""

    roles: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    from_file: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"roles": list(self.roles), "domains": list(self.domains),
                "emails": list(self.emails), "from_file": self.from_file}  # fmt: skip

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> RegisterRules:
        def names(key: str) -> tuple[str, ...]:
            value = raw.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"register.{key} must be a list of strings")
            return tuple(value)

        return cls(roles=names("roles"), domains=names("domains"), emails=names("emails"),
                   from_file=bool(raw.get("from_file", False)))  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class LoginRequest:
    """What the login form posts to :data:`LOGIN_ROUTE`."""

    username: str
    password: str
    expiry_days: float = 30.0  # the app's cookie_expiry_days (the proxy caps it)

    def to_json(self) -> str:
        return json.dumps(
            {"username": self.username, "password": self.password, "expiry_days": self.expiry_days}
        )


@dataclass(frozen=True, kw_only=True)
class Session:
    """A verified login: the signed token and what the app may know of the user."""

    token: str
    username: str
    name: str
    email: str = ""
    roles: tuple[str, ...] = ()
    expires: float = 0.0  # Unix time, seconds

    def to_json(self) -> str:
        return json.dumps({"token": self.token, "username": self.username, "name": self.name,
                           "email": self.email, "roles": list(self.roles),
                           "expires": self.expires})  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> Session:
        raw: Any = json.loads(text)
        return cls(token=str(raw["token"]), username=str(raw["username"]), name=str(raw["name"]),
                   email=str(raw.get("email") or ""), roles=tuple(raw.get("roles") or ()),
                   expires=float(raw.get("expires") or 0))  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class PasswordChange:
    """``reset_password``'s form: the logged-in user's token, the current password and
    the new one (already checked against the package's Validator in the page)."""

    token: str
    password: str
    new_password: str

    def to_json(self) -> str:
        return json.dumps({"token": self.token, "password": self.password,
                           "new_password": self.new_password})  # fmt: skip


DetailField = Literal["first_name", "last_name", "email"]


@dataclass(frozen=True, kw_only=True)
class DetailsChange:
    """``update_user_details``'s form: the logged-in user's token, which field, and its
    new value."""

    token: str
    field: DetailField
    value: str

    def to_json(self) -> str:
        return json.dumps({"token": self.token, "field": self.field, "value": self.value})


@dataclass(frozen=True, kw_only=True)
class Registration:
    """``register_user``'s form (values stripped, the user name lower case, checked
    against the package's Validator in the page; the proxy checks again)."""

    first_name: str
    last_name: str
    email: str
    username: str
    password: str
    password_hint: str = ""

    def to_json(self) -> str:
        return json.dumps({"first_name": self.first_name, "last_name": self.last_name,
                           "email": self.email, "username": self.username,
                           "password": self.password,
                           "password_hint": self.password_hint})  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class Registered:
    """What ``register_user`` returns: the new user's email, user name and full name."""

    email: str
    username: str
    name: str

    def to_json(self) -> str:
        return json.dumps({"email": self.email, "username": self.username, "name": self.name})

    @classmethod
    def from_json(cls, text: str) -> Registered:
        raw: Any = json.loads(text)
        return cls(email=str(raw["email"]), username=str(raw["username"]), name=str(raw["name"]))
