"""Logins: streamlit-authenticator's Authenticate, where stc proxy finds its users
(a YAML file of the app, st.secrets), what stc cannot tell (STC712), the proxy URL
logins need (STC706), the packages stc's streamlit_authenticator needs (STC714), and
the diagnostics the redacted copy of the credentials file answers (STC012, STC301,
STC705)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.analyse._analyse import Analysis
from compiler.emit._plan import _data_config
from runtime_wasm.auth import AuthConfig, CredentialsSource, RegisterRules
from tests.unit._analysis import analyse_app

HASH = "$2b$12$" + "CANARYhash" * 5 + "abc"  # a bcrypt hash: 53 characters after the cost
CONFIG = f"""\
credentials:
  usernames:
    jsmith:
      email: jsmith@example.com
      name: John Smith
      password: "{HASH}"
      roles: [admin]
cookie:
  name: some_cookie
  key: CANARY-cookie-key
  expiry_days: 30
"""
SECRETS = 'map_token = "public"\n[credentials.usernames.jsmith]\npassword = "x"\n'
PYPROJECT = '[tool.stc]\nproxy_url = "https://proxy.example"\npublic_secrets = ["map_token"]\n'
HEAD = "import streamlit as st\nimport streamlit_authenticator as stauth\nimport yaml\n"  # 1-3
FILE = CredentialsSource(kind="file", path="config.yaml")


def _analyse(tmp_path: Path, source: str, **extra: str) -> Analysis:
    files = {
        "app.py": source,
        "config.yaml": CONFIG,
        ".streamlit/secrets.toml": SECRETS,
        "pyproject.toml": PYPROJECT,
        **extra,
    }
    return analyse_app(tmp_path, files)


def _codes(analysis: Analysis, *codes: str) -> list[tuple[str, str, int]]:
    return [(d.code, d.severity, d.span.line) for d in analysis.diagnostics if d.code in codes]


# -- where the users are ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            'with open("config.yaml") as file:\n'
            "    config = yaml.load(file, Loader=yaml.SafeLoader)\n"
            'auth = stauth.Authenticate(config["credentials"], config["cookie"]["name"],\n'
            '    config["cookie"]["key"], config["cookie"]["expiry_days"])\n',
            FILE,
            id="with-open-yaml-load",
        ),
        pytest.param(
            "from yaml.loader import SafeLoader\n"
            'with open("config.yaml") as file:\n'
            "    config = yaml.load(file, Loader=SafeLoader)\n"
            'with open("other.txt") as file:\n'
            "    other = file.read()\n"
            'auth = stauth.Authenticate(config["credentials"], "c", config["cookie"]["key"])\n'
            'with open("config.yaml", "w") as file:\n'
            "    yaml.dump(config, file)\n",
            FILE,
            id="file-name-reused",
        ),
        pytest.param(
            'config = yaml.safe_load(open("./config.yaml"))\n'
            'auth = stauth.Authenticate(config.get("credentials"), "c", "k")\n',
            FILE,
            id="safe-load-open-get",
        ),
        pytest.param(
            "from pathlib import Path\n"
            'config = yaml.safe_load(Path("config.yaml").read_text())\n'
            'auth = stauth.Authenticate(config["credentials"])\n',
            FILE,
            id="path-read-text",
        ),
        pytest.param(
            "from pathlib import Path\n"
            'CONFIG = Path(__file__).parent / "config.yaml"\n'
            "with CONFIG.open() as f:\n"
            "    config = yaml.safe_load(f)\n"
            'auth = stauth.Authenticate(config["credentials"])\n',
            FILE,
            id="beside-the-module",
        ),
        pytest.param(
            'with open("nested.yaml") as f:\n    config = yaml.safe_load(f.read())\n'
            'auth = stauth.Authenticate(config["auth"]["credentials"], "c",\n'
            '    config["auth"]["cookie_key"])\n',
            CredentialsSource(
                kind="file",
                path="nested.yaml",
                key="auth.credentials",
                cookie_key="auth.cookie_key",
            ),
            id="nested-keys",
        ),
        pytest.param(
            "@st.cache_resource\n"
            "def load_config():\n"
            '    with open("config.yaml", encoding="utf-8") as f:\n'
            "        return yaml.safe_load(f)\n"
            "config = load_config()\n"
            'auth = stauth.Authenticate(config["credentials"], "c", config["cookie"]["key"])\n',
            FILE,
            id="own-loader-function",
        ),
        pytest.param(
            'auth = stauth.Authenticate("config.yaml")\n', FILE, id="a-path-0.4-reads-itself"
        ),
        pytest.param(
            'PATH = "config.yaml"\nauth = stauth.Authenticate(credentials=PATH)\n',
            FILE,
            id="a-path-by-name",
        ),
        pytest.param(
            'from streamlit_authenticator import Authenticate as A\nA("config.yaml")\n',
            FILE,
            id="alias",
        ),
        pytest.param(
            'auth = stauth.Authenticate(st.secrets["credentials"].to_dict(), "c",\n'
            '    st.secrets["cookie"]["key"], 30)\n',
            CredentialsSource(kind="secrets", key="credentials", cookie_key="cookie.key"),
            id="secrets",
        ),
        pytest.param(
            "creds = dict(st.secrets.auth.credentials)\n"
            'auth = stauth.Authenticate(creds, "c", "k")\n',
            CredentialsSource(kind="secrets", key="auth.credentials", cookie_key=""),
            id="secrets-no-cookie-key",
        ),
    ],
)
def test_where_the_users_are(tmp_path: Path, source: str, expected: CredentialsSource) -> None:
    files = {
        "app.py": HEAD + source,
        "other.txt": "x",
        "nested.yaml": "auth:\n  credentials: {usernames: {}}\n  cookie_key: k\n",
        ".streamlit/secrets.toml": SECRETS,
        "pyproject.toml": PYPROJECT,
    }
    if expected.path == "config.yaml":  # else a stray file of hashes: STC012
        files["config.yaml"] = CONFIG
    analysis = analyse_app(tmp_path, files)
    assert [d for d in analysis.diagnostics if d.severity != "info"] == []
    assert analysis.auth is not None
    assert analysis.auth.credentials == expected


def test_the_call_is_where(tmp_path: Path) -> None:
    source = HEAD + 'x = 1\nauthenticator = stauth.Authenticate("config.yaml")\n'
    analysis = _analyse(tmp_path, source)
    assert analysis.auth is not None and analysis.auth.where == "app.py:5:17"


@pytest.mark.parametrize(
    ("source", "line", "how"),
    [
        pytest.param(
            'stauth.Authenticate({"usernames": {"jsmith": {"password": "x"}}})\n',
            4,
            "written in the code, where every visitor could read the users",
            id="dict-in-the-code",
        ),
        pytest.param(
            "def make(creds):\n    return stauth.Authenticate(creds)\n",
            5,
            "creds is not a value stc can follow",
            id="parameter",
        ),
        pytest.param(
            'c = st.secrets["credentials"]\nif x:\n    c = {}\nstauth.Authenticate(c)\n',
            7,
            "c is bound more than once",
            id="bound-twice",
        ),
        pytest.param(
            "stauth.Authenticate(**kwargs)\n", 4, "given by *args or **kwargs", id="kwargs"
        ),
        pytest.param(
            "config = yaml.safe_load(open(name))\nstauth.Authenticate(config['credentials'])\n",
            5,
            "YAML loaded from a file stc cannot name",
            id="computed-path",
        ),
        pytest.param(
            "config = load()\nstauth.Authenticate(config['credentials'])\n",
            5,
            "the result of a call stc does not read",
            id="unknown-loader",
        ),
        pytest.param(
            "def load(p):\n    if p:\n        return {}\n    return yaml.safe_load(open(p))\n"
            "stauth.Authenticate(load(1)['credentials'])\n",
            8,
            "the result of a call stc does not read",
            id="loader-with-two-returns",
        ),
        pytest.param(
            "config = yaml.safe_load(open('config.yaml'))\nstauth.Authenticate(config)\n",
            5,
            "the whole YAML document",
            id="whole-document",
        ),
        pytest.param(
            "config = yaml.safe_load(open('config.yaml'))\nstauth.Authenticate(config[key])\n",
            5,
            "a key that is not a string literal",
            id="computed-key",
        ),
        pytest.param(
            'stauth.Authenticate("../config.yaml")\n',
            4,
            "'../config.yaml' is not a path inside the app folder",
            id="outside",
        ),
        pytest.param(
            'stauth.Authenticate("/etc/stc/config.yaml")\n',
            4,
            "is not a path inside",
            id="absolute",
        ),
    ],
)
def test_what_stc_cannot_tell_is_stc712(tmp_path: Path, source: str, line: int, how: str) -> None:
    analysis = _analyse(tmp_path, HEAD + source)
    (unseen,) = [d for d in analysis.diagnostics if d.code == "STC712"]
    assert (unseen.severity, unseen.span.path, unseen.span.line) == ("error", "app.py", line)
    assert how in unseen.message
    assert 'stauth.Authenticate("config.yaml")' in (unseen.hint or "")
    assert 'st.secrets["credentials"].to_dict()' in (unseen.hint or "")
    assert analysis.auth is None


@pytest.mark.parametrize(
    ("source", "message"),
    [
        pytest.param(
            'stauth.Authenticate(st.secrets["map_token"].to_dict())\n',
            "st.secrets['map_token'] is public ([tool.stc] public_secrets names 'map_token'), "
            "so every visitor could read the users and their password hashes",
            id="credentials",
        ),
        pytest.param(
            'stauth.Authenticate(st.secrets["credentials"], "c", st.secrets.map_token.key)\n',
            "st.secrets['map_token.key'] is public ([tool.stc] public_secrets names "
            "'map_token'), so every visitor could read the key that signs the logins",
            id="cookie-key",
        ),
    ],
)
def test_credentials_marked_public_are_stc712(tmp_path: Path, source: str, message: str) -> None:
    analysis = _analyse(tmp_path, HEAD + source)
    (public,) = [d for d in analysis.diagnostics if d.code == "STC712"]
    assert (public.severity, public.span.line, public.message) == ("error", 4, message)
    assert (
        public.hint
        == "take 'map_token' out of public_secrets: stc proxy reads it from its secrets file"
    )
    assert analysis.auth is None


def test_the_stc712_message(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path, HEAD + "stauth.Authenticate(creds)\n")
    (unseen,) = [d for d in analysis.diagnostics if d.code == "STC712"]
    assert unseen.message == (
        "stc cannot tell where these logins' users and password hashes are (creds is not a "
        "value stc can follow (a function's parameter, an import, a loop variable)), so stc "
        "proxy could not check their passwords"
    )


def test_not_authenticate_is_not_a_login(tmp_path: Path) -> None:
    source = HEAD + (
        "class Authenticate:\n    pass\nAuthenticate(1)\n"
        "stauth.Hasher.hash_passwords({})\n"
        "from other import Authenticate as B\nB(1)\n"
    )
    analysis = _analyse(tmp_path, source)
    assert analysis.auth is None and _codes(analysis, "STC712", "STC706") == []


def test_two_calls_with_one_source(tmp_path: Path) -> None:
    source = (
        HEAD + 'a = stauth.Authenticate("config.yaml")\nb = stauth.Authenticate("config.yaml")\n'
    )
    analysis = _analyse(tmp_path, source, **{"pages/two.py": "import streamlit_authenticator"})
    assert analysis.auth is not None and analysis.auth.where == "app.py:4:5"
    assert _codes(analysis, "STC712") == []


def test_two_calls_with_two_sources_are_stc712(tmp_path: Path) -> None:
    source = HEAD + (
        'a = stauth.Authenticate("config.yaml")\n'
        'b = stauth.Authenticate(st.secrets["credentials"].to_dict())\n'
    )
    analysis = _analyse(tmp_path, source)
    (shared,) = [d for d in analysis.diagnostics if d.code == "STC712"]
    assert (shared.severity, shared.span.line) == ("error", 5)
    assert shared.message == (
        "this Authenticate reads its users from st.secrets['credentials'], and the one at "
        "app.py:4:5 from config.yaml (credentials): stc proxy checks one set of users"
    )
    # the second call's read is not the proxy's: the site does not have it
    assert _codes(analysis, "STC705") == [("STC705", "error", 5)]
    assert analysis.auth is not None and analysis.auth.credentials == FILE


# -- what the login accounts for ----------------------------------------------------------


def test_the_secrets_reads_are_the_proxys(tmp_path: Path) -> None:
    source = HEAD + (
        'auth = stauth.Authenticate(st.secrets["credentials"].to_dict(), "c",\n'
        '    st.secrets["cookie"]["key"])\n'
        'st.write(st.secrets["credentials"])\n'  # elsewhere: the site does not have it
    )
    analysis = _analyse(tmp_path, source)
    assert _codes(analysis, "STC705") == [("STC705", "error", 6)]


def test_the_credentials_file_ships_redacted(tmp_path: Path) -> None:
    source = HEAD + (
        'with open("config.yaml") as f:\n    config = yaml.safe_load(f)\n'
        'stauth.Authenticate(config["credentials"])\n'
    )
    analysis = _analyse(tmp_path, source)
    # the content scan left the original out (STC012); the copy answers it, and the
    # site has config.yaml (no STC301 at open)
    assert _codes(analysis, "STC012", "STC301", "STC713") == [("STC713", "info", 0)]
    (note,) = [d for d in analysis.diagnostics if d.code == "STC713"]
    assert note.span.path == "config.yaml" and not note.quote
    assert note.message == (
        "shipped redacted: its users, their password hashes and the cookie key stay on stc "
        "proxy, which checks the logins; the site's copy keeps the rest"
    )
    copy = analysis.redacted["config.yaml"]
    assert copy is not None and HASH.encode() not in copy and b"CANARY" not in copy


def test_a_stray_credentials_file_stays_out(tmp_path: Path) -> None:
    source = HEAD + 'stauth.Authenticate("config.yaml")\n'
    analysis = _analyse(tmp_path, source, **{"backup/users.yaml": CONFIG})
    assert _codes(analysis, "STC012") == [("STC012", "error", 6)]
    (stray,) = [d for d in analysis.diagnostics if d.code == "STC012"]
    assert stray.span.path == "backup/users.yaml" and "bcrypt password hash" in stray.message
    assert "backup/users.yaml" not in analysis.redacted


@pytest.mark.parametrize(
    ("config", "why"),
    [
        pytest.param("credentials: [\n", "config.yaml is not valid YAML (line 2)", id="not-yaml"),
        pytest.param("- a\n- b\n", "config.yaml is not a YAML mapping", id="a-list"),
        pytest.param("cookie: {name: c}\n", "config.yaml has no table at 'credentials'", id="none"),
        pytest.param(
            f"credentials: {{usernames: {{}}}}\ncookie: {{key: k}}\nold: '{HASH}'\n",
            "config.yaml still holds what looks like a bcrypt password hash",
            id="a-hash-elsewhere",
        ),
        pytest.param(b"credentials: \xff\n", "config.yaml is not UTF-8 text", id="not-utf8"),
    ],
)
def test_a_file_stc_cannot_redact_does_not_ship(
    tmp_path: Path, config: str | bytes, why: str
) -> None:
    source = HEAD + 'stauth.Authenticate("config.yaml")\n'
    analysis = analyse_app(tmp_path, {"app.py": source, "config.yaml": config,
                                      "pyproject.toml": PYPROJECT})  # fmt: skip
    (bad,) = [d for d in analysis.diagnostics if d.code == "STC712"]
    assert (bad.severity, bad.span.path, bad.span.line, bad.quote) == (
        "error", "config.yaml", 0, False
    )  # fmt: skip
    assert bad.message.startswith(why)
    assert analysis.redacted == {"config.yaml": None}


def test_a_missing_file_is_stc712_at_the_call(tmp_path: Path) -> None:
    source = HEAD + 'stauth.Authenticate("users.yaml")\n'
    analysis = _analyse(tmp_path, source)
    (missing,) = [d for d in analysis.diagnostics if d.code == "STC712"]
    assert (missing.span.path, missing.span.line) == ("app.py", 4)
    assert missing.message.startswith("users.yaml is not a file the site gets")
    assert analysis.redacted == {}


def test_plain_passwords_ship_redacted_too(tmp_path: Path) -> None:
    """0.4 hashes plain passwords when it loads them: no scan finds those."""
    config = "credentials:\n  usernames:\n    jsmith:\n      password: CANARY-plain\n"
    source = HEAD + 'stauth.Authenticate("config.yaml")\n'
    analysis = _analyse(tmp_path, source, **{"config.yaml": config})
    copy = analysis.redacted["config.yaml"]
    assert copy is not None and b"CANARY" not in copy
    assert analysis.auth is not None
    assert analysis.auth.credentials.cookie_key == ""  # no key in the file: STC_PROXY_AUTH_KEY
    (note,) = [d for d in analysis.diagnostics if d.code == "STC713"]
    assert note.message.endswith("so stc proxy signs logins with STC_PROXY_AUTH_KEY")


# -- [tool.stc.login] -----------------------------------------------------------------------


def test_the_login_rules_join_the_config(tmp_path: Path) -> None:
    secrets = SECRETS + '[connections.pets_db]\nurl = "sqlite:///pets.db"\n'
    pyproject = (
        PYPROJECT + '[tool.stc.login]\nrequired = ["pets_db"]\nroles = { pets_db = ["admin"] }\n'
    )
    source = HEAD + 'stauth.Authenticate("config.yaml")\n'
    analysis = _analyse(
        tmp_path, source, **{".streamlit/secrets.toml": secrets, "pyproject.toml": pyproject}
    )
    assert analysis.auth == AuthConfig(
        credentials=FILE, require=("pets_db",), roles={"pets_db": ("admin",)}, where="app.py:4:1"
    )


def test_login_rules_without_a_login_warn(tmp_path: Path) -> None:
    secrets = SECRETS + '[connections.pets_db]\nurl = "sqlite:///pets.db"\n'
    pyproject = PYPROJECT + '[tool.stc.login]\nrequired = ["pets_db"]\n'
    analysis = _analyse(
        tmp_path, "import streamlit as st\n",
        **{".streamlit/secrets.toml": secrets, "pyproject.toml": pyproject},
    )  # fmt: skip
    (warning,) = [d for d in analysis.diagnostics if d.code == "STC710"]
    assert (warning.severity, warning.span.path) == ("warning", "pyproject.toml")
    assert "the app never calls streamlit_authenticator's Authenticate" in warning.message
    assert analysis.auth is None


# -- the proxy URL: STC706 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pyproject", "says"),
    [
        pytest.param("", "the app logs in with streamlit_authenticator", id="none"),
        pytest.param(
            '[tool.stc]\nproxy_url = "proxy.example"\n',
            "is not an http:// or https:// URL",
            id="bad",
        ),
    ],
)
def test_logins_need_a_proxy_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pyproject: str, says: str
) -> None:
    monkeypatch.delenv("STC_PROXY_URL", raising=False)
    source = HEAD + 'x = 1\nstauth.Authenticate("config.yaml")\n'
    analysis = _analyse(tmp_path, source, **{"pyproject.toml": pyproject})
    (missing,) = [d for d in analysis.diagnostics if d.code == "STC706"]
    assert (missing.severity, missing.span.line) == ("error", 5)
    assert says in missing.message


def test_one_stc706_for_a_connection_and_a_login(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STC_PROXY_URL", raising=False)
    secrets = SECRETS + '[connections.pets_db]\nurl = "sqlite:///pets.db"\n'
    source = HEAD + 'stauth.Authenticate("config.yaml")\nst.connection("pets_db")\n'
    analysis = _analyse(
        tmp_path, source, **{".streamlit/secrets.toml": secrets, "pyproject.toml": ""}
    )
    assert _codes(analysis, "STC706") == [("STC706", "error", 5)]  # the connection's


# -- packages: STC714 ------------------------------------------------------------------------


def test_extra_streamlit_components_for_the_cookie(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path, HEAD + 'stauth.Authenticate("config.yaml")\n')
    (added,) = [i for i in analysis.imports if i.top == "extra_streamlit_components"]
    assert (added.module, added.span.line, added.optional) == (
        "extra_streamlit_components",
        2,
        False,
    )
    assert _codes(analysis, "STC714") == [("STC714", "info", 2)]


@pytest.mark.parametrize(
    "source",
    [
        pytest.param('import streamlit_authenticator as s\ns.Authenticate("config.yaml")\n',
                     id="a-path"),
        pytest.param(HEAD + 'stauth.Authenticate("config.yaml")\n', id="app-imports-yaml"),
        pytest.param(
            'import streamlit as st\nimport streamlit_authenticator as s\n'
            's.Authenticate(st.secrets["credentials"].to_dict())\n', id="secrets",
        ),
    ],
)  # fmt: skip
def test_pyyaml_only_when_the_app_imports_it(tmp_path: Path, source: str) -> None:
    # the site's redacted config is JSON, which stc's Authenticate reads without PyYAML
    # (a binary package from the CDN); only an app that imports yaml itself needs it
    analysis = _analyse(tmp_path, source)
    yaml = [i for i in analysis.imports if i.top == "yaml"]
    assert len(yaml) == (1 if "import yaml" in source else 0)


def test_no_import_no_packages(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path, "import streamlit as st\n")
    assert not [i for i in analysis.imports if i.top == "extra_streamlit_components"]
    assert _codes(analysis, "STC714") == []


def test_users_in_st_secrets_reach_the_page_as_a_skeleton(tmp_path: Path) -> None:
    """The app reads ``st.secrets["credentials"]`` and ``["cookie"]`` in the browser
    too: the page gets no user, the marker for the key, and the cookie's name and
    lifetime (STC713 says so); none of the secrets.toml's other values."""
    secrets = (
        'map_token = "public"\nother = "CANARY-other"\n'
        f'[credentials.usernames.jsmith]\nname = "CANARY-name"\npassword = "{HASH}"\n'
        '[cookie]\nname = "stc_auth"\nkey = "CANARY-cookie-key"\nexpiry_days = 7\n'
        'note = "CANARY-note"\n'
    )
    source = HEAD + (
        'auth = stauth.Authenticate(st.secrets["credentials"].to_dict(),\n'
        '    st.secrets["cookie"]["name"], st.secrets["cookie"]["key"],\n'
        '    st.secrets["cookie"]["expiry_days"])\n'
    )
    analysis = _analyse(tmp_path, source, **{".streamlit/secrets.toml": secrets})
    assert analysis.login_secrets == {
        "credentials": {"usernames": {}},
        "cookie": {"name": "stc_auth", "expiry_days": 7, "key": "held-by-stc-proxy"},
    }
    assert "CANARY" not in repr(analysis.login_secrets)
    public = _data_config(analysis)["public_secrets"]  # what the page config carries
    assert public == {**analysis.login_secrets, "map_token": "public"}
    (note,) = [d for d in analysis.diagnostics if d.code == "STC713"]
    assert note.span.line == 4 and "the cookie's name and expiry_days" in note.message

    without = _analyse(tmp_path / "bare", source, **{".streamlit/secrets.toml": ""})
    assert without.login_secrets == {
        "credentials": {"usernames": {}},
        "cookie": {"key": "held-by-stc-proxy"},
    }


