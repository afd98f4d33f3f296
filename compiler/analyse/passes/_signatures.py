"""Whether an ``st.*`` call fits the command's parameters, judged as Python binds it.

The parameters are the runtime's (:func:`runtime_wasm.streamlit._registry.signature`, which
match Streamlit 1.67's); the call is judged on its source, so only what is certain is
reported. A ``*args`` in the call may fill any positional parameter and a
``**kwargs`` any parameter, so with them a missing argument or a value given twice
is not judged; they never hide a keyword the command does not have, or more
positional arguments than it takes. Problems are looked for in the order CPython
finds them (each keyword in turn, the count of positional arguments, missing ones;
a repeated keyword never gets here: CPython's compiler rejects the file, STC001)
and the first is reported, in CPython's words, without ``self`` and with the name
as the user knows it::

    st.title() got an unexpected keyword argument 'foo'
"""

from __future__ import annotations

import functools
import inspect
import types
from dataclasses import dataclass

import libcst as cst

from runtime_wasm.streamlit import _registry

__all__ = ["Mismatch", "Params", "mismatch", "parameters", "shown"]

_P = inspect.Parameter
_BY_POSITION = (_P.POSITIONAL_ONLY, _P.POSITIONAL_OR_KEYWORD)


@dataclass(frozen=True, kw_only=True)
class Params:
    """A command's parameters as binding needs them (``self`` is not among them)."""

    signature: inspect.Signature
    positional: tuple[str, ...]  # in order, positional-only ones first
    positional_only: frozenset[str]
    keyword_only: tuple[str, ...]
    optional: frozenset[str]  # the parameters with a default
    var_positional: bool  # *args
    var_keyword: bool  # **kwargs

    @classmethod
    def of(cls, signature: inspect.Signature) -> Params:
        params = signature.parameters.values()
        kinds = {p.kind for p in params}
        return cls(
            signature=signature,
            positional=tuple(p.name for p in params if p.kind in _BY_POSITION),
            positional_only=frozenset(p.name for p in params if p.kind is _P.POSITIONAL_ONLY),
            keyword_only=tuple(p.name for p in params if p.kind is _P.KEYWORD_ONLY),
            optional=frozenset(p.name for p in params if p.default is not _P.empty),
            var_positional=_P.VAR_POSITIONAL in kinds,
            var_keyword=_P.VAR_KEYWORD in kinds,
        )


@functools.cache
def parameters(command: str) -> Params | None:
    """:func:`runtime_wasm.streamlit._registry.signature` of *command*, ready for binding: made
    once per command, since every ``st.*`` call of every module asks."""
    signature = _registry.signature(command)
    return None if signature is None else Params.of(signature)


@dataclass(frozen=True, kw_only=True)
class Mismatch:
    """Why a call cannot bind, and where: the offending argument, or the whole call."""

    message: str
    node: cst.CSTNode


@dataclass(frozen=True)
class _Call:
    """A call as the binding sees it: the command's name and parameters, the arguments."""

    name: str  # "st.title"
    params: Params
    node: cst.Call
    given: list[cst.Arg]  # the plain positional arguments (a ``*`` may add more)
    keywords: list[tuple[str, cst.Arg]]
    star: bool
    double_star: bool


def mismatch(name: str, params: Params, node: cst.Call) -> Mismatch | None:
    """The first reason *node*, a call of the command *name* (``"st.title"``), cannot
    bind to *params*; ``None`` when it binds or a ``*``/``**`` leaves it open."""
    call = _Call(
        name,
        params,
        node,
        given=[a for a in node.args if not a.star and a.keyword is None],
        keywords=[(a.keyword.value, a) for a in node.args if a.keyword is not None],
        star=any(a.star == "*" for a in node.args),
        double_star=any(a.star == "**" for a in node.args),
    )
    return _keyword(call) or _too_many(call) or _missing(call)


def _keyword(call: _Call) -> Mismatch | None:
    """A keyword no parameter takes, or one for a parameter already given by position."""
    params = call.params
    for keyword, arg in call.keywords:
        if keyword in params.positional and keyword not in params.positional_only:
            if params.positional.index(keyword) < len(call.given):
                return Mismatch(
                    message=f"{call.name}() got multiple values for argument '{keyword}'",
                    node=arg,
                )
        elif keyword not in params.keyword_only and not params.var_keyword:
            wrong = [(k, a) for k, a in call.keywords if k in params.positional_only]
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
    return None


def _too_many(call: _Call) -> Mismatch | None:
    """More positional arguments than the parameters take (a ``*`` only adds more)."""
    params, given = call.params, call.given
    if params.var_positional or len(given) <= len(params.positional):
        return None
    most = len(params.positional)
    least = sum(1 for p in params.positional if p not in params.optional)
    takes = f"from {least} to {most}" if least < most else str(most)
    plural = "s" if least < most or most != 1 else ""
    kwonly = sum(1 for k, _ in call.keywords if k in params.keyword_only)
    count = f"at least {len(given)}" if call.star else str(len(given))
    if kwonly:
        count += (
            f" positional argument{'s' if len(given) != 1 else ''} "
            f"(and {kwonly} keyword-only argument{'s' if kwonly != 1 else ''})"
        )
    verb = "was" if len(given) == 1 and not kwonly and not call.star else "were"
    return Mismatch(
        message=f"{call.name}() takes {takes} positional argument{plural} but {count} {verb} given",
        node=given[most],
    )


def _missing(call: _Call) -> Mismatch | None:
    """Required parameters nothing fills: a ``*`` may fill any positional one, a ``**``
    any one at all."""
    if call.double_star:
        return None
    params = call.params
    named = {k for k, _ in call.keywords}
    lacking = [
        p
        for p in params.positional[len(call.given) :]
        if p not in params.optional and p not in named
    ]
    kind = "positional"
    if call.star or not lacking:
        kind = "keyword-only"
        lacking = [p for p in params.keyword_only if p not in params.optional and p not in named]
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
