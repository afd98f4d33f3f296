"""Stage 1, parse: find the app's files and judge and parse every ``.py`` among them.

The app folder is the folder of the script as given (a symbolic link named
``app.py`` does not move it), and a boundary (:mod:`compiler.analyse._appfiles`): files
left out of it, secrets and files outside it, become diagnostics here. Each module
goes through :mod:`compiler.analyse._syntax`: a syntax error is a ``STC001`` diagnostic, not
an exception, and the build gate decides whether it stops the build (it does,
unless ``--force``). A file too large or deep to analyse ships unanalysed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import libcst as cst

from compiler._diagnostics import Diagnostic, Span
from compiler._exceptions import CompileError, UsageError
from compiler.analyse._appfiles import AppFile, LeftOut, Why, collect_app_files
from compiler.analyse._facts import ImportRef
from compiler.analyse._syntax import read_module
from compiler.analyse.passes._rules import (
    Rule,
)

__all__ = ["ParsedApp", "display_path", "parse"]


@dataclass(frozen=True, kw_only=True)
class ParsedApp:
    """The app folder, its shipped files and the modules that parsed.

    ``modules`` are the files to analyse; ``imports`` were read from CPython's AST
    in the files that are shipped unanalysed (see :mod:`compiler.analyse._syntax`).
    ``withheld`` are files of the app folder left out for a credential in their
    content (``STC012``): never shipped as they are, and read only to ship a redacted
    copy of the one the app's logins read (:mod:`compiler.analyse._logins`).
    """

    app_dir: Path
    entry: str
    files: tuple[AppFile, ...]
    modules: Mapping[str, cst.Module]
    diagnostics: tuple[Diagnostic, ...]
    imports: tuple[ImportRef, ...] = ()
    withheld: Mapping[str, Path] = field(default_factory=dict)  # rel → its path

    def text(self, rel: str) -> str | None:
        """The text of the shipped file *rel*, or ``None``: files outside the boundary,
        left out or absent are never read (this is how later stages read app files)."""
        for file in self.files:
            if file.rel == rel:
                try:
                    return file.path.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    return None
        return None


def parse(app: Path, out_dir: Path) -> ParsedApp:
    """Collect the files of the app whose entry script is *app*, and parse its Python."""
    entry_path = Path(os.path.abspath(app))
    if entry_path.suffix != ".py":
        raise UsageError(f"the app script must be a .py file: {app}")
    if not entry_path.is_file() and not entry_path.is_symlink():
        what = "a folder, not a script" if entry_path.is_dir() else "no such file"
        raise UsageError(f"{app}: {what}; give the app's entry script, e.g. app.py")
    app_dir = entry_path.parent
    collected = collect_app_files(app_dir, out_dir)
    left_out = [_left_out(app_dir, item) for item in collected.left_out]
    if not any(f.rel == entry_path.name for f in collected.files):
        shown = display_path(entry_path)
        raise CompileError(
            [d for d in left_out if d.span.path == shown]
            or [_ENTRY_UNREADABLE.diagnostic(_whole_file(app_dir, entry_path.name))]
        )
    modules: dict[str, cst.Module] = {}
    diagnostics = [*left_out]
    diagnostics += [_UNSCANNED.diagnostic(_whole_file(app_dir, r)) for r in collected.unscanned]
    imports: list[ImportRef] = []
    for file in collected.files:
        if not file.rel.endswith(".py"):
            continue
        display = display_path(file.path)
        try:
            source = file.path.read_bytes()
        except OSError as error:
            where = _whole_file(app_dir, file.rel)
            diagnostics.append(_UNREADABLE.diagnostic(where, why=str(error.strerror)))
            continue
        result = read_module(source, display)
        diagnostics += result.diagnostics
        if result.tree is not None:
            modules[file.rel] = result.tree
        imports += _import_refs(file.rel, display, result.imports)
    return ParsedApp(
        app_dir=app_dir,
        entry=entry_path.name,
        files=collected.files,
        modules=modules,
        diagnostics=tuple(diagnostics),
        imports=tuple(imports),
        withheld={
            item.rel: app_dir / item.rel
            for item in collected.left_out
            if item.why == "secret-content"
        },
    )


_LEFT_OUT: dict[Why, Rule] = {  # message and hint take {detail}
    "outside": Rule(
        code="STC011", severity="error",
        message="a symbolic link to a {detail} outside the app folder: not read, not shipped",
        hint="copy what the app needs into the app folder, or list the link in .stcignore",
    ),
    "linked-folder": Rule(
        code="STC011", severity="warning",
        message="a symbolic link to a folder: not followed, not shipped under this name",
        hint="the folder it points to ships under its own name; open files by that path, "
        "or replace the link with the folder",
    ),
    "secret-name": Rule(
        code="STC010", severity="info",
        message="not shipped: its name says it holds {detail}, and a static site is public",
        hint="the browser gets only keys marked public ([tool.stc] public_secrets); keep the "
        "rest on a server you own, such as stc proxy",
    ),
    "secret-content": Rule(
        code="STC012", severity="error",
        message="this file holds what looks like a {detail}: it is not shipped, since "
        "everything in a static site is public",
        hint="move the value out of the app folder (a server you own keeps it); if it is no "
        "secret, end the line with `# pragma: allowlist secret`",
    ),
    "bad-name": Rule(
        code="STC013", severity="warning",
        message="this {detail} name is not valid UTF-8 text: not shipped",
        hint="rename it with letters a URL can carry",
    ),
}  # fmt: skip
_UNSCANNED = Rule(
    code="STC014",
    severity="info",
    message="shipped without a scan for secrets: over 8 MB",
    hint="make sure it holds no keys or passwords: the site is public",
)
_UNREADABLE = Rule(code="STC002", severity="error", message="cannot read this file: {why}")
_ENTRY_UNREADABLE = Rule(code="STC011", severity="error", message="cannot be read")


def _left_out(app_dir: Path, item: LeftOut) -> Diagnostic:
    where = _whole_file(app_dir, item.rel)
    if item.line:  # a secret found in the content: located, but its line never quoted
        where = replace(where, line=item.line, col=item.col, end_line=item.line,
                        end_col=item.col + 1)  # fmt: skip
        return replace(_LEFT_OUT[item.why].diagnostic(where, detail=item.detail), quote=False)
    return _LEFT_OUT[item.why].diagnostic(where, detail=item.detail)


def _whole_file(app_dir: Path, rel: str) -> Span:
    return Span(path=display_path(app_dir / rel), line=0, col=0, end_line=0, end_col=0)


def _import_refs(
    rel: str, display: str, found: tuple[tuple[str, int, int, int], ...]
) -> list[ImportRef]:
    """ImportRefs of an unanalysed module (absolute imports: relative ones are the app's)."""
    return [
        ImportRef(
            module=module,
            top=module.partition(".")[0],
            file=rel,
            span=Span(path=display, line=line, col=col, end_line=line, end_col=col + 1),
        )
        for module, level, line, col in found
        if module and level == 0
    ]


def display_path(path: Path) -> str:
    """*path* as diagnostics show it: relative to the working directory when inside it."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
