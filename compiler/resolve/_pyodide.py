"""The pinned Pyodide core, fetched once with npm and kept in a per-user cache.

``npm pack`` downloads exactly the published tarball (through npm's own cache,
proxy and registry settings), and its sha512 must equal the integrity pinned here,
the same value npm records in lock files. Only the core files are extracted. The
cache folder appears atomically (extract beside it, then rename) with a manifest of
sha256s; on reuse the sizes are checked, which is cheap and catches truncation.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from compiler._exceptions import AssetError

__all__ = ["CORE_FILES", "PYODIDE_INTEGRITY", "PYODIDE_VERSION", "PyodideCore", "ensure_core"]

PYODIDE_VERSION = "314.0.7"
PYODIDE_INTEGRITY = (  # npm's "integrity" of pyodide-314.0.7.tgz
    "sha512-"
    "0YvXxEhfEdpLfb/XkM2BFAeMROq0iMUX2bzzH9pOttyMcWkwq+HbE5uyuGD82LN7y2q+SNvi/6V5JEsOlD2R1A=="
)
CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
_NOTICES = ("LICENSE", "README.md")  # kept in the cache beside the core when published
_MANIFEST = "stc-pyodide.json"
_NPM_TIMEOUT = 600


@dataclass(frozen=True, kw_only=True)
class PyodideCore:
    """A verified copy of the core files in ``folder``."""

    version: str
    folder: Path
    files: tuple[str, ...]


def cache_root() -> Path:
    """``$STC_CACHE_DIR``, else ``$XDG_CACHE_HOME/stc``, else ``~/.cache/stc``."""
    if explicit := os.environ.get("STC_CACHE_DIR"):
        return Path(explicit)
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg) / "stc"
    return Path.home() / ".cache" / "stc"


def ensure_core(cache_dir: Path | None = None) -> PyodideCore:
    """Return the cached core, downloading and verifying it first if needed."""
    folder = (cache_dir or cache_root()) / "pyodide" / PYODIDE_VERSION
    if _is_complete(folder):
        return PyodideCore(version=PYODIDE_VERSION, folder=folder, files=CORE_FILES)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".stc-tmp-", dir=folder.parent) as tmp:
        tarball = _npm_pack(Path(tmp))
        _verify_integrity(tarball)
        staged = Path(tmp) / "core"
        _extract_core(tarball, staged)
        _install(staged, folder)
    return PyodideCore(version=PYODIDE_VERSION, folder=folder, files=CORE_FILES)


def _is_complete(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
        entries: dict[str, dict[str, object]] = manifest["files"]
        return manifest["integrity"] == PYODIDE_INTEGRITY and all(
            (folder / name).stat().st_size == entries[name]["size"] for name in CORE_FILES
        )
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _npm_pack(destination: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise AssetError(
            "npm was not found on PATH; stc uses it to download Pyodide "
            f"{PYODIDE_VERSION}. Install Node.js/npm, or pass --pyodide-url to load "
            "Pyodide from elsewhere (e.g. https://cdn.jsdelivr.net/pyodide/"
            f"v{PYODIDE_VERSION}/full/)"
        )
    spec = f"pyodide@{PYODIDE_VERSION}"
    command = [npm, "pack", spec, "--pack-destination", str(destination), "--silent"]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=_NPM_TIMEOUT)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        detail = getattr(error, "stderr", None) or str(error)
        tail = " ".join(str(detail).strip().splitlines()[-3:])
        raise AssetError(
            f"`npm pack {spec}` failed (offline?): {tail}. Retry when online, or pass --pyodide-url"
        ) from error
    tarballs = sorted(destination.glob("*.tgz"))
    if len(tarballs) != 1:
        raise AssetError(f"`npm pack {spec}` did not produce one tarball", path=destination)
    return tarballs[0]


def _verify_integrity(tarball: Path) -> None:
    digest = hashlib.sha512()
    with tarball.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    actual = "sha512-" + base64.b64encode(digest.digest()).decode("ascii")
    if actual != PYODIDE_INTEGRITY:
        raise AssetError(
            f"pyodide@{PYODIDE_VERSION} from npm does not match the pinned integrity "
            f"(expected {PYODIDE_INTEGRITY}, got {actual}); refusing to use it",
            path=tarball,
        )


def _extract_core(tarball: Path, staged: Path) -> None:
    staged.mkdir()
    files: dict[str, dict[str, object]] = {}
    with tarfile.open(tarball, "r:gz") as archive:
        for name in CORE_FILES + _NOTICES:
            try:
                member = archive.getmember(f"package/{name}")
            except KeyError:
                if name in _NOTICES:
                    continue
                raise AssetError(f"the Pyodide package has no {name}", path=tarball) from None
            source = archive.extractfile(member)
            if source is None:
                raise AssetError(f"{name} in the Pyodide package is not a file", path=tarball)
            data = source.read()
            (staged / name).write_bytes(data)
            files[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    manifest = {"version": PYODIDE_VERSION, "integrity": PYODIDE_INTEGRITY, "files": files}
    (staged / _MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def _install(staged: Path, folder: Path) -> None:
    """Rename *staged* to *folder*, replacing a broken copy; a concurrent winner is fine."""
    if folder.exists():
        stale = folder.with_name(f".stc-old-{os.getpid()}-{folder.name}")
        folder.rename(stale)
        shutil.rmtree(stale, ignore_errors=True)
    try:
        staged.rename(folder)
    except OSError:
        if not _is_complete(folder):
            raise
