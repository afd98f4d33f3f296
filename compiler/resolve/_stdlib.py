"""Which top-level import names belong to the browser's Python, not to a package.

The host's ``sys.stdlib_module_names`` (CPython >= 3.10) is the base; the browser
runs CPython 3.14, so names added since the host's version are added and names
removed since are marked. Modules Pyodide builds without (``tkinter``, ``curses``,
``readline``, ``multiprocessing`` ...) are still standard library here: no package
can provide them, and the analysis reports them as unsupported.
"""

from __future__ import annotations

import sys

__all__ = ["PLATFORM_MODULES", "REMOVED_MODULES", "is_stdlib"]

# Public modules added in CPython 3.12-3.14 (absent from an older host's list).
_ADDED = frozenset({"annotationlib", "compression", "_colorize", "_pyrepl", "_pylong"})

# Removed from the standard library: PEP 594 (3.13), distutils and friends (3.12).
REMOVED_MODULES = frozenset(
    {
        "aifc", "asynchat", "asyncore", "audioop", "cgi", "cgitb", "chunk", "crypt",
        "distutils", "imghdr", "imp", "lib2to3", "mailcap", "msilib", "nis", "nntplib",
        "ossaudiodev", "pipes", "smtpd", "sndhdr", "spwd", "sunau", "telnetlib", "uu",
        "xdrlib",
    }
)  # fmt: skip

# Modules Pyodide itself provides at run time (not in any lock file).
PLATFORM_MODULES = frozenset({"js", "pyodide", "pyodide_js", "_pyodide"})

_STDLIB = (frozenset(sys.stdlib_module_names) | _ADDED | PLATFORM_MODULES) - REMOVED_MODULES


def is_stdlib(top: str) -> bool:
    """True when *top* is a module of Python 3.14's standard library or of Pyodide."""
    return top in _STDLIB
