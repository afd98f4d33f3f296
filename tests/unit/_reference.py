"""Run one script in stc's ``AppTest`` and, to compare, in real Streamlit's (the test
environment's streamlit==1.67): for unit tests that check a value or a message
against the reference rather than against our reading of it."""

from __future__ import annotations

from typing import Any

import pytest

from runtime_wasm.testing import AppTest

__all__ = ["run_both", "run_ours"]


def run_ours(script: str) -> AppTest:
    """*script* run by stc's AppTest, which must not raise."""
    at = AppTest.from_string(script).run()
    assert not at.exception, at.exception
    return at


def run_both(script: str) -> tuple[Any, AppTest]:
    """*script* run by real Streamlit's AppTest and by ours; neither may raise."""
    real_testing = pytest.importorskip("streamlit.testing.v1")
    real = real_testing.AppTest.from_string(script, default_timeout=10).run()
    assert not real.exception, real.exception
    return real, run_ours(script)
