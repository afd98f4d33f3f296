"""The exceptions stc raises for problems a user can fix.

Every one knows its exit code and how to show itself, so the CLI is a single
``except StcError`` (the pattern of click's ``ClickException``)::

    StcError                  anything stc reports instead of a traceback (exit 1)
    ├── UsageError            the command was given something it cannot use: no
    │                         such script, a folder instead of a script (exit 2)
    ├── CompileError          the app has error diagnostics (exit 1)
    ├── SettingsError         ``[tool.stc]`` or ``.streamlit/config.toml`` holds a
    │                         key or value stc cannot use (exit 1)
    ├── AssetError            something the site needs is missing or corrupt:
    │                         the entry script, the Pyodide download (exit 3)
    ├── BuildError            the output cannot be written: a folder that is not
    │                         ours, a failed rename (exit 4)
    └── ToolError             a program stc drives is missing or does not start:
                              Playwright, Chromium for ``stc test`` (exit 5)

Mistakes in the user's code are never exceptions on their own: analysis returns
:class:`~compiler.Diagnostic` values, and only the build's gate turns errors among
them into one :class:`CompileError`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from compiler._diagnostics import Diagnostic, render_diagnostic

__all__ = [
    "AssetError",
    "BuildError",
    "CompileError",
    "SettingsError",
    "StcError",
    "ToolError",
    "UsageError",
]


class StcError(Exception):
    """Base class: a message for the user and the process exit code."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def format_message(self) -> str:
        """The text shown after ``stc: error:``."""
        return self.message

    def show(self, file: TextIO | None = None) -> None:
        """Write the error to *file* (stderr by default), the way the CLI shows it."""
        print(f"stc: error: {self.format_message()}", file=file or sys.stderr)


class UsageError(StcError):
    """The command line names something stc cannot use (argparse's exit code)."""

    exit_code = 2


class CompileError(StcError):
    """The app has errors; :attr:`diagnostics` holds all of them (warnings too)."""

    exit_code = 1

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        errors = sum(1 for d in self.diagnostics if d.severity == "error")
        noun = "error" if errors == 1 else "errors"
        super().__init__(f"{errors} {noun} in the app; fix them or build anyway with --force")

    def show(self, file: TextIO | None = None) -> None:
        out = file or sys.stderr
        for diagnostic in self.diagnostics:
            print(render_diagnostic(diagnostic), file=out)
        super().show(out)


class SettingsError(StcError):
    """The settings files hold errors (:attr:`diagnostics`, each at its line): the
    build does not start, since what it was asked to do is not known; ``--force`` does
    not help, fixing the file or giving the flag does."""

    exit_code = 1

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        errors = sum(1 for d in self.diagnostics if d.severity == "error")
        noun = "error" if errors == 1 else "errors"
        super().__init__(f"{errors} {noun} in the settings; fix them (README: 'Settings')")

    def show(self, file: TextIO | None = None) -> None:
        out = file or sys.stderr
        for diagnostic in self.diagnostics:
            print(render_diagnostic(diagnostic), file=out)
        super().show(out)


class AssetError(StcError):
    """A file the site needs is missing or does not match what was pinned."""

    exit_code = 3

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = path


class BuildError(StcError):
    """The site could not be written where it was asked to go."""

    exit_code = 4


class ToolError(StcError):
    """A program stc drives is missing or does not start (``stc test``'s Playwright or
    Chromium): the machine lacks something, not the site (that is :class:`AssetError`)."""

    exit_code = 5

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = path
