"""``stc run`` as a developer uses it: the command in a process of its own, the page in
Chromium, the app's files edited on disk. A save reruns the new code in the open page
with its session state kept; a save that breaks the app shows the diagnostics in a
banner while the last good build keeps working; SIGTERM stops it at once."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, poll, wait_idle

APP = """\
import streamlit as st
from helpers import LABEL

if st.button("Add"):
    st.session_state.n = st.session_state.get("n", 0) + 1
st.write(f"count: {st.session_state.get('n', 0)}")
st.write("version one")
st.write(f"label: {LABEL}")
"""


@dataclass
class StcRun:
    """A running ``stc run``: its process, URL and what it printed so far."""

    process: subprocess.Popen[str]
    app: Path
    url: str = ""
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)

    def printed(self, pattern: str, seconds: float = 30) -> str:
        """The first line of stdout or stderr matching *pattern*, waiting for it."""
        for _ in range(int(seconds * 10)):
            for line in [*self.out, *self.err]:
                if re.search(pattern, line):
                    return line
            time.sleep(0.1)
        raise AssertionError(f"stc run never printed {pattern!r}: {self.out} {self.err}")

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.app.parent / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _collect(stream: object, lines: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.append(line.rstrip("\n"))


@pytest.fixture
def stc_run(tmp_path: Path, page: Page) -> Iterator[StcRun]:
    app = tmp_path / "dev" / "app.py"
    app.parent.mkdir()
    app.write_text(APP, encoding="utf-8")
    (app.parent / "helpers.py").write_text('LABEL = "first"\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-c", "import sys; from compiler.cli import main; sys.exit(main())"]
    process = subprocess.Popen(
        [*command, "run", "app.py", "--port", "0"], cwd=app.parent, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    running = StcRun(process=process, app=app)
    readers = [
        threading.Thread(target=_collect, args=(stream, lines), daemon=True)
        for stream, lines in ((process.stdout, running.out), (process.stderr, running.err))
    ]
    for reader in readers:
        reader.start()
    try:
        line = running.printed(r"Local URL: http://127\.0\.0\.1:\d+", seconds=180)
        assert any("You can now view your Streamlit app in your browser." in x for x in running.out)
        running.url = line.split("Local URL: ", 1)[1] + "/"
        yield running
    finally:
        page.goto("about:blank")  # a page left open would retry the stream when it ends
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            started = time.monotonic()
            try:
                process.wait(timeout=10)
            finally:
                process.kill()
            stopped = time.monotonic() - started
            for reader in readers:
                reader.join(timeout=5)
            assert process.stdout is not None and process.stderr is not None
            process.stdout.close()
            process.stderr.close()
            assert process.returncode == 0, (running.out, running.err)
            assert stopped < 3, f"stc run took {stopped:.1f} s to stop"


def shows(text: str) -> str:
    """A script for ``poll``: does the app show *text*?"""
    return f"() => document.getElementById('stc-root').innerText.includes({text!r})"


def main_text(page: Page) -> str:
    return page.locator("#stc-root").inner_text()


def open_and_count_to_two(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    for _ in range(2):
        page.get_by_role("button", name="Add").click()
        wait_idle(page)
    expect(page.locator("#stc-root")).to_contain_text("count: 2")
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads


def test_a_save_reruns_the_new_code_keeping_session_state(
    page: Page, guard: PageGuard, stc_run: StcRun
) -> None:
    open_and_count_to_two(page, stc_run.url)

    started = time.monotonic()
    stc_run.edit("app.py", "version one", "version two")
    assert poll(page, shows("version two"))
    elapsed = time.monotonic() - started
    print(f"save to page: {elapsed * 1000:.0f} ms")  # shown with -s; the README's figure
    wait_idle(page)
    text = main_text(page)
    assert "count: 2" in text and "version one" not in text
    assert page.evaluate("window.__sameDocument") is True  # no reload: the worker reran
    assert elapsed < 5
    stc_run.printed(r"app\.py changed: rebuilt in \d+ ms, the page reruns it")

    # The app's own module is imported afresh; the session still holds n.
    stc_run.edit("helpers.py", '"first"', '"second"')
    assert poll(page, shows("label: second"))
    wait_idle(page)
    page.get_by_role("button", name="Add").click()
    expect(page.locator("#stc-root")).to_contain_text("count: 3")
    assert page.evaluate("window.__sameDocument") is True


def test_a_broken_save_shows_a_banner_and_the_last_build_keeps_working(
    page: Page, guard: PageGuard, stc_run: StcRun
) -> None:
    open_and_count_to_two(page, stc_run.url)

    stc_run.edit("app.py", 'st.write("version one")', 'st.write("version one"')
    banner = page.locator("#stc-dev")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("error[STC001]")
    expect(banner).to_contain_text("app.py:7:")
    stc_run.printed(r"^app\.py:7:\d+: error\[STC001\]: syntax error")

    page.get_by_role("button", name="Add").click()  # the last good build still runs
    expect(page.locator("#stc-root")).to_contain_text("count: 3")
    assert "version one" in main_text(page)

    stc_run.edit("app.py", 'st.write("version one"', 'st.write("version fixed")')
    expect(page.locator("#stc-root")).to_contain_text("version fixed")
    expect(banner).to_have_count(0)
    wait_idle(page)
    assert "count: 3" in main_text(page)
    assert page.evaluate("window.__sameDocument") is True


def test_a_change_of_the_page_config_reloads_the_page(
    page: Page, guard: PageGuard, stc_run: StcRun
) -> None:
    """A theme is the page's own config, not the worker's: the page reloads with it."""
    page.goto(stc_run.url)
    wait_idle(page)
    page.evaluate("window.__sameDocument = true")
    assert page.locator("#stc-theme").count() == 0
    config = stc_run.app.parent / ".streamlit" / "config.toml"
    config.parent.mkdir()
    config.write_text('[theme]\nprimaryColor = "#ff0000"\n', encoding="utf-8")
    expect(page.locator("#stc-theme")).to_have_count(1, timeout=30_000)
    assert "#ff0000" in page.locator("#stc-theme").inner_text()
    wait_idle(page)
    assert page.evaluate("window.__sameDocument") is None  # a new document
    stc_run.printed(r"changed: rebuilt in \d+ ms, the page reloads")
