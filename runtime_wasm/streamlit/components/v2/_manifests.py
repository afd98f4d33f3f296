"""Whether an installed package declares a component's ``asset_dir``.

A component of a package is named ``"<project>.<component>"``; the package ships a
``pyproject.toml`` with ``[[tool.streamlit.component.components]]`` entries, each a
``name`` and optionally an ``asset_dir`` whose files ``css=`` / ``js=`` may name.
Only the question "is it declared?" is answered here: it decides which of two
messages a file-backed entry gets (see ``_definitions``). ``importlib.metadata`` and
``tomllib`` load on that first question: every site imports this module at start-up,
and few ever ask it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["declares_asset_dir"]


def _pyprojects(project: str) -> list[Path]:
    import importlib.metadata

    try:
        dist = importlib.metadata.distribution(project)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return []
    return [
        Path(str(dist.locate_file(f)))
        for f in dist.files or []
        if str(f).endswith("pyproject.toml")
    ]


def _entries(path: Path) -> list[Any]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    found = data.get("tool", {}).get("streamlit", {}).get("component", {}).get("components", [])
    return found if isinstance(found, list) else []


def declares_asset_dir(name: str) -> bool:
    """Whether the installed project *name* names (before its last dot) declares an
    ``asset_dir`` for the component after it."""
    project, _, component = name.rpartition(".")
    if not project:
        return False
    return any(
        isinstance(entry, dict) and entry.get("name") == component and "asset_dir" in entry
        for path in _pyprojects(project)
        for entry in _entries(path)
    )
