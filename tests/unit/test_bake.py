"""``stc build --bake``: statements without parameters run at build time and their rows
ship in app.zip; statements with parameters still need the proxy; nothing secret is
written; every way it can fail stops the build at the statement, with the reason.

Built from sites/pets (its SQLite file, its secrets.toml) with canaries added to the
secrets: every byte of the site, zips opened, is searched for them.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from compiler import BuildOptions, BuildResult, CompileError, NullReporter, build, render_diagnostic
from compiler.cli import main
from runtime_wasm.connections import ResultSet, query_id
from runtime_wasm.connections._transport import BAKED_FOLDER

from ._canaries import canary_hits
from .test_build_connections import CANARIES, CDN, _config

PETS = Path(__file__).parents[2] / "sites" / "pets"
KINDS = (
    "select kind, count(*) as pets, round(avg(weight_kg), 2) as mean_weight_kg "
    "from pets group by kind order by kind"
)
CANARY_SECRETS = f"""
api_token = "{CANARIES[1]}"

[connections.warehouse]
url = "postgresql://scott:{CANARIES[0]}@{CANARIES[3]}:5432/pets"
"""


def _pets(root: Path, app: str | None = None, secrets: str = CANARY_SECRETS) -> Path:
    shutil.copytree(PETS, root / "pets")
    folder = root / "pets"
    if app is not None:
        (folder / "app.py").write_text(app, encoding="utf-8")
    with (folder / ".streamlit" / "secrets.toml").open("a", encoding="utf-8") as file:
        file.write(secrets)
    return folder / "app.py"


def _build(app: Path, **options: object) -> BuildResult:
    site = app.parent.parent / "site"
    return build(BuildOptions(app=app, out_dir=site, pyodide_url=CDN, **options), NullReporter())


def _members(site: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO((site / "stc" / "app.zip").read_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_bake_ships_the_rows_of_statements_without_parameters(tmp_path: Path) -> None:
    result = _build(_pets(tmp_path), bake=True, proxy_url="http://127.0.0.1:8502")
    members = _members(result.out_dir)
    baked = {name for name in members if name.startswith(BAKED_FOLDER)}
    assert baked == {f"{BAKED_FOLDER}/{query_id(KINDS)}.json"}  # the :kind one is not baked
    rows = ResultSet.from_json(members[f"{BAKED_FOLDER}/{query_id(KINDS)}.json"].decode())
    assert rows.columns == ("kind", "pets", "mean_weight_kg")
    assert rows.data[0] == ("bird", "cat", "dog", "turtle")
    assert rows.data[1] == (2, 3, 3, 1) and rows.dtypes[1] == "int64"
    warnings = [d for d in result.diagnostics if d.code == "STC709"]
    assert [(d.severity, d.span.line) for d in warnings] == [("warning", 14)]
    assert "its 4 rows are now in the site" in warnings[0].message
    # the database file and the secrets stay out; the proxy still serves the rest
    assert not [name for name in members if name.endswith(("pets.db", "secrets.toml"))]
    assert _config(result.out_dir)["data"]["proxy_url"] == "http://127.0.0.1:8502"
    assert canary_hits(result.out_dir, CANARIES, result.diagnostics) == []


def test_a_fully_baked_app_needs_no_proxy(tmp_path: Path) -> None:
    app = f"import streamlit as st\nst.dataframe(st.connection('pets_db').query({KINDS!r}))\n"
    result = _build(_pets(tmp_path, app), bake=True)
    assert "proxy_url" not in _config(result.out_dir).get("data", {})
    assert f"{BAKED_FOLDER}/{query_id(KINDS)}.json" in _members(result.out_dir)


def test_bake_without_a_proxy_names_each_statement_that_takes_parameters(
    tmp_path: Path,
) -> None:
    with pytest.raises(CompileError) as raised:
        _build(_pets(tmp_path), bake=True)
    errors = [d for d in raised.value.diagnostics if d.severity == "error"]
    assert [(d.code, d.span.line) for d in errors] == [("STC706", 22)]
    assert "takes parameters (:kind)" in errors[0].message
    assert not (tmp_path / "site").exists()


def test_bake_needs_the_secrets_file(tmp_path: Path) -> None:
    app = _pets(tmp_path)
    (app.parent / ".streamlit" / "secrets.toml").unlink()
    with pytest.raises(CompileError) as raised:
        _build(app, bake=True, proxy_url="http://127.0.0.1:8502")
    (error,) = [d for d in raised.value.diagnostics if d.code == "STC709"]
    assert error.severity == "error" and "there is no secrets file at" in error.message
    assert "--secrets FILE" in (error.hint or "")


def test_a_statement_the_database_refuses_stops_the_build_at_its_line(tmp_path: Path) -> None:
    app = "import streamlit as st\nst.table(st.connection('pets_db').query('select * from cats'))\n"
    with pytest.raises(CompileError) as raised:
        _build(_pets(tmp_path, app), bake=True)
    (error,) = [d for d in raised.value.diagnostics if d.code == "STC709"]
    assert (error.severity, error.span.line) == ("error", 2)
    assert "(database)" in error.message and "no such table: cats" in error.message


def test_an_unreachable_database_is_reported_without_its_secrets(tmp_path: Path) -> None:
    app = "import streamlit as st\nst.table(st.connection('warehouse').query('select 1'))\n"
    with pytest.raises(CompileError) as raised:
        _build(_pets(tmp_path, app), bake=True)
    (error,) = [d for d in raised.value.diagnostics if d.code == "STC709"]
    assert error.severity == "error" and "'warehouse'" in error.message
    shown = render_diagnostic(error)
    assert not [c for c in CANARIES if c in shown]


def test_bake_from_the_command_line_reads_secrets_from_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = _pets(tmp_path)
    moved = tmp_path / "ci-secrets.toml"
    (app.parent / ".streamlit" / "secrets.toml").rename(moved)
    moved.write_text(
        moved.read_text().replace("sqlite:///pets.db", f"sqlite:///{app.parent}/pets.db")
    )
    site = tmp_path / "out"
    argv = ["build", str(app), "-o", str(site), "--bake", "--secrets", str(moved)]
    code = main([*argv, "--proxy-url", "http://127.0.0.1:8502", "--pyodide-url", CDN])
    assert code == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert "==> bake" in err and "baked 1 statement, " in err and "public in the site" in err
    assert f"{BAKED_FOLDER}/{query_id(KINDS)}.json" in _members(site)
