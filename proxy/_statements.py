"""Checks on an allowlisted statement and its parameters before anything runs.

*One statement per query.* The compiler allowlists whatever text the app passes to
``query()``; if that text holds two statements (``select 1; delete from t``), the
proxy refuses it rather than trusting each driver's rule (sqlite3 refuses, psycopg
runs both when there are no parameters). A trailing ``;`` is fine. Quotes, quoted
identifiers, dollar quotes and comments are skipped, so a ``;`` inside them counts
for nothing.

*Parameters* are exactly the names the compiler found (``:kind`` → ``kind``), each a
JSON scalar: the values are bound, never spliced, and a nested object or list is
refused because no driver binds one to a single placeholder the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from proxy._errors import QueryRefused
from runtime_wasm.connections import AllowedQuery

__all__ = ["check_params", "is_single_statement", "to_qmark"]

# SQLAlchemy's own rule for text() bind names (TextClause._bind_params_regex), so a
# Snowflake statement's parameters are found where SQLAlchemy would find them.
_BIND = re.compile(r"(?<![:\w\x5c]):(\w+)(?!:)", re.UNICODE)
_DOLLAR = re.compile(r"\$([A-Za-z_]\w*)?\$")


def check_params(query: AllowedQuery, params: Any) -> dict[str, Any]:
    """The parameters to bind, or :class:`QueryRefused` ``bad-params``."""
    if not isinstance(params, Mapping):
        raise QueryRefused("bad-params", "params must be a JSON object of name → value")
    expected, given = set(query.params), set(params)
    if given != expected:
        missing, extra = sorted(expected - given), sorted(given - expected)
        parts = [f"missing {', '.join(missing)}"] if missing else []
        parts += [f"unexpected {', '.join(extra)}"] if extra else []
        raise QueryRefused(
            "bad-params", f"parameters do not match the statement: {'; '.join(parts)}"
        )
    for name, value in params.items():
        if value is not None and not isinstance(value, str | int | float | bool):
            raise QueryRefused(
                "bad-params", f"parameter {name!r} must be a string, number, boolean or null"
            )
    return dict(params)


def is_single_statement(sql: str) -> bool:
    """Whether *sql* holds one statement (a trailing ``;`` allowed)."""
    i, n = 0, len(sql)
    while i < n:
        char = sql[i]
        if char in "'\"`":
            end = sql.find(char, i + 1)
            while end != -1 and sql[end + 1 : end + 2] == char:  # doubled quote escapes
                end = sql.find(char, end + 2)
            i = n if end == -1 else end + 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end == -1 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end == -1 else end + 2
        elif char == "$" and (tag := _DOLLAR.match(sql, i)) and (i == 0 or not _word(sql[i - 1])):
            end = sql.find(tag.group(0), tag.end())
            i = n if end == -1 else end + len(tag.group(0))
        elif char == ";":
            return _only_noise(sql[i + 1 :])
        else:
            i += 1
    return True


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _only_noise(rest: str) -> bool:
    """Whether *rest* is only whitespace, comments and ``;``."""
    text = re.sub(r"--[^\n]*|/\*.*?\*/", "", rest, flags=re.DOTALL)
    return not text.replace(";", "").strip()


def to_qmark(sql: str, params: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """*sql* with ``:name`` placeholders as ``?`` and the values in that order, for
    snowflake-connector-python's server-side ``qmark`` binding."""
    values: list[Any] = []

    def bind(match: re.Match[str]) -> str:
        values.append(params[match.group(1)])
        return "?"

    return _BIND.sub(bind, sql), values
