"""Zip archives whose bytes depend only on the names and contents of their members.

No timestamps (1980-01-01, the zip epoch), no owner or mode from the disk
(0644 regular files, Unix), entries sorted, one fixed compression level.

:func:`solid_zip` is for the two big zips of bytecode the worker loads at every cold
visit (``runtime.zip.gz``, ``stdlib.zip.gz``): their members stored, and the whole
archive gzip-compressed once. Deflating each member alone cannot use what modules
share (names, constants, the same bytecode idioms); one stream over all of them can:
for the counter, 603 kB -> 481 kB (runtime) and 1,456 kB -> 1,353 kB (stdlib). Static
hosts send ``.zip`` and ``.gz`` files as they are, so the visitor downloads exactly
that; the worker inflates it with the browser's own ``DecompressionStream`` (native
code), and zipimport then reads stored members without inflating each one in wasm.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["deterministic_zip", "solid_zip"]

_EPOCH = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o100644
_KEPT = 64  # solid zips kept in the cache folder (a standard library is ~1.4 MB)


def deterministic_zip(
    members: Iterable[tuple[str, Path | bytes]], *, stored: bool = False
) -> bytes:
    """Zip *members* ``(arcname, file or contents)`` into bytes, reproducibly; each
    member deflated, or with *stored* kept as it is."""
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w") as archive:
        for arcname, source in sorted(members, key=lambda member: member[0]):
            info = zipfile.ZipInfo(arcname, date_time=_EPOCH)
            info.compress_type = method
            info.create_system = 3
            info.external_attr = _FILE_MODE << 16
            data = source if isinstance(source, bytes) else source.read_bytes()
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def solid_zip(members: Iterable[tuple[str, Path | bytes]], cache: Path | None = None) -> bytes:
    """A zip of *members* stored, then gzip-compressed as a whole, reproducibly (no
    name or time in the gzip header). Level 9 takes about a second for a standard
    library, so with *cache* (a folder) the result is kept by the stored zip's digest:
    the next build of an app with the same imports reuses it."""
    stored = deterministic_zip(members, stored=True)
    if cache is None:
        return gzip.compress(stored, compresslevel=9, mtime=0)
    kept = cache / f"{hashlib.sha256(stored).hexdigest()}.gz"
    try:
        return kept.read_bytes()
    except OSError:
        pass
    data = gzip.compress(stored, compresslevel=9, mtime=0)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(kept)  # whole or absent, for builds running side by side
        _prune(cache)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return data


def _prune(cache: Path) -> None:
    """Keep the :data:`_KEPT` newest entries."""
    entries = sorted(cache.glob("*.gz"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[_KEPT:]:
        old.unlink(missing_ok=True)
