"""Which files of the app folder go into ``app.zip``, and which must never.

A static site is public: anything shipped can be downloaded by anyone. The app
folder is a boundary, like a container's build context: nothing whose real path
lies outside it is read or shipped, so a symbolic link to ``/etc/passwd`` or to a
folder of keys is reported (:data:`Why` ``"outside"``), never followed. Links inside
the folder to files are shipped as the file; links to folders are not followed (the
folder ships under its own name) and are reported, since the app would open files
through them.

Secrets never ship: files named like credentials anywhere in the tree, and files
whose content holds a credential in a known format (:mod:`compiler.analyse._secret_files`).
Version control, virtual environments, caches and stc's own output are skipped
silently; the app's ``.stcignore`` (:mod:`compiler.analyse._ignore`) leaves out more and
cannot bring back what is excluded here. Every file left out for a reason the user
should hear is a :class:`LeftOut`, which the parse stage turns into a diagnostic.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from compiler.analyse._ignore import IGNORE_FILE, IgnoreRules, read_ignore
from compiler.analyse._secret_files import scan_text, secret_by_name

__all__ = ["SCAN_LIMIT", "AppFile", "AppFiles", "LeftOut", "Why", "collect_app_files", "inside"]

SCAN_LIMIT = 8 * 1024 * 1024  # bytes: larger files are not scanned for secrets

_SKIPPED_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "node_modules",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints",
    }
)  # fmt: skip
_SKIPPED_FILES = ("*.pyc", ".DS_Store")

Why = Literal["outside", "secret-name", "secret-content", "bad-name", "linked-folder"]


@dataclass(frozen=True, kw_only=True)
class AppFile:
    """A file to ship: ``rel`` is its ``/``-separated path inside the app folder."""

    rel: str
    path: Path


@dataclass(frozen=True, kw_only=True)
class LeftOut:
    """A file or folder not shipped, and why.

    ``rel`` is printable (undecodable bytes of a name are escaped); ``detail`` says
    what it is ("an SSH private key", "GitHub Token"), never what it holds; ``line``
    and ``col`` locate a secret found in the content (0 otherwise).
    """

    rel: str
    why: Why
    detail: str = ""
    line: int = 0
    col: int = 0


@dataclass(frozen=True, kw_only=True)
class AppFiles:
    files: tuple[AppFile, ...]
    left_out: tuple[LeftOut, ...]
    unscanned: tuple[str, ...]  # shipped, but larger than SCAN_LIMIT: not scanned


def inside(root: Path, path: Path) -> bool:
    """Whether *path*, symbolic links resolved, lies in the folder *root* (resolved)."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links, a dangling link on some systems
        return False


def collect_app_files(app_dir: Path, out_dir: Path) -> AppFiles:
    """Walk *app_dir* (never following links to folders), sorted, minus the exclusions."""
    root = app_dir.resolve()
    out_dir = out_dir.resolve()
    ignore = read_ignore(app_dir)
    files: list[AppFile] = []
    left_out: list[LeftOut] = []
    unscanned: list[str] = []
    for here_name, dirnames, filenames in os.walk(app_dir):
        here = Path(here_name)
        kept = []
        for name in sorted(dirnames):
            path = here / name
            rel = _printable(path.relative_to(app_dir).as_posix())
            if _skip_dir(path, rel, out_dir, ignore):
                continue
            if path.is_symlink():
                why: Why = "linked-folder" if inside(root, path) else "outside"
                left_out.append(LeftOut(rel=rel, why=why, detail="folder"))
            elif name.isprintable() and not _has_surrogates(name):
                kept.append(name)
            else:
                left_out.append(LeftOut(rel=rel, why="bad-name", detail="folder"))
        dirnames[:] = kept
        for name in sorted(filenames):
            found = _consider(here / name, app_dir, root, ignore)
            if isinstance(found, LeftOut):
                left_out.append(found)
            elif found is not None:
                files.append(found)
                if found.path.stat().st_size > SCAN_LIMIT:
                    unscanned.append(found.rel)
    return AppFiles(files=tuple(files), left_out=tuple(left_out), unscanned=tuple(unscanned))


def _consider(
    path: Path, app_dir: Path, root: Path, ignore: IgnoreRules
) -> AppFile | LeftOut | None:
    raw = path.relative_to(app_dir).as_posix()
    rel = _printable(raw)
    if _has_surrogates(path.name) or not path.name.isprintable():
        return LeftOut(rel=rel, why="bad-name", detail="file")
    if ignore.ignored(rel, is_dir=False) or _skip_file(path.name):
        return None
    if path.is_symlink() and not path.exists():  # dangling, or a loop: nothing to read
        return None
    if path.is_symlink() and not inside(root, path):
        return LeftOut(rel=rel, why="outside", detail="file")
    if rel == IGNORE_FILE:
        return None
    named = secret_by_name(path.name)
    if named is not None:
        return LeftOut(rel=rel, why="secret-name", detail=named)
    if not path.is_file():  # a FIFO, a socket, a device, a dangling link: nothing to read
        return None
    try:
        if path.stat().st_size > SCAN_LIMIT:
            return AppFile(rel=rel, path=path)
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:  # binary: credentials in known formats are text
        return AppFile(rel=rel, path=path)
    except OSError:
        return None
    secret = scan_text(text)
    if secret is not None:
        return LeftOut(
            rel=rel, why="secret-content", detail=secret.kind, line=secret.line, col=secret.col
        )
    return AppFile(rel=rel, path=path)


def _has_surrogates(name: str) -> bool:
    """Whether *name* came from bytes that are not UTF-8 (os.fsdecode's escapes)."""
    return any("\udc80" <= c <= "\udcff" for c in name)


def _printable(rel: str) -> str:
    """*rel* with bytes that are not UTF-8 as ``\\xff`` and control characters escaped."""
    text = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _skip_file(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in _SKIPPED_FILES)


def _skip_dir(path: Path, rel: str, out_dir: Path, ignore: IgnoreRules) -> bool:
    name = path.name
    if ignore.ignored(rel, is_dir=True):
        return True
    if name in _SKIPPED_DIRS or ".stc-tmp-" in name or ".stc-old-" in name:
        return True
    if path.is_symlink():
        return False  # reported by the caller, never entered
    if (path / "pyvenv.cfg").exists() or (path / "stc-build.json").exists():
        return True
    return path.resolve() == out_dir
