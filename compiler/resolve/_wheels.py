"""Pure-Python wheels from PyPI, downloaded with pip into a per-user cache.

pip is asked for a ``py3-none-any`` wheel for Python 3.14 only; it uses the user's
own index, proxy and certificate settings. Wheels land in ``<cache>/wheels`` and a
pinned one already there is reused without asking pip, so rebuilds work offline.
A missing wheel is one of two user-facing findings (:class:`NoPureWheel`: the
project exists but only ships binaries or sources; :class:`UnknownPackage`: the
index has no such project) which the caller turns into diagnostics; a network or
pip failure is an :class:`AssetError`. pip only ever sees a PEP 508 name of at most
:data:`MAX_NAME` characters and a PEP 440 version: anything else is answered
without asking it (a 200,000-character name once made pip fail with "Argument list
too long").
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

from compiler._exceptions import AssetError

__all__ = ["MAX_NAME", "NoPureWheel", "PipWheels", "UnknownPackage", "WheelInfo", "read_wheel"]

MAX_NAME = 256  # characters of a project name pip is asked about
_NAME = re.compile(r"[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9]", re.IGNORECASE)  # PEP 508
_PIP_TIMEOUT = 300
_NETWORK_TROUBLE = (
    "Retrying (",
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ProxyError",
    "SSLError",
    "ReadTimeoutError",
)
# pip indents these lines ("  File was already downloaded …")
_SAVED = re.compile(r"^\s*(?:Saved|File was already downloaded) (?P<path>.+\.whl)\s*$", re.M)


class NoPureWheel(Exception):
    """The project exists on the index but has no ``py3-none-any`` wheel (that fits)."""


class UnknownPackage(Exception):
    """The index has no project of this name."""


@dataclass(frozen=True, kw_only=True)
class WheelInfo:
    """What a wheel says about itself: ``requires`` are raw ``Requires-Dist`` strings."""

    name: str  # canonical
    version: str
    requires: tuple[str, ...]
    tops: tuple[str, ...]  # top-level import names it installs


def read_wheel(path: Path) -> WheelInfo:
    """Read name, version, ``Requires-Dist`` and top-level names from the wheel at *path*."""
    name, version, _build, _tags = parse_wheel_filename(path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            metadata_name = next(
                n for n in names if n.count("/") == 1 and n.endswith(".dist-info/METADATA")
            )
            metadata = Parser().parsestr(archive.read(metadata_name).decode("utf-8", "replace"))
    except (OSError, zipfile.BadZipFile, StopIteration) as error:
        raise AssetError(f"{path.name} is not a readable wheel: {error}", path=path) from error
    tops: set[str] = set()
    for member in names:
        first = member.split("/", 1)[0]
        if first.endswith((".dist-info", ".data")) or first == "__pycache__":
            continue
        if "/" in member:
            tops.add(first)
        elif first.endswith(".py"):
            tops.add(first[:-3])
    return WheelInfo(
        name=canonicalize_name(name),
        version=str(version),
        requires=tuple(metadata.get_all("Requires-Dist") or ()),
        tops=tuple(sorted(t for t in tops if t.isidentifier())),
    )


_MAX_SCANNED = 1 << 20


def module_imports(path: Path) -> frozenset[str]:
    """The top-level names the wheel at *path*'s modules import unconditionally when
    they load (module level, outside ``try`` and ``if``): what must be there for the
    package to import at all. Files Python cannot parse are skipped."""
    found: set[str] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if not member.endswith(".py") or ".dist-info/" in member:
                    continue
                if archive.getinfo(member).file_size > _MAX_SCANNED:
                    continue  # generated tables, not the imports a package starts with
                try:
                    tree = ast.parse(archive.read(member))
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    continue
                for statement in tree.body:
                    if isinstance(statement, ast.Import):
                        found.update(a.name.partition(".")[0] for a in statement.names)
                    elif isinstance(statement, ast.ImportFrom) and statement.level == 0:
                        found.add((statement.module or "").partition(".")[0])
    except (OSError, zipfile.BadZipFile) as error:
        raise AssetError(f"{path.name} is not a readable wheel: {error}", path=path) from error
    return frozenset(found - {""})


class PipWheels:
    """Fetch ``py3-none-any`` wheels for Python 3.14 into ``cache/wheels`` with pip."""

    def __init__(self, cache: Path) -> None:
        self.folder = cache / "wheels"

    def fetch(self, name: str, pin: str | None = None, specifier: str = "") -> Path:
        """The wheel of *name* (``==pin`` when given, else the newest that meets
        *specifier*); raises the two findings above.

        A name no project can have is :class:`UnknownPackage`, a pin that is not a
        version :class:`NoPureWheel` (no wheel has it), both without running pip.
        """
        if len(name) > MAX_NAME or not _NAME.fullmatch(name):
            raise UnknownPackage(name)
        if pin is not None and not _is_version(pin):
            raise NoPureWheel(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        if pin is not None and (cached := self._cached(name, pin)) is not None:
            return cached
        spec = f"{name}=={pin}" if pin else f"{name}{specifier}"
        result = self._pip(
            "download", "--no-deps", "--only-binary=:all:", "--python-version", "3.14",
            "--implementation", "py", "--abi", "none", "--platform", "any",
            "--progress-bar", "off", "--retries", "2", "-d", str(self.folder), spec,
        )  # fmt: skip
        if result.returncode == 0:
            saved = [Path(m["path"]) for m in _SAVED.finditer(result.stdout + result.stderr)]
            wheel = next((w for w in saved if _matches(w, name)), None)
            wheel = wheel or self._cached(name, pin, specifier)
            if wheel is not None:
                return self.folder / wheel.name
            raise AssetError(f"pip downloaded {spec} but stc cannot find the wheel")
        self._raise_network(result, spec)
        if pin is None and (cached := self._cached(name, None, specifier)) is not None:
            return cached
        if self._exists(name):
            raise NoPureWheel(name)
        raise UnknownPackage(name)

    def _exists(self, name: str) -> bool:
        """Whether the index knows *name* at all (any file, any platform)."""
        result = self._pip("index", "versions", "--pre", name)
        self._raise_network(result, name)
        return result.returncode == 0

    def _cached(self, name: str, pin: str | None, specifier: str = "") -> Path | None:
        best: tuple[Version, Path] | None = None
        allowed = SpecifierSet(specifier)
        for wheel in self.folder.glob("*-none-any.whl"):
            if not _matches(wheel, name):
                continue
            version = parse_wheel_filename(wheel.name)[1]
            if version not in allowed:
                continue
            if pin is not None:
                if _is_version(pin) and version == Version(pin):
                    return wheel
                continue
            if best is None or version > best[0]:
                best = (version, wheel)
        return best[1] if best else None

    @staticmethod
    def _pip(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pip", *args, "--disable-pip-version-check"]
        try:
            return subprocess.run(
                command, capture_output=True, text=True, timeout=_PIP_TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise AssetError(f"could not run pip ({' '.join(args[:2])}): {error}") from error

    @staticmethod
    def _raise_network(result: subprocess.CompletedProcess[str], spec: str) -> None:
        if result.returncode != 0 and any(s in result.stderr for s in _NETWORK_TROUBLE):
            tail = " ".join(result.stderr.strip().splitlines()[-2:])
            raise AssetError(
                f"pip could not reach the package index for {spec} (offline?): {tail}. "
                "Retry when online; wheels already fetched are kept in the cache"
            )


def _is_version(text: str) -> bool:
    try:
        Version(text)
    except ValueError:  # InvalidVersion, or more digits than Python reads as a number
        return False
    return len(text) <= MAX_NAME


def _matches(wheel: Path, name: str) -> bool:
    try:
        return parse_wheel_filename(wheel.name)[0] == canonicalize_name(name)
    except ValueError:
        return False
