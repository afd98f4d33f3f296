"""Custom components' frontends, carried by the site.

A component package (streamlit-autorefresh, streamlit-option-menu…) ships its built
frontend in its wheel (``<package>/frontend/build/index.html`` and its scripts) and
declares it with ``declare_component(name, path=<that folder>)``; Streamlit's server
serves the folder. A static site carries it instead: every folder of a wheel the site
ships, or of the app, that holds an ``index.html`` is copied to
``stc/components/site-packages/<its path as installed>/`` or
``stc/components/app/<its path in the app>/``, the rule by which the runtime turns a
declared path into a URL (``runtime_wasm.streamlit.components.v1.custom_component``).
Components v2 of a package declare an ``asset_dir`` in the ``pyproject.toml`` the
wheel ships (``[[tool.streamlit.component.components]]``); the folder is copied the
same way, and ``runtime_wasm.streamlit.components.v2._assets`` finds its files there.
Source maps are left out: only a browser's developer tools ask for them.
"""

from __future__ import annotations

import tomllib
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from compiler.analyse._appfiles import AppFile
from compiler.resolve._sitelock import Package
from runtime_wasm._pagefiles import COMPONENTS_PATH

__all__ = ["component_files"]

_LEFT_OUT = (".map",)


def component_files(
    packages: Iterable[Package], app_files: Iterable[AppFile]
) -> tuple[tuple[str, Path | bytes], ...]:
    """(site path, file or contents) of every component frontend the site needs."""
    found: list[tuple[str, Path | bytes]] = []
    for package in packages:
        if package.wheel is not None:
            found += _from_wheel(package.wheel)
    files = {f.rel: f.path for f in app_files}
    for rel in sorted(_frontend_files(files)):
        found.append((f"{COMPONENTS_PATH}/app/{rel}", files[rel]))
    return tuple(found)


def _from_wheel(wheel: Path) -> list[tuple[str, Path | bytes]]:
    with zipfile.ZipFile(wheel) as archive:
        names = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        wanted = _frontend_files(names) | _asset_dir_files(archive, wheel.name, list(names))
        return [
            (f"{COMPONENTS_PATH}/site-packages/{name}", archive.read(names[name]))
            for name in sorted(wanted)
        ]


def _asset_dir_files(archive: zipfile.ZipFile, wheel_name: str, names: list[str]) -> set[str]:
    """The files under every ``asset_dir`` the wheel's ``pyproject.toml`` files declare,
    relative to the package's import folder as Streamlit resolves it (that folder when
    the wheel has it, else the ``pyproject.toml``'s)."""
    package = wheel_name.split("-")[0].replace("-", "_").replace(".", "_")
    roots: set[str] = set()
    for name in names:
        if PurePosixPath(name).name != "pyproject.toml":
            continue
        try:
            data = tomllib.loads(archive.read(name).decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        entries = data.get("tool", {}).get("streamlit", {}).get("component", {})
        root = package if f"{package}/__init__.py" in names else str(PurePosixPath(name).parent)
        for entry in entries.get("components", []) if isinstance(entries, dict) else []:
            declared = entry.get("asset_dir") if isinstance(entry, dict) else None
            if not isinstance(declared, str):
                continue
            folder = PurePosixPath(declared)
            if not folder.is_absolute() and ".." not in folder.parts:
                roots.add(str(PurePosixPath(root, folder)).removeprefix("./"))
    return {
        name
        for name in names
        if not name.endswith(_LEFT_OUT) and any(name.startswith(r + "/") for r in roots)
    }


def _frontend_files(names: Iterable[str]) -> set[str]:
    """The files under a folder holding an ``index.html`` (not in ``*.dist-info``)."""
    names = list(names)
    roots = {
        str(PurePosixPath(name).parent)
        for name in names
        if PurePosixPath(name).name == "index.html" and "/" in name
        and not PurePosixPath(name).parts[0].endswith((".dist-info", ".data"))
    }  # fmt: skip
    return {
        name
        for name in names
        if not name.endswith(_LEFT_OUT) and any(name.startswith(root + "/") for root in roots)
    }
