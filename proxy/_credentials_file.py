"""The app's YAML credentials file, kept the way streamlit-authenticator keeps it when
``Authenticate`` is given the file's path: read again whenever it changed, and
rewritten by account changes.

Several workers (``uvicorn --workers N``) and instances may share one file, and the
operator may edit it by hand, so no process trusts the users it read at start:

- :func:`current_logins` stats the file on every login request and, when its
  :data:`~proxy._credentials.FileStamp` changed, reads the users again (the signing
  key stays the one read at start) and keeps them in the app's settings. A file
  broken by hand keeps the users read before, with one log line saying so (no
  content: it holds hashes and user names).
- :func:`change_credentials` runs an account change on the file as it is *now*: under
  an exclusive ``flock`` on a lock file beside it, which holds across threads,
  workers and processes, it reads the file again, lets the change edit its
  credentials table and ``pre-authorized`` emails, checks the result still reads as
  users, and replaces the file atomically (a temporary file in the same folder,
  ``os.replace``, the file's mode kept), so a reader sees the old file or the new
  one, never half of one, and no two changes lose each other's writes.

Only the credentials table and the ``pre-authorized`` list change; the rest of the
file is written back as it was read (``yaml.safe_dump``, ``sort_keys=False``: comments
and quoting are not kept, as with the package's own ``yaml.dump``). Users kept in the proxy's
secrets file are ``read-only``: the proxy never writes its secrets.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import yaml
from starlette.requests import Request

from proxy._credentials import Logins, file_stamp, load_yaml, read_users, users_in
from proxy._errors import ProxyConfigError, QueryRefused
from proxy._secrets import dotted

__all__ = ["Credentials", "change_credentials", "current_logins", "keep", "writable"]

T = TypeVar("T")

logger = logging.getLogger("stc.proxy")

_LOCK_WAIT = 10.0  # seconds a change waits for another one's lock before giving up


def current_logins(request: Request) -> Logins | None:
    """The site's logins as the credentials file says now (``None``: no logins)."""
    settings = request.app.state.settings
    logins: Logins | None = settings.auth
    if logins is None or logins.path is None:
        return logins
    stamp = file_stamp(logins.path)
    if stamp is None or stamp == logins.stamp:
        return logins  # gone for a moment (a hand edit): the users read before stay
    try:
        fresh = dataclasses.replace(
            logins, users=read_users(logins.path, logins.config.credentials.key), stamp=stamp
        )
    except ProxyConfigError:
        logger.warning(
            "the credentials file %s changed and cannot be read; logins use the users "
            "read before, until it is fixed",
            logins.path,
        )
        fresh = dataclasses.replace(logins, stamp=stamp)  # said once, until it changes
    keep(request, fresh)
    return fresh


def keep(request: Request, logins: Logins) -> None:
    """Make *logins* the ones the app's later requests start from."""
    settings = request.app.state.settings
    request.app.state.settings = dataclasses.replace(settings, auth=logins)


def writable(logins: Logins) -> Path:
    """The credentials file account changes write; ``read-only`` when the users are
    in the proxy's secrets file."""
    if logins.path is None:
        raise QueryRefused(
            "read-only",
            "the users are in the proxy's secrets file, which the proxy does not write; "
            "the operator changes them there",
            status=409,
        )
    return logins.path


@dataclass(kw_only=True)
class Credentials:
    """The credentials file as it is now, for an account change to edit in place."""

    usernames: dict[Any, Any]  # {user: {email, first_name, …, password, roles}}
    # The file's pre-authorized emails (``pre-authorized: {emails: [...]}`` beside the
    # credentials table), ``None`` when it lists none.
    pre_authorized: list[Any] | None

    def entry(self, username: str) -> dict[Any, Any] | None:
        """*username*'s entry; user names ignore case, as the package's do."""
        for name, entry in self.usernames.items():
            if str(name).lower() == username and isinstance(entry, dict):
                return entry
        return None

    def named(self, username: str) -> bool:
        """Whether a user (a guest too) is named *username*, whatever its case."""
        return any(str(name).lower() == username for name in self.usernames)

    def holds(self, value: str) -> bool:
        """Whether any user's entry has *value* as one of its values: the package's
        ``_credentials_contains_value``, its test for a taken email."""
        return any(
            isinstance(entry, Mapping) and value in entry.values()
            for entry in self.usernames.values()
        )


