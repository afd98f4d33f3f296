"""One module's source: does Python accept it, and can stc analyse it safely?

CPython judges first, with its own compiler (``ast.parse`` then ``compile``):
whatever it rejects (``return`` outside a function, ``await`` in a plain ``def``,
``nonlocal`` at module level, ``*a = 1``, a 100,000-digit literal, 201 nested
brackets) is an ``STC001`` at its location, as Python would raise it when the
browser imports the file. Its parser is C with hard limits, so this step cannot
crash or hang. The browser runs Python 3.14: on an older host, a file whose
*grammar* the host rejects may use newer syntax, so libcst (whose grammar is
current) has the last word on grammar there; the compiler's own rules (scopes,
targets, ``await``) are the same in every version, and the host decides them.

Only then does libcst see the file, and only a file within budget: libcst's parser
recurses natively (2,000 nested brackets or 5,000 nested lambdas overflow the C
stack: a segfault) and its metadata costs about 10,000 Python calls per 100 lines.
A file deeper than :data:`MAX_DEPTH` or larger than :data:`MAX_NODES` (CPython AST
nodes) or :data:`MAX_BYTES` is not analysed (``STC004``): it ships unchanged, its
imports are read from CPython's AST, or from its bytecode when it is too large to
hold as a Python syntax tree at all, so its packages still resolve. Memory then stays
what CPython's own ``compile`` needs, which the browser needs too to import it.
A module with no import and no call has nothing to analyse (generated tables of
literals, however large) and skips libcst altogether (a regular expression tells,
faster than walking the tree).
"""

from __future__ import annotations

import ast
import dis
import re
import sys
from dataclasses import dataclass
from types import CodeType

import libcst as cst

from compiler._diagnostics import Diagnostic, Span
from compiler.analyse.passes._rules import (
    Rule,
)

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "ModuleSource", "read_module"]

MAX_DEPTH = 400  # nesting of CPython AST nodes libcst's passes are given
MAX_BYTES = 1024 * 1024  # no Python syntax tree of a larger file is ever made (60,000
# nodes of dense code is 100-600 kB: a larger file is over budget unless mostly strings)
MAX_NODES = 60_000  # CPython AST nodes in one file: a dense 6,000-line module, ~10 s
_FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT  # scripts run with top-level await
_HOST_DECIDES = sys.version_info >= (3, 14)  # the browser's Python
_NESTING = re.compile(rb"[([{)\]}]|\blambda\b")
# Every rule starts at an import, a call or an await: a source without one of these
# tokens (a generated table of literals, however large) has nothing to analyse.
_WORK = re.compile(rb"\bimport\b|\bawait\b|[\w)\]'\"]\s*\(")


@dataclass(frozen=True, kw_only=True)
class ModuleSource:
    """``tree`` to analyse, or ``None``; ``imports`` from CPython's AST when the file
    is not analysed (``(module, level, line, col)``), for the packages it needs."""

    tree: cst.Module | None
    diagnostics: tuple[Diagnostic, ...] = ()
    imports: tuple[tuple[str, int, int, int], ...] = ()


def read_module(source: bytes, display: str) -> ModuleSource:
    """Judge *source* (the file shown as *display*) and parse what can be analysed."""
    try:  # CPython's verdict, its syntax tree kept in C: a third less memory than ``ast``
        code = compile(source, display, "exec", flags=_FLAGS, dont_inherit=True)
    except SyntaxError as error:
        return _rejected(source, display, error, grammar=_is_grammar(source))
    except (ValueError, UnicodeDecodeError) as error:  # NUL bytes, undecodable text
        return ModuleSource(
            tree=None, diagnostics=(UNDECODABLE.diagnostic(_at(display, 1, 1), error=str(error)),)
        )
    except (RecursionError, MemoryError):
        return ModuleSource(tree=None, diagnostics=(TOO_COMPLEX.diagnostic(_at(display)),))
    if not _WORK.search(source):
        return ModuleSource(tree=None)
    if len(source) > MAX_BYTES:  # over budget whatever its shape: no tree in Python
        what = f"{len(source) / 1e6:.1f} MB (stc analyses files of up to {MAX_BYTES / 1e6:.1f} MB)"
        diagnostic = OVER_BUDGET.diagnostic(_at(display), what=what)
        return ModuleSource(tree=None, diagnostics=(diagnostic,), imports=_code_imports(code))
    tree = ast.parse(source, display)
    depth, nodes, where = _measure(tree)
    if depth > MAX_DEPTH:
        what = f"nested {depth} levels deep (stc analyses up to {MAX_DEPTH})"
    elif nodes > MAX_NODES:
        what, where = f"over {MAX_NODES:,} syntax nodes (stc analyses files of up to that)", (0, 0)
    else:
        what = ""
    if what:
        return ModuleSource(
            tree=None,
            diagnostics=(OVER_BUDGET.diagnostic(_at(display, *where), what=what),),
            imports=_imports(tree),
        )
    try:
        return ModuleSource(tree=cst.parse_module(source))
    except (cst.ParserSyntaxError, RecursionError) as error:  # valid Python libcst cannot read
        reason = error.message if isinstance(error, cst.ParserSyntaxError) else "too deep"
        return ModuleSource(
            tree=None,
            diagnostics=(UNREADABLE.diagnostic(_at(display), reason=reason),),
            imports=_imports(tree),
        )


