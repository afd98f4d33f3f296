"""``check``: the diagnostics of an app without building it.

Parse, analyse, and resolve the app's packages (which needs Pyodide's pinned lock
only when the app imports third-party packages, and PyPI only for packages Pyodide
does not ship), but no output folder and no vendoring: what an editor or CI runs.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from compiler._diagnostics import Diagnostic, ordered
from compiler._progress import NullReporter
from compiler.analyse._analyse import analyse
from compiler.analyse._parse import parse
from compiler.resolve._resolve import PYODIDE_CDN, resolve

__all__ = ["CheckResult", "check", "check_app"]


@dataclass(frozen=True, kw_only=True)
class CheckResult:
    """What ``stc check`` says: the diagnostics, errors first, and how many Python
    files of the app it read (so a clean result is not mistaken for nothing read)."""

    diagnostics: tuple[Diagnostic, ...]
    python_files: int


def check(app: Path, *, proxy_url: str | None = None, bake: bool = False) -> tuple[Diagnostic, ...]:
    """Every diagnostic of the app whose entry script is *app*, errors first.

    *proxy_url* is ``--proxy-url``: as in a build, ``STC_PROXY_URL`` and ``[tool.stc]``
    are asked without it, and an app with a connection needs one of them (with *bake*,
    only one whose statements take parameters; the statements are not run).

    Raises :class:`UsageError` when *app* is not a Python script.
    """
    return check_app(app, proxy_url=proxy_url, bake=bake).diagnostics


def check_app(app: Path, *, proxy_url: str | None = None, bake: bool = False) -> CheckResult:
    """:func:`check`, with the number of Python files read."""
    # parse() leaves the build's output folder out of the app's files; a check has none.
    nowhere = Path(tempfile.gettempdir()) / "stc-check-has-no-output"
    parsed = parse(app, nowhere)
    analysis = analyse(parsed, proxy_url=proxy_url, bake=bake)
    resolved = resolve(
        parsed=parsed,
        imports=analysis.imports,
        pyodide_url=PYODIDE_CDN,  # nothing to vendor: only the lock is read, if needed
        cache_dir=None,
        runtime_dir=None,
        reporter=NullReporter(),
    )
    return CheckResult(
        diagnostics=ordered(analysis.diagnostics + resolved.diagnostics),
        python_files=sum(1 for f in parsed.files if f.rel.endswith(".py")),
    )
