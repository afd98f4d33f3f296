"""``stc init-pages`` writes a workflow that builds with stc and deploys to Pages;
``stc serve`` answers a missing path with the site's 404.html, as GitHub Pages does."""

from __future__ import annotations

import shlex
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from compiler import serving
from compiler._exceptions import BuildError
from compiler.cli import main
from compiler.devtools._pages_workflow import (
    WORKFLOW_PATH,
    InitPagesOptions,
    init_pages,
    workflow,
)

_PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
_PROJECT = tomllib.loads(_PYPROJECT.read_text(encoding="utf-8"))["project"]


def test_init_pages_writes_the_workflow(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "main.py").write_text("import streamlit as st\n")
    written = init_pages(InitPagesOptions(app=Path("app/main.py"), repo=tmp_path))
    assert written == tmp_path / WORKFLOW_PATH
    text = written.read_text()
    assert "run: stc build app/main.py -o site" in text
    assert "uses: actions/upload-pages-artifact@v3" in text and "path: site" in text
    assert "uses: actions/deploy-pages@v4" in text
    assert "pages: write" in text and "id-token: write" in text
    assert "hashFiles('app/requirements.txt')" in text
    with pytest.raises(BuildError, match="exists; replace it with --force"):
        init_pages(InitPagesOptions(app=Path("app/main.py"), repo=tmp_path))
    init_pages(InitPagesOptions(app=Path("app/main.py"), repo=tmp_path, branch="gh", force=True))
    assert "branches: [gh]" in written.read_text()


def test_init_pages_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init-pages", "missing.py"]) == 4
    (tmp_path / "app.py").write_text("")
    assert main(["init-pages", "app.py"]) == 0
    assert (tmp_path / WORKFLOW_PATH).is_file()


def test_serve_answers_missing_paths_with_the_nearest_404(tmp_path: Path) -> None:
    site = tmp_path / "repo"
    site.mkdir()
    (site / "index.html").write_text("home")
    (site / "404.html").write_text("not here")
    with serving(tmp_path) as url:
        with pytest.raises(urllib.error.HTTPError) as deep:
            urllib.request.urlopen(f"{url}repo/a/b/c/")
        assert (deep.value.code, deep.value.read()) == (404, b"not here")
        with pytest.raises(urllib.error.HTTPError) as outside:
            urllib.request.urlopen(f"{url}elsewhere/")
        assert outside.value.code == 404 and b"not here" not in outside.value.read()


def test_init_pages_bake_rebuilds_on_a_schedule_with_secrets_outside_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text("")
    assert main(["init-pages", "app.py", "--bake", "--schedule", "0 */6 * * *"]) == 0
    text = (tmp_path / WORKFLOW_PATH).read_text()
    assert '    - cron: "0 */6 * * *"' in text
    assert _installed(text) == f"stc-compiler[proxy]=={_PROJECT['version']}"
    assert "STREAMLIT_SECRETS: ${{ secrets.STREAMLIT_SECRETS }}" in text
    secrets = '"$RUNNER_TEMP/secrets.toml"'  # outside the checkout: never in the site
    assert f"stc build app.py -o site --bake --secrets {secrets}" in text
    assert "run: stc build app.py -o site\n" not in text


@pytest.mark.parametrize("schedule", ["daily", "0 5 * *", '0 5 * * *"\n  evil: 1'])
def test_init_pages_refuses_a_schedule_that_is_not_cron(tmp_path: Path, schedule: str) -> None:
    (tmp_path / "app.py").write_text("")
    options = InitPagesOptions(app=Path("app.py"), repo=tmp_path, bake=True, schedule=schedule)
    with pytest.raises(BuildError, match="cron line of five fields"):
        init_pages(options)
    assert not (tmp_path / WORKFLOW_PATH).exists()


def test_the_workflow_installs_this_project_at_this_version(tmp_path: Path) -> None:
    # "stc" on PyPI is an unrelated project: a workflow installing it would fail.
    (tmp_path / "app.py").write_text("")
    text = workflow(InitPagesOptions(app=Path("app.py"), repo=tmp_path))
    assert _PROJECT["name"] == "stc-compiler"
    assert _installed(text) == f"{_PROJECT['name']}=={_PROJECT['version']}"


def test_init_pages_installs_what_it_is_told_if_it_is_stc(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("")
    pinned = "stc-compiler @ git+https://github.com/you/stc@0123abcd"
    options = InitPagesOptions(app=Path("app.py"), repo=tmp_path, install=pinned, bake=True)
    assert _installed(workflow(options)) == (
        "stc-compiler[proxy] @ git+https://github.com/you/stc@0123abcd"
    )
    for wrong, message in (
        ("stc==0.3.2", "must install stc-compiler"),
        ("stc-compiler ==", "takes a pip requirement"),
    ):
        with pytest.raises(BuildError, match=message):
            init_pages(InitPagesOptions(app=Path("app.py"), repo=tmp_path, install=wrong))
    assert not (tmp_path / WORKFLOW_PATH).exists()


def _installed(workflow_text: str) -> str:
    """The requirement of the workflow's one ``pip install`` line, as the shell reads it."""
    (line,) = [line for line in workflow_text.splitlines() if "pip install" in line]
    (requirement,) = shlex.split(line.split("pip install", 1)[1])
    return requirement
