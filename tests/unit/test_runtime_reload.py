"""The ``reload`` message on CPython: a rebuilt app.zip taken in by a running session
(``stc run``): new code, same session state; the app folder made the zip's files."""

from __future__ import annotations

import asyncio
import io
import json
import sys
import types
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from runtime_wasm import _bridge
from runtime_wasm._app_reload import forget_app_modules, replace_app_files
from runtime_wasm._protocol import PROTOCOL_VERSION

APP = """
import streamlit as st
from helpers import LABEL
if st.button("Add"):
    st.session_state.n = st.session_state.get("n", 0) + 1
st.write(f"count {st.session_state.get('n', 0)} {LABEL}")
"""


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _texts(messages: list[dict[str, Any]]) -> list[str]:
    def walk(node: dict[str, Any]) -> list[str]:
        own = [node["props"]["body"]] if node.get("kind") == "markdown" else []
        return own + [t for child in node.get("children", []) for t in walk(child)]

    return walk(messages[-1]["tree"])


@pytest.fixture
def booted(tmp_path: Path, clean_process: None) -> Iterator[tuple[Path, list[dict[str, Any]]]]:
    app_dir = tmp_path / "app"
    app_dir.mkdir()
    (app_dir / "app.py").write_text(APP, encoding="utf-8")
    (app_dir / "helpers.py").write_text('LABEL = "one"\n', encoding="utf-8")
    messages: list[dict[str, Any]] = []
    # Another app of the suite (sites/packages) has a helpers module of its own, which
    # an AppTest in this process may have imported: this app's must be the one found.
    sys.modules.pop("helpers", None)
    config = {"protocol": PROTOCOL_VERSION, "entry": "app.py", "pyodide": "", "runtime": "",
              "app": ""}  # fmt: skip
    send = lambda m: messages.append(json.loads(m))  # noqa: E731
    asyncio.run(_bridge.boot(json.dumps(config), send, str(app_dir)))
    yield app_dir, messages
    forget_app_modules(app_dir)


def _send(message: dict[str, Any]) -> None:
    asyncio.run(_bridge.handle(json.dumps(message)))


def test_reload_runs_the_new_code_and_keeps_session_state(
    booted: tuple[Path, list[dict[str, Any]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_dir, messages = booted
    assert _texts(messages) == ["count 0 one"]
    button = next(n for n in _walk(messages[-1]["tree"]) if n["kind"] == "button")
    _send({"type": "widget", "updates": [{"id": button["id"], "value": True}]})
    assert _texts(messages) == ["count 1 one"]

    archive = tmp_path / "rebuilt.zip"
    archive.write_bytes(
        _zip({"app.py": APP.replace("count", "total"), "helpers.py": 'LABEL = "two"\n'})
    )
    monkeypatch.setattr(_bridge, "RELOAD_ZIP", str(archive))
    digest = {"file": "stc/app.zip", "size": 1, "sha256": "x"}
    _send({"type": "reload", "integrity": digest})
    assert _texts(messages) == ["total 1 two"]  # new script, new helpers, same n
    assert messages[-1]["status"] == "idle"
    assert (app_dir / "helpers.py").read_text() == 'LABEL = "two"\n'


def test_a_reload_with_a_syntax_error_shows_it_as_streamlit_does(
    booted: tuple[Path, list[dict[str, Any]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """stc run never sends a build with errors; an app that fails at run time shows
    the exception and the next reload recovers."""
    _, messages = booted
    archive = tmp_path / "rebuilt.zip"
    archive.write_bytes(_zip({"app.py": "import helpers\nraise ValueError('boom')\n",
                              "helpers.py": 'LABEL = "x"\n'}))  # fmt: skip
    monkeypatch.setattr(_bridge, "RELOAD_ZIP", str(archive))
    _send({"type": "reload", "integrity": {"file": "stc/app.zip", "size": 1, "sha256": "x"}})
    exception = next(n for n in _walk(messages[-1]["tree"]) if n["kind"] == "exception")
    assert exception["props"]["message"] == "boom"
    archive.write_bytes(_zip({"app.py": APP, "helpers.py": 'LABEL = "back"\n'}))
    _send({"type": "reload", "integrity": {"file": "stc/app.zip", "size": 1, "sha256": "y"}})
    assert _texts(messages) == ["count 0 back"]


def _walk(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [node] + [n for child in node.get("children", []) for n in _walk(child)]


def test_the_app_folder_becomes_the_zip(tmp_path: Path) -> None:
    folder = tmp_path / "app"
    (folder / "pkg" / "__pycache__").mkdir(parents=True)
    (folder / "old").mkdir()
    (folder / "app.py").write_text("old")
    (folder / "gone.py").write_text("x")
    (folder / "old" / "data.csv").write_text("x")
    (folder / "pkg" / "__init__.py").write_text("")
    (folder / "pkg" / "__pycache__" / "__init__.cpython-314.pyc").write_bytes(b"stale")
    archive = tmp_path / "new.zip"
    archive.write_bytes(_zip({"app.py": "new", "pkg/__init__.py": "", "data/new.csv": "1"}))

    assert replace_app_files(archive, folder) == 3
    found = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    assert found == ["app.py", "data", "data/new.csv", "pkg", "pkg/__init__.py"]
    assert (folder / "app.py").read_text() == "new"


@pytest.mark.parametrize(
    ("where", "forgotten"),
    [
        pytest.param("app/helpers.py", True, id="a module of the app"),
        pytest.param("app/pkg/__init__.py", True, id="a package of the app"),
        pytest.param("elsewhere/lib.py", False, id="a module outside the app"),
        pytest.param(None, False, id="a module without a file"),
    ],
)
def test_only_the_apps_own_modules_are_forgotten(
    tmp_path: Path, where: str | None, forgotten: bool
) -> None:
    (tmp_path / "app").mkdir()
    module = types.ModuleType("stc_test_reload_probe")
    if where is not None:
        module.__file__ = str(tmp_path / where)
    sys.modules[module.__name__] = module
    try:
        gone = forget_app_modules(tmp_path / "app")
        assert (module.__name__ in gone) is forgotten
        assert (module.__name__ not in sys.modules) is forgotten
    finally:
        sys.modules.pop(module.__name__, None)
