"""The users a site's logins are checked against, and the key its sessions are signed with.

The compiler writes ``stc/auth.json`` (:class:`AuthConfig`): where the credentials
are, never what they are. They are streamlit-authenticator 0.4's table
(``usernames: {user: {name, email, password, roles}}``), read from a YAML file of the
app (``kind="file"``, its path relative to the app folder: ``--app``, else the folder
holding ``.streamlit/secrets.toml``) or from the proxy's secrets file
(``kind="secrets"``). Everything is checked at start, so a mistake stops the proxy
with a message for whoever deploys it instead of refusing every visitor later.

Messages name files, dotted keys and user names, never a hash, a key or a line of a
file: PyYAML's own messages quote the line they stopped at, so only its position is
kept.

A YAML file's path and its :func:`file_stamp` are kept on :class:`Logins`: account
changes rewrite that file (:mod:`proxy._credentials_file`), and every worker reads its
users again when the stamp changes, with :func:`read_users`.
"""

from __future__ import annotations

import math
import os
import re
import secrets as random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bcrypt
import yaml

from proxy._errors import ProxyConfigError
from proxy._secrets import app_folder, dotted, read_toml
from runtime_wasm.auth import AUTH_PATH, AuthConfig

__all__ = [
    "AUTH_KEY_ENV",
    "MIN_KEY_BYTES",
    "FileStamp",
    "Logins",
    "User",
    "bcrypt_cost",
    "file_stamp",
    "load_yaml",
    "password_bytes",
    "read_logins",
    "read_users",
    "users_in",
]

AUTH_KEY_ENV = "STC_PROXY_AUTH_KEY"  # the signing key when auth.json names none
# HS256 keys shorter than its hash are guessable offline from any token a user holds
# (RFC 7518 3.2), and PyJWT warns about them.
MIN_KEY_BYTES = 32
# What streamlit-authenticator's Hasher.is_hash accepts, with a cost bcrypt can use.
_BCRYPT = re.compile(r"\$2[aby]\$(0[4-9]|[12][0-9]|3[01])\$[./A-Za-z0-9]{53}")
# bcrypt reads only the first 72 bytes of a password, and bcrypt 5 raises instead of
# ignoring the rest; hashes made by streamlit-authenticator with bcrypt 4 were made
# from those 72 bytes, so they are what is checked and hashed.
_BCRYPT_BYTES = 72

# What os.stat says of a file, enough to tell that it was written since: an atomic
# rewrite gives it a new inode, and a write in place a new size or mtime.
FileStamp = tuple[int, int, int, int]  # inode, size, mtime_ns, ctime_ns


@dataclass(frozen=True, kw_only=True)
class User:
    """One user who may log in; what a :class:`Session` tells the app about them."""

    username: str  # lower case: streamlit-authenticator lowers the names it keys users by
    name: str
    email: str = ""
    roles: tuple[str, ...] = ()
    hash: bytes = field(repr=False)


@dataclass(frozen=True, kw_only=True)
class Logins:
    """The site's :class:`AuthConfig`, its users and the signing key."""

    config: AuthConfig
    users: Mapping[str, User] = field(repr=False)  # by lower-case user name
    key: str = field(repr=False)
    # A hash of a random password, at the users' cost: an unknown user's login is
    # checked against it, so it takes as long as a wrong password does.
    dummy: bytes = field(repr=False)
    path: Path | None = None  # the YAML file the users are in (kind="file")
    stamp: FileStamp | None = None  # that file's, when the users were read from it


