"""The data-path visitor: literal paths the app reads, checked against what ships.

In the browser the app folder is the working directory and nothing else exists,
so ``open("data.csv")`` works only if ``data.csv`` ships with the app (``STC301``
otherwise), and an absolute path never does (``STC302``). Only string literals in
the path argument of a :data:`FILE_READERS` call are checked; URLs and files opened
for writing are skipped.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath, PureWindowsPath

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from compiler.analyse.passes._context import ModuleVisitor
from compiler.analyse.passes._names import qualified_names, string_value
from compiler.analyse.passes._rules import (
    FILE_READERS,
    PATH_ABSOLUTE,
    PATH_MISSING,
)

__all__ = ["PathVisitor"]

_WRITE_MODES = frozenset("wax")


class PathVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    def visit_Call(self, node: cst.Call) -> None:
        readers = qualified_names(self, node.func) & FILE_READERS.keys()
        if not readers or _writes(node):
            return
        argument = _path_argument(node, FILE_READERS[min(readers)])
        path = string_value(argument) if argument is not None else None
        if argument is None or not path or "://" in path or path.startswith("data:"):
            return
        if _is_absolute(path):
            self.report(PATH_ABSOLUTE, argument, path=path)
        elif not self._ships(path):
            self.report(PATH_MISSING, argument, path=path, entry=self.findings.entry)

    def _ships(self, path: str) -> bool:
        rel = posixpath.normpath(path.replace("\\", "/"))
        if rel == ".":
            return True
        shipped = self.findings.shipped
        return rel in shipped or any(f.startswith(rel + "/") for f in shipped)


def _path_argument(node: cst.Call, keywords: tuple[str, ...]) -> cst.BaseExpression | None:
    for arg in node.args:
        if arg.keyword is not None and arg.keyword.value in keywords:
            return arg.value
    first = node.args[0] if node.args else None
    if first is not None and first.keyword is None and not first.star:
        return first.value
    return None


def _writes(node: cst.Call) -> bool:
    """``open(path, "w")`` and friends: the file need not exist yet."""
    mode: cst.BaseExpression | None = None
    for index, arg in enumerate(node.args):
        if (arg.keyword is None and index == 1) or (arg.keyword and arg.keyword.value == "mode"):
            mode = arg.value
    value = string_value(mode) if mode is not None else None
    return bool(value and _WRITE_MODES & set(value))


def _is_absolute(path: str) -> bool:
    return (
        PurePosixPath(path).is_absolute()
        or bool(PureWindowsPath(path).drive)
        or path.startswith("~")
    )
