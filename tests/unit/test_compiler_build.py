"""``build()`` end to end on a tiny app: layout, exclusions, determinism, atomicity."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import compiler._build
import compiler.emit._write
from compiler import (
    BuildError,
    BuildOptions,
    BuildResult,
    CompileError,
    NullReporter,
    build,
    render_diagnostic,
)
from compiler.resolve._resolve import runtime_package_dir
from runtime_wasm._protocol import PROTOCOL_VERSION
from tests.site_zips import open_zip

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"
SHIPPED = [
    ".streamlit/config.toml",
    "app.py",
    "data.csv",
    "helper.py",
    "pages/1_more.py",
]


@pytest.fixture(scope="session")
def runtime_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of runtime_wasm with placeholder JS (the real front end may not exist yet)."""
    runtime = tmp_path_factory.mktemp("runtime") / "runtime_wasm"
    shutil.copytree(runtime_package_dir(), runtime, ignore=shutil.ignore_patterns("__pycache__"))
    js = runtime / "js"
    for name in ("page.mjs", "worker.mjs", "stc.css", "vendor/lib.mjs"):
        (js / name).parent.mkdir(parents=True, exist_ok=True)
        if not (js / name).exists():
            (js / name).write_text(f"/* {name} */\n")
    (runtime / "testing" / "apptest.py").parent.mkdir(exist_ok=True)
    (runtime / "testing" / "apptest.py").write_text("X = 1\n")
    return runtime


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stc-cache")


def make_app(root: Path) -> Path:
    app = root / "my_app"
    files = {
        "app.py": "import streamlit as st\nimport helper\n\nst.write(helper.GREETING)\n",
        "helper.py": "GREETING = 'hi'\n",
        "data.csv": "a,b\n1,2\n",
        "pages/1_more.py": "import streamlit as st\n",
        ".streamlit/config.toml": "[theme]\nbase = 'dark'\n",
        ".streamlit/secrets.toml": "token = 'SECRET'\n",
        ".env": "TOKEN=SECRET\n",
        ".env.local": "TOKEN=SECRET\n",
        ".git/config": "[core]\n",
        "env312/pyvenv.cfg": "home = /usr\n",
        "env312/lib/site.py": "x = 1\n",
        ".venv/lib.py": "x = 1\n",
        "__pycache__/helper.cpython-311.pyc": "",
        "node_modules/x/index.js": "",
        "old.pyc": "",
    }
    for rel, text in files.items():
        (app / rel).parent.mkdir(parents=True, exist_ok=True)
        (app / rel).write_text(text)
    return app / "app.py"


def do_build(app: Path, out: Path, runtime_dir: Path, **kwargs: object) -> BuildResult:
    options = BuildOptions(app=app, out_dir=out, runtime_dir=runtime_dir, **kwargs)  # type: ignore[arg-type]
    return build(options, NullReporter())


@pytest.fixture
def app(tmp_path: Path) -> Path:
    return make_app(tmp_path)


@pytest.fixture
def cdn_build(app: Path, tmp_path: Path, runtime_dir: Path) -> Iterator[tuple[Path, BuildResult]]:
    out = tmp_path / "site"
    yield out, do_build(app, out, runtime_dir, pyodide_url=CDN)


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_layout_with_vendored_pyodide(
    app: Path, tmp_path: Path, runtime_dir: Path, cache_dir: Path
) -> None:
    out = tmp_path / "site"
    result = do_build(app, out, runtime_dir, cache_dir=cache_dir)
    names = set(files_of(out))
    assert {
        "index.html", ".nojekyll", "stc-build.json", "stc/runtime.zip.gz", "stc/app.zip",
        "stc/page.mjs", "stc/worker.mjs", "stc/stc.css", "stc/vendor/lib.mjs",
        "pyodide/pyodide.mjs", "pyodide/pyodide.asm.mjs", "pyodide/pyodide.asm.wasm",
        "pyodide/python_stdlib.zip", "pyodide/pyodide-lock.json",
    } <= names  # fmt: skip
    assert not any(name.startswith("pyodide/") and "README" in name for name in names)
    assert [f.path for f in result.files] == sorted(names)
    assert set(result.totals) == {"page", "runtime", "app", "pyodide", "packages"}
    assert result.totals["pyodide"] > 10_000_000
    assert sum(result.totals.values()) == sum(len(b) for b in files_of(out).values())
    config = read_config(out)
    assert config["pyodide"] == "pyodide/"


def read_config(out: Path) -> dict[str, object]:
    html = (out / "index.html").read_text()
    found = re.search(r'<script type="application/json" id="stc-config">(.*?)</script>', html)
    assert found
    config: dict[str, object] = json.loads(found[1])
    return config


