"""The build report: JSON on stdout with ``--json``, the human version on stderr."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from compiler._diagnostics import Diagnostic, Span
from compiler._options import BuildResult, BundledPackage, RemoteFetch, WrittenFile
from compiler.cli import main
from compiler.emit._build_report import build_report, report_lines

MB = 1024 * 1024


def result() -> BuildResult:
    files = (
        WrittenFile(path="index.html", category="page", size=2_000, sha256="a"),
        WrittenFile(
            path="pyodide/pyodide.asm.wasm", category="pyodide", size=9_600_000, sha256="b"
        ),
        WrittenFile(path="stc/app.zip", category="app", size=120 * MB, sha256="c"),
        WrittenFile(path="stc/data.zip", category="app", size=60 * MB, sha256="d"),
        *(
            WrittenFile(path=f"stc/f{i}.mjs", category="runtime", size=100 + i, sha256="e")
            for i in range(12)
        ),
    )
    return BuildResult(
        out_dir=Path("site"),
        files=files,
        totals={
            "page": 2_000,
            "runtime": 1_266,
            "app": 180 * MB,
            "pyodide": 9_600_000,
            "packages": 0,
        },
        packages=(
            BundledPackage(
                name="humanize",
                version="4.13.0",
                in_site=True,
                location="packages/humanize-4.13.0-py3-none-any.whl",
                origin="pypi",
            ),
            BundledPackage(
                name="numpy",
                version="2.4.6",
                in_site=False,
                location="https://cdn.jsdelivr.net/pyodide/v314.0.7/full/numpy.whl",
                origin="pyodide",
            ),
        ),
        remote=(
            RemoteFetch(
                url="https://example.com/cat.png",
                host="example.com",
                command="st.image",
                where="app.py:3:10",
            ),
        ),
        diagnostics=(
            Diagnostic(
                code="STC403",
                severity="info",
                message="numpy 2.4.6 loads from the CDN",
                span=Span(path="app.py", line=2, col=1, end_line=2, end_col=13),
            ),
        ),
    )


def test_report_json() -> None:
    report = build_report(result(), 1.234)
    json.dumps(report)  # plain data
    assert report["bytes"] == sum(f.size for f in result().files)
    assert report["seconds"] == 1.23
    assert report["categories"]["app"] == 180 * MB
    assert [f["path"] for f in report["largest"][:3]] == [
        "stc/app.zip",
        "stc/data.zip",
        "pyodide/pyodide.asm.wasm",
    ]
    assert len(report["largest"]) == 10
    assert report["packages"]["site"] == [
        {
            "name": "humanize",
            "version": "4.13.0",
            "file": "packages/humanize-4.13.0-py3-none-any.whl",
            "from": "pypi",
        }
    ]
    assert [p["name"] for p in report["packages"]["cdn"]] == ["numpy"]
    assert len(report["warnings"]) == 1 and "stc/app.zip" in report["warnings"][0]
    assert len(report["notes"]) == 1 and "stc/data.zip" in report["notes"][0]
    assert report["diagnostics"][0]["code"] == "STC403"
    assert report["remote"] == [
        {
            "url": "https://example.com/cat.png",
            "host": "example.com",
            "command": "st.image",
            "where": "app.py:3:10",
        }
    ]


def test_report_lines() -> None:
    lines = report_lines(build_report(result(), 2.0))
    text = "\n".join(lines)
    assert lines[0].startswith("site: 16 files")
    assert "packages in the site: humanize 4.13.0" in text
    assert "Pyodide CDN at run time (needs the internet on first visit): numpy 2.4.6" in text
    assert "warning: stc/app.zip" in text
    assert "note: stc/data.zip" in text
    at = lines.index("remote resources the page will fetch (from other hosts, at run time):")
    assert lines[at + 1] == "  https://example.com/cat.png  (st.image, app.py:3:10)"


def test_report_lines_without_remote_resources() -> None:
    report = build_report(replace(result(), remote=()))
    assert report["remote"] == []
    assert not any("remote" in line for line in report_lines(report))


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text("import streamlit as st\nst.write(1)\n", encoding="utf-8")
    assert main(["build", str(app), "-o", str(tmp_path / "site"), "--json"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["files"] > 0 and report["categories"]["pyodide"] > 0
    assert report["packages"] == {"site": [], "cdn": []}
    assert "==> done" in err and "largest files:" in err
    assert report["remote"] == []


def test_cli_json_lists_remote_media(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text(
        "import streamlit as st\nst.title('Cat')\nst.image('https://Example.com/cat.png')\n",
        encoding="utf-8",
    )
    assert main(["build", str(app), "-o", str(tmp_path / "site"), "--json"]) == 0
    out, err = capsys.readouterr()
    (remote,) = json.loads(out)["remote"]
    assert remote == {
        "url": "https://Example.com/cat.png",
        "host": "example.com",
        "command": "st.image",
        "where": f"{app}:3:10",
    }
    assert f"  https://Example.com/cat.png  (st.image, {app}:3:10)" in err
