"""What an import name is (:func:`classify`: stc's own, the app's, the standard
library's, removed from it, or a third party's), and the packages stc treats
otherwise than their metadata says, as data (:mod:`compiler.resolve._deps` resolves with
them): what Pyodide's own builds leave out of their lock entries, and what a
Streamlit plugin imports without declaring it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from compiler.resolve._stdlib import REMOVED_MODULES, is_stdlib

__all__ = ["PROVIDED", "PYPI_DEPENDS", "STREAMLIT_IMPORTS", "Kind", "classify", "local_tops"]

Kind = Literal["streamlit", "local", "stdlib", "removed", "third-party"]

# Import names the runtime provides: streamlit itself, the st-pages shim
# (runtime_wasm/st_pages, aliased like streamlit by runtime_wasm._alias), and
# streamlit-authenticator's API, whose logins stc proxy checks (PyPI's checks bcrypt
# hashes in the page, and needs bcrypt, cryptography and captcha: binary packages).
PROVIDED = frozenset({"streamlit", "st_pages", "streamlit_authenticator"})
# Pyodide builds some packages from its own forks, whose lock entries list fewer
# dependencies than the PyPI wheel stc vendors in their place needs (its
# Requires-Dist). httpx 0.28.1's lock entry lists none; PyPI's imports idna on
# import, and httpcore (h11, certifi) when a Client is made.
PYPI_DEPENDS: Mapping[str, tuple[str, ...]] = {
    "httpx": ("anyio", "certifi", "httpcore", "idna"),
}


# What a package that requires streamlit imports without declaring it: Streamlit
# 1.67's own dependencies (its Requires-Dist, import name -> project), which pip
# installs along with Streamlit. stc's streamlit brings none of them, so a plugin's
# unconditional module-level imports of these are resolved as the app's own would be
# (streamlit-pydantic 0.6.0 imports pandas for its output tables).
STREAMLIT_IMPORTS: Mapping[str, str] = {
    "altair": "altair",
    "anyio": "anyio",
    "click": "click",
    "google": "protobuf",
    "itsdangerous": "itsdangerous",
    "multipart": "python-multipart",
    "numpy": "numpy",
    "packaging": "packaging",
    "pandas": "pandas",
    "PIL": "pillow",
    "pyarrow": "pyarrow",
    "pydeck": "pydeck",
    "python_multipart": "python-multipart",
    "requests": "requests",
    "starlette": "starlette",
    "typing_extensions": "typing-extensions",
    "uvicorn": "uvicorn",
    "watchdog": "watchdog",
    "websockets": "websockets",
}


def local_tops(rels: Iterable[str]) -> frozenset[str]:
    """Top-level names the app's own ``.py`` files make importable.

    ``x.py`` gives ``x``; ``x/__init__.py`` and a namespace folder ``x/`` holding
    ``.py`` files (at any depth) give ``x``.
    """
    tops: set[str] = set()
    for rel in rels:
        if rel.endswith(".py"):
            first, _, rest = rel.partition("/")
            tops.add(first if rest else first[:-3])
    return frozenset(t for t in tops if t.isidentifier())


def classify(top: str, local: frozenset[str]) -> Kind:
    """Where the import of the top-level name *top* is satisfied from."""
    if top in PROVIDED:
        return "streamlit"
    if top in local:
        return "local"
    if is_stdlib(top):
        return "stdlib"
    if top in REMOVED_MODULES:
        return "removed"
    return "third-party"
