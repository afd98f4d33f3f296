"""Settings from files: ``[tool.stc]`` in ``pyproject.toml`` and, where Streamlit has
its own key, ``.streamlit/config.toml``, under the command line's flags.

Precedence, for each row of :data:`compiler._settings_table.SETTINGS`: the flag, then
(``proxy_url`` only) ``$STC_PROXY_URL``, then ``[tool.stc]``, then
``.streamlit/config.toml``, then the default. Both files are read from one folder: the
app folder for ``stc build`` / ``check`` / ``run`` (the boundary the build enforces,
so never through a link out of it), the current folder for ``stc serve``, which is
given a site, not an app. Paths in a file are relative to the file's folder.

What each command ends up with is a :class:`Chosen` per setting that was not left at
its default, so ``stc build`` can say where it came from. A key ``[tool.stc]`` does not
know (``STC306``), a value of the wrong kind (``STC307``) and a ``pyproject.toml`` that
is not TOML (``STC308``) are diagnostics at their line and column; any of them stops
the command with :class:`~compiler._exceptions.SettingsError`. When the app folder has
no ``pyproject.toml`` and the nearest one above it has ``[tool.stc]``, a note
(``STC309``) says it is not read. A malformed
``config.toml`` is left to the analysis (``STC304``, which ``--force`` may pass).
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from compiler._diagnostics import Diagnostic, Span
from compiler._exceptions import SettingsError
from compiler._options import Chosen
from compiler._settings_table import ELSEWHERE, SETTINGS, Kind, Setting, by_key
from compiler._toml_keys import KeyPosition, find_key

__all__ = [
    "CONFIG",
    "PYPROJECT",
    "Chosen",
    "FileSettings",
    "FromFile",
    "read_settings",
    "settings_or_raise",
]

PYPROJECT = "pyproject.toml"
CONFIG = ".streamlit/config.toml"
_TABLE = ("tool", "stc")
_SHOWN = 60  # characters of a key from the file a message shows
_KIND_WORDS: dict[Kind, str] = {
    "path": "a path (a string, relative to the file's folder)",
    "url": "a URL (a string)",
    "text": "a string",
    "switch": "true or false",
    "port": "a port number (an integer from 0 to 65535)",
    "choice": "one of {choices}",
    "names": "a list of strings",
    "table": "a table",
}


@dataclass(frozen=True, kw_only=True)
class FromFile:
    """A value read from a file, converted (a path made absolute), and ``source``,
    where it was set as shown to the user (``pyproject.toml:4``)."""

    value: object
    source: str


@dataclass(frozen=True, kw_only=True)
class FileSettings:
    """The settings *folder*'s files hold, by ``[tool.stc]`` key, ``[tool.stc]``
    already preferred over ``config.toml``; and what was wrong in them."""

    values: Mapping[str, FromFile]
    diagnostics: tuple[Diagnostic, ...] = ()


def read_settings(folder: Path) -> FileSettings:
    """Read ``pyproject.toml`` and ``.streamlit/config.toml`` in *folder* (absent files
    and files reached through a link out of *folder* are empty)."""
    diagnostics: list[Diagnostic] = []
    values: dict[str, FromFile] = {}
    config = _bytes(folder, CONFIG)
    if config is not None:
        with contextlib.suppress(UnicodeDecodeError):  # the analysis says so (STC304)
            values.update(_from_config(folder, config.decode("utf-8"), diagnostics))
    pyproject = _bytes(folder, PYPROJECT)
    if pyproject is not None:
        try:
            text = pyproject.decode("utf-8")
        except UnicodeDecodeError as error:
            line = pyproject[: error.start].count(b"\n") + 1
            col = error.start - (pyproject.rfind(b"\n", 0, error.start) + 1) + 1
            where = KeyPosition(line=line, col=col, end_col=col + 1, value_col=col)
            message = f"{PYPROJECT} is not UTF-8 text (byte {error.start})"
            diagnostics.append(_at(_shown(folder / PYPROJECT), where, "STC308", message))
        else:
            values.update(_from_pyproject(folder, text, diagnostics))
    elif (above := _above(folder)) is not None:
        diagnostics.append(above)
    return FileSettings(values=values, diagnostics=tuple(diagnostics))


def settings_or_raise(folder: Path) -> FileSettings:
    """:func:`read_settings`, raising :class:`SettingsError` when it found errors."""
    settings = read_settings(folder)
    if any(d.severity == "error" for d in settings.diagnostics):
        raise SettingsError(settings.diagnostics)
    return settings


def _bytes(folder: Path, rel: str) -> bytes | None:
    """The file *rel* of *folder*; ``None`` when absent, unreadable, or a link out."""
    path = folder / rel
    try:
        if not path.is_file() or not path.resolve().is_relative_to(folder.resolve()):
            return None
        return path.read_bytes()
    except (OSError, RuntimeError):
        return None


def _above(folder: Path) -> Diagnostic | None:
    """A note when the nearest ``pyproject.toml`` above *folder* (which has none) holds
    ``[tool.stc]``: a repository's top-level file is outside the app folder, so the
    build does not read it, and a user who put settings there should hear why."""
    for parent in folder.absolute().parents:
        path = parent / PYPROJECT
        try:
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            tool = tomllib.loads(text).get("tool")
        except (OSError, UnicodeDecodeError, RecursionError, tomllib.TOMLDecodeError):
            return None
        if not isinstance(tool, dict) or "stc" not in tool:
            return None
        keys = tool["stc"] if isinstance(tool["stc"], dict) else {}
        found = (find_key(text, path) for path in [_TABLE, *((*_TABLE, k) for k in keys)])
        where = next((w for w in found if w is not None), None)
        message = (
            f"[tool.stc] here is not read: it is above the app folder {_shown(folder)}, "
            f"and stc reads the {PYPROJECT} in the app folder only"
        )
        hint = f"move [tool.stc] into {_shown(folder / PYPROJECT)}, or give the flags"
        return replace(_at(_shown(path), where, "STC309", message, hint=hint), severity="info")
    return None


def _from_pyproject(folder: Path, text: str, diagnostics: list[Diagnostic]) -> dict[str, FromFile]:
    shown = _shown(folder / PYPROJECT)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        diagnostics.append(_at(shown, None, "STC308", f"{PYPROJECT} is nested too deeply to read"))
        return {}
    except tomllib.TOMLDecodeError as error:
        line = int(m[1]) if (m := re.search(r"line (\d+)", str(error))) else 0
        col = int(m[1]) if (m := re.search(r"column (\d+)", str(error))) else 1
        where = KeyPosition(line=line, col=col, end_col=col + 1, value_col=col) if line else None
        message = f"{PYPROJECT} is not valid TOML: {error}"
        diagnostics.append(_at(shown, where, "STC308", message, hint="stc reads [tool.stc] in it"))
        return {}
    tool = data.get("tool")
    stc = tool.get("stc") if isinstance(tool, dict) else None
    if stc is None:
        return {}
    if not isinstance(stc, dict):
        where = find_key(text, _TABLE)
        diagnostics.append(_at(shown, where, "STC307", "[tool.stc] must be a table"))
        return {}
    values: dict[str, FromFile] = {}
    for key, value in stc.items():
        where = find_key(text, (*_TABLE, key)) or find_key(text, _TABLE)
        row = by_key(key)
        if row is None and key not in ELSEWHERE:
            diagnostics.append(_unknown(shown, where, key))
            continue
        kind = row.kind if row is not None else ELSEWHERE[key]
        problem = _problem(kind, value, row)
        if problem is not None:
            diagnostics.append(_wrong(shown, where, f"[tool.stc] {key}", problem, row))
        elif row is not None:
            at = f":{where.line}" if where is not None else ""
            values[key] = FromFile(value=_converted(kind, value, folder), source=f"{shown}{at}")
    return values


def _from_config(folder: Path, text: str, diagnostics: list[Diagnostic]) -> dict[str, FromFile]:
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return {}  # the analysis says so, at its line (STC304)
    shown = _shown(folder / CONFIG)
    values: dict[str, FromFile] = {}
    for row in SETTINGS:
        if row.streamlit is None:
            continue
        table = data.get(row.streamlit[0])
        if not isinstance(table, dict) or row.streamlit[1] not in table:
            continue
        value = table[row.streamlit[1]]
        where = find_key(text, row.streamlit)
        problem = _problem(row.kind, value, row)
        if problem is not None:
            name = f"[{row.streamlit[0]}] {row.streamlit[1]}"
            diagnostics.append(_wrong(shown, where, name, problem, row))
            continue
        line = f":{where.line}" if where is not None else ""
        values[row.key] = FromFile(value=_converted(row.kind, value, folder),
                                   source=f"{shown}{line}")  # fmt: skip
    return values


def _problem(kind: Kind, value: object, row: Setting | None) -> str | None:
    """Why *value* is not of *kind* (``None``: it is)."""
    ok = {
        "path": isinstance(value, str) and bool(value.strip()),
        "url": isinstance(value, str) and bool(value.strip()),
        "text": isinstance(value, str) and bool(value.strip()),
        "switch": isinstance(value, bool),
        "port": isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 65535,
        "choice": row is not None and value in row.choices,
        "names": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "table": isinstance(value, dict),
    }[kind]
    if ok:
        return None
    choices = ", ".join(repr(c) for c in row.choices) if row is not None else ""
    return f"must be {_KIND_WORDS[kind].format(choices=choices)}, not {_described(value)}"


def _converted(kind: Kind, value: object, folder: Path) -> object:
    if kind == "path" and isinstance(value, str):
        # Lexically, as a user reads "../dist": the folder of the file, then up one.
        return Path(os.path.normpath(folder.absolute() / Path(value).expanduser()))
    if kind in ("url", "text") and isinstance(value, str):
        return value.strip()
    return value


def _described(value: object) -> str:
    words = [(bool, "a boolean"), (int, "an integer"), (float, "a number"), (str, "a string"),
             (list, "an array"), (dict, "a table")]  # fmt: skip
    kind = next((word for cls, word in words if isinstance(value, cls)), "a date or time")
    if isinstance(value, dict | list):
        return kind
    shown = repr(value)
    return f"{kind} ({shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + '…'})"


def _unknown(shown: str, where: KeyPosition | None, key: str) -> Diagnostic:
    known = sorted({s.key for s in SETTINGS} | set(ELSEWHERE))
    close = difflib.get_close_matches(key.replace("-", "_").lower(), known, n=1, cutoff=0.6)
    name = key if len(key) <= _SHOWN else key[: _SHOWN - 1] + "…"
    guess = f" (did you mean {close[0]!r}?)" if close else ""
    return _at(shown, where, "STC306", f"unknown [tool.stc] key {name!r}{guess}",
               hint=f"the keys are {', '.join(known)}")  # fmt: skip


def _wrong(
    shown: str, where: KeyPosition | None, name: str, problem: str, row: Setting | None
) -> Diagnostic:
    if where is not None:
        where = KeyPosition(line=where.line, col=where.value_col, end_col=where.value_col + 1,
                            value_col=where.value_col)  # fmt: skip
    hint = f"it is what {row.flag} sets" if row is not None else None
    if name == "[tool.stc] secrets":
        hint = "[tool.stc.secrets] names what stc proxy holds; --secrets's file is secrets_file"
    return _at(shown, where, "STC307", f"{name} {problem}", hint=hint)


def _at(
    shown: str, where: KeyPosition | None, code: str, message: str, *, hint: str | None = None
) -> Diagnostic:
    span = (
        Span(path=shown, line=where.line, col=where.col, end_line=where.line, end_col=where.end_col)
        if where is not None
        else Span(path=shown, line=0, col=0, end_line=0, end_col=0)
    )
    return Diagnostic(code=code, severity="error", message=message, span=span, hint=hint)


def _shown(path: Path) -> str:
    """*path* as diagnostics show it: relative to the working directory when inside it."""
    relative = os.path.relpath(path.absolute())
    return path.absolute().as_posix() if relative.startswith("..") else Path(relative).as_posix()
