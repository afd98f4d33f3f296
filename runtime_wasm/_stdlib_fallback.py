"""Imports of standard-library modules the site's own ``stdlib.zip`` left out.

A built site replaces Pyodide's 2.5 MB zip of stdlib sources with a zip of bytecode
holding only what its first run imports (``compiler/resolve/_site_stdlib.py``). The
build writes the names of the modules it left out into that zip (``REST_LIST``). An
import of one of them lands here, after every other finder failed: the worker
downloads Pyodide's full stdlib zip once, synchronously (a worker may block), writes it
beside the site's own and imports the module from it. Names in neither (``tkinter``)
fail as they always do, without a download.

Plain Python: the download is a function the worker passes in, so this runs (and is
tested) on CPython.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["FULL_ZIP", "REST_LIST", "FullStdlibFinder", "install"]

REST_LIST = "stc-stdlib-rest.txt"  # in the site's stdlib.zip: one dotted name a line
FULL_ZIP = "/lib/stc-python-stdlib-full.zip"


class FullStdlibFinder(importlib.abc.MetaPathFinder):
    """Last on ``sys.meta_path``: finds the left-out modules in the full stdlib zip."""

    def __init__(self, site_zip: str, full_zip: str, url: str, fetch: Callable[[str], Any]) -> None:
        self.site_zip = site_zip
        self.full_zip = full_zip
        self.url = url
        self._fetch = fetch
        self._rest: frozenset[str] | None = None
        self._ready = False

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self._left_out():
            return None
        self._download()
        if path is None:
            return importlib.machinery.PathFinder.find_spec(fullname, [self.full_zip])
        # A submodule of a package the site's zip holds: look beside it in the full zip,
        # and tell the package, so its other left-out submodules are found directly.
        prefix = self.site_zip + "/"
        beside = [self.full_zip + "/" + p[len(prefix) :] for p in path if p.startswith(prefix)]
        parent = sys.modules.get(fullname.rpartition(".")[0])
        parent_path = getattr(parent, "__path__", None)
        if isinstance(parent_path, list):
            parent_path.extend(p for p in beside if p not in parent_path)
        return importlib.machinery.PathFinder.find_spec(fullname, beside) if beside else None

    def _left_out(self) -> frozenset[str]:
        if self._rest is None:
            try:
                with zipfile.ZipFile(self.site_zip) as archive:
                    text = archive.read(REST_LIST).decode()
            except (OSError, KeyError, zipfile.BadZipFile):
                text = ""
            self._rest = frozenset(text.split())
        return self._rest

    def _download(self) -> None:
        if self._ready:
            return
        answer = self._fetch(self.url)
        data = answer.to_bytes() if hasattr(answer, "to_bytes") else answer
        if not data:
            raise ModuleNotFoundError(
                f"Could not load Python's full standard library from {self.url}, which "
                "this import needs (the site ships the modules its app imports; this one "
                "was imported only at run time). Check that the site's pyodide/ folder "
                "was published whole."
            )
        Path(self.full_zip).parent.mkdir(parents=True, exist_ok=True)
        Path(self.full_zip).write_bytes(bytes(data))
        self._ready = True


def install(
    url: str, fetch: Callable[[str], Any], site_zip: str | None = None, full_zip: str = FULL_ZIP
) -> FullStdlibFinder:
    """Put the finder last on ``sys.meta_path``. *fetch(url)* answers the zip's bytes
    (or a JS ``Uint8Array``), or nothing when the download failed. *site_zip* defaults
    to the stdlib zip on ``sys.path`` (Pyodide's ``/lib/python314.zip``)."""
    if site_zip is None:
        site_zip = next(p for p in sys.path if p.endswith(".zip") and "python3" in p)
    finder = FullStdlibFinder(site_zip, full_zip, url, fetch)
    sys.meta_path.append(finder)
    return finder
