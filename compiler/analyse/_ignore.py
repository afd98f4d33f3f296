"""``.stcignore``: gitignore-style patterns for files of the app folder not to ship.

One pattern a line; ``#`` starts a comment line, blank lines are skipped, ``!``
re-includes what an earlier pattern excluded (not inside an excluded folder, as in
git). A pattern with a ``/`` other than a trailing one is anchored at the app
folder, otherwise it matches a name at any depth; a trailing ``/`` matches folders
only; ``*`` and ``?`` stay within one path part, ``**`` crosses parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["IGNORE_FILE", "IgnoreRules", "read_ignore"]

IGNORE_FILE = ".stcignore"


@dataclass(frozen=True, kw_only=True)
class _Rule:
    regex: re.Pattern[str]
    negated: bool
    dir_only: bool


@dataclass(frozen=True, kw_only=True)
class IgnoreRules:
    rules: tuple[_Rule, ...] = ()

    def ignored(self, rel: str, *, is_dir: bool) -> bool:
        """Whether the ``/``-separated path *rel* (inside the app folder) is left out."""
        result = False
        for rule in self.rules:
            if rule.dir_only and not is_dir:
                continue
            if rule.regex.fullmatch(rel):
                result = not rule.negated
        return result


def read_ignore(app_dir: Path) -> IgnoreRules:
    """The rules of ``.stcignore`` in *app_dir* (none when it is absent, or a link that
    leaves the folder: see :mod:`compiler.analyse._appfiles`)."""
    path = app_dir / IGNORE_FILE
    if not path.is_file() or not path.resolve().is_relative_to(app_dir.resolve()):
        return IgnoreRules()
    return parse_ignore(path.read_text(encoding="utf-8", errors="replace"))


def parse_ignore(text: str) -> IgnoreRules:
    rules: list[_Rule] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        if line.startswith("\\"):
            line = line[1:]  # "\#name" / "\!name": a literal first character
        dir_only = line.endswith("/")
        line = line.strip("/") if dir_only else line
        anchored = "/" in line.rstrip("/")
        line = line.lstrip("/")
        if not line:
            continue
        body = _translate(line)
        regex = body if anchored else f"(?:.*/)?{body}"
        rules.append(_Rule(regex=re.compile(regex), negated=negated, dir_only=dir_only))
    return IgnoreRules(rules=tuple(rules))


def _translate(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            out.append("/.*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(char))
                i += 1
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end + 1
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out)