def test_index_html(cdn_build: tuple[Path, BuildResult]) -> None:
    out, _ = cdn_build
    html = (out / "index.html").read_text()
    assert html.startswith('<!doctype html>\n<html lang="en">')
    assert "<title>My App</title>" in html
    assert '<link rel="stylesheet" href="stc/stc.css">' in html
    assert '<script type="module" src="stc/page.mjs"></script>' in html
    assert '<div id="stc-root" data-stc-status="loading">' in html
    manifest = json.loads((out / "stc-build.json").read_text())
    digests = {f["path"]: f for f in manifest["files"]}
    integrity = {
        key: {"file": path, "size": digests[path]["size"], "sha256": digests[path]["sha256"]}
        for key, path in (("runtime", "stc/runtime.zip.gz"), ("app", "stc/app.zip"))
    }
    assert read_config(out) == {
        "protocol": PROTOCOL_VERSION,
        "pyodide": CDN,
        "runtime": "stc/runtime.zip.gz",
        "app": "stc/app.zip",
        "entry": "app.py",
        "assets": [],  # st.write(helper.GREETING): no chart package, so not a chart
        "pages": ["more"],  # pages/1_more.py: a multipage app
        "integrity": integrity,  # what the worker checks before unpacking
    }
    assert not (out / "pyodide").exists()
    page = (out / "more" / "index.html").read_text()  # its own entry, climbing to the root
    assert '<script type="module" src="../stc/page.mjs"></script>' in page
    assert '"root": "../"' in page and '"runtime": "../stc/runtime.zip.gz"' in page
    assert '"file": "stc/runtime.zip.gz"' in page  # the same digests, named from the root
    assert "location.replace(up)" in (out / "404.html").read_text()


def test_urls_are_relative_and_no_absolute_paths(
    cdn_build: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    out, _ = cdn_build
    for value in read_config(out).values():
        if isinstance(value, str) and value != CDN:
            assert not value.startswith(("/", "http:", "https:"))
    for name in ("index.html", "stc-build.json"):
        assert str(tmp_path) not in (out / name).read_text()


def test_pyodide_url_gets_a_trailing_slash(app: Path, tmp_path: Path, runtime_dir: Path) -> None:
    do_build(app, tmp_path / "site", runtime_dir, pyodide_url=CDN.rstrip("/"))
    assert read_config(tmp_path / "site")["pyodide"] == CDN


def test_script_json_is_safe_in_a_script_tag(tmp_path: Path, runtime_dir: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "app.py").write_text("")
    do_build(folder / "app.py", tmp_path / "site", runtime_dir, pyodide_url="https://h/</script>&/")
    html = (tmp_path / "site" / "index.html").read_text()
    assert "</script>&" not in html and "\\u003c/script\\u003e\\u0026" in html
    assert read_config(tmp_path / "site")["pyodide"] == "https://h/</script>&/"


def test_app_zip_holds_only_shippable_files(cdn_build: tuple[Path, BuildResult]) -> None:
    out, result = cdn_build
    with zipfile.ZipFile(out / "stc" / "app.zip") as archive:
        assert archive.namelist() == SHIPPED
        assert b"SECRET" not in b"".join(archive.read(n) for n in archive.namelist())
    # each secret by name is noted, with why: secrets.toml, .env, .env.local
    assert [d.code for d in result.diagnostics] == ["STC010"] * 3


def test_runtime_zip(cdn_build: tuple[Path, BuildResult], runtime_dir: Path) -> None:
    out, _ = cdn_build
    with open_zip(out / "stc" / "runtime.zip.gz") as archive:
        names = archive.namelist()
    # Every runtime source but the tests' and the stand-ins for packages the app does
    # not import (st_pages, streamlit_authenticator: OPTIONAL_SHIMS).
    expected = sorted(
        "runtime_wasm/" + p.relative_to(runtime_dir).as_posix()
        for p in runtime_dir.rglob("*.py")
        if p.relative_to(runtime_dir).parts[0]
        not in ("js", "testing", "st_pages", "streamlit_authenticator")
    )
    assert names == expected
    assert "runtime_wasm/_protocol.py" in names


def test_manifest(cdn_build: tuple[Path, BuildResult]) -> None:
    out, _ = cdn_build
    manifest = json.loads((out / "stc-build.json").read_text())
    assert manifest["entry"] == "app.py"
    assert manifest["pyodide"] == {"url": CDN, "version": None}
    listed = [(f["path"], f["size"]) for f in manifest["files"]]
    on_disk = sorted((k, len(v)) for k, v in files_of(out).items() if k != "stc-build.json")
    assert listed == on_disk


def test_output_inside_app_folder_is_not_shipped(app: Path, runtime_dir: Path) -> None:
    out = app.parent / "site"
    do_build(app, out, runtime_dir, pyodide_url=CDN)
    do_build(app, out, runtime_dir, pyodide_url=CDN)
    with zipfile.ZipFile(out / "stc" / "app.zip") as archive:
        assert archive.namelist() == SHIPPED


def test_deterministic(tmp_path: Path, runtime_dir: Path) -> None:
    first = make_app(tmp_path / "a")
    second = make_app(tmp_path / "b")  # same app, other place, other mtimes
    do_build(first, tmp_path / "out1", runtime_dir, pyodide_url=CDN)
    do_build(second, tmp_path / "out2", runtime_dir, pyodide_url=CDN)
    do_build(first, tmp_path / "out1", runtime_dir, pyodide_url=CDN)  # rebuild in place
    assert files_of(tmp_path / "out1") == files_of(tmp_path / "out2")
    with zipfile.ZipFile(tmp_path / "out1" / "stc" / "app.zip") as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".stc-" in p.name]


