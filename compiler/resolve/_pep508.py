"""One requirement string, and what stc can do with it.

A line of ``requirements.txt`` or a PEP 723 dependency is PEP 508, or one of the
forms pip also takes: a URL (``https://…``, ``git+https://…``), an archive file
(``pkg.whl``) or a local path (``./pkg``). Only a PEP 508 requirement by name can
become part of a static site (its wheel is vendored or loaded from Pyodide's CDN);
the others are ``STC408``. Text that is neither is ``STC406``, and so is anything no
real requirement looks like (control characters, thousands of characters, a pin
Python cannot read as a number), so nothing unvalidated reaches pip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from compiler._diagnostics import Diagnostic, Span
from compiler.resolve._requirement_rules import (
    BAD_PIN,
    CONTROL_CHARACTER,
    FROM_URL,
    LOCAL_FOLDER,
    LOCAL_PATH,
    NAMED_URL,
    TOO_LONG,
    UNREADABLE,
)

__all__ = [
    "IGNORED",
    "MAX_REQUIREMENT",
    "PYODIDE_MARKERS",
    "Declared",
    "check_location",
    "check_requirement",
    "exact_pin",
    "parse_requirement",
    "shown",
]

PYODIDE_MARKERS = {
    "python_version": "3.14",
    "python_full_version": "3.14.2",
    "implementation_name": "cpython",
    "implementation_version": "3.14.2",
    "platform_python_implementation": "CPython",
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "platform_machine": "wasm32",
    "platform_release": "",
    "platform_version": "",
    "os_name": "posix",
}
# provided by stc itself (its runtime): see compiler.resolve._import_kinds.PROVIDED
IGNORED = frozenset({"streamlit", "st-pages", "streamlit-authenticator"})
MAX_REQUIREMENT = 4096  # characters: no real requirement comes close; pip's argv has a limit

_URL_SCHEMES = frozenset({"http", "https", "file", "ftp", "git", "svn"})
_VCS = ("git+", "hg+", "svn+", "bzr+")
_ARCHIVES = (".whl", ".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz",
             ".tlz", ".tar.lz", ".tar.lzma")  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


@dataclass(frozen=True, kw_only=True)
class Declared:
    """One requirement: canonical ``name``, requested ``extras``, ``==`` ``pin``, the
    whole ``specifier`` (``"<2,>=1.9"``; ``""`` for any version), and the ``--hash``
    values of its line (``"sha256:<hex>"``, lowercase)."""

    name: str
    extras: frozenset[str]
    pin: str | None
    span: Span
    hashes: tuple[str, ...] = ()
    specifier: str = ""


def parse_requirement(text: str, extras: frozenset[str] = frozenset()) -> Requirement | None:
    """*text* as a requirement if its marker holds in the browser, else None.

    Raises :class:`packaging.requirements.InvalidRequirement` for malformed text,
    including a marker that cannot be evaluated (``python_version ~= "3"``).
    """
    try:
        requirement = Requirement(text)
    except RecursionError as error:
        raise InvalidRequirement("parentheses nested too deeply") from error
    if requirement.marker is None:
        return requirement
    try:
        holds = any(
            requirement.marker.evaluate({**PYODIDE_MARKERS, "extra": extra})
            for extra in (extras or {""})
        )
    except (ValueError, RecursionError) as error:
        raise InvalidRequirement(f"cannot evaluate the marker: {error}") from error
    return requirement if holds else None


def exact_pin(requirement: Requirement) -> str | None:
    """The version an ``==`` or ``===`` specifier pins (not a wildcard), else None.

    Raises :class:`InvalidRequirement` when that version is not one stc can compare
    (not PEP 440, or a number Python will not read: more than 4300 digits).
    """
    for specifier in requirement.specifier:
        if specifier.operator in ("==", "===") and "*" not in specifier.version:
            try:
                Version(specifier.version)
            except ValueError as error:
                raise InvalidRequirement(
                    f"{shown(specifier.version)} is not a version stc can read ({error})"
                ) from error
            return specifier.version
    return None


def shown(text: str, limit: int = 60) -> str:
    """*text* fit for a message: control characters escaped, long text cut."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_requirement(
    text: str, span: Span, *, base: Path, app_dir: Path, hashes: tuple[str, ...] = ()
) -> tuple[Declared | None, Diagnostic | None]:
    """*text* as a :class:`Declared` the site can honour, or what stc says instead.

    ``(None, None)`` when it needs nothing: its marker is false in the browser, or
    it is ``streamlit``. *base* is the folder relative paths start from; *app_dir*
    (resolved) is the app folder.
    """
    if len(text) > MAX_REQUIREMENT:
        return None, TOO_LONG.diagnostic(span, length=str(len(text)), limit=str(MAX_REQUIREMENT))
    control = _CONTROL.search(text)
    if control is not None:
        col = span.col + control.start()
        at = Span(path=span.path, line=span.line, col=col, end_line=span.line, end_col=col + 1)
        return None, CONTROL_CHARACTER.diagnostic(at, char=f"U+{ord(control[0]):04X}")
    if _scheme(text) is not None or (text.lower().endswith(_ARCHIVES) and "@" not in text):
        return None, check_location(text, span, base=base, app_dir=app_dir)
    try:
        requirement = parse_requirement(text)
    except InvalidRequirement as error:
        if text.startswith(".") or "/" in text:
            return None, check_location(text, span, base=base, app_dir=app_dir)
        return None, _unreadable(text, span, str(error))
    if requirement is None or canonicalize_name(requirement.name) in IGNORED:
        return None, None
    if requirement.url:
        return None, NAMED_URL.diagnostic(span, name=requirement.name)
    try:
        pin = exact_pin(requirement)
    except InvalidRequirement as error:
        return None, BAD_PIN.diagnostic(span, why=str(error))
    declared = Declared(
        name=canonicalize_name(requirement.name),
        extras=frozenset(requirement.extras),
        pin=pin,
        span=span,
        hashes=hashes,
        specifier=str(requirement.specifier),
    )
    return declared, None


