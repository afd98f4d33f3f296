"""Runtime and stdlib bytecode: compiled by the vendored Pyodide under Node, cached,
optional; and the site's own stdlib.zip made from it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import compiler.resolve.pyc._precompile
from compiler import BuildOptions, NullReporter, build
from compiler.resolve._pyodide import PyodideCore, ensure_core
from compiler.resolve.pyc._precompile import RuntimeBytecode, precompile, stdlib_bytecode
from runtime_wasm._protocol import RUNTIME_ZIP
from runtime_wasm._stdlib_fallback import REST_LIST
from tests.site_zips import open_zip

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")

# The first 4 bytes of a pyc are CPython's magic number for its version; Python 3.14's
# end in \r\n like every version's. Bytes 4-8 are the flags: 1 = hash-based, unchecked.
UNCHECKED_HASH = (1).to_bytes(4, "little")


@pytest.fixture(scope="module")
def core() -> PyodideCore:
    return ensure_core()


def _sources(tmp_path: Path) -> tuple[tuple[str, Path], ...]:
    a = tmp_path / "src" / "a.py"
    b = tmp_path / "src" / "b.py"
    a.parent.mkdir()
    a.write_text("X = 1\n")
    b.write_text("def f():\n    return 2\n")
    return (("pkg/__init__.py", a), ("pkg/sub/b.py", b), ("pkg/data.txt", a))


@needs_node
def test_compiles_each_module_for_pyodides_python(core: PyodideCore, tmp_path: Path) -> None:
    bytecode = precompile(core, _sources(tmp_path), tmp_path / "cache", NullReporter())
    found = dict(bytecode.pycs)
    # Beside each source, as zipimport reads them (the worker imports runtime.zip).
    assert set(found) == {"pkg/__init__.pyc", "pkg/sub/b.pyc"}
    header = found["pkg/sub/b.pyc"].read_bytes()[:8]
    assert header[2:4] == b"\r\n" and header[4:8] == UNCHECKED_HASH
    # What Pyodide's own start-up loads from the stdlib, measured in that Pyodide.
    assert {"asyncio", "encodings.utf_8", "json", "typing"} <= bytecode.stdlib_loaded


@needs_node
def test_bytecode_is_cached_by_content(
    core: PyodideCore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = _sources(tmp_path)
    cache = tmp_path / "cache"
    first = precompile(core, sources, cache, NullReporter())

    def no_node(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(subprocess, "run", no_node)
    assert precompile(core, sources, cache, NullReporter()) == first
    sources[0][1].write_text("X = 2\n")  # a changed module: a new key, compiled again
    with pytest.raises(AssertionError, match="compiled again"):
        precompile(core, sources, cache, NullReporter())


def test_without_node_or_core_the_site_ships_sources(
    core: PyodideCore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = _sources(tmp_path)
    assert precompile(None, sources, tmp_path, NullReporter()) == RuntimeBytecode()
    assert stdlib_bytecode(None, tmp_path, NullReporter()) is None
    monkeypatch.setattr(compiler.resolve.pyc._precompile.shutil, "which", lambda name: None)
    assert precompile(core, sources, tmp_path, NullReporter()) == RuntimeBytecode()
    assert stdlib_bytecode(core, tmp_path, NullReporter()) is None


@needs_node
def test_a_failing_compile_is_reported_not_fatal(core: PyodideCore, tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    sources[1][1].write_text("def broken(:\n")
    messages: list[str] = []

    class Reporter(NullReporter):
        def info(self, msg: str) -> None:
            messages.append(msg)

    assert precompile(core, sources, tmp_path / "cache", Reporter()) == RuntimeBytecode()
    assert any("left out" in m and "node exited" in m for m in messages)
    assert not list((tmp_path / "cache" / "pyc").iterdir())  # nothing half-made is kept


@needs_node
def test_the_runtime_zip_carries_bytecode(core: PyodideCore, tmp_path: Path) -> None:
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text("import streamlit as st\nst.write('hi')\n")
    build(
        BuildOptions(app=app, out_dir=tmp_path / "site", cache_dir=core.folder.parents[1]),
        NullReporter(),
    )
    runtime_zip = tmp_path / "site" / "stc" / "runtime.zip.gz"
    names = open_zip(runtime_zip).namelist()
    assert not any(n.endswith(".py") for n in names)  # bytecode in place of sources
    assert "runtime_wasm/_bridge.pyc" in names
    assert "runtime_wasm/streamlit/_dg.pyc" in names
    # The stand-ins for PyPI packages this app does not import stay out.
    assert not any(
        n.startswith(("runtime_wasm/st_pages/", "runtime_wasm/streamlit_authenticator/"))
        for n in names
    )
    assert not any(n.endswith(".pyc") and "/" not in n for n in names)  # stdlib: stdlib.zip
    # Compiled for where the worker puts the zip: tracebacks and frame checks name it.
    pyc = open_zip(runtime_zip).read("runtime_wasm/_script.pyc")
    assert f"{RUNTIME_ZIP}/runtime_wasm/_script.py".encode() in pyc  # its co_filename
    # The site's stdlib: sourceless bytecode of what start-up and the runtime import
    # (pickle, urllib for the runtime; asyncio, json for Pyodide itself), and no sources.
    stdlib = open_zip(tmp_path / "site" / "stc" / "stdlib.zip.gz")
    members = set(stdlib.namelist())
    assert {"pickle.pyc", "urllib/parse.pyc", "asyncio/__init__.pyc", "json/decoder.pyc"} <= members
    assert not any(n.endswith(".py") for n in members)
    assert "tkinter/__init__.pyc" not in members and "difflib.pyc" not in members
    # Nor what the build's own compiling tool imported, nor pure-Python twins of C modules.
    assert not {"compileall.pyc", "py_compile.pyc", "_pydatetime.pyc"} & members
    header = stdlib.read("json/decoder.pyc")[:8]
    assert header[4:8] == UNCHECKED_HASH
    rest = stdlib.read(REST_LIST).decode().split()
    assert "difflib" in rest and "json" not in rest
    config = (tmp_path / "site" / "index.html").read_text()
    assert '"stdlib": "stc/stdlib.zip.gz"' in config


@needs_node
def test_every_stdlib_module_is_compiled_once_per_pyodide(
    core: PyodideCore, tmp_path: Path
) -> None:
    folder = stdlib_bytecode(core, core.folder.parents[1], NullReporter())
    assert folder is not None
    assert (folder / "difflib.pyc").is_file() and (folder / "email" / "mime" / "text.pyc").is_file()
    # optimize=2, as python -OO: the module's docstring is not in the bytecode.
    assert (
        b"Module difflib -- helpers for computing deltas"
        not in (folder / "difflib.pyc").read_bytes()
    )


@needs_node
def test_a_stand_in_ships_with_the_app_that_imports_it(core: PyodideCore, tmp_path: Path) -> None:
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text("import streamlit as st\n")
    (app.parent / "menu.py").write_text("from st_pages import add_page_title\n")
    build(
        BuildOptions(app=app, out_dir=tmp_path / "site", cache_dir=core.folder.parents[1]),
        NullReporter(),
    )
    names = open_zip(tmp_path / "site" / "stc" / "runtime.zip.gz").namelist()
    assert "runtime_wasm/st_pages/__init__.pyc" in names
    assert not any(n.startswith("runtime_wasm/streamlit_authenticator/") for n in names)
