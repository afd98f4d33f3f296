"""Differential tests: each script of ``cases.py`` and every ``sites/`` app runs in
real Streamlit's ``AppTest`` and in stc's; what they show, before and after each
interaction, must be the same rows (see ``harness``). Accepted differences are listed
in ``cases.KNOWN_DIFFERENCES`` with their reason."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit.testing.v1")

from .cases import CASES, KNOWN_DIFFERENCES, Case
from .harness import run_both

SITES = sorted(Path(__file__).parents[2].joinpath("sites").glob("*/app.py"))


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


def test_there_are_enough_scripts() -> None:
    assert len(CASES) >= 40
    assert (
        not set(KNOWN_DIFFERENCES)
        - {c.id for c in CASES}
        - {f"site:{p.parent.name}" for p in SITES}
    )
