"""The placeholders of an SQL statement, found the way its driver finds them.

The proxy binds exactly the parameters the allowlist names, so the compiler must see
the placeholders the driver will see:

- ``sql`` connections run the text through SQLAlchemy's ``text()``, whose bind
  parameters are ``:name`` (its own regular expression, applied to the whole text:
  SQLAlchemy does not skip quoted strings either; ``\\:`` escapes, ``::`` is a cast);
- ``snowflake`` connections hand it to snowflake-connector-python: ``%(name)s`` and
  ``%s`` (its default, client-side ``pyformat``), or ``?`` and ``:1`` (``qmark`` and
  ``numeric``), which are counted outside quoted strings and comments.

Positional placeholders are named ``"1"``, ``"2"``… in the allowlist, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Placeholders", "placeholders"]

# sqlalchemy.sql.elements.TextClause._bind_params_regex
_SQLALCHEMY = re.compile(r"(?<![:\w\\]):(\w+)(?!:)")
_PYFORMAT = re.compile(r"%\((\w+)\)s")
_FORMAT = re.compile(r"(?<!%)%s")
_NUMERIC = re.compile(r"(?<![:\w]):(\d+)\b")
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/", re.DOTALL)


@dataclass(frozen=True, kw_only=True)
class Placeholders:
    """Named placeholders in order of first use, or a count of positional ones."""

    names: tuple[str, ...] = ()
    positional: int = 0

    @property
    def params(self) -> tuple[str, ...]:
        """What the allowlist records: the names, or ``"1"``…``"n"``."""
        return self.names or tuple(str(i) for i in range(1, self.positional + 1))

    def describe(self) -> str:
        if self.names:
            return "placeholders " + ", ".join(self.names)
        if self.positional:
            return f"{self.positional} positional placeholder(s)"
        return "no placeholders"


def placeholders(sql: str, kind: str | None) -> Placeholders:
    """The placeholders of *sql* for a connection of *kind* (``sql`` when unknown)."""
    if kind == "snowflake":
        named = _PYFORMAT.findall(sql.replace("%%", ""))
        if named:
            return Placeholders(names=tuple(dict.fromkeys(named)))
        bare = _QUOTED.sub(" ", sql)
        numbers = [int(n) for n in _NUMERIC.findall(bare)]
        count = len(_FORMAT.findall(sql.replace("%%", ""))) + bare.count("?")
        return Placeholders(positional=max([count, *numbers]))
    return Placeholders(names=tuple(dict.fromkeys(_SQLALCHEMY.findall(sql))))
