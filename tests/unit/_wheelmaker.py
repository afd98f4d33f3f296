"""Tiny real wheels and a fake wheel source for the dependency tests (no network)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from compiler.resolve._wheels import NoPureWheel, UnknownPackage


def make_wheel(
    folder: Path,
    name: str,
    version: str,
    requires: tuple[str, ...] = (),
    modules: tuple[str, ...] = (),
    source: str = "",
) -> Path:
    """A ``py3-none-any`` wheel with METADATA and one ``__init__.py`` per module
    (*source* after its ``NAME = …`` line)."""
    dist = name.replace("-", "_")
    path = folder / f"{dist}-{version}-py3-none-any.whl"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(path, "w") as archive:
        for module in modules or (dist,):
            archive.writestr(f"{module}/__init__.py", f"NAME = {module!r}\n{source}")
        archive.writestr(f"{dist}-{version}.dist-info/METADATA", metadata)
        archive.writestr(f"{dist}-{version}.dist-info/RECORD", "")
    return path


class FakeWheels:
    """Serves the wheels it was given; ``binary`` names have no pure wheel; others are unknown."""

    def __init__(self, wheels: dict[str, Path], binary: frozenset[str] = frozenset()) -> None:
        self.wheels = wheels
        self.binary = binary
        self.asked: list[tuple[str, str | None]] = []
        self.specifiers: list[tuple[str, str]] = []  # (name, specifier) asked without a pin

    def fetch(self, name: str, pin: str | None = None, specifier: str = "") -> Path:
        self.asked.append((name, pin))
        if specifier:
            self.specifiers.append((name, specifier))
        if name in self.wheels:
            return self.wheels[name]
        if name in self.binary:
            raise NoPureWheel(name)
        raise UnknownPackage(name)
