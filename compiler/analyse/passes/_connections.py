"""The connections visitor: the SQL allowlist, and what cannot go through ``stc proxy``.

A connection is what ``st.connection(...)`` returns (recognised by qualified name, so
aliases work), followed through names bound once (``conn = st.connection(...)``),
called directly (``st.connection("x").query(...)``) and returned by the app's own
functions (``@st.cache_resource def get(): return st.connection(...)``). For each:

- the name must be a literal, and a ``[connections.<name>]`` of secrets.toml
  (``STC703``); its kind comes from ``type=``, else a first-party name (``"sql"``,
  ``"snowflake"``), else the table's ``type``, as Streamlit decides it;
- every ``.query(sql, params=...)`` on it: *sql* must be text the compiler can read
  (literals, implicit and ``+`` concatenation of them, a constant bound once), since
  the site sends only its id (``STC701``); its placeholders must match a literal
  ``params=`` (``STC702``); it joins the allowlist (:class:`AllowedQuery`);
- ``.session``, ``.engine``, ``.connect()``… would run any statement (``STC704``).

Reads of ``st.secrets`` are :mod:`compiler.analyse.passes._secret_reads`' (``STC705``).
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider, ScopeProvider

from compiler._diagnostics import Span
from compiler.analyse._facts import ConnectionUse
from compiler.analyse.passes._context import AppModule, Findings, ModuleVisitor
from compiler.analyse.passes._names import argument, bound_value, qualified_names, string_value
from compiler.analyse.passes._proxy_rules import (
    CONNECTION_NAME,
    CONNECTION_TYPES,
    DYNAMIC_SQL,
    PARAMS_MISMATCH,
    UNALLOWLISTABLE,
    UNALLOWLISTED_USE,
    UNKNOWN_CONNECTION,
    UNKNOWN_CONNECTION_NO_SECRETS,
    UNSEEN_SQL,
    UNSEEN_WRITE,
)
from compiler.analyse.passes._refusals import report_refusal
from compiler.analyse.passes._sql import Placeholders, placeholders
from runtime_wasm._unsupported import refused
from runtime_wasm.connections import WRITE_OPTIONS, AllowedQuery, AllowedWrite, SQLConnection

__all__ = ["ConnectionVisitor", "statement_span"]

_CONNECTION = "streamlit.connection"
# query()'s own parameters (Snowflake's are the same), and the read_sql options it passes on
_QUERY = refused("streamlit.connections.SQLConnection.query")
_QUERY_PARAMETERS = frozenset(inspect.signature(SQLConnection.query).parameters) - {
    "self",
    "kwargs",
} | set(_QUERY.accepted or ())
_STRING_BUILDERS = frozenset({"format", "format_map", "join", "replace"})


def statement_span(query: AllowedQuery, display: Callable[[str], str]) -> Span:
    """Where *query* is in the app (its ``where``, ``"app.py:12:9"``), the file shown
    as ``display(rel)`` shows it, for a diagnostic about the statement."""
    rel, line, col = query.where.rsplit(":", 2)
    at = int(line), int(col)
    return Span(path=display(rel), line=at[0], col=at[1], end_line=at[0], end_col=at[1] + 1)


@dataclass(frozen=True)
class _Unread:
    """Why an expression's text cannot be known at build time."""

    how: str
    dynamic: bool  # built from values at run time (as opposed to merely out of sight)


