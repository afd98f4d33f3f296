"""Stage 1, parse: find the app's files and parse every ``.py`` among them with libcst.

A syntax error is a ``STC001`` diagnostic, not an exception: the build gate decides
whether it stops the build (it does, unless ``--force``).

libcst decides *whether* a file parses (it accepts the newest grammar, which the
browser's Python 3.14 runs). To describe *where*, we ask the host CPython too: its
``SyntaxError`` carries an exact span and friendly messages ("'(' was never
closed"), while libcst's native parser reports column 0 and the next token. The host
may be older than Pyodide's Python, so CPython only refines an error libcst found.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from compiler._appfiles import AppFile, collect_app_files
from compiler._diagnostics import Diagnostic, Span
from compiler._errors import AssetError

__all__ = ["ParsedApp", "display_path", "parse"]

_LIBCST_POSITION = re.compile(r"error at (\d+):(\d+): ")


@dataclass(frozen=True, kw_only=True)
class ParsedApp:
    """The app folder, its shipped files and the modules that parsed."""

    app_dir: Path
    entry: str
    files: tuple[AppFile, ...]
    modules: Mapping[str, cst.Module]
    diagnostics: tuple[Diagnostic, ...]
    secrets_skipped: tuple[str, ...]


def parse(app: Path, out_dir: Path) -> ParsedApp:
    """Collect the files of the app whose entry script is *app*, and parse its Python."""
    entry_path = app.resolve()
    if not entry_path.is_file():
        raise AssetError(f"no such app script: {app}", path=app)
    if entry_path.suffix != ".py":
        raise AssetError(f"the app script must be a .py file: {app}", path=app)
    app_dir = entry_path.parent
    collected = collect_app_files(app_dir, out_dir)
    modules: dict[str, cst.Module] = {}
    diagnostics: list[Diagnostic] = []
    for file in collected.files:
        if file.rel.endswith(".py"):
            source = file.path.read_bytes()
            result = _parse_module(source, display_path(file.path))
            if isinstance(result, cst.Module):
                modules[file.rel] = result
            else:
                diagnostics.append(result)
    return ParsedApp(
        app_dir=app_dir,
        entry=entry_path.name,
        files=collected.files,
        modules=modules,
        diagnostics=tuple(diagnostics),
        secrets_skipped=collected.secrets_skipped,
    )


def _parse_module(source: bytes, display: str) -> cst.Module | Diagnostic:
    try:
        return cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        return _syntax_diagnostic(source, display, error)
    except (SyntaxError, UnicodeDecodeError) as error:  # bad encoding declaration or bytes
        return Diagnostic(
            code="STC002",
            severity="error",
            message=f"cannot decode this file: {error}",
            span=Span(path=display, line=1, col=1, end_line=1, end_col=1),
            hint="save it as UTF-8",
        )


def _syntax_diagnostic(source: bytes, display: str, error: cst.ParserSyntaxError) -> Diagnostic:
    message = error.message
    line, col = error.raw_line, error.raw_column + 1
    found = _LIBCST_POSITION.search(message)
    if found:
        line, col = int(found[1]), int(found[2]) + 1
        message = message[found.end() :]
    end_line, end_col = line, col + 1
    try:
        compile(source, display, "exec", dont_inherit=True)
    except SyntaxError as cpython:
        if cpython.lineno:
            message = cpython.msg
            line, col = cpython.lineno, max(cpython.offset or 1, 1)
            end_line = cpython.end_lineno or line
            end_col = cpython.end_offset if cpython.end_offset and cpython.end_offset > 0 else 0
            if end_line == line and end_col <= col:
                end_col = col + 1
    except (ValueError, UnicodeDecodeError):
        pass
    return Diagnostic(
        code="STC001",
        severity="error",
        message=f"syntax error: {message}",
        span=Span(path=display, line=line, col=col, end_line=end_line, end_col=end_col),
        hint=None,
    )


def display_path(path: Path) -> str:
    """*path* as diagnostics show it: relative to the working directory when inside it."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
