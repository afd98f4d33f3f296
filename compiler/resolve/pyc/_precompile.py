"""Bytecode for the runtime, compiled at build time by Pyodide's own Python.

At boot the browser imports the runtime's ~80 modules and the standard-library
modules they need; without bytecode it compiles each one first. Pyodide 314 ships its
standard library as sources too, so a dozen stdlib modules that only stc imports
(pickle, decimal, uuid, urllib…) were compiled at every visit as well. Measured in
Node: compiling every runtime module 160 ms; importing the runtime 310 ms with
sources, 160 ms with runtime pycs, of which ~110 ms still went to compiling stdlib
sources. A ``.pyc`` is tied to the interpreter's version (Pyodide 314 is Python 3.14,
whatever CPython runs stc), so the vendored core compiles them under Node, which came
with the ``npm`` that fetched the core (``_node.mjs``, running ``_inside.py``).
Runtime pycs go into ``runtime.zip`` beside their sources (tracebacks keep source
lines); stdlib pycs go at its root, first on ``sys.path`` in the browser.

Made once per runtime and Pyodide version, cached in ``<cache>/pyc/<key>``. Without
Node, or with ``--pyodide-url`` (no core on this machine), the site ships sources
only and starts that much slower; nothing else changes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from compiler._progress import Reporter
from compiler.resolve._pyodide import PyodideCore, cache_root

__all__ = ["precompile"]

_SCRIPT = Path(__file__).with_name("_node.mjs")
_INSIDE = Path(__file__).with_name("_inside.py")
_DONE = "complete"
_TREE = "tree"  # under the cache folder: the pycs, by their path in runtime.zip
_TIMEOUT_S = 300


def precompile(
    core: PyodideCore | None,
    modules: tuple[tuple[str, Path], ...],
    cache_dir: Path | None,
    reporter: Reporter,
) -> tuple[tuple[str, Path], ...]:
    """``(arcname, file)`` of the bytecode of each of *modules* (``(arcname, source)``
    pairs of ``.py`` files), or ``()`` when it cannot be made here."""
    sources = tuple((arc, path) for arc, path in modules if arc.endswith(".py"))
    if core is None or not sources:
        return ()
    node = shutil.which("node")
    if node is None:
        reporter.info("runtime bytecode: left out (node not on PATH; the browser compiles)")
        return ()
    folder = (cache_dir or cache_root()) / "pyc" / _key(core, sources)
    if not (folder / _DONE).is_file():
        try:
            _compile(node, core, sources, folder)
        except (OSError, subprocess.SubprocessError) as error:
            reporter.info(f"runtime bytecode: left out ({error}; the browser compiles)")
            return ()
    found = tuple(
        (path.relative_to(folder / _TREE).as_posix(), path)
        for path in sorted((folder / _TREE).rglob("*.pyc"))
    )
    stdlib = sum(1 for arc, _ in found if not arc.startswith("runtime_wasm/"))
    reporter.info(
        f"runtime bytecode: {len(found) - stdlib} runtime and {stdlib} stdlib modules "
        f"compiled for Pyodide {core.version}"
    )
    return found


def _key(core: PyodideCore, sources: tuple[tuple[str, Path], ...]) -> str:
    digest = hashlib.sha256(core.version.encode())
    for tool in (_SCRIPT, _INSIDE):
        digest.update(hashlib.sha256(tool.read_bytes()).digest())
    for arc, path in sorted(sources):
        digest.update(arc.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _compile(
    node: str, core: PyodideCore, sources: tuple[tuple[str, Path], ...], folder: Path
) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".stc-tmp-", dir=folder.parent) as tmp:
        staged = Path(tmp) / "src"
        for arc, path in sources:
            (staged / arc).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, staged / arc)
        out = Path(tmp) / "out"
        tree = out / _TREE
        tree.mkdir(parents=True)
        done = subprocess.run(
            [node, str(_SCRIPT), str(core.folder), str(staged), str(tree)],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise subprocess.SubprocessError(f"node exited with {done.returncode}: {last}")
        for pyc in staged.rglob("*.pyc"):
            target = tree / pyc.relative_to(staged)
            target.parent.mkdir(parents=True, exist_ok=True)
            pyc.replace(target)
        (out / _DONE).write_text(done.stdout.strip() + "\n", encoding="utf-8")
        if folder.exists():  # another build finished it meanwhile
            return
        out.replace(folder)
