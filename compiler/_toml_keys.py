"""Where a key is in a TOML file: ``tomllib`` gives values but no positions.

A diagnostic about ``[tool.stc] ouput`` should point at its line and column, so this
scans the text line by line for table headers (``[tool.stc]``, ``[ tool . "stc" ]``)
and ``key = value`` lines (dotted keys too: ``stc.output = ...`` under ``[tool]``),
and returns where the key with the wanted full path starts, and where its value does.
It is not a TOML parser: the file was already read by ``tomllib``, so only the lines
a key can start on are looked at, and lines inside multi-line strings are skipped. A
key written inside an inline table (``stc = { output = "x" }``) is not found; the
caller then points at the nearest thing it can name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["KeyPosition", "find_key", "split_dotted"]

_PART = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*""")
_HEADER = re.compile(r"^\s*\[\[?(?P<name>[^\[\]]+)\]\]?\s*(?:#.*)?$")
_KEY = re.compile(
    r"""^(?P<indent>\s*)(?P<key>(?:[A-Za-z0-9_.\-\s]|"(?:[^"\\]|\\.)*"|'[^']*')+?)="""
)


@dataclass(frozen=True, kw_only=True)
class KeyPosition:
    """1-based ``line``; ``col`` where the key (or table header) starts, ``end_col``
    where it ends (exclusive), ``value_col`` where its value starts (``col`` for a
    header)."""

    line: int
    col: int
    end_col: int
    value_col: int


def split_dotted(text: str) -> tuple[str, ...] | None:
    """``tool . "stc"`` → ``("tool", "stc")``; ``None`` when *text* is not a dotted key."""
    parts: list[str] = []
    rest = text
    while True:
        match = _PART.match(rest)
        if match is None:
            return None
        token = match[1]
        parts.append(token[1:-1] if token[0] in "\"'" else token)
        rest = rest[match.end() :]
        if not rest:
            return tuple(parts)
        if rest[0] != ".":
            return None
        rest = rest[1:]


def find_key(text: str, path: tuple[str, ...]) -> KeyPosition | None:
    """Where the key whose full dotted path is *path* is set in *text*, or the header of
    the table *path* names; ``None`` when neither is found."""
    table: tuple[str, ...] = ()
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header is not None:
            table = split_dotted(header["name"]) or ()
            if table == path:
                start = line.index("[") + 1
                return KeyPosition(line=number, col=start, end_col=len(line.rstrip()) + 1,
                                   value_col=start)  # fmt: skip
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        parts = split_dotted(key["key"].strip())
        value = line[key.end() :]
        for quotes in ('"""', "'''"):
            if value.count(quotes) % 2 == 1:
                in_string = quotes
        if parts is None or table + parts != path:
            continue
        col = len(key["indent"]) + 1
        value_col = key.end() + len(value) - len(value.lstrip()) + 1
        return KeyPosition(line=number, col=col, end_col=col + len(key["key"].strip()),
                           value_col=value_col)  # fmt: skip
    return None
