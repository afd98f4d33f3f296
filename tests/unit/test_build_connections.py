"""A build with a database: the allowlist in the site, the proxy URL, and no secret shipped.

The app's secrets.toml is full of canaries (passwords, tokens, a URL with a
password); every byte of the built site, zips opened, and every diagnostic is
searched for them. The one value marked public must be in the page config: the
positive control that shows the search can find a value.
"""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pytest

from compiler import BuildOptions, BuildResult, CompileError, NullReporter, build
from compiler.analyse._analyse import analyse
from compiler.analyse._parse import parse
from runtime_wasm.connections import ALLOWLIST_PATH, load_allowlist, query_id
from tests.unit._analysis import write_app
from tests.unit._canaries import canary_hits

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"
PROXY = "https://db.example.org/stc"
CANARIES = (
    "CANARY-PASSWORD-5b1e",
    "CANARY-TOKEN-77a0",
    "CANARY-SSLKEY-c3d2",
    "CANARY-HOST-9f00",
    "sk-CANARYproj4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a",
    "ghp_CANARY0123456789abcdefghijklmnopqrstu",
)
PUBLIC = "PUBLIC-VALUE-e4c1"
SECRETS = f"""\
map_token = "{PUBLIC}"
api_token = "{CANARIES[1]}"
openai_key = "{CANARIES[4]}"
github = "{CANARIES[5]}"

[connections.pets_db]
url = "postgresql://scott:{CANARIES[0]}@{CANARIES[3]}:5432/pets"
type = "sql"

[connections.pets_db.create_engine_kwargs.connect_args]
sslkey = "{CANARIES[2]}"
password = "{CANARIES[0]}"
"""
APP = """\
import streamlit as st

KINDS = "select distinct kind from pets order by kind"
conn = st.connection("pets_db")
kind = st.selectbox("Kind", conn.query(KINDS, ttl=600)["kind"])
pets = conn.query(
    '''
    select name, age from pets
    where kind = :kind
    ''',
    params={"kind": kind},
)
st.dataframe(pets)
st.caption(st.secrets["map_token"])
"""
PYPROJECT = '[tool.stc]\npublic_secrets = ["map_token"]\n'


def _config(site: Path) -> dict[str, object]:
    html = (site / "index.html").read_text()
    found = re.search(r'<script type="application/json" id="stc-config">(.*?)</script>', html)
    assert found
    config: dict[str, object] = json.loads(found[1])
    return config


def _pets(root: Path, pyproject: str = PYPROJECT) -> Path:
    return write_app(
        root,
        {"app.py": APP, ".streamlit/secrets.toml": SECRETS, "pyproject.toml": pyproject},
        exact=True,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("pets")
    site = root.parent / f"{root.name}-site"
    options = BuildOptions(
        app=_pets(root), out_dir=site, pyodide_url=CDN, proxy_url=PROXY,
    )  # fmt: skip
    return site, build(options, NullReporter())


def test_the_site_holds_the_allowlist(built: tuple[Path, BuildResult]) -> None:
    site, result = built
    assert not [
        d for d in result.diagnostics if d.code.startswith("STC70") and d.severity == "error"
    ]
    allowlist = load_allowlist((site / ALLOWLIST_PATH).read_text())
    kinds = "select distinct kind from pets order by kind"
    pets = "select name, age from pets\n    where kind = :kind"
    assert set(allowlist) == {query_id(kinds), query_id(pets)}
    assert allowlist[query_id(pets)].params == ("kind",)
    assert allowlist[query_id(pets)].connection == "pets_db"
    manifest = json.loads((site / "stc-build.json").read_text())
    assert ALLOWLIST_PATH in {f["path"] for f in manifest["files"]}
    config = _config(site)
    assert config["data"]["proxy_url"] == PROXY
    assert config["data"]["public_secrets"] == {"map_token": PUBLIC}
    assert config["data"]["connections"] == {"pets_db": "sql"}
    assert "pandas" in config["packages"]  # type: ignore[operator]


def test_no_secret_value_reaches_the_site(built: tuple[Path, BuildResult]) -> None:
    site, result = built
    assert canary_hits(site, CANARIES, result.diagnostics) == []
    # the positive control: the search finds the one value marked public
    assert canary_hits(site, [PUBLIC]) == [("index.html", PUBLIC)]


def test_missing_proxy_url_is_a_build_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STC_PROXY_URL", raising=False)
    options = BuildOptions(app=_pets(tmp_path / "app"), out_dir=tmp_path / "site", pyodide_url=CDN)
    with pytest.raises(CompileError) as raised:
        build(options, NullReporter())
    (missing,) = [d for d in raised.value.diagnostics if d.code == "STC706"]
    assert (missing.severity, missing.span.line) == ("error", 4)  # at st.connection
    assert "--proxy-url" in (missing.hint or "") and "STC_PROXY_URL" in (missing.hint or "")
    assert "[tool.stc]" in (missing.hint or "")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("flag", "env", "pyproject", "expected"),
    [
        pytest.param("https://flag", "https://env", "https://tool", "https://flag", id="flag"),
        pytest.param(None, "https://env", "https://tool", "https://env", id="env"),
        pytest.param(None, None, "https://tool", "https://tool", id="pyproject"),
        pytest.param(None, None, None, None, id="none"),
        pytest.param("https://flag", None, None, "https://flag", id="flag-alone"),
    ],
)
def test_proxy_url_precedence(
    tmp_path: Path, flag: str | None, env: str | None, pyproject: str | None, expected: str | None
) -> None:
    tool = f'proxy_url = "{pyproject}"\n' if pyproject else ""
    entry = _pets(tmp_path, PYPROJECT + tool)
    environment = {"STC_PROXY_URL": env} if env else {}
    with contextlib.chdir(tmp_path):
        analysis = analyse(parse(entry, tmp_path / "site"), proxy_url=flag, env=environment)
    assert analysis.proxy_url == expected
    codes = [d.code for d in analysis.diagnostics if d.code == "STC706"]
    assert codes == ([] if expected else ["STC706"])


def test_a_proxy_url_must_be_http(tmp_path: Path) -> None:
    entry = _pets(tmp_path)
    with contextlib.chdir(tmp_path):
        analysis = analyse(parse(entry, tmp_path / "site"), proxy_url="db.example:5432", env={})
    (bad,) = [d for d in analysis.diagnostics if d.code == "STC706"]
    assert "not an http:// or https:// URL" in bad.message