# -- registration ---------------------------------------------------------------------


REGISTER_HEAD = HEAD + 'auth = stauth.Authenticate("config.yaml")\n'  # lines 1-4


@pytest.mark.parametrize(
    ("call", "rules"),
    [
        pytest.param(
            "auth.register_user()",
            RegisterRules(from_file=True),
            id="defaults",
        ),
        pytest.param(
            'auth.register_user(roles=["viewer"], domains=("example.com",),\n'
            '    pre_authorized=["a@example.com"], captcha=False)',
            RegisterRules(roles=("viewer",), domains=("example.com",), emails=("a@example.com",)),
            id="literals",
        ),
        pytest.param(
            'with open("config.yaml") as f:\n    config = yaml.safe_load(f)\n'
            'ROLES = ["viewer", "editor"]\n'
            'auth.register_user(pre_authorized=config["pre-authorized"]["emails"], roles=ROLES)',
            RegisterRules(roles=("viewer", "editor"), from_file=True),
            id="the-file-s-list-and-a-name-bound-once",
        ),
        pytest.param(
            'auth.register_user("main", None, None, None, False, ["viewer"])',
            RegisterRules(roles=("viewer",), from_file=True),
            id="positional",
        ),
    ],
)
def test_register_user_rules_go_to_the_proxy(
    tmp_path: Path, call: str, rules: RegisterRules
) -> None:
    analysis = _analyse(tmp_path, REGISTER_HEAD + call + "\n")
    assert not _codes(analysis, "STC715")
    assert analysis.auth is not None and analysis.auth.register == rules


