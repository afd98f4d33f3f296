"""``stc run``'s loop on CPython: first build, the URL, a save announced to the pages,
a broken save in the terminal and in the event stream, a clean stop."""

from __future__ import annotations

import io
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from compiler import UsageError
from compiler.cli import main
from compiler.devtools._run import RunOptions, run

from .test_run_events import events

APP = 'import streamlit as st\nst.write("version one")\n'


@dataclass
class Loop:
    app: Path
    out: io.StringIO = field(default_factory=io.StringIO)
    err: io.StringIO = field(default_factory=io.StringIO)
    stop: threading.Event = field(default_factory=threading.Event)
    ready: list[str] = field(default_factory=list)
    thread: threading.Thread | None = None
    failure: list[BaseException] = field(default_factory=list)

    def start(self) -> None:
        def target() -> None:
            try:
                options = RunOptions(app=self.app, port=0, interval=0.02)
                run(options, out=self.out, err=self.err, stop=self.stop, on_ready=self.ready.append)
            except BaseException as error:
                self.failure.append(error)

        self.thread = threading.Thread(target=target)
        self.thread.start()

    def wait_ready(self, seconds: float = 120) -> str:
        for _ in range(int(seconds * 20)):
            if self.ready or self.failure:
                break
            time.sleep(0.05)
        assert not self.failure, self.failure
        assert self.ready, self.out.getvalue() + self.err.getvalue()
        return self.ready[0]

    def edit(self, old: str, new: str) -> None:
        self.app.write_text(self.app.read_text().replace(old, new))


@pytest.fixture
def loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Loop]:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text(APP)
    monkeypatch.chdir(app.parent)  # diagnostics name files as stc build does: from here
    running = Loop(app=app)
    yield running
    running.stop.set()
    if running.thread is not None:
        started = time.monotonic()
        running.thread.join(timeout=10)
        assert not running.thread.is_alive()
        assert time.monotonic() - started < 2, "stc run took long to stop"
    assert list((tmp_path / "tmp").iterdir()) == []  # its temporary site is gone


def test_a_save_is_announced_and_a_broken_one_shown(loop: Loop) -> None:
    loop.start()
    url = loop.wait_ready()
    out = loop.out.getvalue()
    assert "  You can now view your Streamlit app in your browser.\n" in out
    assert f"  Local URL: {url.rstrip('/')}\n" in out
    with events(url) as stream:
        name, first = stream.next()
        assert name == "build" and isinstance(first, dict) and first["change"] == "none"
        loop.edit("version one", "version two")
        name, data = stream.next()
        assert name == "build" and isinstance(data, dict)
        assert data["change"] == "app" and data["app"] != first["app"]

        loop.edit('st.write("version two")', 'st.write("version two"')
        name, data = stream.next()
        assert name == "failed" and isinstance(data, dict)
        assert str(data["diagnostics"]).startswith("app.py:2:9: error[STC001]: syntax error")
    assert "app.py:2:9: error[STC001]: syntax error" in loop.err.getvalue()
    assert "the page keeps the last good build" in loop.out.getvalue()
    assert "app.py changed: rebuilt in" in loop.out.getvalue()


def test_a_first_build_with_errors_waits_for_a_fix(loop: Loop) -> None:
    loop.edit('st.write("version one")', 'st.write("version one"')
    loop.start()
    for _ in range(600):
        if "fix them and save" in loop.out.getvalue():
            break
        time.sleep(0.05)
    assert "error[STC001]" in loop.err.getvalue()
    assert loop.ready == []
    loop.edit('st.write("version one"', 'st.write("version one")')
    assert loop.wait_ready().startswith("http://127.0.0.1:")


def test_not_a_script(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        run(RunOptions(app=tmp_path), out=io.StringIO(), err=io.StringIO())


def test_cli_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path)]) == 2
    assert "give the app's entry script" in capsys.readouterr().err
    assert main(["run", str(tmp_path / "app.py"), "--port", "x"]) == 2
