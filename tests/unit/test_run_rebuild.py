"""``stc run``'s rebuilds: only what changed is rendered and written, and what changed
decides whether an open page reruns the new code or reloads."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from compiler import BuildOptions, CompileError, NullReporter, build
from compiler.devtools._rebuild import DevBuild
from compiler.emit._plan import Copy, PlannedFile, SitePlan, Template, Zip
from compiler.emit._render import RenderCache, render

APP = """\
import streamlit as st

st.title("Dev")
st.write("version one")
"""


def _site_config(page: Path) -> dict[str, object]:
    found = re.search(r'id="stc-config">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    assert found
    config: dict[str, object] = json.loads(found.group(1))
    return config


@pytest.fixture
def dev(tmp_path: Path) -> DevBuild:
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text(APP, encoding="utf-8")
    built = DevBuild(BuildOptions(app=app, out_dir=tmp_path / "site", dev=True))
    first = built.first(NullReporter())
    assert first.change == "reload" and "stc/app.zip" in first.changed
    return built


def _edit(dev: DevBuild, name: str, old: str, new: str) -> None:
    path = dev.options.app.parent / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_script_edit_changes_the_app_zip_and_the_pages_only(dev: DevBuild) -> None:
    site = dev.options.out_dir
    core = site / "pyodide" / "pyodide.asm.wasm"
    untouched = {p: p.stat().st_mtime_ns for p in [core, site / "stc" / "runtime.zip.gz"]}
    _edit(dev, "app.py", "version one", "version two")

    started = time.monotonic()
    rebuilt = dev.again()
    elapsed = time.monotonic() - started

    assert rebuilt.change == "app"
    assert set(rebuilt.changed) == {"stc/app.zip", "index.html", "stc-build.json"}
    assert {p: p.stat().st_mtime_ns for p in untouched} == untouched  # not written again
    config = _site_config(site / "index.html")
    integrity = config["integrity"]
    assert isinstance(integrity, dict)
    assert integrity["app"] == rebuilt.app  # the digest the page hands the worker
    assert elapsed < 1.0, f"a one-line rebuild took {elapsed:.2f} s"


def test_a_rebuild_matches_a_whole_build(dev: DevBuild, tmp_path: Path) -> None:
    """Written in place, the site is byte for byte what a build of the new app writes."""
    _edit(dev, "app.py", "version one", "version two")
    (dev.options.app.parent / "data.csv").write_text("a,b\n1,2\n")
    dev.again()
    whole = tmp_path / "whole"
    build(BuildOptions(app=dev.options.app, out_dir=whole, dev=True), NullReporter())
    mine = {p.relative_to(dev.options.out_dir): p.read_bytes() for p in _files(dev.options.out_dir)}
    theirs = {p.relative_to(whole): p.read_bytes() for p in _files(whole)}
    assert mine == theirs


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_a_file_removed_from_the_app_leaves_the_site(dev: DevBuild) -> None:
    (dev.options.app.parent / "notes.txt").write_text("x")
    assert dev.again().change == "app"
    (dev.options.app.parent / "notes.txt").unlink()
    rebuilt = dev.again()
    assert rebuilt.change == "app"
    assert "stc/app.zip" in rebuilt.changed


def test_nothing_changed_is_none(dev: DevBuild) -> None:
    rebuilt = dev.again()
    assert (rebuilt.change, rebuilt.changed) == ("none", ())


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        pytest.param(".streamlit/config.toml", "", '[theme]\nprimaryColor = "#ff0000"\n',
                     id="theme"),
        pytest.param("pages/1_Two.py", "", 'import streamlit as st\nst.write("two")\n',
                     id="a new page"),
    ],
)  # fmt: skip
def test_a_change_of_the_page_config_reloads_the_page(
    dev: DevBuild, name: str, old: str, new: str
) -> None:
    path = dev.options.app.parent / name
    path.parent.mkdir(exist_ok=True)
    if not path.exists():
        path.write_text("")
    _edit(dev, name, old, new)
    assert dev.again().change == "reload"


def test_a_new_stdlib_import_needs_no_reload(dev: DevBuild) -> None:
    """The site's stdlib.zip gains the module; a running worker imports it from
    Pyodide's full zip meanwhile (runtime_wasm/_stdlib_fallback.py)."""
    if not (dev.options.out_dir / "stc" / "stdlib.zip.gz").is_file():
        pytest.skip("no Node: the site uses Pyodide's own stdlib")
    _edit(dev, "app.py", "import streamlit as st", "import wave\nimport streamlit as st")
    rebuilt = dev.again()
    assert rebuilt.change == "app"
    assert "stc/stdlib.zip.gz" in rebuilt.changed


def test_a_broken_save_leaves_the_last_good_build(dev: DevBuild) -> None:
    site = dev.options.out_dir
    before = {p: p.read_bytes() for p in _files(site)}
    _edit(dev, "app.py", 'st.write("version one")', 'st.write("version one"')
    with pytest.raises(CompileError) as error:
        dev.again()
    assert [d.code for d in error.value.diagnostics if d.severity == "error"] == ["STC001"]
    assert {p: p.read_bytes() for p in _files(site)} == before
    _edit(dev, "app.py", 'st.write("version one"', 'st.write("version one")')
    assert dev.again().change == "none"  # back to the build the page runs


def test_only_stc_run_marks_the_page(dev: DevBuild, tmp_path: Path) -> None:
    """The dev hook is inert in built sites: their config has no ``dev``."""
    assert _site_config(dev.options.out_dir / "index.html")["dev"] is True
    built = tmp_path / "built"
    build(BuildOptions(app=dev.options.app, out_dir=built), NullReporter())
    assert "dev" not in _site_config(built / "index.html")


def test_the_render_cache_reuses_only_what_cannot_have_changed(tmp_path: Path) -> None:
    source = tmp_path / "module.py"
    source.write_text("x = 1\n")
    files = (
        PlannedFile(path="a.zip", category="runtime", source=Zip(members=(("m.py", source),))),
        PlannedFile(path="b.py", category="app", source=Copy(source=source)),
        PlannedFile(path="404.html", category="page",
                    source=Template(name="404.html", context={"title": "t", "root": ""})),
    )  # fmt: skip
    site = SitePlan(files=files, manifest={})
    cache = RenderCache()
    first = {f.path: f.sha256 for f in render(site, cache)}
    assert cache.reused == 0
    render(site, cache)
    assert cache.reused == 2  # the zip and the copy; the template is made again
    source.write_text("x = 22\n")  # another size: the stamps differ
    again = {f.path: f.sha256 for f in render(site, cache)}
    assert cache.reused == 0
    assert again["a.zip"] != first["a.zip"] and again["b.py"] != first["b.py"]
