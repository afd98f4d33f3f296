"""PEP 723 inline script metadata: the ``dependencies`` of the ``# /// script`` block.

The PEP's reference regex backtracks quadratically on many unclosed ``# /// x``
lines (16,000 of them take 80 s), so blocks are found in one pass over the lines,
with the regex's meaning: a block opens at ``# /// TYPE``, runs over the comment
lines (``#`` or ``# …``) after it, and closes at the last ``# ///`` among them. As
the PEP asks, two ``script`` blocks are an error; so is a block that is not TOML,
or ``dependencies`` that is not a list of strings (``STC406``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from compiler._diagnostics import Diagnostic, Span

__all__ = ["script_dependencies"]

_OPEN = re.compile(r"# /// (?P<type>[a-zA-Z0-9-]+)")
_TOML_PLACE = re.compile(r"\(at line (?P<line>\d+), column (?P<col>\d+)\)$")
_LITERAL = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'")
_LOOKAHEAD = 64  # string literals tried for each dependency, so locating them stays linear


@dataclass(frozen=True, kw_only=True)
class _Block:
    type: str
    first: int  # 1-based line of "# /// TYPE"
    lines: tuple[str, ...]  # the source lines between the opening and the closing one


def script_dependencies(source: str, shown: str) -> tuple[list[tuple[str, Span]], list[Diagnostic]]:
    """The dependency strings of *source*'s ``script`` block, each with its span."""
    blocks = [b for b in _blocks(source) if b.type == "script"]
    if not blocks:
        return [], []
    block = blocks[0]
    problems = [
        _malformed(
            _line_span(shown, extra.first, len(f"# /// {extra.type}")),
            f"a second `# /// script` block (the first is at line {block.first})",
            "PEP 723 allows one script block; merge them",
        )
        for extra in blocks[1:]
    ]
    content = "".join(
        (line[2:] if line.startswith("# ") else line[1:]) + "\n" for line in block.lines
    )
    try:
        metadata = tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        return [], [*problems, _toml_error(block, str(error), shown)]
    except RecursionError:
        return [], [
            *problems,
            _malformed(_line_span(shown, block.first, 3), "the script block nests too deeply"),
        ]
    dependencies = metadata.get("dependencies", [])
    if not isinstance(dependencies, list) or not all(isinstance(d, str) for d in dependencies):
        return [], [
            *problems,
            _malformed(
                _line_span(shown, block.first, len("# /// script")),
                "`dependencies` of the script block must be a list of strings",
                'write `dependencies = ["humanize==4.13.0"]`',
            ),
        ]
    return _located(block, dependencies, shown), problems


def _blocks(source: str) -> list[_Block]:
    lines = source.split("\n")
    found: list[_Block] = []
    index = 0
    while index < len(lines):
        opening = _OPEN.fullmatch(lines[index])
        if opening is None:
            index += 1
            continue
        end, close = index + 1, None
        while end < len(lines) and (lines[end] == "#" or lines[end].startswith("# ")):
            if lines[end] == "# ///":
                close = end
            end += 1
        if close is None or close == index + 1:
            index = end  # no opening in this run of comments can close either
            continue
        found.append(
            _Block(type=opening["type"], first=index + 1, lines=tuple(lines[index + 1 : close]))
        )
        index = close + 1
    return found


def _located(block: _Block, dependencies: list[str], shown: str) -> list[tuple[str, Span]]:
    """Each dependency with the span of its text in the string literal (the block's
    first line when the literal cannot be found, e.g. it has escapes)."""
    literals = [
        (match[0], block.first + 1 + number, match.start() + 1)
        for number, line in enumerate(block.lines)
        for match in _LITERAL.finditer(line)
    ]
    located: list[tuple[str, Span]] = []
    cursor = 0
    for dependency in dependencies:
        span = _line_span(shown, block.first, len("# /// script"))
        for index in range(cursor, min(cursor + _LOOKAHEAD, len(literals))):
            text, line, col = literals[index]
            if text[1:-1] == dependency:  # the span is the text between the quotes
                span = Span(
                    path=shown, line=line, col=col + 1, end_line=line, end_col=col + len(text) - 1
                )
                cursor = index + 1
                break
        located.append((dependency, span))
    return located


def _toml_error(block: _Block, message: str, shown: str) -> Diagnostic:
    place = _TOML_PLACE.search(message)
    line, col = block.first, 1
    if place is not None and 1 <= int(place["line"]) <= len(block.lines):
        source_line = block.lines[int(place["line"]) - 1]
        line = block.first + int(place["line"])
        col = int(place["col"]) + (2 if source_line.startswith("# ") else 1)
    return _malformed(
        Span(path=shown, line=line, col=col, end_line=line, end_col=col + 1),
        f"cannot read the inline script metadata: {message}",
        "the `# /// script` block must be TOML, each line starting with `# `",
    )


def _line_span(shown: str, line: int, width: int) -> Span:
    return Span(path=shown, line=line, col=1, end_line=line, end_col=width + 1)


def _malformed(span: Span, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code="STC406", severity="error", message=message, span=span, hint=hint)
