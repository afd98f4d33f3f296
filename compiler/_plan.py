"""Stage 4, plan: decide every file of the site and where its bytes come from.

The plan is pure data (no I/O), so the layout is readable in one place::

    index.html  .nojekyll  stc-build.json
    stc/<runtime_wasm/js/...>  stc/runtime.zip  stc/app.zip
    pyodide/<core files>          (absent with --pyodide-url)

Every URL the page uses is relative, so the site works under any sub-path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from compiler._analyse import Analysis
from compiler._errors import BuildError
from compiler._options import Category
from compiler._parse import ParsedApp
from compiler._resolve import Resolved
from runtime_wasm._protocol import PROTOCOL_VERSION

__all__ = ["Copy", "PlannedFile", "SitePlan", "Template", "Text", "Zip", "plan"]

MANIFEST = "stc-build.json"


@dataclass(frozen=True, kw_only=True)
class Copy:
    source: Path


@dataclass(frozen=True, kw_only=True)
class Zip:
    members: tuple[tuple[str, Path], ...]  # (arcname, file)


@dataclass(frozen=True, kw_only=True)
class Template:
    name: str
    context: Mapping[str, object]


@dataclass(frozen=True, kw_only=True)
class Text:
    text: str


@dataclass(frozen=True, kw_only=True)
class PlannedFile:
    path: str  # relative to the output folder, "/"-separated
    category: Category
    source: Copy | Zip | Template | Text


@dataclass(frozen=True, kw_only=True)
class SitePlan:
    files: tuple[PlannedFile, ...]
    manifest: Mapping[str, object]  # stc-build.json without its file list


def plan(parsed: ParsedApp, analysis: Analysis, resolved: Resolved, stc_version: str) -> SitePlan:
    """Lay out the site for this app, runtime and Pyodide."""
    config = {
        "protocol": PROTOCOL_VERSION,
        "pyodide": resolved.pyodide_url,
        "runtime": "stc/runtime.zip",
        "app": "stc/app.zip",
        "entry": parsed.entry,
    }
    files = [
        PlannedFile(
            path="index.html",
            category="page",
            source=Template(name="index.html", context={"title": analysis.title, "config": config}),
        ),
        PlannedFile(path=".nojekyll", category="page", source=Text(text="")),
        *(
            PlannedFile(path=f"stc/{rel}", category="runtime", source=Copy(source=path))
            for rel, path in resolved.js_files
        ),
        PlannedFile(
            path="stc/runtime.zip",
            category="runtime",
            source=Zip(members=resolved.runtime_modules),
        ),
        PlannedFile(
            path="stc/app.zip",
            category="app",
            source=Zip(members=tuple((f.rel, f.path) for f in parsed.files)),
        ),
    ]
    if resolved.pyodide is not None:
        core = resolved.pyodide
        files += [
            PlannedFile(
                path=f"pyodide/{name}", category="pyodide", source=Copy(source=core.folder / name)
            )
            for name in core.files
        ]
    _refuse_duplicates(files)
    manifest = {
        "stc": stc_version,
        "protocol": PROTOCOL_VERSION,
        "pyodide": {
            "version": resolved.pyodide.version if resolved.pyodide else None,
            "url": resolved.pyodide_url,
        },
        "entry": parsed.entry,
    }
    return SitePlan(files=tuple(sorted(files, key=lambda f: f.path)), manifest=manifest)


def _refuse_duplicates(files: list[PlannedFile]) -> None:
    seen: set[str] = set()
    for file in files:
        if file.path in seen or file.path == MANIFEST:
            raise BuildError(f"two files of the site would be written to {file.path}")
        seen.add(file.path)
