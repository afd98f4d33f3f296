"""``[tool.stc.login]`` in pyproject.toml: which connections and secrets need a login
(streamlit-authenticator's, checked by stc proxy), with roles, and its mistakes (STC710)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.analyse._project import LoginRules, Project, read_project
from tests.unit._analysis import write_app

SECRETS = """\
API_KEY = "CANARY-api-key"
map_token = "public-value"

[connections.pets_db]
url = "sqlite:///pets.db"

[connections.sales]
url = "sqlite:///sales.db"
"""
FORWARD = """\
[tool.stc]
public_secrets = ["map_token"]

[tool.stc.secrets]
API_KEY = { hosts = ["api.example.com"] }
"""


def _project(tmp_path: Path, login: str, secrets: str | None = SECRETS) -> Project:
    files = {"pyproject.toml": FORWARD + "\n[tool.stc.login]\n" + login}
    if secrets is not None:
        files[".streamlit/secrets.toml"] = secrets
    write_app(tmp_path, files, exact=True)
    return read_project(tmp_path, "app")


def test_required_and_roles(tmp_path: Path) -> None:
    login = 'required = ["pets_db", "API_KEY"]\nroles = { sales = ["admin", "finance"] }\n'
    project = _project(tmp_path, login)
    assert project.diagnostics == ()
    assert project.login == LoginRules(
        declared=True,
        required=("API_KEY", "pets_db", "sales"),  # a name with roles needs a login too
        roles={"sales": ("admin", "finance")},
    )


def test_max_expiry_days(tmp_path: Path) -> None:
    project = _project(tmp_path, 'required = ["pets_db"]\nmax_expiry_days = 7\n')
    assert (project.diagnostics, project.login.max_expiry_days) == ((), 7.0)


def test_no_table_no_login_rules(tmp_path: Path) -> None:
    write_app(tmp_path, {"pyproject.toml": FORWARD, ".streamlit/secrets.toml": SECRETS})
    assert read_project(tmp_path, "app").login == LoginRules()
    assert LoginRules().declared is False


def test_an_empty_table_is_declared(tmp_path: Path) -> None:
    assert _project(tmp_path, "").login == LoginRules(declared=True)


@pytest.mark.parametrize(
    ("login", "severity", "message"),
    [
        pytest.param(
            'required = ["pets"]\n',
            "error",
            "[tool.stc.login] names 'pets', which is neither a connection of "
            ".streamlit/secrets.toml (it has pets_db, sales) nor a name in [tool.stc.secrets]",
            id="unknown-name",
        ),
        pytest.param(
            'roles = { OTHER = ["admin"] }\n',
            "error",
            "[tool.stc.login] names 'OTHER', which is neither a connection",
            id="unknown-name-in-roles",
        ),
        pytest.param(
            'required = ["map_token"]\n',
            "error",
            "[tool.stc.login] names 'map_token', a key public_secrets names: every visitor "
            "has it, no login can guard it",
            id="public",
        ),
        pytest.param(
            'required = "pets_db"\n',
            "error",
            "[tool.stc.login] required must be a list of connection and secret names",
            id="required-not-a-list",
        ),
        pytest.param(
            "required = [1]\n",
            "error",
            "[tool.stc.login] required must be a list",
            id="required-not-names",
        ),
        pytest.param(
            'roles = ["admin"]\n',
            "error",
            "[tool.stc.login] roles must map names to lists of roles: "
            'roles = { pets_db = ["admin"] }',
            id="roles-not-a-table",
        ),
        pytest.param(
            'roles = { pets_db = "admin" }\n',
            "error",
            "[tool.stc.login] roles must map names to lists of roles",
            id="roles-not-a-list",
        ),
        pytest.param(
            "roles = { pets_db = [] }\n",
            "error",
            "[tool.stc.login] roles pets_db lists no roles: no login could pass",
            id="no-roles",
        ),
        pytest.param(
            'require = ["pets_db"]\n',
            "error",
            "[tool.stc.login] has 'require'; its keys are required, roles, max_expiry_days",
            id="typo",
        ),
        pytest.param(
            "max_expiry_days = 0\n",
            "error",
            "[tool.stc.login] max_expiry_days must be a number of days, over 0 and at most 3650",
            id="expiry-zero",
        ),
        pytest.param(
            "max_expiry_days = true\n", "error", "max_expiry_days must be a number", id="bool"
        ),
    ],
)
def test_mistakes_are_stc710(tmp_path: Path, login: str, severity: str, message: str) -> None:
    project = _project(tmp_path, login)
    (bad,) = project.diagnostics
    assert (bad.code, bad.severity, bad.span.path, bad.span.line) == (
        "STC710",
        severity,
        "app/pyproject.toml",
        0,
    )
    assert message in bad.message
    assert not bad.quote


def test_not_a_table(tmp_path: Path) -> None:
    files = {"pyproject.toml": '[tool.stc]\nlogin = "yes"\n'}
    write_app(tmp_path, files)
    project = read_project(tmp_path, "app")
    (bad,) = project.diagnostics
    assert bad.message.startswith('[tool.stc.login] must be a table: required = ["pets_db"]')
    assert project.login == LoginRules()


def test_without_secrets_toml_a_connection_cannot_be_checked(tmp_path: Path) -> None:
    project = _project(tmp_path, 'required = ["pets_db", "API_KEY"]\n', secrets=None)
    (note,) = project.diagnostics
    assert (note.code, note.severity) == ("STC710", "warning")
    assert note.message == (
        "[tool.stc.login] names 'pets_db', which is not in [tool.stc.secrets], and there is "
        "no .streamlit/secrets.toml to tell if it is a connection"
    )
    assert project.login.required == ("API_KEY", "pets_db")


def test_messages_never_show_a_secret_value(tmp_path: Path) -> None:
    project = _project(tmp_path, 'required = ["nope", "map_token"]\n')
    shown = " ".join(f"{d.message} {d.hint}" for d in project.diagnostics)
    assert len(project.diagnostics) == 2
    assert "CANARY" not in shown and "public-value" not in shown
