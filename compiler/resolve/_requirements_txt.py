"""``requirements.txt`` as pip reads it: logical lines, each a requirement and options.

pip's reader (``pip/_internal/req/req_file.py``) is the spec, followed here:

* the bytes are decoded by their BOM, or by a ``coding:`` comment in the first two
  lines, else as UTF-8 (pip falls back to the locale's encoding, which is UTF-8
  where stc runs; bytes that are not UTF-8 are reported, not replaced);
* a line ending in ``\\`` goes on on the next one (unless it is a comment), and the
  joined line keeps the number of its first line;
* ``#`` at the start of a line or after whitespace starts a comment;
* the words before the first one that starts with ``-`` are the requirement, the
  rest are options, split as a shell splits (quotes, backslashes) and read as
  ``optparse`` reads them: ``--name=value``, ``--name value``, ``-rvalue``,
  ``-r value``, and any unambiguous prefix of a long name;
* ``${NAME}`` in the requirement and in option values is the environment variable
  ``NAME`` when it is set (pip expands the whole line first, so a value holding
  spaces splits there into more words; here it stays one).

Unlike pip's, every piece keeps where it came from, so what stc says about it
points at it. What the options mean for a static site is
:mod:`compiler.resolve._requirements`' business; a line pip would refuse is an ``STC406``
error here.
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from compiler._diagnostics import Diagnostic, Span

__all__ = ["Line", "Option", "decode", "expand", "read_lines"]

_ENV_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")
_CODING = re.compile(rb"coding[:=]\s*([-\w.]+)")
# UTF-32's little-endian BOM starts with UTF-16's, so UTF-32 is tried first.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)
# pip's options in a requirements file: long name -> (the option it spells, takes a value)
_LONG: dict[str, tuple[str, bool]] = {
    "--index-url": ("--index-url", True),
    "--pypi-url": ("--index-url", True),
    "--extra-index-url": ("--extra-index-url", True),
    "--no-index": ("--no-index", False),
    "--constraint": ("--constraint", True),
    "--requirement": ("--requirement", True),
    "--editable": ("--editable", True),
    "--find-links": ("--find-links", True),
    "--no-binary": ("--no-binary", True),
    "--only-binary": ("--only-binary", True),
    "--prefer-binary": ("--prefer-binary", False),
    "--require-hashes": ("--require-hashes", False),
    "--pre": ("--pre", False),
    "--trusted-host": ("--trusted-host", True),
    "--use-feature": ("--use-feature", True),
    "--global-option": ("--global-option", True),
    "--hash": ("--hash", True),
    "--config-settings": ("--config-settings", True),
}
_SHORT = {
    "-i": "--index-url",
    "-c": "--constraint",
    "-r": "--requirement",
    "-e": "--editable",
    "-f": "--find-links",
    "-C": "--config-settings",
}
_SHELL_SPACE = " \t\r\n"  # shlex's whitespace
_MAX_STRAY = 5  # stray words of one line that are reported


@dataclass(frozen=True, kw_only=True)
class Option:
    """One option of a line: its long ``name`` (``--index-url`` for ``-i``) and value."""

    name: str
    value: str | None  # None for a flag; ${NAME} expanded
    raw: str  # the value as written (what diagnostics show: no expanded secrets)
    span: Span  # the option with its value


@dataclass(frozen=True, kw_only=True)
class Line:
    """A logical line: its requirement (``""`` when it has only options) and options."""

    requirement: str  # ${NAME} expanded
    span: Span  # the requirement's text, or the whole line when there is none
    options: tuple[Option, ...]
    extra_words: tuple[tuple[str, Span], ...] = ()  # words among the options (pip drops them)
    problems: tuple[Diagnostic, ...] = ()  # STC406: what pip would refuse in this line


def decode(data: bytes, shown: str) -> tuple[str | None, Diagnostic | None]:
    """The text of a requirements file, or why it cannot be read as text."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    else:
        for first in data.split(b"\n", 2)[:2]:
            found = _CODING.search(first) if first[:1] == b"#" else None
            if found is not None:
                encoding = found.group(1).decode("ascii")
                break
    try:
        codecs.lookup(encoding)
    except LookupError:
        return None, _malformed(
            Span(path=shown, line=1, col=1, end_line=1, end_col=2),
            f"unknown encoding {encoding!r} in the coding comment",
            "save the file as UTF-8 and drop the coding comment",
        )
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as error:
        before = data[: error.start].decode(encoding, "replace")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        return None, _malformed(
            Span(path=shown, line=line, col=col, end_line=line, end_col=col + 1),
            f"this file is not {encoding} text: byte 0x{data[error.start]:02x} at line "
            f"{line}, column {col} ({error.reason})",
            "save the file as UTF-8",
        )


