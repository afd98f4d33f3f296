"""Stage 3, resolve: find everything the site is made of besides the app.

That is the Pyodide core (vendored from the cache, or an external folder URL) and
the stc runtime: the ``runtime_wasm`` Python package (zipped for the worker) and
its JavaScript front end under ``runtime_wasm/js`` (copied as is).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import runtime_wasm._protocol as protocol
from compiler._errors import AssetError
from compiler._pyodide import PyodideCore, ensure_core
from compiler._reporter import Reporter

__all__ = ["Resolved", "resolve", "runtime_package_dir"]

_RUNTIME_SKIPPED_DIRS = frozenset({"js", "testing", "__pycache__"})


@dataclass(frozen=True, kw_only=True)
class Resolved:
    """``pyodide`` is None when the page loads Pyodide from ``pyodide_url``."""

    pyodide: PyodideCore | None
    pyodide_url: str
    runtime_modules: tuple[tuple[str, Path], ...]  # (arcname "runtime_wasm/...", file)
    js_files: tuple[tuple[str, Path], ...]  # (path under js/, file)


def runtime_package_dir() -> Path:
    """The folder of the installed ``runtime_wasm`` package."""
    return Path(protocol.__file__).resolve().parent


def resolve(
    *, pyodide_url: str | None, cache_dir: Path | None, runtime_dir: Path | None,
    reporter: Reporter,
) -> Resolved:  # fmt: skip
    """Locate the runtime files and make sure the Pyodide core is available."""
    runtime = runtime_dir or runtime_package_dir()
    if not runtime.is_dir():
        raise AssetError(f"the stc runtime folder is missing: {runtime}", path=runtime)
    if pyodide_url is not None:
        url = pyodide_url if pyodide_url.endswith("/") else pyodide_url + "/"
        reporter.info(f"Pyodide: loaded from {url}")
        core = None
    else:
        core = ensure_core(cache_dir)
        reporter.info(f"Pyodide {core.version}: {core.folder}")
        url = "pyodide/"
    return Resolved(
        pyodide=core,
        pyodide_url=url,
        runtime_modules=_runtime_modules(runtime),
        js_files=_js_files(runtime / "js"),
    )


def _runtime_modules(runtime: Path) -> tuple[tuple[str, Path], ...]:
    found: list[tuple[str, Path]] = []
    for root, dirnames, filenames in os.walk(runtime):
        here = Path(root)
        if here == runtime:
            dirnames[:] = [d for d in dirnames if d not in _RUNTIME_SKIPPED_DIRS]
        else:
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        for name in filenames:
            if name.endswith(".py"):
                rel = (here / name).relative_to(runtime).as_posix()
                found.append((f"runtime_wasm/{rel}", here / name))
    return tuple(sorted(found))


def _js_files(js_dir: Path) -> tuple[tuple[str, Path], ...]:
    """Every file under *js_dir* except dotfiles and ``node_modules`` (tooling, not site)."""
    if not js_dir.is_dir():
        return ()
    found: list[tuple[str, Path]] = []
    for root, dirnames, filenames in os.walk(js_dir):
        here = Path(root)
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "node_modules"]
        for name in filenames:
            if not name.startswith("."):
                found.append(((here / name).relative_to(js_dir).as_posix(), here / name))
    return tuple(sorted(found))
