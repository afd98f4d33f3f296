"""``stc run``'s watcher: which files it watches, and when it reports a save."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compiler.devtools._watch import Watcher, changed_paths, scan


@pytest.mark.parametrize(
    ("rel", "watched"),
    [
        pytest.param("app.py", True, id="the script"),
        pytest.param("pages/1_Two.py", True, id="a page"),
        pytest.param("data/rows.csv", True, id="a data file"),
        pytest.param(".streamlit/config.toml", True, id="streamlit's config"),
        pytest.param(".stcignore", True, id="a dot-file at the top"),
        pytest.param("__pycache__/app.cpython-311.pyc", False, id="bytecode"),
        pytest.param("pkg/__pycache__/m.cpython-311.pyc", False, id="nested bytecode"),
        pytest.param(".git/HEAD", False, id="version control"),
        pytest.param(".venv/lib/x.py", False, id="a virtual environment"),
        pytest.param(".mypy_cache/x.json", False, id="a tool's cache"),
        pytest.param("node_modules/x/index.js", False, id="node modules"),
        pytest.param("site/index.html", False, id="the site being written"),
        pytest.param("built/stc-build.json", False, id="a site stc build wrote"),
        pytest.param("env/pyvenv.cfg", False, id="a virtual environment by another name"),
    ],
)
def test_what_is_watched(tmp_path: Path, rel: str, watched: bool) -> None:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x")
    assert (rel in scan(tmp_path, skip=(tmp_path / "site",))) is watched


def test_changed_paths_are_added_removed_and_changed() -> None:
    before = {"a.py": (1, 10), "b.py": (1, 10), "c.py": (1, 10)}
    after = {"a.py": (1, 10), "b.py": (2, 11), "d.py": (1, 10)}
    assert changed_paths(before, after) == {"b.py", "c.py", "d.py"}


def test_a_rewrite_of_the_same_size_is_seen(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("version 1")
    watcher = Watcher(tmp_path)
    assert watcher.poll() == set()
    script.write_text("version 2")
    stat = script.stat()
    os.utime(script, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # coarse clocks
    assert watcher.poll() == {"app.py"}
    assert watcher.poll() == set()
    (tmp_path / "new.py").write_text("")
    script.unlink()
    assert watcher.poll() == {"app.py", "new.py"}


def test_wait_returns_once_the_save_is_finished(tmp_path: Path) -> None:
    """An editor's save in three writes is one change, reported after the last."""
    script = tmp_path / "app.py"
    script.write_text("")
    writes = iter(["", "part", "part and the rest"])
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        text = next(writes, None)
        if text is not None:
            script.write_text(text)
            stat = script.stat()
            os.utime(script, ns=(stat.st_atime_ns, stat.st_mtime_ns + len(sleeps) * 10**6))

    watcher = Watcher(tmp_path, interval=0.5, settle=0.01, sleep=sleep)
    assert watcher.wait(lambda: False) == {"app.py"}
    assert script.read_text() == "part and the rest"
    # one idle interval, then settle until two scans agree
    assert sleeps[0] == 0.5 and set(sleeps[1:]) == {0.01}
    assert watcher.poll() == set()


def test_wait_ends_when_stopped(tmp_path: Path) -> None:
    calls = []
    watcher = Watcher(tmp_path, sleep=lambda s: calls.append(s))
    assert watcher.wait(lambda: len(calls) >= 3) == set()
    assert len(calls) == 3
