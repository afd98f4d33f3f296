"""The site's own standard library: the stdlib modules its first run can import, as
bytecode, instead of Pyodide's whole ``python_stdlib.zip`` of sources.

Pyodide's zip is 2.5 MB of sources, compiled by the browser at every visit: its own
start-up imports ~145 modules from it. The site's ``stc/stdlib.zip`` holds sourceless
pycs (compiled at build time, :mod:`compiler.resolve.pyc`) of:

* what Pyodide's start-up and the runtime's import load, measured under Node;
* what the app and the wheels the site carries import from the stdlib (a wheel's
  imports: the top-level ones of its modules), with the modules those import at top
  level (a static scan of the zip's sources: module-level ``import``/``from``, also
  inside module-level ``try``/``if``; imports inside functions are not followed);
* a few modules the stdlib imports lazily in common paths (``_strptime`` for
  ``datetime.strptime``, the usual codecs).

Anything else (an import inside a function, ``importlib.import_module(name)``, a
package's own imports) still works: the worker then fetches Pyodide's full zip once
and imports from it (``runtime_wasm/_stdlib_fallback.py``), at the old cost.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from runtime_wasm._stdlib_fallback import REST_LIST

__all__ = [
    "LAZY_COMPANIONS",
    "PACKAGE_LOADER",
    "PURE_FALLBACKS",
    "module_graph",
    "site_stdlib",
    "wheel_imports",
]

# Imported inside stdlib functions on paths apps commonly take.
LAZY_COMPANIONS = frozenset(
    {
        "_strptime",  # datetime.strptime, time.strptime
        "encodings.cp437",  # zipfile's names: the worker unpacks the site's zips with it
        "encodings.ascii", "encodings.latin_1", "encodings.utf_8_sig", "encodings.utf_16",
        "encodings.utf_16_le", "encodings.utf_16_be", "encodings.utf_32", "encodings.cp1252",
        "encodings.idna", "encodings.raw_unicode_escape", "encodings.unicode_escape",
    }
)  # fmt: skip

# Imported inside functions as Pyodide installs a wheel: tarfile by its package loader
# (pyodide/_package_loader.py), importlib.metadata by importlib.invalidate_caches()
# after it. Needed by every site that loads packages.
PACKAGE_LOADER = frozenset({"tarfile", "importlib.metadata"})

# Pure-Python twins of C modules Pyodide has ("try: from _datetime import *" falls back
# to them): the static scan sees their import, the interpreter never runs it.
PURE_FALLBACKS = frozenset({"_pydatetime", "_pydecimal", "_pyio", "_py_abc"})

_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import[ \t]+([^#\n]*)|import[ \t]+([^#\n]+))"
)
_FUNCTION_OR_CLASS = re.compile(r"^(?:(?:async[ \t]+)?def|class)\b|^@")


def site_stdlib(
    stdlib_zip: Path, pycs: Path, loaded: Iterable[str], app_imports: Iterable[str],
    packages: bool = False,
) -> tuple[tuple[str, Path | bytes], ...]:  # fmt: skip
    """The members of the site's stdlib.zip: the pycs (from the folder *pycs*) of
    *loaded* (what start-up and the runtime load), of *app_imports* (dotted names) with
    their top-level closure in the graph of *stdlib_zip*, and of :data:`LAZY_COMPANIONS`
    (and :data:`PACKAGE_LOADER` when the site loads *packages*);
    last, the names left out, for ``runtime_wasm/_stdlib_fallback.py``."""
    graph = module_graph(stdlib_zip)
    extra = PACKAGE_LOADER if packages else frozenset()
    wanted = _closure(graph, [*app_imports, *LAZY_COMPANIONS, *extra])
    wanted |= {name for name in loaded if name in graph}
    wanted |= {parent for name in wanted for parent in _parents(name) if parent in graph}
    members: list[tuple[str, Path | bytes]] = []
    for name in sorted(wanted):
        arc = graph[name][0].removesuffix(".py") + ".pyc"
        if (pycs / arc).is_file():
            members.append((arc, pycs / arc))
    rest = sorted(set(graph) - wanted)  # what the worker fetches Pyodide's full zip for
    members.append((REST_LIST, "\n".join(rest).encode() + b"\n"))
    return tuple(members)


@functools.cache
def module_graph(stdlib_zip: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """Each module of the zip: its member name and the modules it imports at top level."""
    with zipfile.ZipFile(stdlib_zip) as archive:
        sources = {
            _module_name(member): (member, archive.read(member).decode("utf-8", "replace"))
            for member in archive.namelist()
            if member.endswith(".py")
        }
    return {
        name: (
            member,
            frozenset(d for d in _imports(name, member, text) if d in sources and d != name),
        )
        for name, (member, text) in sources.items()
    }


def wheel_imports(wheel: Path) -> set[str]:
    """Dotted names the modules of *wheel* import at their top level (any package)."""
    found: set[str] = set()
    try:
        with zipfile.ZipFile(wheel) as archive:
            for member in archive.namelist():
                if member.endswith(".py") and ".dist-info/" not in member:
                    text = archive.read(member).decode("utf-8", "replace")
                    found |= _imports(_module_name(member), member, text)
    except (OSError, zipfile.BadZipFile):
        return set()  # the resolve stage reports unreadable wheels
    return found


def _module_name(member: str) -> str:
    return member.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def _imports(name: str, member: str, text: str) -> set[str]:
    """Dotted names imported by the module's top-level code (and their parents)."""
    package = name if member.endswith("__init__.py") else name.rpartition(".")[0]
    found: set[str] = set()
    in_body = False  # inside a top-level def or class
    for line in text.splitlines():
        if line[:1] not in ("", " ", "\t", "#"):
            in_body = bool(_FUNCTION_OR_CLASS.match(line))
        if in_body:
            continue
        match = _IMPORT.match(line)
        if match is None:
            continue
        source, names, plain = match.groups()
        if plain is not None:
            found.update(part.split(" as ")[0].strip() for part in plain.split(","))
            continue
        base = _absolute(source, package)
        found.add(base)
        for part in names.strip().strip("()\\").split(","):
            found.add(f"{base}.{part.split(' as ')[0].strip()}")
    return {parent for dotted in found for parent in (*_parents(dotted), dotted) if parent}


def _absolute(source: str, package: str) -> str:
    dots = len(source) - len(source.lstrip("."))
    if dots == 0:
        return source
    base = package
    for _ in range(dots - 1):
        base = base.rpartition(".")[0]
    rest = source[dots:]
    return f"{base}.{rest}" if rest and base else rest or base


def _parents(dotted: str) -> list[str]:
    parts = dotted.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _closure(graph: dict[str, tuple[str, frozenset[str]]], roots: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    pending = [name for root in roots for name in (*_parents(root), root) if name in graph]
    while pending:
        name = pending.pop()
        if name not in seen and name not in PURE_FALLBACKS:
            seen.add(name)
            pending.extend(graph[name][1] - seen)
    return seen
