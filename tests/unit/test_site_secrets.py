"""Every sites/ app, built with a secrets.toml full of canaries (passwords, tokens, a
database URL with a password, host and user), ships none of them: every byte of the
site, zips opened, and every diagnostic the build printed, are searched.

A site that uses a connection keeps its own tables and gets the canaries beside them;
the positive control (a value marked public is found) shows the search can find one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compiler import BuildOptions, NullReporter, build

from ._canaries import canary_hits
from .test_build_connections import CANARIES, CDN, PUBLIC

SITES = sorted((Path(__file__).parents[2] / "sites").glob("*/app.py"))
TOP = f"""
map_token = "{PUBLIC}"
api_token = "{CANARIES[1]}"
openai_key = "{CANARIES[4]}"
github = "{CANARIES[5]}"
"""  # before the site's own tables, or TOML would put these keys in its last one
TABLES = f"""
[connections.canary_db]
url = "postgresql://scott:{CANARIES[0]}@{CANARIES[3]}:5432/pets"

[connections.canary_db.create_engine_kwargs.connect_args]
sslkey = "{CANARIES[2]}"
"""


@pytest.mark.parametrize("app", SITES, ids=[p.parent.name for p in SITES])
def test_no_canary_secret_reaches_any_example_site(app: Path, tmp_path: Path) -> None:
    folder = tmp_path / app.parent.name
    shutil.copytree(app.parent, folder)
    secrets = folder / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir(exist_ok=True)
    own = secrets.read_text(encoding="utf-8") if secrets.exists() else ""
    secrets.write_text(TOP + own + TABLES, encoding="utf-8")
    with (folder / "pyproject.toml").open("a", encoding="utf-8") as pyproject:
        pyproject.write('\n[tool.stc]\npublic_secrets = ["map_token"]\n')
    options = BuildOptions(
        app=folder / "app.py", out_dir=tmp_path / "site", pyodide_url=CDN,
        proxy_url="https://db.example.org",
    )  # fmt: skip
    result = build(options, NullReporter())
    assert canary_hits(result.out_dir, CANARIES, result.diagnostics) == []
    assert PUBLIC.encode() in (result.out_dir / "index.html").read_bytes()
