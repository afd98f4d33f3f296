"""``stc test`` without a browser: which pages a site has, how results read, and
the errors before any browser starts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from compiler import StcError, ToolError
from compiler.cli import main
from compiler.devtools._testrun import PageResult, prepare_site, site_pages


def make_site(folder: Path, paths: list[str]) -> Path:
    folder.mkdir(parents=True)
    files = [{"path": p, "size": 0, "sha256": ""} for p in paths]
    (folder / "stc-build.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("paths", "pages"),
    [
        pytest.param(["index.html", "stc/page.mjs", ".nojekyll"], ("/",), id="one-page"),
        pytest.param(
            ["Settings/index.html", "index.html", "Charts/index.html", "stc/app.zip"],
            ("/", "/Charts/", "/Settings/"),
            id="pages-root-first",
        ),
        pytest.param(
            ["index.html", "pyodide/index.html", "stc/index.html", "packages/x/index.html"],
            ("/",),
            id="asset-folders-are-not-pages",
        ),
        pytest.param(
            ["index.html", "notindex.html", "a/b/index.html"], ("/", "/a/b/"), id="nested"
        ),
    ],
)
def test_site_pages(tmp_path: Path, paths: list[str], pages: tuple[str, ...]) -> None:
    assert site_pages(make_site(tmp_path / "site", paths)) == pages


def test_site_pages_unreadable_manifest(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "stc-build.json").write_text("{", encoding="utf-8")
    with pytest.raises(StcError, match="cannot read the page list"):
        site_pages(site)


@pytest.mark.parametrize(
    ("result", "line"),
    [
        pytest.param(PageResult(path="/", seconds=1.94), "ok   /            1.9 s", id="ok"),
        pytest.param(
            PageResult(path="/", seconds=3, problems=("ZeroDivisionError: division by zero",)),
            "FAIL /  ZeroDivisionError: division by zero",
            id="fail",
        ),
        pytest.param(
            PageResult(path="/Charts/", seconds=3, problems=("a", "b")),
            "FAIL /Charts/  a\n     b",
            id="more-problems-indented",
        ),
    ],
)
def test_result_line(result: PageResult, line: str) -> None:
    assert result.line() == line
    assert result.ok is (not result.problems)


def test_prepare_site_uses_a_built_site_as_is(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", ["index.html"])
    assert prepare_site(site, tmp_path / "work", reporter=_Never()) == site


def test_prepare_site_refuses_other_folders(tmp_path: Path) -> None:
    with pytest.raises(StcError, match="neither an app script"):
        prepare_site(tmp_path, tmp_path / "work", reporter=_Never())


def test_missing_app_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(tmp_path / "nope.py")]) == 2
    assert "nope.py: no such file" in capsys.readouterr().err


def test_missing_chromium_exit_5(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STC_CHROMIUM", str(tmp_path / "no-such-chromium"))
    assert main(["test", str(make_site(tmp_path / "site", ["index.html"]))]) == 5
    err = capsys.readouterr().err
    assert "STC_CHROMIUM" in err and "apt-get install chromium-headless-shell" in err


def test_missing_playwright_exit_5(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails
    with pytest.raises(ToolError, match="pip install playwright"):
        from compiler.devtools._testrun import run_in_browser

        run_in_browser(make_site(tmp_path / "site", ["index.html"]))
    assert main(["test", str(tmp_path / "site")]) == 5
    assert "stc test needs Playwright" in capsys.readouterr().err


def test_usage_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test"]) == 2
    assert main(["test", "app.py", "--timeout", "soon"]) == 2


class _Never:
    def stage(self, name: str) -> None:
        raise AssertionError("no build expected")

    def info(self, msg: str) -> None:
        raise AssertionError("no build expected")
