"""Bytecode for the runtime and the standard library, compiled at build time by
Pyodide's own Python.

Pyodide 314 ships its standard library as sources, so every visit compiled what it
imported: Pyodide's own start-up imports ~145 stdlib modules (asyncio, typing,
inspect, json…), and the runtime ~20 more. Measured in Chromium here, a raw Pyodide
boot took 2.75 s with the stdlib as sources and 1.05 s with the same modules as
bytecode. A ``.pyc`` is tied to the interpreter's version (Pyodide 314 is Python 3.14,
whatever CPython runs stc), so the vendored core compiles them under Node, which came
with the ``npm`` that fetched the core (``_node.mjs``, running ``_inside.py``).

Two caches under ``<cache>/pyc/``, each made once:

* :func:`precompile`, per runtime and Pyodide version: the runtime's pycs, which
  ``runtime.zip`` carries in place of its sources (``x.pyc`` where ``x.py`` was, as
  zipimport reads them: the worker imports the runtime from that zip, at
  ``RUNTIME_ZIP``), and the names of the stdlib modules loaded once the runtime is
  imported;
* :func:`stdlib_bytecode`, per Pyodide version: every stdlib module as a sourceless pyc,
  from which ``compiler/resolve/_site_stdlib.py`` picks the site's ``stdlib.zip``.

Without Node, or with ``--pyodide-url`` (no core on this machine), the site ships
sources and Pyodide's own stdlib, and starts that much slower; nothing else changes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from compiler._progress import Reporter
from compiler.resolve._pyodide import PyodideCore, cache_root
from runtime_wasm._protocol import RUNTIME_ZIP

__all__ = ["RuntimeBytecode", "precompile", "stdlib_bytecode"]

_SCRIPT = Path(__file__).with_name("_node.mjs")
_INSIDE = Path(__file__).with_name("_inside.py")
_DONE = "complete"  # written last: its text is what Node printed
_TREE = "tree"  # under a cache folder: the pycs, by their path in the zip
_TIMEOUT_S = 300

_Maker = Callable[[Path], str]  # fills a folder, returns what Node printed


@dataclass(frozen=True)
class RuntimeBytecode:
    """``pycs``: ``(arcname, file)`` for runtime.zip; ``stdlib_loaded``: the stdlib
    modules Pyodide's start and the runtime's import load (empty: not known here)."""

    pycs: tuple[tuple[str, Path], ...] = ()
    stdlib_loaded: frozenset[str] = frozenset()


def precompile(
    core: PyodideCore | None,
    modules: tuple[tuple[str, Path], ...],
    cache_dir: Path | None,
    reporter: Reporter,
) -> RuntimeBytecode:
    """The bytecode of each of *modules* (``(arcname, source)`` pairs of ``.py`` files),
    empty when it cannot be made here."""
    sources = tuple((arc, path) for arc, path in modules if arc.endswith(".py"))
    node = _node(core, reporter, "runtime bytecode") if sources else None
    if core is None or node is None:
        return RuntimeBytecode()
    folder = (cache_dir or cache_root()) / "pyc" / _key(core, sources)
    try:
        printed = _cached(folder, lambda tree: _compile_runtime(node, core, sources, tree))
    except (OSError, subprocess.SubprocessError) as error:
        reporter.info(f"runtime bytecode: left out ({error}; the browser compiles)")
        return RuntimeBytecode()
    found = tuple(
        (path.relative_to(folder / _TREE).as_posix(), path)
        for path in sorted((folder / _TREE).rglob("*.pyc"))
    )
    reporter.info(f"runtime bytecode: {len(found)} modules compiled for Pyodide {core.version}")
    return RuntimeBytecode(pycs=found, stdlib_loaded=frozenset(printed.split()))


def stdlib_bytecode(
    core: PyodideCore | None, cache_dir: Path | None, reporter: Reporter
) -> Path | None:
    """The folder holding every stdlib module of *core* as a sourceless pyc (by its path
    in ``python_stdlib.zip``), or None when it cannot be made here."""
    node = _node(core, reporter, "stdlib bytecode")
    if core is None or node is None:
        return None
    folder = (cache_dir or cache_root()) / "pyc" / f"stdlib-{_tools_digest(core).hexdigest()[:32]}"
    try:
        _cached(folder, lambda tree: _run(node, core, "stdlib", tree))
    except (OSError, subprocess.SubprocessError) as error:
        reporter.info(f"stdlib bytecode: left out ({error}; the site uses Pyodide's stdlib)")
        return None
    return folder / _TREE


def _node(core: PyodideCore | None, reporter: Reporter, what: str) -> str | None:
    node = shutil.which("node")
    if core is not None and node is None:
        reporter.info(f"{what}: left out (node not on PATH; the browser compiles)")
    return node


def _tools_digest(core: PyodideCore, salt: str = "") -> hashlib._Hash:
    """What every cached compile depends on: the Pyodide version and the two tools."""
    digest = hashlib.sha256(core.version.encode() + salt.encode())
    for tool in (_SCRIPT, _INSIDE):
        digest.update(hashlib.sha256(tool.read_bytes()).digest())
    return digest


def _key(core: PyodideCore, sources: tuple[tuple[str, Path], ...]) -> str:
    digest = _tools_digest(core, RUNTIME_ZIP)
    for arc, path in sorted(sources):
        digest.update(arc.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _cached(folder: Path, make: _Maker) -> str:
    """What *make* printed when it filled ``folder/tree``; made once, atomically."""
    if not (folder / _DONE).is_file():
        folder.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".stc-tmp-", dir=folder.parent) as tmp:
            out = Path(tmp) / "out"
            (out / _TREE).mkdir(parents=True)
            printed = make(out / _TREE)
            (out / _DONE).write_text(printed.strip() + "\n", encoding="utf-8")
            if not folder.exists():  # another build may have finished it meanwhile
                out.replace(folder)
    return (folder / _DONE).read_text(encoding="utf-8")


def _compile_runtime(
    node: str, core: PyodideCore, sources: tuple[tuple[str, Path], ...], tree: Path
) -> str:
    staged = tree.parent / "src"
    for arc, path in sources:
        (staged / arc).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, staged / arc)
    printed = _run(node, core, "runtime", staged, RUNTIME_ZIP)
    for pyc in staged.rglob("*.pyc"):
        target = tree / pyc.relative_to(staged)
        target.parent.mkdir(parents=True, exist_ok=True)
        pyc.replace(target)
    shutil.rmtree(staged)
    return printed


def _run(node: str, core: PyodideCore, mode: str, folder: Path, *extra: str) -> str:
    done = subprocess.run(
        [node, str(_SCRIPT), str(core.folder), mode, str(folder), *extra],
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise subprocess.SubprocessError(f"node exited with {done.returncode}: {last}")
    return done.stdout