class ConnectionVisitor(ModuleVisitor):
    METADATA_DEPENDENCIES = (PositionProvider, ParentNodeProvider, ScopeProvider)

    def __init__(self, module: AppModule, findings: Findings) -> None:
        super().__init__(module, findings)
        self._made: dict[int, ConnectionUse | None] = {}  # id of an st.connection call

    # -- what the visitor looks at ------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        if self._is(node.func, _CONNECTION):
            self._made_by(node)
        elif isinstance(node.func, cst.Attribute):
            method = node.func.attr.value
            if method in ("query", "write_pandas"):
                conn = self._connection_of(node.func.value)
                if conn is not None and method == "query":
                    self._query(node, conn)
                elif conn is not None and conn.kind == "snowflake":
                    self._write(node, conn)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        attribute = node.attr.value
        if attribute in UNALLOWLISTABLE["sql"] | UNALLOWLISTABLE["snowflake"]:
            conn = self._connection_of(node.value)
            kind = (conn.kind or "sql") if conn is not None else ""
            if conn is not None and attribute in UNALLOWLISTABLE[kind]:
                self.report(UNALLOWLISTED_USE, node, attribute=attribute, kind=kind, name=conn.name)

    # -- connections --------------------------------------------------------------------
    def _made_by(self, call: cst.Call) -> ConnectionUse | None:
        """The connection an ``st.connection(...)`` call makes; reported once."""
        if id(call) not in self._made:
            self._made[id(call)] = self._new_connection(call)
        return self._made[id(call)]

    def _new_connection(self, call: cst.Call) -> ConnectionUse | None:
        name_arg = argument(call, 0, "name")
        name = self._text(name_arg) if name_arg is not None else None
        if not isinstance(name, str):
            self.report(CONNECTION_NAME, name_arg or call)
            return None
        project = self.findings.project
        if name not in project.connections:
            if project.has_secrets:
                known = ", ".join(map(repr, project.connections)) or "none"
                self.report(UNKNOWN_CONNECTION, name_arg or call, name=name, known=known)
            else:
                self.report(UNKNOWN_CONNECTION_NO_SECRETS, name_arg or call, name=name)
        kind = self._kind(call, name)
        if kind == "custom":
            return None  # a BaseConnection subclass: runs in the browser, no allowlist
        use = ConnectionUse(name=name, kind=kind, span=self.span(call), file=self.module.rel)
        self.findings.connections.append(use)
        return use

    def _kind(self, call: cst.Call, name: str) -> str | None:
        """As Streamlit: ``type=``, else a first-party name, else secrets.toml's ``type``."""
        given = argument(call, 1, "type")
        if given is not None:
            text = string_value(given)
            if text is None:
                names = qualified_names(self, given)
                text = next(iter(names)) if len(names) == 1 else ""
            return CONNECTION_TYPES.get(text, "custom")
        if name in ("sql", "snowflake"):
            return name
        declared = self.findings.project.connections.get(name)
        return CONNECTION_TYPES.get(declared, "custom") if declared else None

    def _connection_of(
        self, node: cst.BaseExpression, seen: frozenset[int] = frozenset()
    ) -> ConnectionUse | None:
        """The connection *node* surely is, following names bound once and functions."""
        if id(node) in seen:
            return None
        seen = seen | {id(node)}
        if isinstance(node, cst.Call):
            if self._is(node.func, _CONNECTION):
                return self._made_by(node)
            function = bound_value(self, node.func) if isinstance(node.func, cst.Name) else None
            if isinstance(function, cst.FunctionDef):
                found = {self._connection_of(r, seen) for r in _returned(function)}
                return found.pop() if len(found) == 1 else None
            return None
        if isinstance(node, cst.Name):
            value = bound_value(self, node)
            if isinstance(value, cst.BaseExpression):
                return self._connection_of(value, seen)
        return None

    # -- queries ------------------------------------------------------------------------
    def _query(self, call: cst.Call, conn: ConnectionUse) -> None:
        for arg in call.args:  # options query() passes on to read_sql that stc's lacks
            keyword = arg.keyword.value if arg.keyword is not None else None
            if keyword is not None and keyword not in _QUERY_PARAMETERS:
                report_refusal(self, _QUERY, arg, [keyword])
        sql_arg = argument(call, 0, "sql")
        if sql_arg is None:
            return  # Python's own TypeError; STC104 does not cover methods
        sql = self._text(sql_arg)
        if isinstance(sql, _Unread):
            self.report(DYNAMIC_SQL if sql.dynamic else UNSEEN_SQL, sql_arg, how=sql.how)
            return
        found = placeholders(sql, conn.kind)
        self._check_params(argument(call, None, "params"), found, call)
        span = self.span(call)
        self.findings.queries.append(
            AllowedQuery(
                sql=sql,
                connection=conn.name,
                params=found.params,
                where=f"{self.module.rel}:{span.line}:{span.col}",
            )
        )

    def _write(self, call: cst.Call, conn: ConnectionUse) -> None:
        """``write_pandas(df, table_name, database, schema, chunk_size, **options)``: the
        target and the options must be literals; the rows and chunk size are values."""
        target: dict[str, str | None] = {}
        for position, name in ((1, "table_name"), (2, "database"), (3, "schema")):
            node = argument(call, position, name)
            text = None if node is None or _is_none(node) else self._text(node)
            if isinstance(text, _Unread) or (text is None and name == "table_name"):
                how = text.how if isinstance(text, _Unread) else "it is missing"
                self.report(UNSEEN_WRITE, node or call, what=name, how=how)
                return
            target[name] = text
        options: dict[str, bool | int | float | str] = {}
        for arg in call.args:
            keyword = arg.keyword.value if arg.keyword is not None else None
            if arg.star:
                self.report(UNSEEN_WRITE, arg, what="**options", how="unpacked at run time")
                return
            if keyword is None or keyword in ("df", "table_name", "database", "schema",
                                              "chunk_size"):  # fmt: skip
                continue
            value = _literal(arg.value)
            if keyword not in WRITE_OPTIONS or value is None:
                why = "not a write_pandas option stc knows" if value is not None else "a value"
                self.report(UNSEEN_WRITE, arg, what=f"option {keyword}", how=why)
                return
            options[keyword] = value
        span = self.span(call)
        self.findings.writes.append(
            AllowedWrite(
                connection=conn.name,
                table=str(target["table_name"]),
                database=target.get("database"),
                schema=target.get("schema"),
                options=options,
                where=f"{self.module.rel}:{span.line}:{span.col}",
            )
        )

    def _check_params(
        self, params: cst.BaseExpression | None, found: Placeholders, call: cst.Call
    ) -> None:
        names, positional, expected = found.names, found.positional, found.describe()
        if params is None or (isinstance(params, cst.Name) and params.value == "None"):
            if names or positional:
                self.report(PARAMS_MISMATCH, call, why="no params= given", expected=expected)
            return
        if isinstance(params, cst.Dict):
            keys = [string_value(e.key) for e in params.elements if isinstance(e, cst.DictElement)]
            if len(keys) != len(params.elements) or None in keys:
                return  # ** or computed keys: cannot tell
            given = {k for k in keys if k is not None}
            if positional or given != set(names):
                why = _difference(given, set(names))
                self.report(PARAMS_MISMATCH, params, why=why, expected=expected)
        elif isinstance(params, cst.List | cst.Tuple):
            if any(isinstance(e, cst.StarredElement) for e in params.elements):
                return
            if names or len(params.elements) != positional:
                why = f"{len(params.elements)} positional value(s)"
                self.report(PARAMS_MISMATCH, params, why=why, expected=expected)

    def _text(self, node: cst.BaseExpression, seen: frozenset[int] = frozenset()) -> str | _Unread:
        """The string *node* evaluates to, when the source alone says it."""
        if isinstance(node, cst.SimpleString):
            value = node.evaluated_value
            return value if isinstance(value, str) else _Unread("a bytes literal", False)
        if isinstance(node, cst.ConcatenatedString):
            left, right = self._text(node.left, seen), self._text(node.right, seen)
            return _join(left, right, "an f-string")
        if isinstance(node, cst.FormattedString):
            return _plain_fstring(node) or _Unread("an f-string", True)
        if isinstance(node, cst.BinaryOperation):
            if isinstance(node.operator, cst.Add):
                left, right = self._text(node.left, seen), self._text(node.right, seen)
                return _join(left, right, "+ with a value")
            if isinstance(node.operator, cst.Modulo):
                return _Unread("% formatting", True)
        func = node.func if isinstance(node, cst.Call) else None
        if isinstance(func, cst.Attribute) and func.attr.value in _STRING_BUILDERS:
            return _Unread(f".{func.attr.value}()", True)
        if isinstance(node, cst.Name) and id(node) not in seen:
            bound = bound_value(self, node)
            if isinstance(bound, int):
                return _Unread(f"{node.value} is bound more than once", True)
            if isinstance(bound, cst.BaseExpression):
                return self._text(bound, seen | {id(node)})
            return _Unread(f"{node.value} is not a constant of this module", False)
        return _Unread("it is computed", False)

    def _is(self, node: cst.BaseExpression, name: str) -> bool:
        """Whether *node* is surely streamlit's *name* (``st.connection``, an alias…)."""
        last = name.rpartition(".")[2]
        if isinstance(node, cst.Attribute) and node.attr.value != last:
            return False
        if not isinstance(node, cst.Attribute | cst.Name):
            return False
        return qualified_names(self, node) == {name}


