"""Which files of the app folder changed: ``stc run``'s watcher, by polling.

Polling the modification times and sizes needs nothing beyond the standard library
and works the same on every system and file system (inotify misses changes on some
network and container mounts). A scan of a small app folder takes well under a
millisecond, so a few scans a second cost nothing. What the build never ships is not
watched: ``__pycache__``, dot-folders (``.git``, ``.venv``…) other than
``.streamlit``, virtual environments and caches, sites ``stc build`` wrote, and the
site ``stc run`` writes.

An editor's save is often several writes (truncate, write; or write a temporary file,
rename it over the old one): :meth:`Watcher.wait` returns once two scans a short
interval apart agree, so a rebuild reads the finished file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path

__all__ = ["Watcher", "changed_paths", "scan"]

# (size, mtime in ns) of each file, by its path relative to the app folder
Stamps = Mapping[str, tuple[int, int]]

_KEPT_DOT_FOLDERS = frozenset({".streamlit"})
_SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "venv"})
# A site stc built (``stc build -o site`` inside the app) or a virtual environment.
_MARKERS = ("stc-build.json", "pyvenv.cfg")


def scan(folder: Path, skip: tuple[Path, ...] = ()) -> dict[str, tuple[int, int]]:
    """The stamps of every watched file under *folder*; *skip* are folders left out
    (the site being written), wherever they are."""
    skipped = {os.path.realpath(s) for s in skip}
    found: dict[str, tuple[int, int]] = {}
    for here, dirnames, filenames in os.walk(folder):
        dirnames[:] = [
            d
            for d in dirnames
            if _watched_folder(d)
            and os.path.realpath(os.path.join(here, d)) not in skipped
            and not any(os.path.exists(os.path.join(here, d, m)) for m in _MARKERS)
        ]
        for name in filenames:
            path = os.path.join(here, name)
            try:
                info = os.stat(path)
            except OSError:
                continue  # removed as we looked, or a dangling link
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            found[rel] = (info.st_size, info.st_mtime_ns)
    return found


def changed_paths(before: Stamps, after: Stamps) -> set[str]:
    """The files added, removed or changed between two scans."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def _watched_folder(name: str) -> bool:
    if name.startswith("."):
        return name in _KEPT_DOT_FOLDERS
    return name not in _SKIPPED_FOLDERS


class Watcher:
    """Polls *folder* every *interval* seconds and reports the files that changed."""

    def __init__(
        self, folder: Path, *, skip: tuple[Path, ...] = (), interval: float = 0.1,
        settle: float = 0.05, sleep: Callable[[float], None] = time.sleep,
    ) -> None:  # fmt: skip
        self.folder = folder
        self.skip = skip
        self.interval = interval
        self.settle = settle
        self._sleep = sleep
        self._stamps = scan(folder, skip)

    def poll(self) -> set[str]:
        """The files changed since the last poll (or since the watcher was made)."""
        now = scan(self.folder, self.skip)
        changed = changed_paths(self._stamps, now)
        self._stamps = now
        return changed

    def wait(self, stop: Callable[[], bool]) -> set[str]:
        """Block until files changed and stopped changing, or *stop()* is true (then
        the answer is empty); the files that changed."""
        while not stop():
            changed = self.poll()
            if changed:
                while True:  # an editor's save may be several writes
                    self._sleep(self.settle)
                    more = self.poll()
                    if not more:
                        return changed
                    changed |= more
            self._sleep(self.interval)
        return set()
