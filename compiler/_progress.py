"""Progress reporting, injected into :func:`compiler.build` instead of ``print``.

The build announces each stage and a few facts; the CLI decides where they go
(stderr), tests pass :class:`NullReporter` or a recording one.
"""

from __future__ import annotations

import sys
from typing import Protocol, TextIO

__all__ = ["NullReporter", "Reporter", "StreamReporter"]


class Reporter(Protocol):
    """Receives the build's progress."""

    def stage(self, name: str) -> None:
        """A new stage starts (``parse``, ``analyse``, ...)."""

    def info(self, msg: str) -> None:
        """A fact worth telling the user within the current stage."""


class NullReporter:
    """Discards everything."""

    def stage(self, name: str) -> None:
        pass

    def info(self, msg: str) -> None:
        pass


class StreamReporter:
    """Writes ``==> stage`` banners and indented facts to a stream (stderr by default)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream

    def stage(self, name: str) -> None:
        print(f"==> {name}", file=self._stream or sys.stderr)

    def info(self, msg: str) -> None:
        print(f"    {msg}", file=self._stream or sys.stderr)
