"""Runtime bytecode: compiled by the vendored Pyodide under Node, cached, optional."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

import compiler.resolve.pyc._precompile
from compiler import BuildOptions, NullReporter, build
from compiler.resolve._pyodide import PyodideCore, ensure_core
from compiler.resolve.pyc._precompile import precompile

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
    found = dict(precompile(core, _sources(tmp_path), tmp_path / "cache", NullReporter()))
    assert set(found) == {
        "pkg/__pycache__/__init__.cpython-314.pyc",
        "pkg/sub/__pycache__/b.cpython-314.pyc",
    }
    header = found["pkg/sub/__pycache__/b.cpython-314.pyc"].read_bytes()[:8]
    assert header[2:4] == b"\r\n" and header[4:8] == UNCHECKED_HASH


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
    assert precompile(None, sources, tmp_path, NullReporter()) == ()
    monkeypatch.setattr(compiler.resolve.pyc._precompile.shutil, "which", lambda name: None)
    assert precompile(core, sources, tmp_path, NullReporter()) == ()


@needs_node
def test_a_failing_compile_is_reported_not_fatal(core: PyodideCore, tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    sources[1][1].write_text("def broken(:\n")
    messages: list[str] = []

    class Reporter(NullReporter):
        def info(self, msg: str) -> None:
            messages.append(msg)

    assert precompile(core, sources, tmp_path / "cache", Reporter()) == ()
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
    names = zipfile.ZipFile(tmp_path / "site" / "stc" / "runtime.zip").namelist()
    assert "runtime_wasm/_bridge.py" in names
    assert "runtime_wasm/__pycache__/_bridge.cpython-314.pyc" in names
    assert "runtime_wasm/streamlit/__pycache__/_dg.cpython-314.pyc" in names
    # Standard-library modules the runtime imports, which Pyodide ships as sources: a
    # package goes whole, so its other modules still import.
    assert {"pickle.pyc", "urllib/parse.pyc", "urllib/request.pyc"} <= set(names)
    assert not any(n.startswith(("asyncio/", "json/")) for n in names)  # Pyodide loads those
