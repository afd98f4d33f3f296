"""A build whose web requests go through stc proxy: stc/forward.json, the page config's
``data.http`` and ``proxy_url``, the packages the browser's HTTP clients need, and no
secret value anywhere in the site.

The app's secrets.toml is full of canaries, the secrets the proxy holds among them;
every byte of the built site (zips opened) and every diagnostic is searched for them.
The one value marked public must be found in the page config: the positive control.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiler import BuildOptions, BuildResult, CompileError, NullReporter, build
from compiler._diagnostics import Span
from compiler.analyse._facts import ImportRef
from compiler.resolve._deps import resolve_dependencies
from compiler.resolve._pyodide import ensure_core
from compiler.resolve._sitelock import LOCK_PATH, load_pinned_lock
from runtime_wasm.http import RULES_PATH, ForwardRules
from tests.unit._analysis import write_app
from tests.unit._canaries import canary_hits
from tests.unit._wheelmaker import FakeWheels, make_wheel
from tests.unit.test_build_connections import CDN, _config

PROXY = "https://proxy.example.org/stc"
CANARIES = (
    "CANARY-API-KEY-3f1c",
    "sk-CANARYproj9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b",
    "CANARY-WEATHER-77d2",
    "CANARY-UNUSED-0b9e",
)
PUBLIC = "PUBLIC-VALUE-5d0a"
SECRETS = f"""\
API_KEY = "{CANARIES[0]}"
weather_key = "{CANARIES[2]}"
unused = "{CANARIES[3]}"
map_token = "{PUBLIC}"

[openai]
api_key = "{CANARIES[1]}"
"""
PYPROJECT = f"""\
[tool.stc]
public_secrets = ["map_token"]
proxy_url = "{PROXY}"
proxy_hosts = ["data.example.org", "*.opendata.example"]

[tool.stc.secrets]
API_KEY = {{ hosts = ["api.example.com"] }}
weather_key = {{ hosts = ["api.weather.example", "127.0.0.1:8123"] }}
"openai.api_key" = {{ hosts = ["api.openai.com"] }}
"""
APP = """\
import requests
import streamlit as st

