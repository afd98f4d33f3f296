"""Opening a built site's zips in tests: ``app.zip`` as it is, the solid ones
(``runtime.zip.gz``, ``stdlib.zip.gz``: compiler/emit/_zip.py) inflated first."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

__all__ = ["open_zip"]


def open_zip(path: Path) -> zipfile.ZipFile:
    data = path.read_bytes()
    return zipfile.ZipFile(io.BytesIO(gzip.decompress(data) if path.suffix == ".gz" else data))
