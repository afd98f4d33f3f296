"""The ``asset_dir`` an installed package declares for one of its components.

A component of a package is named ``"<project>.<component>"``; the package ships a
``pyproject.toml`` with ``[[tool.streamlit.component.components]]`` entries, each a
``name`` and optionally an ``asset_dir`` (relative to the package's import folder)
whose files ``css=`` / ``js=`` may name, as Streamlit's ``manifest_scanner`` reads
them. ``importlib.metadata`` and ``tomllib`` load on the first question: every site
imports this module at start-up, and few ever ask it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...._errors import StreamlitAPIException

__all__ = ["asset_root"]


def _pyprojects(dist: Any) -> list[Path]:
    return [
        Path(str(dist.locate_file(f)))
        for f in dist.files or []
        if str(f).endswith("pyproject.toml")
    ]


def _load(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _components(data: dict[str, Any]) -> list[Any]:
    found = data.get("tool", {}).get("streamlit", {}).get("component", {}).get("components", [])
    return found if isinstance(found, list) else []


def _package_root(dist: Any, pyproject: Path) -> Path:
    """The package's import folder (its name is the project's, ``-`` as ``_``), else
    the folder of its ``pyproject.toml``: Streamlit's ``_resolve_package_root``."""
    folder = Path(str(dist.locate_file(dist.metadata["Name"].replace("-", "_"))))
    return folder if (folder / "__init__.py").is_file() else pyproject.parent


def asset_root(name: str) -> Path | None:
    """The folder the installed project *name* names (before its last dot) declares as
    the ``asset_dir`` of the component after it; ``None`` when it declares none."""
    import importlib.metadata

    project, _, component = name.rpartition(".")
    if not project:
        return None
    try:
        dist = importlib.metadata.distribution(project)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None
    for pyproject in _pyprojects(dist):
        for entry in _components(_load(pyproject)):
            if not isinstance(entry, dict) or entry.get("name") != component:
                continue
            declared = entry.get("asset_dir")
            if not isinstance(declared, str):
                continue
            root = _package_root(dist, pyproject)
            folder = (root / declared).resolve()
            if not folder.is_dir() or not folder.is_relative_to(root.resolve()):
                raise StreamlitAPIException(
                    f"Declared asset_dir '{declared}' for component '{component}' does not "
                    f"exist or is not a directory under package root '{root}'."
                )
            return folder
    return None