def _is_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def _literal(node: cst.BaseExpression) -> bool | int | float | str | None:
    """The value of a literal bool, number or string (``None`` for anything else)."""
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    if isinstance(node, cst.SimpleString | cst.Integer | cst.Float):
        try:
            value = ast.literal_eval(node.value)
        except (ValueError, SyntaxError):
            return None
        return value if isinstance(value, bool | int | float | str) else None
    return None


def _join(left: str | _Unread, right: str | _Unread, how: str) -> str | _Unread:
    if isinstance(left, str) and isinstance(right, str):
        return left + right
    for part in (left, right):
        if isinstance(part, _Unread) and part.dynamic and "bound more" in part.how:
            return part
    return _Unread(how, True)


def _plain_fstring(node: cst.FormattedString) -> str | None:
    """The value of an f-string with no ``{}`` fields: it is a plain string."""
    if any(not isinstance(p, cst.FormattedStringText) for p in node.parts):
        return None
    text = "".join(p.value for p in node.parts if isinstance(p, cst.FormattedStringText))
    prefix = node.prefix.lower().replace("f", "")
    quote = node.start[len(node.prefix) :]
    literal = f"{prefix}{quote}{text.replace('{{', '{').replace('}}', '}')}{node.end}"
    value = ast.literal_eval(literal)
    return value if isinstance(value, str) else None


def _returned(function: cst.FunctionDef) -> list[cst.BaseExpression]:
    """The values *function* returns (not those of functions nested in it)."""
    found: list[cst.BaseExpression] = []

    class Returns(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is function

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

        def visit_Return(self, node: cst.Return) -> None:
            if node.value is not None:
                found.append(node.value)

    function.visit(Returns())
    return found


def _difference(given: set[str], expected: set[str]) -> str:
    missing, extra = sorted(expected - given), sorted(given - expected)
    parts = [f"missing {', '.join(missing)}"] if missing else []
    parts += [f"unexpected {', '.join(extra)}"] if extra else []
    return "; ".join(parts) or "positional placeholders need a list of values"
