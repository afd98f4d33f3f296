"""``stc``: arguments in, one message and an exit code out."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.cli import main

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"


@pytest.fixture
def app(tmp_path: Path) -> Path:
    (tmp_path / "demo").mkdir()
    script = tmp_path / "demo" / "app.py"
    script.write_text("import streamlit as st\nst.write('hi')\n")
    return script


def test_build_ok(app: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert main(["build", str(app), "-o", str(out), "--pyodide-url", CDN]) == 0
    assert (out / "index.html").is_file()
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "==> parse" in captured.err and "files" in captured.err and "MB" in captured.err


def test_default_out_dir_is_site_in_cwd(
    app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(app), "--pyodide-url", CDN]) == 0
    assert (tmp_path / "site" / "stc-build.json").is_file()


def test_syntax_error_exit_1(
    app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(app.parent)
    app.write_text("import streamlit as st\nst.write('hi'\n")
    assert main(["build", "app.py", "-o", str(tmp_path / "s"), "--pyodide-url", CDN]) == 1
    err = capsys.readouterr().err
    assert "app.py:2:9: error[STC001]: syntax error: '(' was never closed\n" in err
    assert "    st.write('hi'\n            ^\n" in err
    assert err.rstrip().endswith("build anyway with --force")
    assert "Traceback" not in err
    assert (
        main(["build", "app.py", "-o", str(tmp_path / "s"), "--pyodide-url", CDN, "--force"]) == 0
    )


@pytest.mark.parametrize(
    ("name", "said"),
    [("nope.py", "nope.py: no such file"), ("folder.py", "folder.py: a folder, not a script"),
     ("app.txt", "the app script must be a .py file")],
)  # fmt: skip
def test_unusable_app_is_a_usage_error_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, said: str
) -> None:
    (tmp_path / "folder.py").mkdir()
    (tmp_path / "app.txt").write_text("")
    assert main(["build", str(tmp_path / name), "-o", str(tmp_path / "s")]) == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


def test_foreign_output_exit_4(
    app: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("mine")
    assert main(["build", str(app), "-o", str(tmp_path / "docs"), "--pyodide-url", CDN]) == 4
    assert "refusing to replace" in capsys.readouterr().err
    assert (tmp_path / "docs" / "index.md").read_text() == "mine"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["build"]) == 2
    assert main(["serve", "x", "--port", "many"]) == 2
    assert "usage: stc" in capsys.readouterr().err


def test_help_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--help"]) == 0
    assert "default: ./site" in capsys.readouterr().out


def test_serve_missing_folder_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path / "missing"), "--port", "0"]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_serve_and_version_do_not_load_the_stages() -> None:
    # `stc serve` took ~3 s to start because the CLI imported every stage (libcst and
    # the rules) before reading its arguments; the stages load only for a command
    # that analyses (issue 19).
    import subprocess
    import sys

    probe = (
        "import sys, compiler, compiler.cli\n"
        "print(sorted(m for m in ('libcst', 'compiler._build', 'compiler._check') "
        "if m in sys.modules))\n"
        "print(compiler.check.__module__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["[]", "compiler._check"]