def change_credentials(logins: Logins, change: Callable[[Credentials], T]) -> tuple[T, Logins]:
    """Run *change* on the credentials file as it is now, under its lock, and write
    what it made of them; returns what *change* returned and the logins read from the
    written file. *change* refuses by raising :class:`QueryRefused`: nothing is
    written. Blocks: call it in a worker thread."""
    path = writable(logins)
    key = logins.config.credentials.key
    with _locked(path):
        data = _load(path)
        credentials = _credentials(path, data, key)
        result = change(credentials)
        text, written = _dump(path, data)
        try:
            users = users_in(path, written, key)  # what every worker will read
        except ProxyConfigError:
            _broken(path)
        _write(path, text)
        stamp = file_stamp(path)
    return result, dataclasses.replace(logins, users=users, stamp=stamp)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive ``flock`` on ``.<name>.lock`` beside *path*. Each call opens the
    lock file anew, so two threads of one process exclude each other too."""
    try:
        import fcntl  # POSIX only; importing it here keeps the rest of the proxy portable
    except ImportError:  # pragma: no cover (Windows)
        raise QueryRefused(
            "read-only", "this proxy writes credentials only on a POSIX system", status=409
        ) from None
    lock = path.with_name(f".{path.name}.lock")
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        _cannot_write(path, error)
    try:
        deadline = time.monotonic() + _LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise QueryRefused(
                        "timeout", "another change to the credentials is taking too long"
                    ) from None
                time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # releases the lock


def _load(path: Path) -> dict[Any, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        _broken(path)
    if not isinstance(data, dict):
        _broken(path)
    return data


def _credentials(path: Path, data: dict[Any, Any], key: str) -> Credentials:
    table = dotted(data, key) if key else data
    usernames = table.get("usernames") if isinstance(table, dict) else None
    if not isinstance(usernames, dict):
        _broken(path)
    parent = _parent(data, key)
    listed = parent.get("pre-authorized") if parent is not None else None
    # The package writes the bare list back (update_config_file(path, "pre-authorized",
    # emails)), so a file it wrote may hold either form.
    emails = listed.get("emails") if isinstance(listed, dict) else listed
    return Credentials(
        usernames=usernames, pre_authorized=emails if isinstance(emails, list) else None
    )


def _parent(data: dict[Any, Any], key: str) -> dict[Any, Any] | None:
    """The table holding the credentials table (the file itself for ``credentials``)."""
    if not key or key in data or "." not in key:
        return data
    node = dotted(data, key.rsplit(".", 1)[0])
    return node if isinstance(node, dict) else None


def _dump(path: Path, data: dict[Any, Any]) -> tuple[str, Any]:
    """*data* as YAML text that reads back as itself, and what it reads as.

    ``yaml.safe_dump``, by libyaml when PyYAML has it (the same safe representer, nine
    times faster, the same text for ordinary values). PyYAML's own emitter folds a NEL
    (U+0085) inside a single-quoted scalar when it may write Unicode, so such a value
    (a password hint may hold one) would read back changed; escaped as ASCII, every
    string reads back as it was, so that is the fallback."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for allow_unicode in (True, False):
        text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=allow_unicode)
        try:
            written = load_yaml(text)
        except yaml.YAMLError:  # libyaml reads no "\uD800" (the routes refuse those)
            continue
        if written == data or repr(written) == repr(data):  # repr: a .nan equals itself
            return text, written
    _broken(path)


def _write(path: Path, text: str) -> None:
    try:
        mode = path.stat().st_mode & 0o7777
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        _cannot_write(path, error)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        _cannot_write(path, error)
    with contextlib.suppress(OSError):  # the rename itself survives a crash
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _broken(path: Path) -> NoReturn:
    logger.warning("the credentials file %s cannot be read; no account change is written", path)
    raise QueryRefused(
        "internal", "the credentials file cannot be read now; the proxy's log says which"
    )


def _cannot_write(path: Path, error: OSError) -> NoReturn:
    logger.warning("cannot write the credentials file %s: %s", path, error.strerror)
    raise QueryRefused("internal", "the proxy cannot write the credentials file; its log says why")
