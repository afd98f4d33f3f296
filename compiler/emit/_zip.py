"""Zip archives whose bytes depend only on the names and contents of their members.

No timestamps (1980-01-01, the zip epoch), no owner or mode from the disk
(0644 regular files, Unix), entries sorted, one fixed compression level.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["deterministic_zip"]

_EPOCH = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o100644


def deterministic_zip(members: Iterable[tuple[str, Path | bytes]]) -> bytes:
    """Zip *members* ``(arcname, file or contents)`` into bytes, reproducibly."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for arcname, source in sorted(members, key=lambda member: member[0]):
            info = zipfile.ZipInfo(arcname, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = _FILE_MODE << 16
            data = source if isinstance(source, bytes) else source.read_bytes()
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()
