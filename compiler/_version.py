"""stc's distribution name and installed version (recorded in ``stc-build.json``,
printed by ``stc --version``, pinned by ``stc init-pages``): its own module, so the
CLI can say them without importing a stage.

The distribution is ``stc-compiler``: ``stc`` on PyPI is an unrelated project. The
command (``stc``) and the import packages (``compiler``, ``runtime_wasm``, ``proxy``)
keep their names."""

from __future__ import annotations

from importlib import metadata

__all__ = ["DISTRIBUTION", "stc_version"]

DISTRIBUTION = "stc-compiler"


def stc_version() -> str:
    """The installed stc version (recorded in ``stc-build.json``)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"
