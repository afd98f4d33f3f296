"""``stc check``: parse and analyse only, every diagnostic once, exit 1 on errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiler import check
from compiler.cli import main
from tests.unit._analysis import assert_snapshot, write_app

# The "done when" app: one precise diagnostic, with its caret, for each problem.
BROKEN_APP = {
    "app.py": """
        import subprocess

        import pandas as pd
        import streamlit as st
        import tomato_sauce_unknown_package

        from helpers import cleanup

        df = pd.read_csv("data/sales.csv")
        st.dataframe(df)
        st.App("Tell us more")
        """,
    "helpers.py": """
        def cleanup(frame:
            return frame.dropna()
        """,
}


@pytest.fixture
def broken_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_app(tmp_path, BROKEN_APP)
    monkeypatch.chdir(tmp_path)
    return Path("app.py")


def test_check_text(broken_app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(broken_app)]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert_snapshot("check_broken_app.txt", captured.out)


def test_check_json(broken_app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(broken_app), "--format", "json"]) == 1
    listed = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["path"], d["line"]) for d in listed] == [
        ("STC201", "app.py", 1),
        ("STC101", "app.py", 11),
        ("STC001", "helpers.py", 1),
        ("STC402", "app.py", 5),
        ("STC301", "app.py", 9),
        ("STC403", "app.py", 3),
    ]
    assert set(listed[0]) == {
        "code", "severity", "message", "path", "line", "col", "end_line", "end_col", "hint",
    }  # fmt: skip
    assert (listed[0]["col"], listed[0]["end_col"], listed[0]["severity"]) == (8, 18, "error")


def test_check_clean_app_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = write_app(tmp_path, {"app.py": "import time\nimport streamlit as st\ntime.sleep(1)\n"})
    assert main(["check", str(entry)]) == 0  # an info note is not an error
    out = capsys.readouterr().out
    assert "info[STC502]" in out
    assert out.endswith(f"{entry}: 1 note in 1 Python file.\n")


def test_check_says_when_it_found_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = write_app(tmp_path, {"app.py": "import helpers\n", "helpers.py": "x = 1\n"})
    assert main(["check", str(entry)]) == 0
    assert capsys.readouterr().out == f"{entry}: no problems in 2 Python files.\n"


def test_check_missing_app_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nope.py")]) == 2
    assert "nope.py: no such file" in capsys.readouterr().err


def test_check_api_returns_values(tmp_path: Path) -> None:
    entry = write_app(tmp_path, {"app.py": "import streamlit as st\nst.sliderr('x')\n"})
    (diagnostic,) = check(entry)
    assert (diagnostic.code, diagnostic.severity) == ("STC102", "error")


def test_check_writes_nothing(broken_app: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["check", str(broken_app)]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# What the runtime refuses, said at build time: an error where the app always gets
# there, a warning where it may not.
REFUSED_APP = {
    "app.py": """
        import streamlit as st

        st.title("Events")
        st.secrets.merge_programmatic_secrets({"token": "x"})
        if not st.user.is_logged_in:
            st.button("Log in", on_click=st.login)
        """,
}


def test_check_reports_what_the_runtime_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_app(tmp_path, REFUSED_APP)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "app.py"]) == 1
    assert_snapshot("check_refused_app.txt", capsys.readouterr().out)
