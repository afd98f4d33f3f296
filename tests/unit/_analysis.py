"""Helpers of the analysis, rewrite and check tests: app folders and snapshots."""

from __future__ import annotations

import contextlib
import os
import textwrap
from collections.abc import Mapping
from pathlib import Path

from compiler.analyse._analyse import Analysis, analyse
from compiler.analyse._parse import parse

__all__ = ["SNAPSHOTS", "analyse_app", "assert_snapshot", "findings", "write_app"]

SNAPSHOTS = Path(__file__).parent / "snapshots"


def write_app(root: Path, files: Mapping[str, str | bytes], *, exact: bool = False) -> Path:
    """Write *files* (rel path → text, dedented unless *exact*) under *root*; returns
    the entry script."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            text = content if exact else textwrap.dedent(content).lstrip("\n")
            path.write_text(text, encoding="utf-8")
    return root / "app.py"


def analyse_app(root: Path, files: Mapping[str, str | bytes]) -> Analysis:
    """Analyse the app made of *files*, with *root* as the working directory."""
    entry = write_app(root, files)
    with contextlib.chdir(root):
        return analyse(parse(entry, root / "site"))


def findings(analysis: Analysis, *codes: str) -> list[tuple[str, str, int]]:
    """``(code, path, line)`` of the diagnostics whose code starts with any of *codes*."""
    return [
        (d.code, d.span.path, d.span.line) for d in analysis.diagnostics if d.code.startswith(codes)
    ]


def assert_snapshot(name: str, text: str) -> None:
    """Compare *text* with ``snapshots/<name>``; ``STC_UPDATE_SNAPSHOTS=1`` rewrites it."""
    path = SNAPSHOTS / name
    if os.environ.get("STC_UPDATE_SNAPSHOTS") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no snapshot {name}: run with STC_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8")
