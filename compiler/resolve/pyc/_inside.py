"""Runs inside Pyodide under Node at build time (see ``_node.mjs``), not in stc.

Two jobs, each cached by stc on its own:

* ``runtime``: compile the runtime's modules into ``x.pyc`` beside each ``x.py`` (the
  layout zipimport reads: the worker imports the runtime from its zip), with file
  names as they will be in the worker (``ddir``); then import the runtime and list the
  stdlib modules loaded by then, by Pyodide's own start-up or by the runtime: the part
  of the stdlib every site needs.
* ``stdlib``: compile every module of Pyodide's ``python_stdlib.zip`` (sources only)
  into a sourceless ``.pyc`` under the same relative path. stc picks from these the
  site's own standard library (``compiler/resolve/_site_stdlib.py``).

Unchecked-hash pycs (PEP 552): valid whatever the files' mtimes, which an unpacked zip
does not keep. The stdlib is compiled with ``optimize=2`` (docstrings and asserts out,
as ``python -OO`` does), which CPython's standard library supports.
"""

from __future__ import annotations

import compileall
import importlib
import importlib.util
import py_compile
import sys
import zipfile
from pathlib import Path

__all__ = ["compile_runtime", "compile_stdlib", "stdlib_loaded"]


def compile_runtime(root: str, ddir: str) -> bool:
    """Compile every module under *root* beside its source, named as under *ddir*."""
    mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
    return bool(
        compileall.compile_dir(root, ddir=ddir, quiet=1, invalidation_mode=mode, legacy=True)
    )


def stdlib_loaded(root: str, imports: list[str], at_start: list[str]) -> list[str]:
    """Import *imports* from *root*; the names of the stdlib modules loaded by then,
    leaving out what this tool loaded for itself (not in *at_start*, Pyodide's start)."""
    prefix = _stdlib_zip() + "/"
    before = set(sys.modules)
    sys.path.insert(0, root)
    for name in imports:
        if (Path(root) / name.partition(".")[0]).exists():  # among the sources given
            importlib.import_module(name)
    wanted = set(at_start) | (set(sys.modules) - before)
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if name in wanted and str(getattr(module, "__file__", "") or "").startswith(prefix)
    )


def compile_stdlib(out: str) -> int:
    """Every ``.py`` of the stdlib zip as a sourceless pyc under *out*; how many."""
    stdlib = _stdlib_zip()
    count = 0
    with zipfile.ZipFile(stdlib) as archive:
        for member in archive.namelist():
            if member.endswith(".py"):
                _write_pyc(archive.read(member), f"{stdlib}/{member}", member, out)
                count += 1
    return count


def _stdlib_zip() -> str:
    found = [p for p in sys.path if p.endswith(".zip") and "python3" in Path(p).name]
    if not found:
        raise RuntimeError(f"no standard-library zip on sys.path: {sys.path}")
    return found[0]


def _write_pyc(source: bytes, origin: str, member: str, out: str) -> None:
    """*source* compiled as if loaded from *origin* (tracebacks name the zip's file)."""
    try:
        code = compile(source, origin, "exec", dont_inherit=True, optimize=2)
    except SyntaxError:  # test data in the zip (lib2to3-style fixtures): not importable
        return
    data = importlib._bootstrap_external._code_to_hash_pyc(  # type: ignore[attr-defined]
        code, importlib.util.source_hash(source), checked=False
    )
    target = Path(out) / (member.removesuffix(".py") + ".pyc")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
