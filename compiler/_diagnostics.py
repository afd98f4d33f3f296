"""Diagnostics are values, and one function renders all of them.

Analysis never raises for a mistake in the user's code; it returns
:class:`Diagnostic` values. :func:`render_diagnostic` is the only place that
decides what they look like on a terminal::

    app.py:3:5: error[STC001]: '(' was never closed
        x = (1,
            ^
      hint: ...

What it prints comes from the user's files, so it is made safe for a terminal:
control characters show as their Unicode pictures (``␛``, one column each, so the
caret stays aligned), and a source line longer than :data:`MAX_SHOWN` columns is
cut around the caret.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["MAX_SHOWN", "Diagnostic", "Severity", "Span", "ordered", "render_diagnostic"]

Severity = Literal["error", "warning", "info"]
MAX_SHOWN = 160  # columns of a source line shown around the caret
_CONTEXT = 40  # of them before the caret, when the line is cut
# C0 controls and DEL -> their Unicode control pictures (U+2400...); tab and newline stay.
_PICTURES = {c: 0x2400 + c for c in range(32) if c not in (9, 10)} | {127: 0x2421}


@dataclass(frozen=True, kw_only=True)
class Span:
    """Where a diagnostic points: 1-based lines and columns, ``end_col`` exclusive.

    ``path`` is the path as shown to the user (relative to the working directory
    when possible), and is also where :func:`render_diagnostic` reads the source line.
    ``line == 0`` means the whole file: no position and no source line are shown.
    """

    path: str
    line: int
    col: int
    end_line: int
    end_col: int


@dataclass(frozen=True, kw_only=True)
class Diagnostic:
    """One finding about the app: ``STC001`` error, a warning, or a note."""

    code: str
    severity: Severity
    message: str
    span: Span
    hint: str | None = None
    quote: bool = True  # False: never show the source line (it holds a secret)


def render_diagnostic(diagnostic: Diagnostic, source: str | None = None) -> str:
    """Render *diagnostic* as a header, the source line with a caret, and the hint.

    *source* is the text of ``span.path``; when omitted it is read from disk, and
    when it cannot be read only the header and hint are shown. The result has no
    trailing newline.
    """
    span = diagnostic.span
    where = f"{span.path}:{span.line}:{span.col}" if span.line > 0 else span.path
    header = f"{where}: {diagnostic.severity}[{diagnostic.code}]: {diagnostic.message}"
    lines = [header.translate(_PICTURES)]
    text = _source_line(span, source) if span.line > 0 and diagnostic.quote else None
    if text is not None:
        shown, caret = _excerpt(text.translate(_PICTURES), _caret(text, span))
        lines.append(f"    {shown}")
        lines.append(f"    {caret}")
    if diagnostic.hint:
        lines.append(f"  hint: {diagnostic.hint}".translate(_PICTURES))
    return "\n".join(lines)


def _excerpt(text: str, caret: str) -> tuple[str, str]:
    """*text* and its *caret* line, cut to :data:`MAX_SHOWN` columns around the caret."""
    if len(text) <= MAX_SHOWN:
        return text, caret
    start = max(min(caret.index("^") - _CONTEXT, len(text) - MAX_SHOWN), 0)
    end = start + MAX_SHOWN
    before, after = ("…" if start else ""), ("…" if end < len(text) else "")
    return (
        before + text[start:end] + after,
        (" " if start else "") + caret[start:end].rstrip(),
    )


def _source_line(span: Span, source: str | None) -> str | None:
    if source is None:
        path = Path(span.path)
        try:
            if path.resolve() != path.absolute():  # through a link: maybe out of the app
                return None
            source = path.read_text(encoding="utf-8", errors="replace")
        except (OSError, RuntimeError):
            return None
    all_lines = source.splitlines()
    if not 1 <= span.line <= len(all_lines):
        return None
    return all_lines[span.line - 1].rstrip()


def _caret(text: str, span: Span) -> str:
    start = min(max(span.col, 1), len(text) + 1) - 1
    if span.end_line == span.line and span.end_col > span.col:
        width = span.end_col - span.col
    elif span.end_line > span.line:
        width = len(text) - start
    else:
        width = 1
    width = max(1, min(width, len(text) - start))
    # Keep tabs from the source line so the caret lines up however tabs render.
    pad = "".join(c if c == "\t" else " " for c in text[:start])
    return pad + "^" * width


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def ordered(diagnostics: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
    """Errors first, then warnings, then notes; stable within each severity."""
    return tuple(sorted(diagnostics, key=lambda d: _SEVERITY_ORDER[d.severity]))
