"""A build of an app that logs in with streamlit-authenticator: stc/auth.json, the
redacted config.yaml in app.zip, the proxy URL in the page config, the packages stc's
streamlit_authenticator needs (and not PyPI's), and no hash or key anywhere in the site.

config.yaml and secrets.toml hold canaries: bcrypt hashes, a plain password, the
cookie's signing key (also under a YAML alias), a database password. Every byte of the
built site (zips opened) and every diagnostic is searched for them; the cookie's name
and the marker in place of the key must be found in app.zip: the positive control.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
import yaml

from compiler import BuildOptions, BuildResult, CompileError, NullReporter, build
from compiler.analyse._redact import MARKER
from compiler.resolve._sitelock import LOCK_PATH
from runtime_wasm.auth import AUTH_PATH, AuthConfig, CredentialsSource
from tests.unit._analysis import write_app
from tests.unit._canaries import canary_hits, site_bytes
from tests.unit.test_build_connections import CDN, _config

PROXY = "https://proxy.example.org/stc"
HASHES = (
    "$2b$12$CANARYhashJSMITH0123456789abcdefghijklmnopqrstuvwxyzAB",
    "$2y$10$CANARYhashRBRIGGS0123456789abcdefghijklmnopqrstuvwxyzA",
)
CANARIES = (
    *HASHES,
    "CANARY-cookie-key-91e2",
    "CANARY-plain-password-0d3c",
    "CANARY-DB-PASSWORD-77ab",
    "CANARY-API-KEY-5e10",
)
CONFIG = f"""\
# users of the pets app
credentials:
  usernames:
    jsmith:
      email: jsmith@example.com
      failed_login_attempts: 0
      logged_in: false
      name: John Smith
      password: '{HASHES[0]}'
      roles: [admin, editor]
    rbriggs:
      email: rbriggs@example.com
      name: Rebecca Briggs
      password: {HASHES[1]}
    guest:
      name: Guest
      password: {CANARIES[3]}
cookie:
  expiry_days: 30
  key: &signing {CANARIES[2]}
  name: pets_cookie
legacy_key: *signing
oauth2:
  google: {{client_id: public-id, redirect_uri: "https://pets.example.org"}}
"""
SECRETS = f"""\
API_KEY = "{CANARIES[5]}"

[connections.pets_db]
url = "postgresql://scott:{CANARIES[4]}@db.example.org/pets"
"""
PYPROJECT = f"""\
[tool.stc]
proxy_url = "{PROXY}"

[tool.stc.secrets]
API_KEY = {{ hosts = ["api.example.com"] }}

[tool.stc.login]
required = ["API_KEY"]
roles = {{ pets_db = ["admin"] }}
max_expiry_days = 7
"""
APP = """\
import yaml
import streamlit as st
import streamlit_authenticator as stauth
from yaml.loader import SafeLoader

with open("config.yaml") as file:
    config = yaml.load(file, Loader=SafeLoader)

authenticator = stauth.Authenticate(
    config["credentials"],
    config["cookie"]["name"],
    config["cookie"]["key"],
    config["cookie"]["expiry_days"],
)
authenticator.login()
if st.session_state.get("authentication_status"):
    st.dataframe(st.connection("pets_db").query("select name from pets"))
