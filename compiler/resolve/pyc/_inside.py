"""Runs inside Pyodide under Node at build time (see ``_node.mjs``), not in stc.

Two kinds of bytecode for the site's ``runtime.zip``:

* the runtime's own modules, compiled beside their sources (``__pycache__``);
* the standard-library modules that importing the runtime pulls in beyond what Pyodide
  itself loads at start. Pyodide 314's ``python_stdlib.zip`` holds sources only, so the
  browser compiled each of them (pickle, decimal, uuid, urllib…: about 0.1 s) at every
  visit. They are written as sourceless ``.pyc`` files at the root of the runtime
  folder, which is first on ``sys.path``, so they are found before the zip's sources.
  A package goes whole (every module of it), so its other modules still import.

Unchecked-hash pycs (PEP 552): valid whatever the files' mtimes, which an unpacked zip
does not keep.
"""

from __future__ import annotations

import compileall
import importlib
import importlib.util
import py_compile
import sys
import zipfile
from pathlib import Path

__all__ = ["compile_runtime", "compile_stdlib_used"]


def compile_runtime(root: str) -> bool:
    """Compile every module under *root* into its ``__pycache__``."""
    mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
    return bool(compileall.compile_dir(root, quiet=1, invalidation_mode=mode))


def compile_stdlib_used(root: str, imports: list[str], out: str) -> list[str]:
    """Import *imports* from *root*; write the stdlib modules that pulled in (not loaded
    before) as sourceless pycs under *out*. Returns their paths relative to *out*."""
    stdlib = _stdlib_zip()
    before = set(sys.modules)
    sys.path.insert(0, root)
    for name in imports:
        if not (Path(root) / name.partition(".")[0]).exists():
            continue  # not among the sources compiled here
        try:
            importlib.import_module(name)
        except Exception as error:  # the runtime's own pycs are still worth having
            print(f"stdlib bytecode left out: import {name}: {error!r}", file=sys.stderr)
            return []
    prefix = stdlib + "/"
    tops = {
        name.partition(".")[0]
        for name in set(sys.modules) - before
        if str(getattr(sys.modules[name], "__file__", "") or "").startswith(prefix)
    }
    written: list[str] = []
    with zipfile.ZipFile(stdlib) as archive:
        for member in sorted(archive.namelist()):
            top = member.partition("/")[0].removesuffix(".py")
            if top in tops and member.endswith(".py"):
                written.append(_write_pyc(archive.read(member), f"{prefix}{member}", member, out))
    return written


def _stdlib_zip() -> str:
    found = [p for p in sys.path if p.endswith(".zip") and "python3" in Path(p).name]
    if not found:
        raise RuntimeError(f"no standard-library zip on sys.path: {sys.path}")
    return found[0]


def _write_pyc(source: bytes, origin: str, member: str, out: str) -> str:
    """*source* compiled as if loaded from *origin* (tracebacks name the zip's file)."""
    code = compile(source, origin, "exec", dont_inherit=True)
    data = importlib._bootstrap_external._code_to_hash_pyc(  # type: ignore[attr-defined]
        code, importlib.util.source_hash(source), checked=False
    )
    rel = member.removesuffix(".py") + ".pyc"
    target = Path(out) / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return rel
