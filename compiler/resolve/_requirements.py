"""Requirements the app declares: ``requirements.txt`` beside it and PEP 723 metadata.

``requirements.txt`` is read with pip's syntax (:mod:`compiler.resolve._requirements_txt`), the
script block by :mod:`compiler.resolve._pep723`; each requirement is checked by
:mod:`compiler.resolve._pep508`. We keep what a static site can honour: the name, extras,
an exact ``==`` pin and the ``--hash`` values (:mod:`compiler.resolve._deps` checks them
against the wheels the site ships); markers are evaluated for the browser. What
stc does with every other line is said at that line (:mod:`compiler.resolve._requirement_rules`):

* ``-r other.txt`` is followed, relative to the file that names it, inside the app
  folder only; a missing file, one outside, or files that include each other are
  ``STC406`` at the ``-r``;
* ``-e``, local paths, VCS and other URLs are ``STC408`` (a path is taken relative
  to the file that names it; pip takes it relative to where pip runs, which is that
  folder when pip runs beside the file);
* index options, constraints, ``--pre`` and build options are ``STC409``: stc asks
  pip for wheels with pip's own configuration, which is where those belong.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from packaging.version import Version

from compiler._diagnostics import Diagnostic, Span
from compiler.resolve._pep508 import (
    IGNORED,
    PYODIDE_MARKERS,
    Declared,
    check_location,
    check_requirement,
    exact_pin,
    parse_requirement,
    shown,
)
from compiler.resolve._pep723 import script_dependencies
from compiler.resolve._requirement_rules import (
    BAD_HASH,
    CONFLICTING_PINS,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    HASH_WITHOUT_REQUIREMENT,
    IGNORED_OPTIONS,
    INCLUDE_CYCLE,
    INCLUDE_MISSING,
    INCLUDE_OUTSIDE,
    INCLUDE_TOO_DEEP,
    INCLUDE_URL,
    STRAY_WORD,
    TOO_MANY_PROBLEMS,
)
from compiler.resolve._requirements_txt import Line, Option, decode, read_lines

__all__ = [
    "IGNORED",
    "PYODIDE_MARKERS",
    "Declared",
    "declared_requirements",
    "exact_pin",
    "parse_requirement",
]

MAX_FILE_BYTES = 8 << 20
MAX_DEPTH = 32  # -r files within -r files
MAX_PROBLEMS = 50  # per file: then one more diagnostic says so, and no more
HASH_DIGITS = {"sha256": 64, "sha384": 96, "sha512": 128}  # pip's STRONG_HASHES


def declared_requirements(
    app_dir: Path, entry: str, display: str
) -> tuple[tuple[Declared, ...], tuple[Diagnostic, ...]]:
    """Read ``requirements.txt`` in *app_dir* (and the files it includes with ``-r``)
    and PEP 723 metadata in *entry*.

    *display* is how the app folder is shown in diagnostics (a path prefix).
    """
    reader = _Reader(app_dir=app_dir.resolve(), display=display)
    requirements = app_dir / "requirements.txt"
    if requirements.is_file() and requirements.resolve().is_relative_to(reader.app_dir):
        reader.read_file(requirements.resolve(), stack=())
    elif requirements.is_file():  # a link out of the app folder: not the app's to read
        span = Span(path=_join(display, "requirements.txt"), line=0, col=0, end_line=0, end_col=0)
        reader.report(INCLUDE_OUTSIDE.diagnostic(span, path="requirements.txt"))
    source = (app_dir / entry).read_text(encoding="utf-8", errors="replace")
    shown = _join(display, entry)
    found, problems = script_dependencies(source, shown)
    for problem in problems:
        reader.report(problem)
    for text, span in found:
        if reader.problems[shown] >= MAX_PROBLEMS:
            break
        reader.requirement(text, span, (), app_dir)
    return tuple(reader.found), tuple(reader.diagnostics)


def _join(display: str, name: str) -> str:
    return f"{display.rstrip('/')}/{name}" if display not in ("", ".") else name


@dataclass(kw_only=True)
class _Reader:
    app_dir: Path  # resolved
    display: str
    found: list[Declared] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    read: set[Path] = field(default_factory=set)
    problems: Counter[str] = field(default_factory=Counter)
    pinned: dict[str, Declared] = field(default_factory=dict)  # the first pin of each name

    def report(self, diagnostic: Diagnostic) -> None:
        """Keep *diagnostic*, unless its file already has :data:`MAX_PROBLEMS`."""
        path = diagnostic.span.path
        self.problems[path] += 1
        if self.problems[path] < MAX_PROBLEMS:
            self.diagnostics.append(diagnostic)
        elif self.problems[path] == MAX_PROBLEMS:
            self.diagnostics.append(
                TOO_MANY_PROBLEMS.diagnostic(diagnostic.span, count=str(MAX_PROBLEMS), path=path)
            )

    def read_file(self, path: Path, stack: tuple[Path, ...]) -> None:
        """Read the requirements file at *path* (resolved, inside the app folder)."""
        self.read.add(path)
        shown_path = _join(self.display, path.relative_to(self.app_dir).as_posix())
        whole = Span(path=shown_path, line=0, col=0, end_line=0, end_col=0)
        try:
            size = path.stat().st_size
            data = path.read_bytes() if size <= MAX_FILE_BYTES else b""
        except OSError as error:
            self.report(FILE_UNREADABLE.diagnostic(whole, why=str(error)))
            return
        if size > MAX_FILE_BYTES:
            self.report(FILE_TOO_LARGE.diagnostic(whole, size=str(size), limit=str(MAX_FILE_BYTES)))
            return
        text, problem = decode(data, shown_path)
        if text is None:
            self.report(problem or FILE_UNREADABLE.diagnostic(whole, why="not text"))
            return
        for line in read_lines(text, shown_path):
            if self.problems[shown_path] >= MAX_PROBLEMS:
                break  # the build stops at errors anyway: no need to read the rest
            self.line(line, path, (*stack, path))

    def line(self, line: Line, path: Path, stack: tuple[Path, ...]) -> None:
        for problem in line.problems:
            self.report(problem)
        hashes: list[str] = []
        for option in line.options:
            if option.name == "--requirement":
                self.include(option, path, stack)
            elif option.name == "--editable":
                self.report(
                    check_location(
                        option.value or "", option.span, base=path.parent,
                        app_dir=self.app_dir, prefix="-e ",
                    )
                )  # fmt: skip
            elif option.name == "--hash":
                digest = self.hash(option)
                if digest is not None and line.requirement:
                    hashes.append(digest)
                elif digest is not None:
                    self.report(HASH_WITHOUT_REQUIREMENT.diagnostic(option.span))
            elif option.name in IGNORED_OPTIONS:
                rule = IGNORED_OPTIONS[option.name]
                self.report(rule.diagnostic(option.span, path=shown(option.raw)))
        for word, span in line.extra_words:
            self.report(STRAY_WORD.diagnostic(span, word=shown(word)))
        if line.requirement:
            self.requirement(line.requirement, line.span, tuple(hashes), path.parent)

    def include(self, option: Option, path: Path, stack: tuple[Path, ...]) -> None:
        """``-r other.txt``: read *other.txt*, relative to *path*, in place."""
        value = option.value or ""
        if re.match(r"(?i)(https?|file):", value) or "\x00" in value:
            self.report(INCLUDE_URL.diagnostic(option.span, path=shown(option.raw)))
            return
        try:
            target = (path.parent / value).resolve()
            inside = target.is_relative_to(self.app_dir)
            exists = inside and target.is_file()
        except (OSError, RuntimeError, ValueError) as error:
            self.report(FILE_UNREADABLE.diagnostic(option.span, why=str(error)))
            return
        here = path.relative_to(self.app_dir).as_posix()
        if not inside:
            self.report(INCLUDE_OUTSIDE.diagnostic(option.span, path=shown(value)))
        elif target in stack:
            cycle = [*stack[stack.index(target) :], target]
            names = " → ".join(p.relative_to(self.app_dir).as_posix() for p in cycle)
            self.report(INCLUDE_CYCLE.diagnostic(option.span, cycle=shown(names, 200)))
        elif not exists:
            self.report(INCLUDE_MISSING.diagnostic(option.span, path=shown(value), here=here))
        elif len(stack) >= MAX_DEPTH:
            self.report(INCLUDE_TOO_DEEP.diagnostic(option.span, limit=str(MAX_DEPTH)))
        elif target not in self.read:  # a file that two others include is read once
            self.read_file(target, stack)

    def hash(self, option: Option) -> str | None:
        """``algorithm:hex`` of a valid ``--hash`` value (lowercase), else None."""
        algorithm, colon, digest = (option.value or "").partition(":")
        digits = HASH_DIGITS.get(algorithm)
        why = None
        if not colon:
            why = "--hash needs a hash name and a value, like --hash=sha256:9f86d0…"
        elif digits is None:
            why = f"pip allows only {', '.join(HASH_DIGITS)} in --hash, not {shown(algorithm)}"
        elif not re.fullmatch(f"[0-9a-fA-F]{{{digits}}}", digest):
            why = f"{shown(digest)} is not a {algorithm} digest ({digits} hex digits)"
        if why is not None:
            self.report(BAD_HASH.diagnostic(option.span, why=why))
            return None
        return f"{algorithm}:{digest.lower()}"

    def requirement(self, text: str, span: Span, hashes: tuple[str, ...], base: Path) -> None:
        declared, problem = check_requirement(
            text, span, base=base, app_dir=self.app_dir, hashes=hashes
        )
        if problem is not None:
            self.report(problem)
        if declared is None:
            return
        other = self.pinned.setdefault(declared.name, declared) if declared.pin else None
        if other is not None and other.pin and Version(other.pin) != Version(declared.pin or ""):
            where = f"{other.span.path}:{other.span.line}"
            self.report(
                CONFLICTING_PINS.diagnostic(
                    span, name=declared.name, pin=declared.pin or "", other=other.pin, where=where
                )
            )
        self.found.append(declared)
