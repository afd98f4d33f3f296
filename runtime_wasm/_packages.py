"""Pyodide packages a run needs that the site did not load at boot.

The compiler loads at boot what the app imports. Some needs only show at run time:
pyarrow, which a custom component's DataFrame argument travels as (Streamlit sends it
as Arrow IPC) but which no app imports. Loading it at boot for every site with pandas
would cost every visitor megabytes; here it loads the first time a run needs it,
from the site's package lock, awaited in place (JSPI) by the loader the browser
bridge attaches. On CPython there is no loader: the import is the answer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

__all__ = ["require", "set_loader"]

# package name -> True (loaded), False (it failed) or None (this browser cannot wait
# for it in the middle of a run: no JSPI)
Loader = Callable[[str], bool | None]

_loader: Loader | None = None


def set_loader(load: Loader | None) -> None:
    """How this runtime loads a package during a run (the browser bridge's)."""
    global _loader
    _loader = load


def require(module: str, *, package: str, why: str) -> ModuleType:
    """*module*, loading *package* first when it is not there yet; an ImportError
    that says *why* the run needs it when it cannot be had."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError:
        if _loader is None:
            raise ModuleNotFoundError(
                f"{why} needs the package `{package}`: install it (`pip install {package}`)."
            ) from None
    loaded = _loader(package)
    if loaded is None:
        raise ModuleNotFoundError(
            f"{why} needs the package `{package}`, and this browser cannot load a package "
            f"in the middle of a run (it lacks JavaScript Promise Integration). Add "
            f"`{package}` to requirements.txt so the site loads it at start."
        )
    if not loaded:
        raise ModuleNotFoundError(
            f"{why} needs the package `{package}`, which did not load (see the browser's "
            "console): is the site offline, or is the Pyodide CDN unreachable?"
        )
    importlib.invalidate_caches()
    return importlib.import_module(module)
