"""Stage 2, analyse: what the build needs to know about the app beyond its files.

Every module of the app goes through each visitor of :data:`VISITORS` (libcst
visitors with metadata, see :mod:`compiler._analysis`); they collect imports and
diagnostics and change nothing. Then the browser rewrite (:mod:`compiler._rewrite`)
turns blocking sleeps into awaits; the rewritten sources are what ship. Analysis
never raises for a mistake in the app: it returns diagnostics.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from libcst.metadata import MetadataWrapper

from compiler._analysis import (
    VISITORS,
    AppModule,
    CallFacts,
    CallVisitor,
    Findings,
    PagesVisitor,
    StreamlitUses,
    module_name,
    pages_folder_collisions,
)
from compiler._diagnostics import Diagnostic
from compiler._facts import ImportRef, PageRef
from compiler._parse import ParsedApp, display_path
from compiler._rewrite import AwaitTransformer, plan_rewrites
from runtime_wasm._pagefiles import is_page_script

__all__ = ["Analysis", "analyse"]

_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, kw_only=True)
class Analysis:
    title: str
    diagnostics: tuple[Diagnostic, ...]
    imports: tuple[ImportRef, ...] = ()
    pages: tuple[PageRef, ...] = ()  # pages the app declares (st.Page, st.navigation)
    streamlit: StreamlitUses = field(default_factory=StreamlitUses)  # the st.* names used
    # rel path → new source, for the modules the browser rewrite changed
    rewritten: Mapping[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")


def analyse(parsed: ParsedApp) -> Analysis:
    """Run every visitor over every module, then the rewrite; errors first."""
    # Fresh from the parser, so every node is unique: the defensive copy is waste.
    wrappers = {
        rel: MetadataWrapper(tree, unsafe_skip_copy=True) for rel, tree in parsed.modules.items()
    }
    scripts = _page_scripts(parsed, wrappers)
    modules = [
        AppModule(
            rel=rel,
            name=module_name(rel),
            display=display_path(parsed.app_dir / rel),
            # Pages (pages/*.py, st.Page files) run as scripts too (their own __main__),
            # top-level await included, so a time.sleep there can become an await.
            is_entry=rel == parsed.entry or is_page_script(rel) or rel in scripts,
            wrapper=wrapper,
        )
        for rel, wrapper in wrappers.items()
    ]
    findings = _findings(parsed)
    facts = CallFacts(modules=frozenset(m.name for m in modules))
    for module in modules:
        visitors = [visitor(module, findings) for visitor in VISITORS]
        module.wrapper.visit_batched([*visitors, CallVisitor(module, findings, facts)])
    plan = plan_rewrites(facts)
    rewritten = {
        module.rel: module.wrapper.module.visit(AwaitTransformer(plan)).code
        for module in modules
        if module.name in plan.modules
    }
    folder = pages_folder_collisions(
        parsed.entry, findings.shipped, lambda rel: display_path(parsed.app_dir / rel)
    )
    diagnostics = [*parsed.diagnostics, *folder, *findings.diagnostics]
    diagnostics += plan.diagnostics
    return Analysis(
        title=_title(parsed.app_dir.name),
        diagnostics=tuple(sorted(diagnostics, key=_sort_key)),
        imports=(*findings.imports, *parsed.imports),
        pages=tuple(findings.pages),
        streamlit=findings.streamlit_uses(),
        rewritten=rewritten,
    )


def _findings(parsed: ParsedApp) -> Findings:
    return Findings(
        app_dir=parsed.app_dir,
        entry=parsed.entry,
        shipped=frozenset(f.rel for f in parsed.files),
    )


def _page_scripts(parsed: ParsedApp, wrappers: Mapping[str, MetadataWrapper]) -> frozenset[str]:
    """The files the app declares as pages (``st.Page("x.py")``…): a first pass of the
    pages visitor alone (its metadata is kept for the full pass), since whether a
    module runs as a script decides what the full pass may rewrite in it."""
    scratch = _findings(parsed)
    for rel, wrapper in wrappers.items():
        module = AppModule(rel=rel, name=module_name(rel), display=rel, is_entry=False,
                           wrapper=wrapper)  # fmt: skip
        wrapper.visit_batched([PagesVisitor(module, scratch)])
    return frozenset(p.script for p in scratch.pages if p.script is not None)


def _sort_key(diagnostic: Diagnostic) -> tuple[int, str, int, int]:
    span = diagnostic.span
    return (_ORDER[diagnostic.severity], span.path, span.line, span.col)


def _title(folder: str) -> str:
    words = folder.replace("_", " ").replace("-", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or "Streamlit app"
