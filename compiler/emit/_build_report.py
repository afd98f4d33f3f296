"""The build report: what went into the site, by size, and what to watch for.

:func:`build_report` turns a :class:`BuildResult` into plain data (what ``stc
build --json`` prints on stdout); :func:`report_lines` renders the same data for
people (the CLI sends it through the reporter to stderr). Remote resources are the
URLs on other hosts the analysis saw the app hand to the page (``st.image("https://…")``):
the visitor's browser fetches them from there, so the site is only as available as
those hosts, and ``stc test`` needs ``--allow-host`` for them. GitHub Pages refuses
files over 100 MB (git pushes of them fail) and git warns above 50 MB, hence the
limits below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from compiler._options import BuildResult, Chosen

__all__ = ["FILE_LIMIT", "FILE_NOTE", "build_report", "report_lines"]

FILE_LIMIT = 100 * 1024 * 1024  # GitHub's hard limit per file
FILE_NOTE = 50 * 1024 * 1024  # git(hub) warns from here
_LARGEST = 10


def build_report(
    result: BuildResult, seconds: float | None = None, *, settings: Sequence[Chosen] = ()
) -> dict[str, Any]:
    """The report of *result* as JSON-ready data (sizes in bytes); *settings* are those
    not left at their default, with where each came from (:mod:`compiler._settings`)."""
    largest = sorted(result.files, key=lambda f: (-f.size, f.path))[:_LARGEST]
    warnings = [
        f"{f.path} is {_mb(f.size)}: over GitHub Pages' 100 MB file limit, it cannot be pushed"
        for f in result.files
        if f.size > FILE_LIMIT
    ]
    notes = [
        f"{f.path} is {_mb(f.size)}: over 50 MB, git hosts warn about files this large"
        for f in result.files
        if FILE_NOTE < f.size <= FILE_LIMIT
    ]
    return {
        "out_dir": str(result.out_dir),
        "files": len(result.files),
        "bytes": sum(f.size for f in result.files),
        "seconds": None if seconds is None else round(seconds, 2),
        "settings": [{"key": c.key, "value": c.value, "from": c.source} for c in settings],
        "categories": dict(result.totals),
        "largest": [{"path": f.path, "size": f.size} for f in largest],
        "packages": {
            "site": [
                {"name": p.name, "version": p.version, "file": p.location, "from": p.origin}
                for p in result.packages
                if p.in_site
            ],
            "cdn": [
                {"name": p.name, "version": p.version, "url": p.location}
                for p in result.packages
                if not p.in_site
            ],
        },
        "remote": [
            {"url": r.url, "host": r.host, "command": r.command, "where": r.where}
            for r in result.remote
        ],
        "warnings": warnings,
        "notes": notes,
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "path": d.span.path,
                "line": d.span.line,
                "col": d.span.col,
                "hint": d.hint,
            }
            for d in result.diagnostics
        ],
    }


def report_lines(report: dict[str, Any]) -> list[str]:
    """The report for people, one fact a line."""
    categories = report["categories"]
    parts = ", ".join(f"{name} {_mb(size)}" for name, size in categories.items() if size)
    took = f" in {report['seconds']:.1f} s" if report["seconds"] is not None else ""
    lines = [
        f"{report['out_dir']}: {report['files']} files, {_mb(report['bytes'])} ({parts}){took}"
    ]
    lines += [f"setting {s['key']} = {s['value']} (from {s['from']})" for s in report["settings"]]
    site, cdn = report["packages"]["site"], report["packages"]["cdn"]
    if site:
        lines.append("packages in the site: " + ", ".join(_name(p) for p in site))
    if cdn:
        lines.append(
            "packages from the Pyodide CDN at run time (needs the internet on first visit): "
            + ", ".join(_name(p) for p in cdn)
        )
    if report["remote"]:
        lines.append("remote resources the page will fetch (from other hosts, at run time):")
        lines += [f"  {r['url']}  ({r['command']}, {r['where']})" for r in report["remote"]]
    lines.append("largest files:")
    lines += [f"  {_size(f['size']):>9}  {f['path']}" for f in report["largest"]]
    lines += [f"warning: {w}" for w in report["warnings"]]
    lines += [f"note: {n}" for n in report["notes"]]
    return lines


def _name(package: dict[str, Any]) -> str:
    return f"{package['name']} {package['version']}"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _size(size: int) -> str:
    return f"{size / 1000:.1f} kB" if size < 1_000_000 else _mb(size)
