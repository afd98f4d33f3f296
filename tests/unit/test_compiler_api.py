"""The compiler's public surface and the one diagnostic renderer."""

from __future__ import annotations

from pathlib import Path

import pytest

import compiler
from compiler import (
    AssetError,
    BuildError,
    CompileError,
    Diagnostic,
    Span,
    StcError,
    render_diagnostic,
)


def test_public_names() -> None:
    assert compiler.__all__ == [
        "AssetError",
        "BuildError",
        "BuildOptions",
        "BuildResult",
        "CompileError",
        "Diagnostic",
        "NullReporter",
        "Reporter",
        "Span",
        "StcError",
        "StreamReporter",
        "ToolError",
        "UsageError",
        "WrittenFile",
        "build",
        "check",
        "render_diagnostic",
        "serve",
        "serving",
    ]
    for name in compiler.__all__:
        assert getattr(compiler, name) is not None


def test_exception_tree_and_exit_codes() -> None:
    for cls in (CompileError, AssetError, BuildError):
        assert issubclass(cls, StcError)
    assert (StcError.exit_code, CompileError.exit_code) == (1, 1)
    assert (AssetError.exit_code, BuildError.exit_code) == (3, 4)


def _diagnostic(
    line: int, col: int, end_line: int, end_col: int, hint: str | None = None
) -> Diagnostic:
    span = Span(path="app.py", line=line, col=col, end_line=end_line, end_col=end_col)
    return Diagnostic(code="STC001", severity="error", message="boom", span=span, hint=hint)


SOURCE = "import streamlit as st\nx = st.slider('n', 0, 10)\n\tif x  > 3: pass\n"


@pytest.mark.parametrize(
    ("diagnostic", "expected"),
    [
        pytest.param(
            _diagnostic(2, 5, 2, 14, hint="try st.number_input"),
            "app.py:2:5: error[STC001]: boom\n"
            "    x = st.slider('n', 0, 10)\n"
            "        ^^^^^^^^^\n"
            "  hint: try st.number_input",
            id="span-with-hint",
        ),
        pytest.param(
            _diagnostic(3, 5, 3, 5),
            "app.py:3:5: error[STC001]: boom\n    \tif x  > 3: pass\n    \t   ^",
            id="tab-kept-single-caret",
        ),
        pytest.param(
            _diagnostic(1, 8, 3, 1),
            "app.py:1:8: error[STC001]: boom\n"
            "    import streamlit as st\n"
            "           ^^^^^^^^^^^^^^^",
            id="multi-line-to-end-of-line",
        ),
        pytest.param(
            _diagnostic(9, 1, 9, 2),
            "app.py:9:1: error[STC001]: boom",
            id="line-out-of-range",
        ),
        pytest.param(
            _diagnostic(0, 0, 0, 0, hint="h"),
            "app.py: error[STC001]: boom\n  hint: h",
            id="whole-file",
        ),
    ],
)
def test_render_diagnostic(diagnostic: Diagnostic, expected: str) -> None:
    assert render_diagnostic(diagnostic, SOURCE) == expected


LONG = "x = '" + "a" * 300 + "'" + " + b" * 100


@pytest.mark.parametrize(
    ("source", "span", "expected"),
    [
        pytest.param(
            "s = '\x1b[2J\x00'\n",
            (1, 5, 1, 12),
            ["    s = '␛[2J␀'", "        ^^^^^^^"],
            id="control-characters-as-pictures",
        ),
        pytest.param(
            LONG,
            (1, 400, 1, 403),
            ["    …" + LONG[359:519] + "…", "     " + " " * 40 + "^^^"],
            id="long-line-cut-around-the-caret",
        ),
        pytest.param(
            LONG,
            (1, 1, 1, 2000),
            ["    " + LONG[:160] + "…", "    " + "^" * 160],
            id="long-span-cut",
        ),
        pytest.param(
            LONG,
            (1, 700, 1, 701),
            ["    …" + LONG[-160:], "     " + " " * 153 + "^"],
            id="caret-at-the-end",
        ),
    ],
)
def test_render_diagnostic_is_safe_for_a_terminal(
    source: str, span: tuple[int, int, int, int], expected: list[str]
) -> None:
    rendered = render_diagnostic(_diagnostic(*span), source).splitlines()
    assert rendered[1:] == expected


def test_render_diagnostic_message_control_characters() -> None:
    diagnostic = Diagnostic(
        code="STC301",
        severity="warning",
        message="data/\x1b]0;pwned\x07.csv is not in the app folder",
        span=Span(path="app.py", line=0, col=0, end_line=0, end_col=0),
    )
    assert render_diagnostic(diagnostic, "") == (
        "app.py: warning[STC301]: data/␛]0;pwned␇.csv is not in the app folder"
    )


def test_render_diagnostic_reads_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text(SOURCE)
    assert render_diagnostic(_diagnostic(1, 1, 1, 7)).splitlines()[1:] == [
        "    import streamlit as st",
        "    ^^^^^^",
    ]