HEADERS = {"Authorization": f"Bearer {st.secrets['API_KEY']}"}
city = st.text_input("City", "Paris")
answer = requests.get(
    "https://api.weather.example/v1/now",
    params={"q": city, "key": st.secrets.weather_key},
)
st.json(answer.json())
st.json(requests.get("https://api.example.com/v1/me", headers=HEADERS).json())
st.write(st.secrets["openai"]["api_key"][:3])
st.caption(st.secrets["map_token"])
"""


def _app(root: Path, pyproject: str = PYPROJECT, app: str = APP) -> Path:
    files = {"app.py": app, ".streamlit/secrets.toml": SECRETS, "pyproject.toml": pyproject}
    return write_app(root, files, exact=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("weather")
    site = root.parent / f"{root.name}-site"
    options = BuildOptions(app=_app(root), out_dir=site, pyodide_url=CDN)
    return site, build(options, NullReporter())


def test_the_site_holds_the_forward_rules(built: tuple[Path, BuildResult]) -> None:
    site, result = built
    assert not [d for d in result.diagnostics if d.severity != "info"]
    rules = ForwardRules.load((site / RULES_PATH).read_text())
    assert rules == ForwardRules(
        secrets={
            "API_KEY": ("api.example.com",),
            "weather_key": ("api.weather.example", "127.0.0.1:8123"),
            "openai.api_key": ("api.openai.com",),
        },
        hosts=("*.opendata.example", "data.example.org"),
    )
    manifest = json.loads((site / "stc-build.json").read_text())
    assert RULES_PATH in {f["path"] for f in manifest["files"]}


def test_the_page_config_says_what_goes_through_the_proxy(
    built: tuple[Path, BuildResult],
) -> None:
    site, _ = built
    data = _config(site)["data"]
    assert isinstance(data, dict)
    assert data["proxy_url"] == PROXY  # no connection, and still the proxy's address
    assert data["http"] == {
        "secrets": ["API_KEY", "openai.api_key", "weather_key"],
        "hosts": ["*.opendata.example", "data.example.org"],
    }
    assert data["public_secrets"] == {"map_token": PUBLIC}
    assert "connections" not in data


def test_requests_ships_with_urllib3(built: tuple[Path, BuildResult]) -> None:
    site, _ = built
    packages = _config(site)["packages"]
    assert isinstance(packages, list)
    assert {"requests", "urllib3", "idna", "certifi", "charset-normalizer"} <= set(packages)


def test_no_secret_value_reaches_the_site(built: tuple[Path, BuildResult]) -> None:
    site, result = built
    assert canary_hits(site, CANARIES, result.diagnostics) == []
    # the positive control: the search finds the one value marked public
    assert ("index.html", PUBLIC) in canary_hits(site, [PUBLIC])


def test_no_rules_no_forward_file(tmp_path: Path) -> None:
    pyproject = '[tool.stc]\npublic_secrets = ["map_token"]\n'
    app = 'import streamlit as st\nst.caption(st.secrets["map_token"])\n'
    options = BuildOptions(
        app=_app(tmp_path / "app", pyproject, app), out_dir=tmp_path / "site", pyodide_url=CDN,
        proxy_url=PROXY,
    )  # fmt: skip
    build(options, NullReporter())
    assert not (tmp_path / "site" / RULES_PATH).exists()
    data = _config(tmp_path / "site")["data"]
    assert data == {"public_secrets": {"map_token": PUBLIC}}  # no proxy_url: nothing uses it


def test_proxy_hosts_alone(tmp_path: Path) -> None:
    pyproject = f'[tool.stc]\nproxy_url = "{PROXY}"\nproxy_hosts = ["data.example.org"]\n'
    app = "import streamlit as st\nst.write(1)\n"
    options = BuildOptions(
        app=_app(tmp_path / "app", pyproject, app), out_dir=tmp_path / "site", pyodide_url=CDN
    )
    build(options, NullReporter())
    rules = ForwardRules.load((tmp_path / "site" / RULES_PATH).read_text())
    assert rules == ForwardRules(hosts=("data.example.org",))
    data = _config(tmp_path / "site")["data"]
    assert data == {"proxy_url": PROXY, "http": {"hosts": ["data.example.org"]}}


def test_held_secrets_without_a_proxy_url_stop_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STC_PROXY_URL", raising=False)
    pyproject = PYPROJECT.replace(f'proxy_url = "{PROXY}"\n', "")
    options = BuildOptions(
        app=_app(tmp_path / "app", pyproject), out_dir=tmp_path / "site", pyodide_url=CDN
    )
    with pytest.raises(CompileError) as raised:
        build(options, NullReporter())
    (missing,) = [d for d in raised.value.diagnostics if d.code == "STC706"]
    assert (missing.severity, missing.span.line) == ("error", 4)  # the first read of API_KEY
    assert "--proxy-url" in (missing.hint or "")
    assert not (tmp_path / "site").exists()


def test_a_secret_toward_a_host_it_is_not_for_warns(tmp_path: Path) -> None:
    app = APP.replace("https://api.example.com/v1/me", "https://api.weather.example/v1/me")
    options = BuildOptions(
        app=_app(tmp_path / "app", app=app), out_dir=tmp_path / "site", pyodide_url=CDN
    )
    result = build(options, NullReporter())
    (warning,) = [d for d in result.diagnostics if d.code == "STC711"]
    assert (warning.span.line, warning.severity) == (11, "warning")
    assert "st.secrets['API_KEY'] is sent to api.weather.example" in warning.message


# -- httpx: PyPI's wheel and what it imports -------------------------------------------


def _ref(top: str) -> ImportRef:
    span = Span(path="app.py", line=1, col=1, end_line=1, end_col=2)
    return ImportRef(module=top, top=top, file="app.py", span=span)


def test_pypi_httpx_brings_what_it_imports(tmp_path: Path) -> None:
    """Pyodide's lock lists httpx with no dependencies (its build is a fork); the wheel
    stc ships is PyPI's, which imports idna on import and httpcore when a Client is made."""
    lock = load_pinned_lock(ensure_core().folder / "pyodide-lock.json")
    names = ("httpx", "anyio", "certifi", "httpcore", "idna", "h11", "sniffio")
    wheels = {n: make_wheel(tmp_path, n, lock.packages[n].version) for n in names}
    wheels["typing-extensions"] = make_wheel(
        tmp_path, "typing-extensions", lock.packages["typing-extensions"].version
    )
    found = resolve_dependencies(
        imports=(_ref("httpx"),), declared=(), local=frozenset(), lock=lock,
        wheels=FakeWheels(wheels), cdn=CDN,
    )  # fmt: skip
    by_name = {p.name: p for p in found.packages}
    assert set(by_name) == {*names, "typing-extensions"}
    assert by_name["httpx"].depends == ("anyio", "certifi", "httpcore", "idna")
    assert all(p.wheel is not None for p in found.packages)  # all vendored, all pure
    assert found.diagnostics == ()


def test_pyodide_httpx_from_the_cdn_needs_nothing_more() -> None:
    lock = load_pinned_lock(ensure_core().folder / "pyodide-lock.json")
    found = resolve_dependencies(
        imports=(_ref("httpx"),), declared=(), local=frozenset(), lock=lock,
        wheels=FakeWheels({}), cdn=CDN,
    )  # fmt: skip
    (httpx,) = found.packages
    assert (httpx.name, httpx.depends, httpx.wheel) == ("httpx", (), None)


def test_an_httpx_app_ships_httpx_with_its_imports_and_urllib3(tmp_path: Path) -> None:
    app = "import httpx\nimport streamlit as st\nst.write(type(httpx.Client()).__name__)\n"
    entry = write_app(tmp_path / "app", {"app.py": app}, exact=True)
    options = BuildOptions(app=entry, out_dir=tmp_path / "site", pyodide_url=CDN)
    result = build(options, NullReporter())
    (note,) = [d for d in result.diagnostics if d.code == "STC204"]
    assert (note.severity, note.span.line) == ("info", 1)
    lock = json.loads((tmp_path / "site" / LOCK_PATH).read_text())["packages"]
    expected = {"httpx", "anyio", "certifi", "httpcore", "idna", "h11", "sniffio", "urllib3"}
    assert expected <= set(lock)
    assert lock["httpx"]["depends"] == ["anyio", "certifi", "httpcore", "idna"]
    for name in expected:  # vendored beside the lock, not fetched from the CDN
        assert (tmp_path / "site" / "packages" / lock[name]["file_name"]).is_file()
