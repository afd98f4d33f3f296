"""Requirements the app declares: ``requirements.txt`` beside it and PEP 723 metadata.

Both give requirement strings (PEP 508). We keep what a static site can honour:
the name, extras and an exact ``==`` pin; markers are evaluated for the browser
(:data:`PYODIDE_MARKERS`). ``streamlit`` is ours and never a requirement. A line we
cannot read is an ``STC406`` error at that line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from compiler._diagnostics import Diagnostic, Span

__all__ = ["PYODIDE_MARKERS", "Declared", "declared_requirements", "parse_requirement"]

PYODIDE_MARKERS = {
    "python_version": "3.14",
    "python_full_version": "3.14.2",
    "implementation_name": "cpython",
    "implementation_version": "3.14.2",
    "platform_python_implementation": "CPython",
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "platform_machine": "wasm32",
    "platform_release": "",
    "platform_version": "",
    "os_name": "posix",
}
IGNORED = frozenset({"streamlit", "st-pages"})  # provided by stc itself (its runtime)

_PEP723 = re.compile(r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$")


@dataclass(frozen=True, kw_only=True)
class Declared:
    """One requirement: canonical ``name``, requested ``extras``, ``==`` ``pin``."""

    name: str
    extras: frozenset[str]
    pin: str | None
    span: Span


def parse_requirement(text: str, extras: frozenset[str] = frozenset()) -> Requirement | None:
    """*text* as a requirement if its marker holds in the browser, else None.

    Raises :class:`packaging.requirements.InvalidRequirement` for malformed text.
    """
    requirement = Requirement(text)
    if requirement.marker is not None and not any(
        requirement.marker.evaluate({**PYODIDE_MARKERS, "extra": extra})
        for extra in (extras or {""})
    ):
        return None
    return requirement


def declared_requirements(
    app_dir: Path, entry: str, display: str
) -> tuple[tuple[Declared, ...], tuple[Diagnostic, ...]]:
    """Read ``requirements.txt`` in *app_dir* and PEP 723 metadata in *entry*.

    *display* is how the app folder is shown in diagnostics (a path prefix).
    """
    lines: list[tuple[str, Span]] = []
    diagnostics: list[Diagnostic] = []
    requirements = app_dir / "requirements.txt"
    if requirements.is_file():
        lines += _requirements_txt(requirements, _join(display, "requirements.txt"), set())
    entry_path = app_dir / entry
    script, bad_block = _pep723(
        entry_path.read_text(encoding="utf-8", errors="replace"), _join(display, entry)
    )
    lines += script
    if bad_block is not None:
        diagnostics.append(
            Diagnostic(
                code="STC406",
                severity="error",
                message=f"cannot read the inline script metadata: {bad_block[0]}",
                span=bad_block[1],
                hint="the `# /// script` block must be TOML, each line starting with `# `",
            )
        )
    found: list[Declared] = []
    for text, span in lines:
        try:
            requirement = parse_requirement(text)
        except InvalidRequirement as error:
            diagnostics.append(
                Diagnostic(
                    code="STC406",
                    severity="error",
                    message=f"cannot read this requirement: {error}",
                    span=span,
                    hint="write one PEP 508 requirement, e.g. `humanize==4.9.0`",
                )
            )
            continue
        if requirement is None or canonicalize_name(requirement.name) in IGNORED:
            continue
        pins = [s.version for s in requirement.specifier if s.operator in ("==", "===")]
        found.append(
            Declared(
                name=canonicalize_name(requirement.name),
                extras=frozenset(requirement.extras),
                pin=pins[0] if pins and "*" not in pins[0] else None,
                span=span,
            )
        )
    return tuple(found), tuple(diagnostics)


def _join(display: str, name: str) -> str:
    return f"{display.rstrip('/')}/{name}" if display not in ("", ".") else name


def _requirements_txt(path: Path, shown: str, seen: set[Path]) -> list[tuple[str, Span]]:
    """Requirement lines of *path*; ``-r other.txt`` is followed, other options skipped."""
    if path.resolve() in seen:
        return []
    seen.add(path.resolve())
    found: list[tuple[str, Span]] = []
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.sub(r"(^|\s)#.*$", "", raw).strip()
        if not line:
            continue
        if line.startswith(("-r ", "--requirement ")):
            other = line.split(None, 1)[1].strip()
            nested = path.parent / other
            if nested.is_file():
                found += _requirements_txt(nested, str(Path(shown).parent / other), seen)
            continue
        if line.startswith("-"):  # --index-url, -e, -c ...: not meaningful for a static site
            continue
        span = Span(path=shown, line=number, col=1, end_line=number, end_col=len(raw) + 1)
        found.append((line, span))
    return found


def _pep723(source: str, shown: str) -> tuple[list[tuple[str, Span]], tuple[str, Span] | None]:
    """Dependencies of the ``# /// script`` block, or the TOML error and its span."""
    for block in _PEP723.finditer(source):
        if block["type"] != "script":
            continue
        content = "".join(
            line[2:] if line.startswith("# ") else line[1:]
            for line in block["content"].splitlines(keepends=True)
        )
        first = source.count("\n", 0, block.start()) + 1
        try:
            metadata = tomllib.loads(content)
        except tomllib.TOMLDecodeError as error:
            return [], (str(error), Span(path=shown, line=first, col=1, end_line=first, end_col=2))
        found = []
        for dependency in metadata.get("dependencies", []) or []:
            line = _line_of(source, f'"{dependency}"', first) or _line_of(
                source, f"'{dependency}'", first
            )
            number = line or first
            span = Span(path=shown, line=number, col=1, end_line=number, end_col=2)
            found.append((str(dependency), span))
        return found, None
    return [], None


def _line_of(source: str, needle: str, after: int) -> int | None:
    for number, line in enumerate(source.splitlines(), start=1):
        if number >= after and needle in line:
            return number
    return None
