"""The installed stc version, recorded in ``stc-build.json`` and printed by
``stc --version``: its own module, so the CLI can say it without importing a stage."""

from __future__ import annotations

from importlib import metadata

__all__ = ["stc_version"]


def stc_version() -> str:
    """The installed stc version (recorded in ``stc-build.json``)."""
    try:
        return metadata.version("stc")
    except metadata.PackageNotFoundError:
        return "0+unknown"
