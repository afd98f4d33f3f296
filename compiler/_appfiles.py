"""Which files of the app folder go into ``app.zip``, and which must never.

A static site is public: anything shipped can be downloaded by anyone. So the
exclusions lean towards leaving out secrets (``.streamlit/secrets.toml``, ``.env``),
version control, virtual environments and caches, and any stc output folder. The
app's own ``.stcignore`` (gitignore-style, see :mod:`compiler._ignore`) leaves out
more; it cannot bring back what is excluded here.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from compiler._ignore import IGNORE_FILE, IgnoreRules, read_ignore

__all__ = ["AppFile", "AppFiles", "collect_app_files"]

_SKIPPED_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "node_modules",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints",
    }
)  # fmt: skip
_SKIPPED_FILES = ("*.pyc", ".env", ".env.*", ".DS_Store")
_SECRETS = ".streamlit/secrets.toml"


@dataclass(frozen=True, kw_only=True)
class AppFile:
    """A file to ship: ``rel`` is its ``/``-separated path inside the app folder."""

    rel: str
    path: Path


@dataclass(frozen=True, kw_only=True)
class AppFiles:
    files: tuple[AppFile, ...]
    secrets_skipped: tuple[str, ...]


def collect_app_files(app_dir: Path, out_dir: Path) -> AppFiles:
    """Walk *app_dir* (not following symlinked folders), sorted, minus the exclusions."""
    files: list[AppFile] = []
    secrets: list[str] = []
    out_dir = out_dir.resolve()
    ignore = read_ignore(app_dir)
    for root, dirnames, filenames in os.walk(app_dir):
        here = Path(root)
        dirnames[:] = sorted(
            d for d in dirnames if not _skip_dir(here / d, out_dir, app_dir, ignore)
        )
        for name in sorted(filenames):
            path = here / name
            rel = path.relative_to(app_dir).as_posix()
            if rel == _SECRETS or rel.endswith("/" + _SECRETS):
                secrets.append(rel)
            elif rel == IGNORE_FILE or ignore.ignored(rel, is_dir=False):
                continue
            elif not _skip_file(name) and path.is_file():
                files.append(AppFile(rel=rel, path=path))
    return AppFiles(files=tuple(files), secrets_skipped=tuple(secrets))


def _skip_file(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in _SKIPPED_FILES)


def _skip_dir(path: Path, out_dir: Path, app_dir: Path, ignore: IgnoreRules) -> bool:
    name = path.name
    if ignore.ignored(path.relative_to(app_dir).as_posix(), is_dir=True):
        return True
    if name in _SKIPPED_DIRS or ".stc-tmp-" in name or ".stc-old-" in name:
        return True
    if (path / "pyvenv.cfg").exists() or (path / "stc-build.json").exists():
        return True
    return path.resolve() == out_dir
