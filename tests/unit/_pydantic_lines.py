"""The two lines of streamlit-pydantic, each with the pydantic it needs, and a way to
play scenarios against one of them in stc's and in Streamlit's ``AppTest``.

* ``pydantic1``: PyPI's ``streamlit-pydantic==0.6.0`` imports ``pydantic.BaseSettings``,
  so it needs pydantic 1. Both pure wheels go into a folder of their own (pip
  ``--target``, cached under stc's cache directory), never into this environment,
  whose pydantic is 2.
* ``pydantic2``: the repository's unreleased line, vendored in
  ``fixtures/streamlit_pydantic_v2``; it runs on this environment's pydantic 2.

A line's folder goes first on ``PYTHONPATH`` of a fresh interpreter
(``_scenario_driver.py``), so pydantic 1 and 2 never meet in one process, nor do
stc's runtime and Streamlit's in one ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from compiler.resolve._pyodide import cache_root

__all__ = ["APPS", "LINES", "line_folder", "play"]

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
APPS = FIXTURES / "streamlit_pydantic_apps"
LINES = ("pydantic1", "pydantic2")
# Pure wheels only (as a site would load them); typing-extensions comes from this
# environment, which has a version pydantic 1.10 accepts.
PYDANTIC1_PINS = ("streamlit-pydantic==0.6.0", "pydantic==1.10.27")


def _install_pydantic1() -> Path:
    folder = cache_root() / "test-packages" / "-".join(p.replace("==", "-") for p in PYDANTIC1_PINS)
    if (folder / "pydantic" / "env_settings.py").is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    command = [
        sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--only-binary=:all:", "--implementation", "py", "--abi", "none",
        "--platform", "any", "--python-version", python, "--target", str(staging),
        *PYDANTIC1_PINS,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise RuntimeError(f"could not install {' '.join(PYDANTIC1_PINS)}:\n{done.stderr}")
    try:
        staging.rename(folder)  # atomic: a concurrent run finds a whole folder or none
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def line_folder(line: str) -> Path:
    """The folder that makes ``import streamlit_pydantic`` (and its pydantic) of *line*."""
    if line == "pydantic1":
        return _install_pydantic1()
    return FIXTURES / "streamlit_pydantic_v2"


def _run(framework: str, folder: Path, plan: list[dict[str, Any]]) -> dict[str, Any]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)]),
        "PYTHONHASHSEED": "0",  # sets of enums come out in one order in both processes
    }
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("_scenario_driver.py")), framework],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{framework} driver failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def play(plans: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Each line's plan in stc's and in Streamlit's ``AppTest``, all four at once:
    ``{line: {"stc": {id: result}, "streamlit": {id: result}}}`` (see
    ``_scenario_driver``)."""
    folders = {line: line_folder(line) for line in plans}
    with ThreadPoolExecutor(2 * len(plans)) as pool:
        futures = {
            (line, fw): pool.submit(_run, fw, folders[line], plan)
            for line, plan in plans.items()
            for fw in ("stc", "streamlit")
        }
        played: dict[str, dict[str, dict[str, Any]]] = {line: {} for line in plans}
        for (line, fw), future in futures.items():
            played[line][fw] = future.result()
        return played
