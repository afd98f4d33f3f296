"""Whether an ``st.*`` call fits the command's parameters, judged as Python binds it.

The parameters are the runtime's (:func:`runtime_wasm._registry.signatures`, which
match Streamlit 1.67's); the call is judged on its source, so only what is certain is
reported. A ``*args`` in the call may fill any positional parameter and a
``**kwargs`` any parameter, so with them a missing argument or a value given twice
is not judged; they never hide a keyword the command does not have, or more
positional arguments than it takes. Problems are looked for in the order CPython
finds them (a repeated keyword, each keyword in turn, the count of positional
arguments, missing ones) and the first is reported, in CPython's words, without
``self`` and with the name as the user knows it::

    st.title() got an unexpected keyword argument 'foo'
"""

from __future__ import annotations

import inspect
import types
from dataclasses import dataclass

import libcst as cst

__all__ = ["Mismatch", "mismatch", "shown"]

_P = inspect.Parameter
_BY_POSITION = (_P.POSITIONAL_ONLY, _P.POSITIONAL_OR_KEYWORD)
_BY_KEYWORD = (_P.POSITIONAL_OR_KEYWORD, _P.KEYWORD_ONLY)


@dataclass(frozen=True, kw_only=True)
class Mismatch:
    """Why a call cannot bind, and where: the offending argument, or the whole call."""

    message: str
    node: cst.CSTNode


@dataclass(frozen=True)
class _Call:
    """A call as the binding sees it: its name, the parameters, the arguments."""

    name: str  # "st.title"
    node: cst.Call
    params: tuple[inspect.Parameter, ...]

    @property
    def given(self) -> list[cst.Arg]:
        """The plain positional arguments (``*`` may add more)."""
        return [a for a in self.node.args if not a.star and a.keyword is None]

    @property
    def keywords(self) -> list[tuple[str, cst.Arg]]:
        return [(a.keyword.value, a) for a in self.node.args if a.keyword is not None]

    def splat(self, star: str) -> bool:
        return any(a.star == star for a in self.node.args)

    def positional(self) -> list[inspect.Parameter]:
        return [p for p in self.params if p.kind in _BY_POSITION]

    def has(self, kind: inspect._ParameterKind) -> bool:
        return any(p.kind is kind for p in self.params)


def mismatch(name: str, signature: inspect.Signature, node: cst.Call) -> Mismatch | None:
    """The first reason *node*, a call of the command *name* (``"st.title"``), cannot
    bind to *signature*; ``None`` when it binds or a ``*``/``**`` leaves it open."""
    call = _Call(name, node, tuple(signature.parameters.values()))
    return _repeated(call) or _keyword(call) or _too_many(call) or _missing(call)


def _repeated(call: _Call) -> Mismatch | None:
    # A SyntaxError in CPython: the file does not even compile.
    seen: set[str] = set()
    for keyword, arg in call.keywords:
        if keyword in seen:
            return Mismatch(message=f"keyword argument repeated: {keyword}", node=arg)
        seen.add(keyword)
    return None


def _keyword(call: _Call) -> Mismatch | None:
    """A keyword no parameter takes, or one for a parameter already given by position."""
    by_name = {p.name: p for p in call.params if p.kind in _BY_KEYWORD}
    positional = call.positional()
    for keyword, arg in call.keywords:
        param = by_name.get(keyword)
        if param is None:
            if call.has(_P.VAR_KEYWORD):
                continue  # **kwargs takes it, a positional-only name too
            only = {p.name for p in positional if p.kind is _P.POSITIONAL_ONLY}
            wrong = [(k, a) for k, a in call.keywords if k in only]
            if wrong:
                names = ", ".join(k for k, _ in wrong)
                return Mismatch(
                    message=f"{call.name}() got some positional-only arguments passed as "
                    f"keyword arguments: '{names}'",
                    node=wrong[0][1],
                )
            return Mismatch(
                message=f"{call.name}() got an unexpected keyword argument '{keyword}'", node=arg
            )
        if param.kind is _P.POSITIONAL_OR_KEYWORD and positional.index(param) < len(call.given):
            return Mismatch(
                message=f"{call.name}() got multiple values for argument '{keyword}'", node=arg
            )
    return None


def _too_many(call: _Call) -> Mismatch | None:
    """More positional arguments than the parameters take (a ``*`` only adds more)."""
    positional, given = call.positional(), call.given
    if call.has(_P.VAR_POSITIONAL) or len(given) <= len(positional):
        return None
    most = len(positional)
    least = sum(1 for p in positional if p.default is _P.empty)
    takes = f"from {least} to {most}" if least < most else str(most)
    plural = "s" if least < most or most != 1 else ""
    keyword_only = {p.name for p in call.params if p.kind is _P.KEYWORD_ONLY}
    kwonly = sum(1 for k, _ in call.keywords if k in keyword_only)
    star = call.splat("*")
    count = f"at least {len(given)}" if star else str(len(given))
    if kwonly:
        count += (
            f" positional argument{'s' if len(given) != 1 else ''} "
            f"(and {kwonly} keyword-only argument{'s' if kwonly != 1 else ''})"
        )
    verb = "was" if len(given) == 1 and not kwonly and not star else "were"
    return Mismatch(
        message=f"{call.name}() takes {takes} positional argument{plural} but {count} {verb} given",
        node=given[most],
    )


def _missing(call: _Call) -> Mismatch | None:
    """Required parameters nothing fills: a ``*`` may fill any positional one, a ``**``
    any one at all."""
    if call.splat("**"):
        return None
    named = {k for k, _ in call.keywords}
    lacking = [
        p.name
        for i, p in enumerate(call.positional())
        if p.default is _P.empty and i >= len(call.given) and p.name not in named
    ]
    kind = "positional"
    if call.splat("*") or not lacking:
        kind = "keyword-only"
        lacking = [
            p.name
            for p in call.params
            if p.kind is _P.KEYWORD_ONLY and p.default is _P.empty and p.name not in named
        ]
    if not lacking:
        return None
    return Mismatch(
        message=f"{call.name}() missing {len(lacking)} required {kind} "
        f"argument{'s' if len(lacking) > 1 else ''}: {_listed(lacking)}",
        node=call.node,
    )


def _listed(names: list[str]) -> str:
    """CPython's list of names: 'a'; 'a' and 'b'; 'a', 'b', and 'c'."""
    quoted = [f"'{n}'" for n in names]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def shown(signature: inspect.Signature) -> str:
    """*signature* as a reader wants it in a hint: ``(body, anchor=None, *, help=None)``,
    no annotations, classes and modules by name (``format_func=str``)."""
    params = [
        p.replace(
            annotation=_P.empty,
            default=p.default if p.default is _P.empty else _Shown(_default(p.default)),
        )
        for p in signature.parameters.values()
    ]
    return str(signature.replace(parameters=params, return_annotation=inspect.Signature.empty))


class _Shown(str):
    """A default's text, which ``str(signature)`` shows as is (it shows ``repr``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


def _default(value: object) -> str:
    if isinstance(value, types.ModuleType):
        return value.__name__.removeprefix("runtime_wasm.")  # st.help(obj=streamlit)
    if isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
        return value.__name__
    return repr(value)
