"""Rendered files kept from one build to the next of the same site (``stc run``).

A rebuild on save plans the whole site again, which is cheap (a plan is data), but
rendering it is not: zipping the runtime and the standard library and hashing the
Pyodide core take a few hundred milliseconds, for bytes that did not change. A
planned file whose source is the same value, reading files that still have the same
size and modification time, renders to the same bytes, so its previous rendering is
reused. Templates are always rendered again: they carry other files' digests.
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.emit._plan import Copy, PlannedFile, Template, Zip

if TYPE_CHECKING:
    from compiler.emit._render import RenderedFile

__all__ = ["RenderCache"]

# (path, category, source, (size, mtime) of each file the source reads)
_Key = tuple[str, str, Hashable, tuple[tuple[int, int], ...]]


class RenderCache:
    """What the last :func:`compiler.emit._render.render` made, by planned file."""

    def __init__(self) -> None:
        self._kept: dict[_Key, RenderedFile] = {}
        self._made: dict[_Key, RenderedFile] = {}
        self.hits = 0  # files reused in the round under way
        self.reused = 0  # files reused in the last round

    def get(self, file: PlannedFile) -> RenderedFile | None:
        """The rendering of *file* last time, if it cannot have changed."""
        key = _key(file)
        if key is None:
            return None
        found = self._kept.get(key)
        if found is not None:
            self.hits += 1
            self._made[key] = found
        return found

    def put(self, file: PlannedFile, rendered: RenderedFile) -> None:
        key = _key(file)
        if key is not None:
            self._made[key] = rendered

    def next_round(self) -> None:
        """Keep only this round's renderings for the next: memory stays one site's."""
        self._kept, self._made = self._made, {}
        self.reused, self.hits = self.hits, 0


def _key(file: PlannedFile) -> _Key | None:
    source = file.source
    if isinstance(source, Template):
        return None
    paths: list[Path] = []
    if isinstance(source, Copy):
        paths = [source.source]
    elif isinstance(source, Zip):
        paths = [member for _, member in source.members if isinstance(member, Path)]
    try:
        stamps = tuple(_stamp(path) for path in paths)
    except OSError:
        return None  # render reports the missing file
    return file.path, file.category, source, stamps


def _stamp(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns
