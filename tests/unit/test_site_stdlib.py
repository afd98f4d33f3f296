"""The site's own stdlib.zip: which stdlib modules it carries as bytecode, and how a
module it left out still imports (from Pyodide's full zip, fetched once)."""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from compiler.resolve._site_stdlib import module_graph, site_stdlib, wheel_imports
from runtime_wasm._stdlib_fallback import REST_LIST, install

STDLIB = {
    "a.py": "import b\nimport os.path as p\n\ndef f():\n    import c\n",
    "b.py": "try:\n    import d\nexcept ImportError:\n    d = None\n",
    "c.py": "X = 1\n",
    "d.py": "class K:\n    import e\n",
    "e.py": "",
    "pkg/__init__.py": "from . import sub\nfrom .deep import x\n",
    "pkg/sub.py": "from ..a import f\n",
    "pkg/deep/__init__.py": "",
    "pkg/deep/x.py": "",
    "pkg/other.py": "import c\n",
    "loaded.py": "",
}


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


@pytest.fixture
def stdlib(tmp_path: Path) -> tuple[Path, Path]:
    pycs = tmp_path / "pycs"
    for name in STDLIB:
        (pycs / name).with_suffix(".pyc").parent.mkdir(parents=True, exist_ok=True)
        (pycs / name).with_suffix(".pyc").write_bytes(b"pyc of " + name.encode())
    return _zip(tmp_path / "python_stdlib.zip", STDLIB), pycs


def test_top_level_imports_are_followed_and_function_bodies_are_not(
    stdlib: tuple[Path, Path],
) -> None:
    graph = module_graph(stdlib[0])
    assert graph["a"][1] == {"b"}  # os is not in this zip; c is imported inside f()
    assert graph["b"][1] == {"d"}  # inside a module-level try
    assert graph["d"][1] == frozenset()  # inside a class body: not followed
    assert graph["pkg"][1] == {"pkg.sub", "pkg.deep", "pkg.deep.x"}  # relative imports
    assert graph["pkg.sub"][1] == {"a"}


def test_the_site_carries_what_start_up_and_the_app_import(stdlib: tuple[Path, Path]) -> None:
    members = dict(site_stdlib(*stdlib, loaded=["loaded"], app_imports=["pkg"]))
    rest = members.pop(REST_LIST)
    assert set(members) == {
        "loaded.pyc", "pkg/__init__.pyc", "pkg/sub.pyc", "pkg/deep/__init__.pyc",
        "pkg/deep/x.pyc", "a.pyc", "b.pyc", "d.pyc",
    }  # fmt: skip
    assert isinstance(rest, bytes) and rest.decode().split() == ["c", "e", "pkg.other"]


def test_a_submodule_import_brings_its_parents(stdlib: tuple[Path, Path]) -> None:
    members = dict(site_stdlib(*stdlib, loaded=[], app_imports=["pkg.deep.x"]))
    assert {"pkg/__init__.pyc", "pkg/deep/__init__.pyc", "pkg/deep/x.pyc"} <= set(members)


# ---- the fallback, in the worker (here on CPython, with sources in both zips) ----


@pytest.fixture
def site_zip(tmp_path: Path) -> Iterator[tuple[Path, Path, list[str]]]:
    site = _zip(
        tmp_path / "site.zip",
        {"stcfb_pkg/__init__.py": "HERE = 'site'\n", REST_LIST: "stcfb_extra\nstcfb_pkg.later\n"},
    )
    full = _zip(
        tmp_path / "full.zip",
        {
            "stcfb_pkg/__init__.py": "HERE = 'full'\n",
            "stcfb_pkg/later.py": "VALUE = 2\n",
            "stcfb_extra.py": "VALUE = 1\n",
        },
    )
    fetched: list[str] = []
    saved_path, saved_meta = list(sys.path), list(sys.meta_path)
    sys.path.insert(0, str(site))
    yield site, full, fetched
    sys.path[:], sys.meta_path[:] = saved_path, saved_meta
    for name in [m for m in sys.modules if m.startswith("stcfb_")]:
        del sys.modules[name]
    sys.path_importer_cache.clear()


def test_a_left_out_module_comes_from_the_full_zip_fetched_once(
    site_zip: tuple[Path, Path, list[str]], tmp_path: Path
) -> None:
    site, full, fetched = site_zip

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return full.read_bytes()

    install("https://site/pyodide/python_stdlib.zip", fetch, str(site), str(tmp_path / "got.zip"))
    import stcfb_pkg

    assert stcfb_pkg.HERE == "site" and fetched == []  # the site's own copy, no download
    with pytest.raises(ModuleNotFoundError):
        import stcfb_nowhere  # noqa: F401  (in neither zip: no download for it)
    assert fetched == []
    import stcfb_extra
    import stcfb_pkg.later

    assert (stcfb_extra.VALUE, stcfb_pkg.later.VALUE) == (1, 2)
    assert fetched == ["https://site/pyodide/python_stdlib.zip"]


def test_a_failed_download_names_what_to_fix(
    site_zip: tuple[Path, Path, list[str]], tmp_path: Path
) -> None:
    site = site_zip[0]
    install(
        "https://site/pyodide/python_stdlib.zip",
        lambda url: None,
        str(site),
        str(tmp_path / "got.zip"),
    )
    with pytest.raises(ModuleNotFoundError, match=r"https://site/pyodide/python_stdlib\.zip"):
        import stcfb_extra  # noqa: F401


def test_pure_python_twins_of_c_modules_are_left_out(tmp_path: Path) -> None:
    """``try: from _datetime import *`` / ``except ImportError: from _pydatetime import *``:
    Pyodide has the C module, so the twin (and what only it imports) stays out."""
    stdlib = _zip(
        tmp_path / "python_stdlib.zip",
        {
            "datetime.py": "try:\n    from _datetime import *\nexcept ImportError:\n"
            "    from _pydatetime import *\n",
            "_pydatetime.py": "import only_for_twin\n",
            "only_for_twin.py": "",
        },
    )
    pycs = tmp_path / "pycs"
    pycs.mkdir()
    for name in ("datetime", "_pydatetime", "only_for_twin"):
        (pycs / f"{name}.pyc").write_bytes(b"")
    members = dict(site_stdlib(stdlib, pycs, loaded=[], app_imports=["datetime"]))
    assert set(members) == {"datetime.pyc", REST_LIST}


def test_a_wheels_top_level_imports_are_read(tmp_path: Path) -> None:
    wheel = _zip(
        tmp_path / "demo-1.0-py3-none-any.whl",
        {
            "demo/__init__.py": (
                "import json\nfrom email import message\n\ndef f():\n    import csv\n"
            ),
            "demo/sub.py": "from . import helper\nimport http.client\n",
            "demo-1.0.dist-info/METADATA": "Name: demo\n",
        },
    )
    found = wheel_imports(wheel)
    assert {"json", "email", "email.message", "http", "http.client", "demo.helper"} <= found
    assert "csv" not in found  # inside a function


def test_a_site_with_packages_carries_what_installing_a_wheel_imports(tmp_path: Path) -> None:
    files = {"tarfile.py": "", "importlib/__init__.py": "", "importlib/metadata/__init__.py": ""}
    stdlib = _zip(tmp_path / "python_stdlib.zip", files)
    pycs = tmp_path / "pycs"
    for name in files:
        (pycs / name).with_suffix(".pyc").parent.mkdir(parents=True, exist_ok=True)
        (pycs / name).with_suffix(".pyc").write_bytes(b"")
    without = dict(site_stdlib(stdlib, pycs, loaded=[], app_imports=[]))
    assert set(without) == {REST_LIST}
    carried = dict(site_stdlib(stdlib, pycs, loaded=[], app_imports=[], packages=True))
    assert set(carried) == {
        "tarfile.pyc", "importlib/__init__.pyc", "importlib/metadata/__init__.pyc", REST_LIST,
    }  # fmt: skip
