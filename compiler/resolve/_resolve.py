"""Stage 3, resolve: find everything the site is made of besides the app's files.

That is the Pyodide core (vendored from the cache, or an external folder URL), the
stc runtime (the ``runtime_wasm`` Python package, zipped for the worker, and its
JavaScript front end under ``runtime_wasm/js``, copied as is), the packages the
app's imports and requirements need (:mod:`compiler.resolve._deps`), and the settings of
its ``.streamlit/config.toml`` (:mod:`compiler.analyse._config`). The runtime's optional
vendored libraries not chosen for this app (:mod:`compiler.resolve._assets`) are left out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import runtime_wasm._protocol as protocol
from compiler._diagnostics import Diagnostic
from compiler._exceptions import AssetError
from compiler._progress import Reporter
from compiler.analyse._config import CONFIG, AppConfig, read_config
from compiler.analyse._facts import ImportRef
from compiler.analyse._parse import ParsedApp
from compiler.analyse.passes import StreamlitUses
from compiler.resolve._assets import ASSETS, IncludeAssets, choose_assets, is_left_out
from compiler.resolve._components import component_files
from compiler.resolve._deps import WheelSource, resolve_dependencies
from compiler.resolve._import_kinds import classify, local_tops
from compiler.resolve._pyodide import PYODIDE_VERSION, PyodideCore, cache_root, ensure_core
from compiler.resolve._requirements import declared_requirements
from compiler.resolve._site_stdlib import site_stdlib, wheel_imports
from compiler.resolve._sitelock import Package, load_pinned_lock
from compiler.resolve._stdlib import is_stdlib
from compiler.resolve._wheels import PipWheels
from compiler.resolve.pyc._precompile import RuntimeBytecode, precompile, stdlib_bytecode

__all__ = ["Resolved", "resolve", "runtime_package_dir"]

_RUNTIME_SKIPPED_DIRS = frozenset({"js", "testing", "__pycache__"})
# The runtime's stand-ins for PyPI packages (runtime_wasm._alias.ALIASES), by import
# name: a site carries one only when its app imports it (31 kB of the counter's
# first load otherwise), or when the site has wheels, which might.
OPTIONAL_SHIMS = {
    "st_pages": "runtime_wasm/st_pages/",
    "streamlit_authenticator": "runtime_wasm/streamlit_authenticator/",
}
PYODIDE_CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE_VERSION}/full/"


@dataclass(frozen=True, kw_only=True)
class Resolved:
    """``pyodide`` is None when the page loads Pyodide from ``pyodide_url``."""

    pyodide: PyodideCore | None
    pyodide_url: str
    runtime_modules: tuple[tuple[str, Path], ...]  # (arcname "runtime_wasm/...", file)
    # the site's stdlib.zip (compiler.resolve._site_stdlib); empty: Pyodide's own stdlib
    stdlib_modules: tuple[tuple[str, Path | bytes], ...] = ()
    js_files: tuple[tuple[str, Path], ...]  # (path under js/, file)
    assets: tuple[str, ...] = tuple(ASSETS)  # the optional assets among js_files
    packages: tuple[Package, ...] = ()
    # custom components' frontends: (site path, file or contents), see compiler.resolve._components
    components: tuple[tuple[str, Path | bytes], ...] = ()
    # "info" of Pyodide's lock (with no packages, absent with --pyodide-url)
    lock_info: Mapping[str, Any] = field(default_factory=dict)
    app_config: AppConfig = field(default_factory=lambda: AppConfig(theme={}))
    diagnostics: tuple[Diagnostic, ...] = ()


def runtime_package_dir() -> Path:
    """The folder of the installed ``runtime_wasm`` package."""
    return Path(protocol.__file__).resolve().parent


def resolve(
    *, parsed: ParsedApp, imports: tuple[ImportRef, ...], pyodide_url: str | None,
    cache_dir: Path | None, runtime_dir: Path | None, reporter: Reporter,
    wheels: WheelSource | None = None, uses: StreamlitUses | None = None,
    include_assets: IncludeAssets = "all",
) -> Resolved:  # fmt: skip
    """Locate the runtime, make sure Pyodide is available, and resolve the app's packages.

    *imports* are the analysis's :class:`ImportRef` values. *wheels* defaults to
    pip with the cache (tests pass a fake). *uses* and *include_assets* choose the
    optional assets the site carries (:func:`compiler.resolve._assets.choose_assets`), which
    depends on the packages; without *uses* the site carries them all.
    """
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
    display = _display_path(parsed.app_dir)
    app_config, config_diagnostics = read_config(parsed.text(CONFIG), display)
    declared, declared_diagnostics = declared_requirements(parsed.app_dir, parsed.entry, display)
    local = local_tops(f.rel for f in parsed.files)
    diagnostics = [*config_diagnostics, *declared_diagnostics]
    packages: tuple[Package, ...] = ()
    lock_info: Mapping[str, Any] = {}
    if declared or any(classify(r.top, local) in ("third-party", "removed") for r in imports):
        lock_core = core or ensure_core(cache_dir)
        lock = load_pinned_lock(lock_core.folder / "pyodide-lock.json")
        cdn = url if url.startswith(("https://", "http://")) else PYODIDE_CDN
        found = resolve_dependencies(
            imports=imports, declared=declared, local=local, lock=lock,
            wheels=wheels or PipWheels(cache_dir or cache_root()), cdn=cdn,
        )  # fmt: skip
        packages, lock_info = found.packages, lock.info
        diagnostics += found.diagnostics
        _tell(packages, reporter)
    elif core is not None:  # its info alone spares visitors Pyodide's 120 kB lock
        lock_info = load_pinned_lock(core.folder / "pyodide-lock.json").info
    modules = _runtime_modules(runtime)
    chosen = (
        choose_assets(uses, include_assets, frozenset(p.name for p in packages))
        if uses is not None
        else choose_assets(StreamlitUses(), "all")
    )
    for name in ASSETS:
        reporter.info(
            f"{name}: " + (f"in the site ({chosen[name]})" if name in chosen else "left out")
        )
    bytecode = precompile(core, modules, cache_dir, reporter)
    app_stdlib = [r.module for r in imports if classify(r.top, local) == "stdlib"]
    return Resolved(
        pyodide=core,
        pyodide_url=url,
        # compiled whole (one cache entry per runtime), then trimmed for this app
        runtime_modules=_without_unused_shims(_with_bytecode(modules, bytecode), imports, packages),
        stdlib_modules=_stdlib_modules(core, bytecode, app_stdlib, packages, cache_dir, reporter),
        js_files=tuple(f for f in _js_files(runtime / "js") if not is_left_out(f[0], chosen)),
        assets=tuple(name for name in ASSETS if name in chosen),
        packages=packages,
        components=component_files(packages, parsed.files),
        lock_info=lock_info,
        app_config=app_config,
        diagnostics=tuple(diagnostics),
    )


def _without_unused_shims(
    modules: tuple[tuple[str, Path], ...],
    imports: tuple[ImportRef, ...],
    packages: tuple[Package, ...],
) -> tuple[tuple[str, Path], ...]:
    """*modules* less the optional shims nothing in the site imports."""
    if any(p.wheel is not None for p in packages):
        return modules
    tops = {r.top for r in imports}
    unused = tuple(folder for name, folder in OPTIONAL_SHIMS.items() if name not in tops)
    return tuple(m for m in modules if not m[0].startswith(unused)) if unused else modules


def _with_bytecode(
    modules: tuple[tuple[str, Path], ...], bytecode: RuntimeBytecode
) -> tuple[tuple[str, Path], ...]:
    """The runtime as shipped: its pycs in place of its sources when there are pycs.
    The sources were 217 KB of the ~6 MB first load; without them a traceback through
    the runtime names file and line but not the line's text (the app's own tracebacks
    leave the runtime's frames out anyway)."""
    if not bytecode.pycs:
        return modules
    return tuple(m for m in modules if not m[0].endswith(".py")) + bytecode.pycs