def load_yaml(text: str) -> Any:
    """``yaml.safe_load``, by libyaml when PyYAML has it: the same safe constructor,
    seven times faster, which matters as every worker reads the file again when an
    account changes and a file may hold thousands of users."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def password_bytes(password: str) -> bytes:
    """What bcrypt checks or hashes of *password*: its first 72 bytes."""
    return password.encode("utf-8", "surrogatepass")[:_BCRYPT_BYTES]


def bcrypt_cost(hashed: bytes) -> int:
    """The cost a bcrypt hash was made with (``$2b$12$...`` is 12)."""
    return int(hashed[4:6])


def file_stamp(path: Path) -> FileStamp | None:
    """*path*'s :data:`FileStamp`, or ``None`` when it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def read_logins(
    site: Path, *, secrets: Path, app: Path | None = None, environ: Mapping[str, str] | None = None
) -> Logins | None:
    """The logins of the built *site*, or ``None`` when it has no ``stc/auth.json``;
    raises :class:`ProxyConfigError`."""
    file = site / AUTH_PATH
    if not file.exists():
        return None
    try:
        config = AuthConfig.load(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise ProxyConfigError(f"cannot read {file}: {error.strerror}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ProxyConfigError(f"{file} is not an stc auth file: {error}") from None
    if not 0 < config.max_expiry_days < math.inf:
        raise ProxyConfigError(f"{file}: max_expiry_days must be a positive number of days")
    path, stamp = None, None
    try:
        source = config.credentials
        if source.kind == "file":
            if not source.path:
                raise ProxyConfigError(f"{AUTH_PATH} names no credentials file")
            folder = app if app is not None else app_folder(secrets)
            origin = path = folder / source.path
            stamp = file_stamp(path)  # before reading: a write in between is seen later
            table = _read_yaml(origin, folder)
        else:
            origin, table = secrets, read_toml(secrets)
        users = users_in(origin, table, source.key)
        environ = os.environ if environ is None else environ
        key = _read_key(origin, table, source.cookie_key, environ)
    except ProxyConfigError as error:
        if not config.where:
            raise
        raise ProxyConfigError(f"{error} (the login at {config.where})") from None
    cost = Counter(bcrypt_cost(user.hash) for user in users.values()).most_common(1)[0][0]
    dummy = bcrypt.hashpw(random.token_hex(16).encode(), bcrypt.gensalt(rounds=cost))
    return Logins(config=config, users=users, key=key, dummy=dummy, path=path, stamp=stamp)


def read_users(path: Path, key: str) -> dict[str, User]:
    """The users of the YAML credentials file *path* as it is now (*key*: the dotted
    path of its credentials table); raises :class:`ProxyConfigError`."""
    return users_in(path, _read_yaml(path, path.parent), key)


def _read_yaml(path: Path, folder: Path) -> Mapping[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ProxyConfigError(
            f"cannot read the credentials file {path}: {error.strerror} (its path is relative "
            f"to the app folder, {folder}; give the right one with --app DIR)"
        ) from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "not YAML"
        raise ProxyConfigError(
            f"cannot read the credentials file {path}{where}: {problem}"
        ) from None
    if not isinstance(data, Mapping):
        raise ProxyConfigError(f"the credentials file {path} is not a YAML mapping")
    return data


def users_in(origin: Path, table: Mapping[str, Any], key: str) -> dict[str, User]:
    """The users of the credentials table at the dotted *key* of *table* (read from
    *origin*, which messages name); raises :class:`ProxyConfigError`."""
    credentials = dotted(table, key) if key else table
    usernames = credentials.get("usernames") if isinstance(credentials, Mapping) else None
    where = f"{key}.usernames" if key else "usernames"
    if not isinstance(usernames, Mapping):
        raise ProxyConfigError(
            f"{origin} has no credentials table at {where!r} "
            "(streamlit-authenticator's usernames: {user: {name, email, password, roles}})"
        )
    users: dict[str, User] = {}
    for raw_name, entry in usernames.items():
        at = f"{origin}: {where}.{raw_name}"
        if not isinstance(entry, Mapping):
            raise ProxyConfigError(f"{at} must be a table (name, email, password, roles)")
        if "password" not in entry:
            continue  # a guest (OAuth2) user: streamlit-authenticator checks no password either
        password = entry["password"]
        if not isinstance(password, str) or not _BCRYPT.fullmatch(password):
            raise ProxyConfigError(
                f"{at}.password is not a bcrypt hash ($2b$...): the proxy takes no plain-text "
                "passwords; hash it with streamlit_authenticator.Hasher.hash or bcrypt.hashpw"
            )
        username = str(raw_name).lower()
        if username in users:
            raise ProxyConfigError(f"{at}: two users are named {username!r} (names ignore case)")
        users[username] = User(
            username=username,
            name=_text(at, "name", _name(entry) or username),
            email=_text(at, "email", entry.get("email") or ""),
            roles=_roles(at, entry.get("roles")),
            hash=password.encode("ascii"),
        )
    if not users:
        raise ProxyConfigError(f"{origin}: {where} has no user with a password")
    return users


def _name(entry: Mapping[str, Any]) -> Any:
    """``first_name last_name``, else ``name``, as streamlit-authenticator shows it;
    a part it left empty (``update_user_details`` sets both to null before changing
    one, for a user who had only ``name``) is left out, not shown as "None"."""
    parts = (entry.get("first_name"), entry.get("last_name"))
    return " ".join(str(part) for part in parts if part not in (None, "")) or entry.get("name")


def _text(at: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ProxyConfigError(f"{at}.{key} must be text")
    return value


def _roles(at: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(role, str) for role in value):
        raise ProxyConfigError(f"{at}.roles must be a list of names")
    return tuple(value)


def _read_key(origin: Path, table: Mapping[str, Any], name: str, environ: Mapping[str, str]) -> str:
    if name:
        value = dotted(table, name)
        if value is None or value == "":
            raise ProxyConfigError(
                f"{origin} has no signing key at {name!r} (streamlit-authenticator's "
                f"cookie key), which signs the sessions"
            )
        where = f"{origin}: {name!r}"
    else:
        value = environ.get(AUTH_KEY_ENV, "")
        if not value:
            raise ProxyConfigError(f"set {AUTH_KEY_ENV} to the key that signs the sessions")
        where = AUTH_KEY_ENV
    if not isinstance(value, str):
        raise ProxyConfigError(f"the signing key {where} must be text")
    if len(value.encode("utf-8")) < MIN_KEY_BYTES:
        raise ProxyConfigError(
            f"the signing key {where} is shorter than {MIN_KEY_BYTES} bytes, so sessions "
            "could be forged by guessing it; make one with "
            "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
        )
    return value