def test_failed_render_leaves_previous_site(
    cdn_build: tuple[Path, BuildResult],
    app: Path,
    runtime_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out, _ = cdn_build
    before = files_of(out)
    (app.parent / "helper.py").write_text("GREETING = 'changed'\n")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("render failed")

    monkeypatch.setattr(compiler._build, "render", broken)
    with pytest.raises(RuntimeError, match="render failed"):
        do_build(app, out, runtime_dir, pyodide_url=CDN)
    assert files_of(out) == before
    assert leftovers(out.parent) == []


def test_failed_write_leaves_previous_site(
    cdn_build: tuple[Path, BuildResult],
    app: Path,
    runtime_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out, _ = cdn_build
    before = files_of(out)
    real = compiler.emit._write._write_one
    calls = []

    def flaky(file: object, staging: Path) -> None:
        calls.append(file)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(file, staging)  # type: ignore[arg-type]

    monkeypatch.setattr(compiler.emit._write, "_write_one", flaky)
    with pytest.raises(BuildError, match="No space left"):
        do_build(app, out, runtime_dir, pyodide_url=CDN)
    assert files_of(out) == before
    assert leftovers(out.parent) == []


def test_refuses_a_foreign_folder(app: Path, tmp_path: Path, runtime_dir: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(BuildError, match="not made by stc"):
        do_build(app, out, runtime_dir, pyodide_url=CDN)
    assert files_of(out) == {"notes.txt": b"keep me"}
    assert leftovers(tmp_path) == []


def test_refuses_the_app_folder_itself(app: Path, runtime_dir: Path) -> None:
    with pytest.raises(BuildError, match="must not contain the app folder"):
        do_build(app, app.parent, runtime_dir, pyodide_url=CDN)


def test_empty_existing_folder_is_fine(app: Path, tmp_path: Path, runtime_dir: Path) -> None:
    (tmp_path / "site").mkdir()
    do_build(app, tmp_path / "site", runtime_dir, pyodide_url=CDN)
    assert (tmp_path / "site" / "stc-build.json").is_file()


SYNTAX_ERROR_SNAPSHOT = """\
pages/1_more.py:2:5: error[STC001]: syntax error: '(' was never closed
    x = (1,
        ^"""


def test_syntax_error_is_a_diagnostic(
    app: Path, tmp_path: Path, runtime_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(app.parent)
    (app.parent / "pages" / "1_more.py").write_text("import streamlit as st\nx = (1,\n")
    with pytest.raises(CompileError) as caught:
        do_build(app, tmp_path / "site", runtime_dir, pyodide_url=CDN)
    errors = [d for d in caught.value.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["STC001"]
    assert render_diagnostic(errors[0]) == SYNTAX_ERROR_SNAPSHOT
    assert not (tmp_path / "site").exists()

    result = do_build(app, tmp_path / "site", runtime_dir, pyodide_url=CDN, force=True)
    assert "STC001" in [d.code for d in result.diagnostics]
    with zipfile.ZipFile(tmp_path / "site" / "stc" / "app.zip") as archive:
        assert "pages/1_more.py" in archive.namelist()


@pytest.mark.parametrize(
    ("source", "line", "col"),
    [
        pytest.param("def f(:\n    pass\n", 1, 7, id="bad-parameters"),
        pytest.param("x = 1\n  y = 2\n", 2, 2, id="unexpected-indent"),
        pytest.param("if x:\n\tprint(1 2)\n", 2, 8, id="missing-comma"),
    ],
)
def test_syntax_error_positions(
    source: str, line: int, col: int, tmp_path: Path, runtime_dir: Path
) -> None:
    (tmp_path / "app.py").write_text(source)
    with pytest.raises(CompileError) as caught:
        do_build(tmp_path / "app.py", tmp_path / "site", runtime_dir, pyodide_url=CDN)
    span = caught.value.diagnostics[0].span
    assert (span.line, span.col) == (line, col)


def test_a_site_with_a_native_package_keeps_no_snapshot(tmp_path: Path, runtime_dir: Path) -> None:
    """Visitors' start-up snapshots are taken before packages load, which load again
    after a restore; one with a native library might not load into restored memory
    (untested here: Pyodide's binary wheels are CDN-only), so the build turns them off.
    Pure-Python packages keep them (tests/browser/test_snapshot.py)."""
    for imports, keeps in (("import numpy", False), ("import micropip", True)):
        folder = tmp_path / imports.split()[1]
        folder.mkdir()
        (folder / "app.py").write_text(f"{imports}\nimport streamlit as st\n", encoding="utf-8")
        out = tmp_path / f"{folder.name}-site"
        do_build(folder / "app.py", out, runtime_dir, pyodide_url=CDN)
        assert read_config(out).get("snapshot", True) is keeps, imports
