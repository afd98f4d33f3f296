"""Pyodide tier: built sites' runtimes run in real Pyodide under Node, no browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compiler import BuildOptions, NullReporter, build

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("driver.mjs")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.pyodide)


class PyodideApp:
    """One app session in Pyodide: ``tree`` is the last render, ``send`` interacts."""

    def __init__(self, site: Path) -> None:
        if shutil.which("node") is None:
            pytest.fail("node is not installed: the pyodide tier needs Node 20+")
        self.proc = subprocess.Popen(
            ["node", str(DRIVER), str(site)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.history: list[dict[str, Any]] = []  # every render, running ones included
        self.tree = self._next_render()

    def _next_render(self) -> dict[str, Any]:
        """Read messages up to the next idle render and return its tree."""
        assert self.proc.stdout is not None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError(f"the driver exited ({self.proc.wait()}) without rendering")
            message = json.loads(line)
            if message["type"] == "fatal":
                raise AssertionError(f"boot failed: {message['message']}\n{message['detail']}")
            assert message["type"] == "render"
            self.history.append(message)
            if message["status"] == "idle":
                return message["tree"]  # type: ignore[no-any-return]

    def send(self, updates: list[dict[str, Any]]) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"type": "widget", "updates": updates}) + "\n")
        self.proc.stdin.flush()
        self.tree = self._next_render()
        return self.tree

    def nodes(self, kind: str | None = None) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []

        def walk(node: dict[str, Any]) -> None:
            if kind is None or node["kind"] == kind:
                found.append(node)
            for child in node.get("children", []):
                walk(child)

        walk(self.tree)
        return found

    def widget(self, kind: str, label: str) -> dict[str, Any]:
        return next(n for n in self.nodes(kind) if n["props"].get("label") == label)

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


@pytest.fixture(scope="session")
def build_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Build an app folder (or an app from source text) once; return the site folder."""
    built: dict[str, Path] = {}

    def _build(app: Path | str, name: str = "app") -> Path:
        key = str(app)
        if key not in built:
            work = tmp_path_factory.mktemp(name)
            if isinstance(app, str):
                (work / "app").mkdir()
                (work / "app" / "app.py").write_text(app, encoding="utf-8")
                app = work / "app" / "app.py"
            site = work / "site"
            build(BuildOptions(app=app, out_dir=site), NullReporter())
            built[key] = site
        return built[key]

    return _build


@pytest.fixture
def pyodide_app(build_site: Any) -> Iterator[Any]:
    apps: list[PyodideApp] = []

    def _start(app: Path | str) -> PyodideApp:
        started = PyodideApp(build_site(app))
        apps.append(started)
        return started

    yield _start
    for started in apps:
        started.close()
