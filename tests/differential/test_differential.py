"""Differential tests: each script of ``cases``, every ``sites/`` app and every page
script of a multipage site (run as a script of its own) runs in real Streamlit's
``AppTest`` and in stc's; what they show, before and after each interaction, must be
the same rows (see ``harness``). Accepted differences are listed in
``cases.KNOWN_DIFFERENCES`` with their reason."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit.testing.v1")

from compiler.analyse._analyse import analyse
from compiler.analyse._parse import parse
from runtime_wasm._pagefiles import is_page_script

from .cases import CASES, KNOWN_DIFFERENCES, Case
from .harness import run_both

SITES = sorted(Path(__file__).parents[2].joinpath("sites").glob("*/app.py"))


def _page_scripts(app: Path) -> list[Path]:
    """The page scripts of *app* besides itself, as the build finds them: literal
    ``st.Page`` / ``st.navigation`` / st-pages paths, and the ``pages/`` folder."""
    parsed = parse(app, app.parent / ".stc-site")
    declared = {page.script for page in analyse(parsed).pages if page.script}
    folder = {f.rel for f in parsed.files if is_page_script(f.rel)}
    return [app.parent / rel for rel in sorted((declared | folder) - {parsed.entry})]


PAGES = [(app, page) for app in SITES for page in _page_scripts(app)]


def _page_id(app: Path, page: Path) -> str:
    return f"page:{app.parent.name}/{page.relative_to(app.parent).as_posix()}"


def _check(case_id: str, real: object, ours: object) -> None:
    if case_id in KNOWN_DIFFERENCES:
        assert real != ours, f"{case_id} now matches: remove it from KNOWN_DIFFERENCES"
        return
    assert ours == real


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_script_matches_streamlit(case: Case) -> None:
    real, ours = run_both(case.script, case.actions)
    _check(case.id, real, ours)


@pytest.mark.parametrize("app", SITES, ids=[p.parent.name for p in SITES])
def test_site_matches_streamlit(app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(app.parent)
    monkeypatch.syspath_prepend(str(app.parent))
    real, ours = run_both(app, [])
    _check(f"site:{app.parent.name}", real, ours)


@pytest.mark.parametrize(("app", "page"), PAGES, ids=[_page_id(*p) for p in PAGES])
def test_page_matches_streamlit(app: Path, page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A page runs from the app's folder, as in the site: relative paths start there.
    monkeypatch.chdir(app.parent)
    monkeypatch.syspath_prepend(str(app.parent))
    real, ours = run_both(page, [])
    _check(_page_id(app, page), real, ours)


def test_there_are_enough_scripts() -> None:
    assert len(CASES) >= 40
    assert (
        not set(KNOWN_DIFFERENCES)
        - {c.id for c in CASES}
        - {f"site:{p.parent.name}" for p in SITES}
        - {_page_id(*p) for p in PAGES}
    )