def _stdlib_modules(
    core: PyodideCore | None, bytecode: RuntimeBytecode, app_stdlib: list[str],
    packages: tuple[Package, ...], cache_dir: Path | None, reporter: Reporter,
) -> tuple[tuple[str, Path | bytes], ...]:  # fmt: skip
    if core is None or not bytecode.stdlib_loaded:
        return ()
    pycs = stdlib_bytecode(core, cache_dir, reporter)
    if pycs is None:
        return ()
    imported = list(app_stdlib)
    for package in packages:  # what the wheels in the site import from the stdlib
        if package.wheel is not None:
            imported += [n for n in wheel_imports(package.wheel) if is_stdlib(n.split(".")[0])]
    found = site_stdlib(
        core.folder / "python_stdlib.zip", pycs, bytecode.stdlib_loaded, imported,
        bool(packages),
    )  # fmt: skip
    reporter.info(f"standard library: {len(found) - 1} modules as bytecode (the rest on demand)")
    return found


def _tell(packages: tuple[Package, ...], reporter: Reporter) -> None:
    vendored = [f"{p.name} {p.version}" for p in packages if p.wheel is not None]
    cdn = [f"{p.name} {p.version}" for p in packages if p.wheel is None]
    if vendored:
        reporter.info(f"packages in the site: {', '.join(vendored)}")
    if cdn:
        reporter.info(f"packages from the Pyodide CDN at run time: {', '.join(cdn)}")


def _display_path(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


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