def _is_grammar(source: bytes) -> bool:
    """Whether CPython's parser (not its compiler's rules) rejects *source*."""
    try:
        ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True
    return False


def _code_imports(code: CodeType) -> tuple[tuple[str, int, int, int], ...]:
    """The absolute imports of a compiled module, from its bytecode (for files too
    large to hold as a Python syntax tree): each IMPORT_NAME and the level before it."""
    found: list[tuple[str, int, int, int]] = []
    pending = [code]
    while pending:
        current = pending.pop()
        level = 0
        for instruction in dis.get_instructions(current):
            if instruction.opname == "LOAD_CONST" and isinstance(instruction.argval, int):
                level = instruction.argval
            elif instruction.opname == "IMPORT_NAME":
                where = instruction.positions
                line = (where.lineno if where else None) or 1
                col = (where.col_offset if where else None) or 0
                found.append((str(instruction.argval), level, line, col + 1))
        pending += [c for c in current.co_consts if isinstance(c, CodeType)]
    return tuple(sorted(found, key=lambda i: (i[2], i[3])))


def _rejected(source: bytes, display: str, error: SyntaxError, *, grammar: bool) -> ModuleSource:
    """CPython rejected *source*: its verdict, unless newer grammar may explain it."""
    if grammar and not _HOST_DECIDES and _libcst_may_parse(source, error):
        try:
            return ModuleSource(tree=cst.parse_module(source))
        except (cst.ParserSyntaxError, SyntaxError, UnicodeDecodeError, RecursionError):
            pass
    line = error.lineno or 1
    col = max(error.offset or 1, 1)
    end_line = error.end_lineno or line
    end_col = error.end_offset if error.end_offset and error.end_offset > 0 else 0
    if end_line == line and end_col <= col:
        end_col = col + 1
    message = error.msg.split("\n")[0]
    return ModuleSource(
        tree=None,
        diagnostics=(
            Diagnostic(
                code="STC001",
                severity="error",
                message=f"syntax error: {message}",
                span=Span(path=display, line=line, col=col, end_line=end_line, end_col=end_col),
            ),
        ),
    )


def _libcst_may_parse(source: bytes, error: SyntaxError) -> bool:
    """Whether libcst may be given *source* the host rejected: never when the host hit
    a nesting limit, nor a source nested past the host's own 200 brackets or holding
    hundreds of lambdas (libcst's parser recurses natively on both)."""
    if any(limit in error.msg for limit in ("too many nested", "too complex", "Exceeds the limit")):
        return False
    if len(source) > 4 * 1024 * 1024:
        return False
    depth = deepest = lambdas = 0
    for match in _NESTING.finditer(source):
        token = match[0]
        if token == b"lambda":
            lambdas += 1
        elif token in b"([{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest <= 200 and lambdas <= 200


def _measure(tree: ast.AST) -> tuple[int, int, tuple[int, int]]:
    """Deepest nesting, node count, and where the deepest node is (line, col); the walk
    stops once the count is over :data:`MAX_NODES`."""
    deepest, count, where = 0, 0, (1, 1)
    stack: list[tuple[ast.AST, int]] = [(tree, 0)]
    while stack and count <= MAX_NODES:
        node, depth = stack.pop()
        count += 1
        if depth > deepest:
            deepest = depth
            where = (getattr(node, "lineno", where[0]), getattr(node, "col_offset", 0) + 1)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest, count, where


def _imports(tree: ast.AST) -> tuple[tuple[str, int, int, int], ...]:
    found: list[tuple[str, int, int, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, 0, node.lineno, node.col_offset + 1) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level, node.lineno, node.col_offset + 1))
    return tuple(sorted(found, key=lambda i: (i[2], i[3])))


_NOT_ANALYSED_HINT = (
    "st.* calls, blocking calls and time.sleep in this file are not checked or rewritten; "
    "split it into smaller modules (or flatten the expression) to have it analysed"
)
OVER_BUDGET = Rule(
    code="STC004",
    severity="warning",
    message="not analysed: {what}; it ships unchanged, with the packages it imports",
    hint=_NOT_ANALYSED_HINT,
)
UNREADABLE = Rule(
    code="STC004",
    severity="warning",
    message="not analysed: libcst cannot read this file ({reason}); it ships unchanged",
    hint=_NOT_ANALYSED_HINT,
)
TOO_COMPLEX = Rule(
    code="STC001",
    severity="error",
    message="syntax error: too deeply nested for Python to compile (RecursionError)",
    hint="flatten the deepest expression: Python raises the same error on import",
)
UNDECODABLE = Rule(
    code="STC002",
    severity="error",
    message="cannot decode this file: {error}",
    hint="save it as UTF-8, without NUL bytes",
)


def _at(display: str, line: int = 0, col: int = 0) -> Span:
    return Span(path=display, line=line, col=col, end_line=line, end_col=col + 1 if line else 0)
