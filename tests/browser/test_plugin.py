"""stc's pytest plugin, as a user runs it: the README's example test file, in a
pytest subprocess (Playwright's sync API owns an event loop), against sites/counter."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.long  # pytest subprocesses, each with its own Chromium: a minute

COUNTER = ROOT / "sites" / "counter" / "app.py"

README_TEST = next(
    block
    for block in re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    if "stc_page" in block
)

USER_TEST = (
    README_TEST
    + """

from compiler.pytest_plugin import wait_idle


def test_wait_idle_after_a_click(stc_page):
    stc_page.get_by_role("button", name="Increment").click()
    wait_idle(stc_page)
    assert stc_page.get_by_text("Count: 1").count() == 1
    assert stc_page.locator("#stc-root").get_attribute("data-stc-status") == "idle"


def test_site(stc_site):
    assert stc_site.url.startswith("http://127.0.0.1:")
    assert (stc_site.path / "stc-build.json").is_file()
"""
)


@pytest.fixture(autouse=True)
def _not_an_xdist_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's pytest is a run of its own, not one of this run's xdist workers:
    plugins read these (pytest-benchmark then warns, and the run fails)."""
    for name in ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID"):
        monkeypatch.delenv(name, raising=False)


def test_stc_page_with_the_app_option(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_counter=USER_TEST)
    result = pytester.runpytest_subprocess("--stc-app", str(COUNTER), "--stc-chromium")
    result.assert_outcomes(passed=3)


def test_stc_app_in_the_ini_file(pytester: pytest.Pytester) -> None:
    app = pytester.mkdir("myapp") / "app.py"
    app.write_text(COUNTER.read_text(encoding="utf-8"), encoding="utf-8")
    pytester.makeini("[pytest]\nstc_app = myapp/app.py\nstc_chromium = true\n")
    pytester.makepyfile(test_counter=USER_TEST)
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=3)


def test_fixtures_without_an_app_fail_clearly(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_x="def test_page(stc_page):\n    pass\n\ndef test_other():\n    pass\n"
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*stc_site and stc_page fixtures need an app: pass --stc-app*"])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_an_app_that_does_not_build_fails_clearly(pytester: pytest.Pytester) -> None:
    app = pytester.mkdir("bad") / "app.py"
    app.write_text("import streamlit as st\nst.write('hi'\n", encoding="utf-8")
    pytester.makepyfile(test_x="def test_page(stc_page):\n    pass\n")
    result = pytester.runpytest_subprocess("--stc-app", str(app))
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*stc could not build*", "*error?STC001?: syntax error*"])
    result.stdout.no_fnmatch_line("*During handling*")