def expand(text: str) -> str:
    """``${NAME}`` replaced by the environment variable, when it is set (pip's rule)."""
    return _ENV_VAR.sub(lambda m: os.environ.get(m[1]) or m[0], text)


def read_lines(text: str, shown: str) -> Iterator[Line]:
    """The logical lines of *text* (a requirements file shown as *shown*) that are
    not empty or comments."""
    for logical in _logical_lines(text):
        body = logical.text[: _comment_start(logical.text)]
        stripped = body.strip()
        if stripped:
            yield _split(logical, stripped, len(body) - len(body.lstrip()), shown)


@dataclass
class _Logical:
    """Physical lines joined by ``\\``, and where each piece of the join came from."""

    pieces: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # offset of each piece in text
    places: list[tuple[int, int]] = field(default_factory=list)  # (line, column0) of each
    size: int = 0
    text: str = ""  # the pieces joined, once the last is added (joining as they come
    # would copy the line again for every piece: quadratic on 10^6 `\\` lines)

    def add(self, piece: str, line: int, column0: int) -> None:
        self.pieces.append(piece)
        self.starts.append(self.size)
        self.places.append((line, column0))
        self.size += len(piece)

    def done(self) -> _Logical:
        self.text = "".join(self.pieces)
        self.pieces.clear()
        return self

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of *offset* in :attr:`text`."""
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        line, column0 = self.places[index]
        return line, max(column0 + offset - self.starts[index], 0) + 1

    def span(self, shown: str, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(max(end - 1, start))
        return Span(path=shown, line=line, col=col, end_line=end_line, end_col=end_col + 1)


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _logical_lines(text: str) -> Iterator[_Logical]:
    """pip's ``join_lines``: a line ending in ``\\`` joins the next; a comment ends it."""
    pending: _Logical | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.endswith("\\") or _is_comment(line):
            piece, column0 = (" " + line, -1) if _is_comment(line) else (line, 0)
            current = pending or _Logical()
            current.add(piece, number, column0)
            yield current.done()
            pending = None
        else:
            stripped = line.strip("\\")
            pending = pending or _Logical()
            pending.add(stripped, number, len(line) - len(line.lstrip("\\")))
    if pending is not None:
        yield pending.done()


def _comment_start(text: str) -> int:
    """Where pip's ``(^|\\s+)#.*$`` starts a comment (the end of *text* when none)."""
    index = text.find("#")
    while index > 0 and not text[index - 1].isspace():
        index = text.find("#", index + 1)
    return len(text) if index < 0 else index


