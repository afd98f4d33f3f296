"""Stage 2, analyse: what the build needs to know about the app beyond its files.

For now this is deliberately small: the page title, and notes about files that were
held back. The libcst visitors (``st.*`` rules, unsupported APIs) land here later;
they will read ``ParsedApp.modules`` and add diagnostics, never raise.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler._diagnostics import Diagnostic, Span
from compiler._facts import ImportRef
from compiler._parse import ParsedApp

__all__ = ["Analysis", "analyse"]


@dataclass(frozen=True, kw_only=True)
class Analysis:
    title: str
    diagnostics: tuple[Diagnostic, ...]
    imports: tuple[ImportRef, ...] = ()

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")


def analyse(parsed: ParsedApp) -> Analysis:
    """Derive the title and collect every diagnostic of the app, errors first."""
    notes = tuple(
        Diagnostic(
            code="STC010",
            severity="info",
            message=f"{rel} is not shipped: everything in a static site is public",
            span=Span(path=rel, line=0, col=0, end_line=0, end_col=0),
            hint="st.secrets is empty in the browser; pass values another way",
        )
        for rel in parsed.secrets_skipped
    )
    order = {"error": 0, "warning": 1, "info": 2}
    diagnostics = sorted(parsed.diagnostics + notes, key=lambda d: order[d.severity])
    return Analysis(title=_title(parsed.app_dir.name), diagnostics=tuple(diagnostics))


def _title(folder: str) -> str:
    words = folder.replace("_", " ").replace("-", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or "Streamlit app"
