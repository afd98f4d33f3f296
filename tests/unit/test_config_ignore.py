"""``.stcignore``: gitignore-style patterns honoured when collecting the app's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.analyse._appfiles import collect_app_files
from compiler.analyse._ignore import parse_ignore

RULES = parse_ignore(
    """
# comments and blank lines are skipped

*.log
notebooks/
/build
docs/**/*.md
!keep.log
data/raw/
"""
)


@pytest.mark.parametrize(
    ("rel", "is_dir", "ignored"),
    [
        ("debug.log", False, True),
        ("sub/debug.log", False, True),
        ("keep.log", False, False),  # negated
        ("notebooks", True, True),
        ("notebooks", False, False),  # trailing slash: folders only
        ("x/notebooks", True, True),
        ("build", True, True),
        ("src/build", True, False),  # anchored
        ("docs/a/b/c.md", False, True),
        ("docs/c.md", False, True),
        ("docs/c.txt", False, False),
        ("data/raw", True, True),
        ("data/clean.csv", False, False),
        ("app.py", False, False),
    ],
)
def test_patterns(rel: str, is_dir: bool, ignored: bool) -> None:
    assert RULES.ignored(rel, is_dir=is_dir) is ignored


def test_collect_app_files_honours_stcignore(tmp_path: Path) -> None:
    app = tmp_path / "app"
    files = {
        "app.py": "",
        "helpers.py": "",
        "big.parquet": "",
        "notebooks/explore.ipynb": "",
        "data/raw/dump.csv": "",
        "data/clean.csv": "",
        "run.log": "",
        "keep.log": "",
        ".stcignore": "*.parquet\nnotebooks/\ndata/raw/\n*.log\n!keep.log\n",
        ".streamlit/secrets.toml": "x = 1\n",
    }
    for rel, text in files.items():
        (app / rel).parent.mkdir(parents=True, exist_ok=True)
        (app / rel).write_text(text)
    collected = collect_app_files(app, tmp_path / "site")
    assert sorted(f.rel for f in collected.files) == [
        "app.py",
        "data/clean.csv",
        "helpers.py",
        "keep.log",
    ]
    # still skipped, and noted with why
    assert [(o.rel, o.why) for o in collected.left_out] == [
        (".streamlit/secrets.toml", "secret-name")
    ]