@pytest.mark.parametrize(
    ("call", "what"),
    [
        pytest.param('auth.register_user(roles=[st.text_input("role")])', "roles", id="a-widget"),
        pytest.param("auth.register_user(domains=DOMAINS)", "domains", id="unbound"),
        pytest.param("auth.register_user(pre_authorized=emails())", "pre_authorized", id="call"),
        pytest.param("auth.register_user(**options)", "arguments", id="kwargs"),
    ],
)
def test_register_user_rules_stc_cannot_read_are_stc715(
    tmp_path: Path, call: str, what: str
) -> None:
    analysis = _analyse(tmp_path, REGISTER_HEAD + call + "\n")
    (error,) = [d for d in analysis.diagnostics if d.code == "STC715"]
    assert error.span.line == 5 and f"register_user's {what}" in error.message
    assert analysis.auth is not None and analysis.auth.register is None  # nobody registers


def test_two_register_user_calls_must_agree(tmp_path: Path) -> None:
    source = REGISTER_HEAD + 'auth.register_user(roles=["a"])\nauth.register_user(roles=["b"])\n'
    analysis = _analyse(tmp_path, source)
    assert _codes(analysis, "STC715") == [("STC715", "error", 6)]
    assert analysis.auth is not None and analysis.auth.register is None


def test_no_register_user_no_registration(tmp_path: Path) -> None:
    analysis = _analyse(tmp_path, REGISTER_HEAD)
    assert analysis.auth is not None and analysis.auth.register is None
