"""Vendoring the pinned Pyodide core: the real npm path once, then the failure paths."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import compiler.resolve._pyodide as pyodide
from compiler import AssetError
from compiler.resolve._pyodide import CORE_FILES, PYODIDE_VERSION, cache_root, ensure_core


@pytest.fixture(scope="session")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache populated once, through the real ``npm pack`` (npm's own cache makes reruns fast)."""
    folder = tmp_path_factory.mktemp("pyodide-cache")
    ensure_core(folder)
    return folder


def test_real_download_is_verified_and_complete(cache: Path) -> None:
    folder = cache / "pyodide" / PYODIDE_VERSION
    manifest = json.loads((folder / "stc-pyodide.json").read_text())
    assert manifest["integrity"] == pyodide.PYODIDE_INTEGRITY
    for name in CORE_FILES:
        data = (folder / name).read_bytes()
        assert manifest["files"][name] == {
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    assert (folder / "pyodide.asm.wasm").read_bytes()[:4] == b"\0asm"
    assert [p.name for p in (cache / "pyodide").iterdir()] == [PYODIDE_VERSION]  # no temp left


def test_reuse_needs_no_npm(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no npm on PATH
    core = ensure_core(cache)
    assert core.folder == cache / "pyodide" / PYODIDE_VERSION
    assert core.files == CORE_FILES


def test_truncated_cache_is_fetched_again(cache: Path, tmp_path: Path) -> None:
    copy = tmp_path / "cache"
    shutil.copytree(cache, copy)
    wasm = copy / "pyodide" / PYODIDE_VERSION / "pyodide.asm.wasm"
    wasm.write_bytes(wasm.read_bytes()[:1000])
    ensure_core(copy)
    assert wasm.stat().st_size == (cache / "pyodide" / PYODIDE_VERSION / wasm.name).stat().st_size
    assert sorted(p.name for p in (copy / "pyodide").iterdir()) == [PYODIDE_VERSION]


def test_integrity_mismatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pyodide, "PYODIDE_INTEGRITY", "sha512-" + "A" * 86 + "==")
    with pytest.raises(AssetError, match="does not match the pinned integrity"):
        ensure_core(tmp_path)
    assert list((tmp_path / "pyodide").iterdir()) == []


def test_npm_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(AssetError, match="npm was not found on PATH") as caught:
        ensure_core(tmp_path / "cache")
    assert "--pyodide-url" in caught.value.message


def test_npm_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin" / "npm"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'npm error code ENOTFOUND' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    with pytest.raises(AssetError, match=r"failed \(offline\?\): npm error code ENOTFOUND"):
        ensure_core(tmp_path / "cache")
    assert list((tmp_path / "cache" / "pyodide").iterdir()) == []


def test_cache_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STC_CACHE_DIR", str(tmp_path / "a"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "b"))
    assert cache_root() == tmp_path / "a"
    monkeypatch.delenv("STC_CACHE_DIR")
    assert cache_root() == tmp_path / "b" / "stc"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_root() == tmp_path / "home" / ".cache" / "stc"