"""
REQUIREMENTS = "streamlit-authenticator==0.4.2\nPyYAML>=6\n"


def _app(root: Path, **changes: str) -> Path:
    files = {
        "app.py": APP,
        "config.yaml": CONFIG,
        ".streamlit/secrets.toml": SECRETS,
        "pyproject.toml": PYPROJECT,
        "requirements.txt": REQUIREMENTS,
        **changes,
    }
    return write_app(root, files, exact=True)


def _member(site: Path, name: str) -> bytes:
    with zipfile.ZipFile(site / "stc" / "app.zip") as archive:
        return archive.read(name)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("pets")
    site = root.parent / f"{root.name}-site"
    options = BuildOptions(app=_app(root), out_dir=site, pyodide_url=CDN)
    return site, build(options, NullReporter())


def test_the_site_says_where_the_proxy_finds_the_users(built: tuple[Path, BuildResult]) -> None:
    site, result = built
    assert [d for d in result.diagnostics if d.severity != "info"] == []
    config = AuthConfig.load((site / AUTH_PATH).read_text())
    assert config == AuthConfig(
        credentials=CredentialsSource(
            kind="file", path="config.yaml", key="credentials", cookie_key="cookie.key"
        ),
        require=("API_KEY", "pets_db"),
        roles={"pets_db": ("admin",)},
        max_expiry_days=7.0,
        where="app.py:9:17",
    )
    manifest = json.loads((site / "stc-build.json").read_text())
    assert AUTH_PATH in {f["path"] for f in manifest["files"]}


def test_app_zip_carries_config_yaml_redacted(built: tuple[Path, BuildResult]) -> None:
    site, result = built
    copy = yaml.safe_load(_member(site, "config.yaml"))
    assert copy == {
        "credentials": {"usernames": {}},
        "cookie": {"expiry_days": 30, "key": MARKER, "name": "pets_cookie"},
        "legacy_key": MARKER,  # an alias of the key
        "oauth2": {
            "google": {"client_id": "public-id", "redirect_uri": "https://pets.example.org"}
        },
    }
    notes = [(d.code, d.severity, d.span.path) for d in result.diagnostics if d.code == "STC713"]
    assert [(c, s, Path(p).name) for c, s, p in notes] == [("STC713", "info", "config.yaml")]
    # the original was left out for its hashes; its STC012 is answered by the copy
    assert not [d for d in result.diagnostics if d.code in ("STC012", "STC301")]


def test_the_page_config_has_the_proxy_url(built: tuple[Path, BuildResult]) -> None:
    site, _ = built
    data = _config(site)["data"]
    assert isinstance(data, dict) and data["proxy_url"] == PROXY


def test_the_packages_are_stcs_implementations(built: tuple[Path, BuildResult]) -> None:
    site, result = built
    packages = _config(site)["packages"]
    assert isinstance(packages, list)
    assert {"extra-streamlit-components", "pyyaml"} <= set(packages)
    refused = {"streamlit-authenticator", "bcrypt", "cryptography", "captcha", "pyjwt"}
    assert refused.isdisjoint(packages)
    lock = json.loads((site / LOCK_PATH).read_text())["packages"]
    esc = lock["extra-streamlit-components"]
    assert (site / "packages" / esc["file_name"]).is_file()  # vendored from PyPI
    by_name = {p.name: p for p in result.packages}
    assert by_name["pyyaml"].in_site is False  # Pyodide's binary build, from the CDN
    (cdn,) = [d for d in result.diagnostics if d.code == "STC403"]
    assert "pyyaml 6.0.3" in cdn.message
    (cookies,) = [d for d in result.diagnostics if d.code == "STC714"]
    assert cookies.message.startswith("extra-streamlit-components added")


def test_no_hash_or_key_reaches_the_site(built: tuple[Path, BuildResult]) -> None:
    site, result = built
    assert canary_hits(site, [*CANARIES, "$2b$12$"], result.diagnostics) == []
    # the positive control: the search finds what the copy keeps
    copy = _member(site, "config.yaml")
    assert b"pets_cookie" in copy and MARKER.encode() in copy
    assert any(
        b"pets_cookie" in data for name, data in site_bytes(site) if name.endswith("!config.yaml")
    )


def test_without_a_proxy_url_stc706(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STC_PROXY_URL", raising=False)
    pyproject = "[tool.stc]\n"
    app = APP.replace('    st.dataframe(st.connection("pets_db").query("select name from pets"))\n',
                      "    st.write('hello')\n")  # fmt: skip
    entry = _app(tmp_path / "app", **{"pyproject.toml": pyproject, "app.py": app})
    options = BuildOptions(app=entry, out_dir=tmp_path / "site", pyodide_url=CDN)
    with pytest.raises(CompileError) as raised:
        build(options, NullReporter())
    (missing,) = [d for d in raised.value.diagnostics if d.code == "STC706"]
    assert (missing.severity, missing.span.line) == ("error", 9)
    assert missing.message == (
        "the app logs in with streamlit_authenticator, whose passwords stc proxy checks, and "
        "the build has no proxy URL"
    )
    assert not (tmp_path / "site").exists()


def test_a_stray_file_of_hashes_never_ships(tmp_path: Path) -> None:
    stray = json.dumps({"users": [{"name": "jsmith", "hash": HASHES[0]}]})
    entry = _app(tmp_path / "app", **{"data/users-backup.json": stray})
    options = BuildOptions(app=entry, out_dir=tmp_path / "site", pyodide_url=CDN)
    with pytest.raises(CompileError) as raised:
        build(options, NullReporter())
    (left_out,) = [d for d in raised.value.diagnostics if d.code == "STC012"]
    assert left_out.span.path.endswith("data/users-backup.json")
    assert "bcrypt password hash" in left_out.message
    forced = BuildOptions(app=entry, out_dir=tmp_path / "site", pyodide_url=CDN, force=True)
    build(forced, NullReporter())
    with zipfile.ZipFile(io.BytesIO((tmp_path / "site" / "stc" / "app.zip").read_bytes())) as z:
        assert "data/users-backup.json" not in z.namelist()
        assert "config.yaml" in z.namelist()
    assert not [n for n, data in site_bytes(tmp_path / "site") if HASHES[0].encode() in data]


def test_no_login_no_auth_file(tmp_path: Path) -> None:
    entry = write_app(tmp_path / "app", {"app.py": "import streamlit as st\nst.write(1)\n"})
    build(BuildOptions(app=entry, out_dir=tmp_path / "site", pyodide_url=CDN), NullReporter())
    assert not (tmp_path / "site" / AUTH_PATH).exists()