def _split(logical: _Logical, text: str, start: int, shown: str) -> Line:
    """pip's ``break_args_options``, then the options read as optparse reads them."""
    words = text.split(" ")
    count = next((i for i, w in enumerate(words) if w.startswith("-")), len(words))
    requirement = " ".join(words[:count])
    skip = len(requirement) + 1 if count else 0  # the requirement and the space after it
    options_text = text[skip:] if count < len(words) else ""
    rest = start + skip
    tokens, error = _shell_words(options_text, rest)
    whole = logical.span(shown, start, start + len(text))
    if error is not None:
        why, at = error
        unsplit = _malformed(logical.span(shown, at, at + 1), f"cannot split the options: {why}")
        return Line(requirement="", span=whole, options=(), problems=(unsplit,))
    options: list[Option] = []
    extra: list[tuple[str, int, int]] = []
    problems: list[Diagnostic] = []
    index = 0
    while index < len(tokens):
        word, begin, end = tokens[index]
        index += 1
        if word == "--":
            extra += tokens[index:]
            break
        if not word.startswith("-") or word == "-":
            extra.append((word, begin, end))
            continue
        parsed = _option(word)
        if isinstance(parsed, str):
            problems.append(_malformed(logical.span(shown, begin, end), parsed))
            continue
        name, value = parsed
        takes_value = _LONG[name][1]
        if takes_value and value is None:
            if index == len(tokens):
                problems.append(
                    _malformed(logical.span(shown, begin, end), f"{word} needs a value")
                )
                continue
            value, end = tokens[index][0], tokens[index][2]
            index += 1
        elif not takes_value and value is not None:
            problems.append(
                _malformed(logical.span(shown, begin, end), f"{name} does not take a value")
            )
            continue
        options.append(
            Option(
                name=name,
                value=None if value is None else expand(value),
                raw=value or "",
                span=logical.span(shown, begin, end),
            )
        )
    stripped = requirement.rstrip()
    span = logical.span(shown, start, start + len(stripped)) if stripped else whole
    return Line(
        requirement=expand(stripped),
        span=span,
        options=tuple(options),
        # pip refuses a line with problems anyway; past a few stray words, more say nothing
        extra_words=()
        if problems
        else tuple((w, logical.span(shown, b, e)) for w, b, e in extra[:_MAX_STRAY]),
        problems=tuple(problems),
    )


def _option(word: str) -> tuple[str, str | None] | str:
    """``(name, value written in the word or None)``, or why pip refuses *word*."""
    if word.startswith("--"):
        spelled, equals, value = word.partition("=")
        matches = [spelled] if spelled in _LONG else [n for n in _LONG if n.startswith(spelled)]
        names = sorted({_LONG[m][0] for m in matches})
        if not names:
            return f"pip has no option {_printable(spelled)} in requirements files"
        if len(names) > 1:
            return f"ambiguous option {_printable(spelled)}: {' or '.join(names)}?"
        return names[0], value if equals else None
    name = _SHORT.get(word[:2])
    if name is None:
        return f"pip has no option {_printable(word[:2])} in requirements files"
    return name, word[2:] or None


def _printable(word: str) -> str:
    return word if len(word) <= 40 else word[:39] + "…"


def _shell_words(text: str, base: int) -> tuple[list[tuple[str, int, int]], tuple[str, int] | None]:
    """``shlex.split`` (POSIX) that also says where each word starts and ends, or
    what stops it and where."""
    words: list[tuple[str, int, int]] = []
    index, size = 0, len(text)
    while index < size:
        if text[index] in _SHELL_SPACE:
            index += 1
            continue
        begin, chars = index, []
        while index < size and text[index] not in _SHELL_SPACE:
            char = text[index]
            if char == "\\":
                if index + 1 == size:
                    return words, ("nothing follows the last backslash", base + index)
                chars.append(text[index + 1])
                index += 2
            elif char in "'\"":
                close = index + 1
                while close < size and text[close] != char:
                    close += 2 if char == '"' and text[close] == "\\" else 1
                if close >= size:
                    return words, ("this quotation mark is never closed", base + index)
                inner = text[index + 1 : close]
                if char == '"':
                    inner = re.sub(r'\\(["\\])', r"\1", inner)
                chars.append(inner)
                index = close + 1
            else:
                chars.append(char)
                index += 1
        words.append(("".join(chars), base + begin, base + index))
    return words, None


def _malformed(span: Span, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code="STC406", severity="error", message=message, span=span, hint=hint)
