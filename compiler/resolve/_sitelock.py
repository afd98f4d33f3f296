"""Pyodide's pinned lock file (what Pyodide ships) and the site's own lock file.

The site's lock has Pyodide's format, so ``loadPyodide({lockFileURL})`` and
``loadPackage`` resolve dependencies and check integrity as usual. It lists only
what the app needs: wheels vendored beside it (``file_name`` relative to the
lock's folder, their real sha256) and Pyodide packages that load from the CDN
(``file_name`` an absolute URL, Pyodide's pinned sha256).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from packaging.utils import canonicalize_name

from compiler._exceptions import AssetError

__all__ = ["LOCK_PATH", "LockEntry", "Package", "PinnedLock", "load_pinned_lock", "site_lock"]

LOCK_PATH = "packages/pyodide-lock.json"  # in the site; wheels go beside it


@dataclass(frozen=True, kw_only=True)
class LockEntry:
    """One package of Pyodide's pinned lock, keyed by canonical name."""

    name: str
    version: str
    file_name: str
    sha256: str
    imports: tuple[str, ...]
    depends: tuple[str, ...]
    package_type: str = "package"  # or "shared_library" (a .zip of .so files)

    @property
    def pure(self) -> bool:
        return self.file_name.endswith("-none-any.whl")


@dataclass(frozen=True, kw_only=True)
class PinnedLock:
    info: Mapping[str, Any]
    packages: Mapping[str, LockEntry]
    by_import: Mapping[str, str]  # import name -> canonical package name


@dataclass(frozen=True, kw_only=True)
class Package:
    """A package the site loads: ``wheel`` is the vendored file, else ``url`` (CDN)."""

    name: str  # canonical, the key in the site's lock
    version: str
    file_name: str  # wheel file name
    sha256: str
    imports: tuple[str, ...]
    depends: tuple[str, ...]
    origin: Literal["pyodide", "pypi"]
    package_type: str = "package"
    wheel: Path | None = None
    url: str | None = None


def load_pinned_lock(path: Path) -> PinnedLock:
    """Read Pyodide's ``pyodide-lock.json`` at *path*."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        packages: dict[str, LockEntry] = {
            canonicalize_name(key): LockEntry(
                name=canonicalize_name(key),
                version=str(entry["version"]),
                file_name=str(entry["file_name"]),
                sha256=str(entry["sha256"]),
                imports=tuple(entry.get("imports", ())),
                depends=tuple(canonicalize_name(d) for d in entry.get("depends", ())),
                package_type=str(entry.get("package_type", "package")),
            )
            for key, entry in raw["packages"].items()
        }
        info = dict(raw["info"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise AssetError(f"cannot read Pyodide's lock file: {error}", path=path) from error
    by_import: dict[str, str] = {}
    for key in sorted(packages):
        for name in packages[key].imports:
            by_import.setdefault(name, key)
    return PinnedLock(info=info, packages=packages, by_import=by_import)


def site_lock(info: Mapping[str, Any], packages: tuple[Package, ...]) -> str:
    """The site's lock file as JSON text (sorted, so builds are deterministic)."""
    entries: dict[str, Any] = {}
    for package in sorted(packages, key=lambda p: p.name):
        entries[package.name] = {
            "name": package.name,
            "version": package.version,
            "file_name": package.url if package.wheel is None else package.file_name,
            "install_dir": "site",
            "sha256": package.sha256,
            "package_type": package.package_type,
            "imports": list(package.imports),
            "depends": sorted(package.depends),
            "unvendored_tests": False,
        }
    lock = {"info": dict(info), "packages": entries}
    return json.dumps(lock, indent=2, sort_keys=True) + "\n"
