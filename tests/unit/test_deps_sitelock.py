"""The site's own lock file and package files, through a whole build (fake wheels)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import compiler._build
import compiler.resolve._resolve
from compiler import BuildOptions, CompileError, NullReporter, build
from compiler._diagnostics import Span
from compiler.analyse._facts import ImportRef
from compiler.resolve._pyodide import ensure_core

from ._wheelmaker import FakeWheels, make_wheel

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"


@pytest.fixture
def app(tmp_path: Path) -> Path:
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "app.py").write_text("import streamlit as st\nimport humanize\n", encoding="utf-8")
    (folder / "requirements.txt").write_text("humanize\npandas\n", encoding="utf-8")
    return folder / "app.py"


@pytest.fixture
def wheels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeWheels:
    (tmp_path / "wheels").mkdir()
    fake = FakeWheels(
        {
            "humanize": make_wheel(tmp_path / "wheels", "humanize", "4.13.0", ("six",)),
            "six": make_wheel(tmp_path / "wheels", "six", "1.17.0", modules=("six",)),
        }
    )
    monkeypatch.setattr(compiler.resolve._resolve, "PipWheels", lambda cache: fake)
    return fake


def test_site_lock(app: Path, tmp_path: Path, wheels: FakeWheels) -> None:
    site = tmp_path / "site"
    result = build(
        BuildOptions(app=app, out_dir=site, cache_dir=ensure_core().folder.parents[1]),
        NullReporter(),
    )
    lock = json.loads((site / "packages" / "pyodide-lock.json").read_text(encoding="utf-8"))
    pinned = json.loads((ensure_core().folder / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["info"] == pinned["info"]
    packages = lock["packages"]
    assert {"humanize", "six", "pandas", "numpy", "python-dateutil", "pytz"} <= set(packages)

    humanize = packages["humanize"]
    wheel = site / "packages" / humanize["file_name"]
    assert humanize["file_name"] == "humanize-4.13.0-py3-none-any.whl"
    assert humanize["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert humanize["depends"] == ["six"]
    assert humanize["imports"] == ["humanize"]
    assert (humanize["install_dir"], humanize["package_type"], humanize["unvendored_tests"]) == (
        "site",
        "package",
        False,
    )
    numpy = packages["numpy"]
    assert numpy["file_name"] == CDN + pinned["packages"]["numpy"]["file_name"]
    assert numpy["sha256"] == pinned["packages"]["numpy"]["sha256"]
    assert packages["pandas"]["depends"] == ["numpy", "python-dateutil", "pytz"]

    html = (site / "index.html").read_text(encoding="utf-8")
    assert '"lock": "packages/pyodide-lock.json"' in html
    assert '"packages": ["humanize", "numpy", "pandas",' in html
    assert result.totals["packages"] > 0
    assert {p.name for p in result.packages if p.in_site} == {"humanize", "six"}
    assert any(d.code == "STC403" for d in result.diagnostics)


def test_no_packages_no_lock(tmp_path: Path, wheels: FakeWheels) -> None:
    app = tmp_path / "plain" / "app.py"
    app.parent.mkdir()
    app.write_text("import streamlit as st\nst.write(1)\n", encoding="utf-8")
    build(BuildOptions(app=app, out_dir=tmp_path / "site"), NullReporter())
    assert not (tmp_path / "site" / "packages").exists()
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '"packages"' not in html and '"lock"' not in html
    assert wheels.asked == []


def test_unknown_import_fails_the_build(
    tmp_path: Path, wheels: FakeWheels, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = tmp_path / "bad" / "app.py"
    app.parent.mkdir()
    app.write_text("import streamlit as st\nimport nosuchthing\n", encoding="utf-8")
    span = Span(path=str(app), line=2, col=1, end_line=2, end_col=19)
    imports = (ImportRef(module="nosuchthing", top="nosuchthing", file="app.py", span=span),)
    real = compiler.resolve._resolve.resolve

    def with_imports(**kwargs: object) -> compiler.resolve._resolve.Resolved:
        return real(**{**kwargs, "imports": imports})  # type: ignore[arg-type]

    monkeypatch.setattr(compiler._build, "resolve", with_imports)
    with pytest.raises(CompileError) as raised:
        build(BuildOptions(app=app, out_dir=tmp_path / "site"), NullReporter())
    assert [d.code for d in raised.value.diagnostics] == ["STC402"]
    assert not (tmp_path / "site").exists()
