"""Shared fixtures of the unit tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from runtime_wasm.testing import AppTest


@pytest.fixture
def run_app() -> Callable[[str], AppTest]:
    """Run an app given as source text once and return its ``AppTest``."""

    def run(source: str) -> AppTest:
        return AppTest.from_string(source).run()

    return run
