"""Running the app script the way Streamlit does: top to bottom, as ``__main__``,
with top-level ``await`` allowed, and with control-flow exceptions for
``st.stop()`` and ``st.rerun()``.

Compiling once and executing the code object on every rerun keeps a rerun cheap;
``describe_exception`` shows file names relative to the app folder, so tracebacks
point at the user's own file (``app.py``) and line numbers.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import os
import sys
import traceback
import types
from collections.abc import Awaitable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ExceptionInfo", "RerunRequested", "Script", "StopRequested", "describe_exception"]

_RUNTIME_DIR = str(Path(__file__).resolve().parent)


class StopRequested(Exception):
    """Raised by ``st.stop()``: end the run quietly."""


class RerunRequested(Exception):
    """Raised by ``st.rerun()``: end the run and start again: the whole app, or with
    *fragments* (ids, see ``_fragments``) only those fragments."""

    def __init__(self, fragments: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.fragments = fragments


@dataclass(frozen=True, slots=True)
class ExceptionInfo:
    type: str
    message: str
    traceback: list[str]
    is_api_error: bool = False


class Script:
    """The app's main script, compiled once."""

    def __init__(self, path: str | os.PathLike[str], *, source: str | None = None) -> None:
        self.path = Path(path)
        self.name = self.path.name
        text = self.path.read_text(encoding="utf-8") if source is None else source
        self.code: types.CodeType | None = None
        self.compile_error: SyntaxError | None = None
        try:
            self.code = compile(
                text,
                str(self.path),
                "exec",
                flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                dont_inherit=True,
            )
        except SyntaxError as exc:
            self.compile_error = exc

    def start(self) -> Awaitable[None] | None:
        """Run the script in a fresh ``__main__`` module, as ``page.run()`` needs it:
        synchronously, unless its top level awaits (the compiler turned ``time.sleep``
        into ``await asyncio.sleep``). Then nothing has run yet and the caller awaits
        the coroutine returned, which runs the script with its module as ``__main__``."""
        if self.code is None:
            assert self.compile_error is not None
            raise self.compile_error
        module = types.ModuleType("__main__")
        module.__file__ = str(self.path)
        module.__dict__["__builtins__"] = __builtins__
        if self.code.co_flags & inspect.CO_COROUTINE:
            return _run_awaiting(self.code, module)
        with _as_main(module):
            exec(self.code, module.__dict__)
        return None

    async def execute(self) -> None:
        """Run the script once in a fresh ``__main__`` module."""
        pending = self.start()
        if pending is not None:
            await pending


@contextlib.contextmanager
def _as_main(module: types.ModuleType) -> Iterator[None]:
    previous = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        yield
    finally:
        if previous is not None:
            sys.modules["__main__"] = previous


async def _run_awaiting(code: types.CodeType, module: types.ModuleType) -> None:
    with _as_main(module):
        await eval(code, module.__dict__)


def _is_runtime_frame(filename: str) -> bool:
    return filename.startswith(_RUNTIME_DIR)


ORIGINALS = ".stc/original"  # where the compiler ships sources it rewrote for the browser


def _original_line(app_dir: Path | None, rel: str, lineno: int | None) -> str | None:
    """The user's own line when the compiler rewrote the file (``time.sleep`` became
    ``await asyncio.sleep``): line numbers match, the text is what they wrote."""
    if app_dir is None or lineno is None or rel.startswith(("/", "..")):
        return None
    original = app_dir / ORIGINALS / rel
    if not original.is_file():
        return None
    lines = original.read_text(encoding="utf-8").splitlines()
    return lines[lineno - 1].strip() if 0 < lineno <= len(lines) else None


def describe_exception(exc: BaseException, app_dir: Path | None = None) -> ExceptionInfo:
    """Type, message and a traceback of the app's own frames, as Streamlit shows it."""
    from ._errors import StreamlitAPIException

    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if not _is_runtime_frame(f.filename)
    ]

    def shown(filename: str) -> str:
        if app_dir is not None:
            with contextlib.suppress(ValueError):
                return str(Path(filename).resolve().relative_to(app_dir.resolve()))
        return filename

    lines: list[str] = []
    for frame in frames:
        name = shown(frame.filename)
        lines.append(f'File "{name}", line {frame.lineno}, in {frame.name}')
        source = _original_line(app_dir, name, frame.lineno) or frame.line
        if source:
            lines.append(f"    {source}")
    if isinstance(exc, SyntaxError) and exc.lineno is not None:
        lines.append(f'File "{shown(exc.filename or "")}", line {exc.lineno}')
        if exc.text:
            lines.append(f"    {exc.text.rstrip()}")
            if exc.offset:
                lines.append("    " + " " * (exc.offset - 1) + "^")
    # stripped as Streamlit strips it (its multi-line messages end in an indent)
    message = str(exc.msg) if isinstance(exc, SyntaxError) else str(exc).strip()
    return ExceptionInfo(
        # UserHashError shows as the hash function's exception, as in Streamlit
        type=getattr(exc, "alternate_name", None) or type(exc).__name__,
        message=message,
        traceback=lines,
        is_api_error=isinstance(exc, StreamlitAPIException),
    )
