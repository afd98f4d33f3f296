"""The app folder as a boundary, and secrets left out: which files ship and what is said.

Each row is a tree (from the hostile corpus) with the diagnostics ``stc check`` must
give (code, path relative to the app folder, line) and files that must not ship.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compiler import CompileError, check
from compiler.analyse._appfiles import collect_app_files
from compiler.analyse._secret_files import scan_text, secret_by_name
from tests.unit._hostile import TREES


def _codes(root: Path) -> list[tuple[str, str, int]]:
    return [
        (d.code, Path(os.path.relpath(d.span.path, root)).as_posix(), d.span.line)
        for d in check(root / "app.py")
        if d.code.startswith("STC0")
    ]


def _shipped(root: Path) -> list[str]:
    return sorted(f.rel for f in collect_app_files(root, root / "site").files)


@pytest.mark.parametrize(
    ("tree", "expected", "not_shipped"),
    [
        ("link-file:passwd.txt", [("STC011", "passwd.txt", 0)], ["passwd.txt"]),
        ("link-file:requirements.txt", [("STC011", "requirements.txt", 0)], ["requirements.txt"]),
        ("link-file:.streamlit/config.toml", [("STC011", ".streamlit/config.toml", 0)],
         [".streamlit/config.toml"]),
        ("link-file:.stcignore", [("STC011", ".stcignore", 0)], [".stcignore"]),
        ("link-folder:.streamlit", [("STC011", ".streamlit", 0)], [".streamlit/secrets.toml"]),
        ("named:secrets.toml", [("STC010", "secrets.toml", 0)], ["secrets.toml"]),
        ("named-nested:id_rsa", [("STC010", "conf/deep/id_rsa", 0)], ["conf/deep/id_rsa"]),
        ("named:server.pem", [("STC010", "server.pem", 0)], ["server.pem"]),
        ("named:.pypirc", [("STC010", ".pypirc", 0)], [".pypirc"]),
        ("content-py:github", [("STC012", "settings.py", 1)], ["settings.py"]),
        ("content-csv:private-key", [("STC012", "data/rows.csv", 2)], ["data/rows.csv"]),
        ("content-in-app:url-password", [("STC012", "app.py", 3)], ["app.py"]),
        ("content-yaml:bcrypt", [("STC012", "users.yaml", 4)], ["users.yaml"]),
        ("content-csv:bcrypt", [("STC012", "data/rows.csv", 2)], ["data/rows.csv"]),
        ("links-inside", [("STC011", "data-link", 0)], ["data-link/real.csv"]),
        ("link-dangling", [], ["gone.csv"]),
        ("link-loop", [], ["a", "b"]),
        ("fifo", [], ["pipe.csv"]),
    ],
)  # fmt: skip
def test_left_out_and_said(
    tree: str, expected: list[tuple[str, str, int]], not_shipped: list[str], tmp_path: Path
) -> None:
    root = tmp_path / "app"
    TREES[tree](root)
    if "app.py" in not_shipped:  # the entry itself cannot ship: the build cannot go on
        with pytest.raises(CompileError) as raised:
            check(root / "app.py")
        assert [(d.code, d.span.line) for d in raised.value.diagnostics] == [("STC012", 3)]
        return
    assert _codes(root) == expected
    shipped = _shipped(root)
    assert not set(not_shipped) & set(shipped)
    assert "app.py" in shipped


def test_a_link_out_listed_in_stcignore_is_left_out_silently(tmp_path: Path) -> None:
    root = tmp_path / "app"
    TREES["link-file:passwd.txt"](root)
    (root / ".stcignore").write_text("passwd.txt\n")
    assert _codes(root) == []
    assert _shipped(root) == ["app.py"]


def test_links_inside_the_folder_ship_as_files(tmp_path: Path) -> None:
    root = tmp_path / "app"
    TREES["links-inside"](root)
    assert _shipped(root) == ["alias.csv", "app.py", "data/real.csv"]


def test_an_app_py_linked_from_elsewhere_does_not_move_the_folder(tmp_path: Path) -> None:
    root = tmp_path / "app"
    TREES["app-py-is-a-link-out"](root)
    with pytest.raises(CompileError) as raised:
        check(root / "app.py")
    (diagnostic,) = raised.value.diagnostics
    assert (diagnostic.code, Path(diagnostic.span.path).name) == ("STC011", "app.py")


def test_a_file_name_that_is_not_utf8_is_left_out_and_shown_escaped(tmp_path: Path) -> None:
    root = tmp_path / "app"
    TREES["name:not-utf8"](root)
    (diagnostic,) = [d for d in check(root / "app.py") if d.code == "STC013"]
    assert diagnostic.span.path.endswith("/\\xff\\xfe.csv")
    assert _shipped(root) == ["app.py"]


@pytest.mark.parametrize(
    ("name", "why"),
    [("secrets.toml", "Streamlit secrets"), (".env.local", "environment variables"),
     ("ID_RSA", "an SSH private key"), ("tls.key", "a private key"),
     ("client_secret_42.json", "an OAuth client secret"), ("app.py", None),
     ("data.csv", None), ("keys.py", None), ("environment.yml", None)],
)  # fmt: skip
def test_secret_by_name(name: str, why: str | None) -> None:
    assert secret_by_name(name) == why


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('x = 1\ntoken = "ghp_' + "a" * 36 + '"\n', "GitHub Token"),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n", "Private Key"),
        ('url = "mysql://root:hunter2@db/prod"', "Basic Auth Credentials"),
        ("AKIAIOSFODNN7EXAMPLE", "AWS Access Key"),
        ("password: $2b$12$" + "a" * 22 + "./" + "B" * 29 + "\n", "bcrypt password hash"),
        ('{"jsmith": {"password": "$2y$10$' + "x" * 53 + '"}}', "bcrypt password hash"),
        ("u:$2a$04$" + "0" * 53, "bcrypt password hash"),
        # must not trigger: ordinary code and data, an allowlisted line, a URL without
        # a password, the detectors that guess (entropy, keywords, capitalised words)
        ("import streamlit as st\nst.write('hello')\n", None),
        ('token = "ghp_' + "a" * 36 + '"  # pragma: allowlist secret\n', None),
        ('url = "https://example.com/data.csv"\npassword = st.text_input("Password")\n', None),
        ("id,hash\n1,9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n", None),
        ("APEXPREDATORS ARE LISTED HERE\n", None),
        ("password: $2b$12$" + "a" * 52 + "\n", None),  # one character short of a hash
        ("price: $2$12$" + "a" * 53 + "\n", None),  # no bcrypt variant letter
    ],
)
def test_scan_text(text: str, kind: str | None) -> None:
    found = scan_text(text)
    assert (found.kind if found else None) == kind
