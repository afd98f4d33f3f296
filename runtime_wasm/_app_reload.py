"""A rebuilt app, taken in by a running session: the ``reload`` message of ``stc run``.

``streamlit run`` reruns the new script on save and keeps the session; stc's worker
gets a new ``app.zip`` instead of a file on disk (see ``_protocol``). The app folder
becomes exactly the zip's files: a file the zip no longer has is removed, and so is
anything else in the folder, such as ``__pycache__`` (a pyc stamped with the same
second and size as the new source would be trusted over it) or a file the app wrote
while it ran (a fresh visit would not have it either). Then the app's own modules
are forgotten, so ``import helpers`` runs the new ``helpers.py``; other modules (the
runtime, the standard library, packages) stay imported. Plain Python: no ``js``.
"""

from __future__ import annotations

import importlib
import linecache
import os
import shutil
import sys
import zipfile
from pathlib import Path

__all__ = ["forget_app_modules", "replace_app_files"]


def replace_app_files(archive: str | os.PathLike[str], app_dir: str | os.PathLike[str]) -> int:
    """Make *app_dir* hold exactly the files of the zip *archive*; returns their count.

    The folder itself stays (it is the working directory of the app)."""
    folder = Path(app_dir)
    with zipfile.ZipFile(archive) as zipped:
        names = {n for n in zipped.namelist() if not n.endswith("/")}
        for path in _files_under(folder):
            rel = path.relative_to(folder).as_posix()
            if rel not in names:
                path.unlink()
        _remove_empty_folders(folder, names)
        zipped.extractall(folder)
    importlib.invalidate_caches()  # the path finders cache folder listings
    linecache.clearcache()  # tracebacks quote the new lines
    return len(names)


def forget_app_modules(app_dir: str | os.PathLike[str]) -> list[str]:
    """Drop from ``sys.modules`` every module loaded from *app_dir*; returns their names."""
    root = Path(app_dir).resolve()
    gone = []
    for name, module in list(sys.modules.items()):
        if name == "__main__" or module is None:
            continue
        places = [getattr(module, "__file__", None), *(getattr(module, "__path__", None) or ())]
        if any(isinstance(p, str) and _within(Path(p), root) for p in places):
            del sys.modules[name]
            gone.append(name)
    return sorted(gone)


def _files_under(folder: Path) -> list[Path]:
    found = []
    for here, dirnames, filenames in os.walk(folder):
        found += [Path(here) / name for name in filenames]
        found += [Path(here) / d for d in dirnames if (Path(here) / d).is_symlink()]
    return found


def _remove_empty_folders(folder: Path, names: set[str]) -> None:
    """Folders the new zip does not use (``__pycache__``, a removed package) go too."""
    kept = {Path(n).parent.as_posix() for n in names}
    kept |= {p.as_posix() for k in list(kept) for p in Path(k).parents}
    for here, dirnames, _ in os.walk(folder, topdown=False):
        for name in dirnames:
            path = Path(here) / name
            if path.relative_to(folder).as_posix() not in kept and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)


def _within(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return False
