"""Which top-level import names are the app's own, the standard library's, or packages."""

from __future__ import annotations

import pytest

from compiler.resolve._import_kinds import classify, local_tops

LOCAL = local_tops(
    [
        "app.py",
        "helpers.py",
        "mylib/__init__.py",
        "mylib/sub.py",
        "nspkg/mod.py",  # namespace folder: no __init__.py
        "deep/a/b.py",
        "data/table.csv",  # not Python: no module
        "pages/1_more.py",
        ".streamlit/config.toml",
    ]
)


def test_local_tops() -> None:
    assert frozenset({"app", "helpers", "mylib", "nspkg", "deep", "pages"}) == LOCAL


@pytest.mark.parametrize(
    ("top", "kind"),
    [
        pytest.param("streamlit", "streamlit", id="streamlit-is-ours"),
        pytest.param("st_pages", "streamlit", id="st-pages-shim-is-ours"),
        pytest.param("streamlit_authenticator", "streamlit", id="streamlit-authenticator-is-ours"),
        pytest.param("helpers", "local", id="local-module"),
        pytest.param("mylib", "local", id="local-package"),
        pytest.param("nspkg", "local", id="namespace-folder"),
        pytest.param("os", "stdlib", id="stdlib"),
        pytest.param("csv", "stdlib", id="stdlib-csv"),
        pytest.param("tomllib", "stdlib", id="stdlib-3.11"),
        pytest.param("annotationlib", "stdlib", id="stdlib-added-in-3.14"),
        pytest.param("tkinter", "stdlib", id="stdlib-not-in-pyodide-still-stdlib"),
        pytest.param("multiprocessing", "stdlib", id="stdlib-multiprocessing"),
        pytest.param("js", "stdlib", id="pyodide-js"),
        pytest.param("pyodide", "stdlib", id="pyodide-itself"),
        pytest.param("imghdr", "removed", id="removed-in-3.13"),
        pytest.param("distutils", "removed", id="removed-in-3.12"),
        pytest.param("numpy", "third-party", id="third-party"),
        pytest.param("PIL", "third-party", id="third-party-alias"),
        pytest.param("data", "third-party", id="folder-without-python-is-not-local"),
    ],
)
def test_classify(top: str, kind: str) -> None:
    assert classify(top, LOCAL) == kind


def test_local_shadows_a_package_name() -> None:
    assert classify("numpy", local_tops(["numpy.py"])) == "local"
