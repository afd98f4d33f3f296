"""Make ``import streamlit`` (and ``streamlit.x.y``) resolve to ``runtime_wasm.streamlit``.

The app's own code, and third-party packages written for Streamlit, import
``streamlit``. An alias finder rather than a copy means there is exactly one set of
module objects: ``streamlit.errors.StreamlitAPIException`` *is* the class the runtime
raises. ``AppTest`` installs the alias only while a script runs and puts back any
real ``streamlit`` modules afterwards (see ``aliased``).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from types import ModuleType

__all__ = ["aliased", "install", "uninstall"]

ALIAS = "streamlit"
TARGET = "runtime_wasm.streamlit"
# Packages the runtime provides under their PyPI import names: st-pages, and
# streamlit-authenticator (logins checked by stc proxy).
ALIASES = {
    ALIAS: TARGET,
    "st_pages": "runtime_wasm.st_pages",
    "streamlit_authenticator": "runtime_wasm.streamlit_authenticator",
}


def _aliased_name(fullname: str) -> bool:
    return any(fullname == a or fullname.startswith(a + ".") for a in ALIASES)


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return importlib.import_module(self.target)

    def exec_module(self, module: ModuleType) -> None:
        pass  # already executed under its real name


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        alias = fullname.partition(".")[0]
        if alias not in ALIASES:
            return None
        real = ALIASES[alias] + fullname[len(alias) :]
        if importlib.util.find_spec(real) is None:
            if fullname == alias and alias != ALIAS:
                # A site carries a stand-in only when the build saw the app import it
                # (compiler/resolve/_resolve.py, OPTIONAL_SHIMS).
                raise ModuleNotFoundError(
                    f"No module named {alias!r}: stc left its stand-in for {alias} out "
                    f"of this site because the build saw no import of it; import it by "
                    f"name in the app (`import {alias}`) and build again",
                    name=alias,
                )
            return None
        return ModuleSpec(fullname, _AliasLoader(real), is_package=True)


_FINDER = _AliasFinder()


def install() -> None:
    """Route ``streamlit`` imports to our runtime. Safe to call twice."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
    sys.modules[ALIAS] = importlib.import_module(TARGET)


def uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    for name in [n for n in sys.modules if _aliased_name(n)]:
        del sys.modules[name]


@contextmanager
def aliased() -> Iterator[None]:
    """Install the alias for the duration of a block, restoring what was there."""
    saved = {n: m for n, m in sys.modules.items() if _aliased_name(n)}
    uninstall()
    install()
    try:
        yield
    finally:
        uninstall()
        sys.modules.update(saved)