def check_location(
    text: str, span: Span, *, base: Path, app_dir: Path, prefix: str = ""
) -> Diagnostic:
    """``STC408`` for a requirement that names a place: a VCS or another URL, an
    archive or a folder (``prefix`` is how it was given: ``"-e "``)."""
    what = shown(prefix + text)
    scheme = _scheme(text)
    if scheme is not None:
        vcs = scheme.startswith(_VCS) or scheme in ("git", "svn")
        return FROM_URL.diagnostic(span, what=what, source="version control" if vcs else "a URL")
    path = text.partition(";")[0].strip()
    try:
        target = (base / path).resolve()
        inside = target.is_relative_to(app_dir)
        folder, exists = target.is_dir(), target.exists()
    except (OSError, RuntimeError, ValueError):
        inside = folder = exists = False
    if inside and folder:
        return LOCAL_FOLDER.diagnostic(span, what=what)
    where = "a local file" if path.lower().endswith(_ARCHIVES) else "a local path"
    if not inside:
        where += " outside the app folder"
    elif not exists:
        where += " that does not exist"
    return LOCAL_PATH.diagnostic(span, what=what, where=where)


def _scheme(text: str) -> str | None:
    """The URL scheme pip would see in *text* (``git+https``), if it is a URL."""
    scheme, colon, _ = text.partition(":")
    scheme = scheme.lower()
    if colon and (scheme in _URL_SCHEMES or scheme.startswith(_VCS)):
        return scheme
    return None


def _unreadable(text: str, span: Span, error: str) -> Diagnostic:
    """``STC406`` for *text*, at the columns packaging's error points to when it does."""
    first, *rest = error.splitlines()
    marker = rest[-1][4:] if len(rest) == 2 and rest[0][4:] == text else ""
    if "^" in marker and span.end_line == span.line:
        start = len(marker) - len(marker.lstrip(" "))
        end = marker.index("^") + 1
        span = Span(path=span.path, line=span.line, col=span.col + start,
                    end_line=span.line, end_col=span.col + end)  # fmt: skip
    return UNREADABLE.diagnostic(span, why=shown(first, 200))
