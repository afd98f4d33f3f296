"""What ``st.write`` makes of each argument. Streamlit 1.67's order is the spec.

Streamlit's ``WriteMixin.write`` (``streamlit/elements/write.py``) tries one kind of
value after another, and the first that fits decides, so the order is the behaviour: a
dict of pandas Series is a dataframe before it is JSON, a dataclass is help before it
is text, ``_repr_html_`` counts only with ``unsafe_allow_html`` and only when nothing
before it did. :data:`RULES` is that chain as a table, row for row, so the two read side
by side. The checks go by type name (:mod:`._types`): writing a dict never imports
pandas or Altair.

Strings, and the ``str()`` of values no rule claims, are gathered and written as one
Markdown element when another element comes, or at the end. Streamlit writes it through
``st.empty()``, which it then replaces: its AppTest shows the Markdown element alone,
so here it is written directly, and stc's AppTest shows the same.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import Callable, ItemsView, KeysView, ValuesView
from dataclasses import dataclass
from io import StringIO
from typing import TYPE_CHECKING, Any

from . import _types

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

__all__ = ["RULES", "Rule", "StreamingOutput", "write"]


class StreamingOutput(list[Any]):
    """What ``st.write_stream`` returns when it wrote more than one piece: ``st.write``
    writes each piece again, where a plain list would be JSON."""


Show = Callable[["_Writer", Any], None]


@dataclass(frozen=True)
class Rule:
    """An argument that ``matches`` is shown by ``show``: the name of the ``st`` command
    it is passed to, or a function. ``flushes``: the text gathered so far is written
    first. ``unsafe_html_only``: the rule counts only with ``unsafe_allow_html=True``."""

    matches: Callable[[Any], bool]
    show: str | Show
    flushes: bool = True
    unsafe_html_only: bool = False


class _Writer:
    def __init__(self, dg: DeltaGenerator, unsafe_allow_html: bool) -> None:
        self.dg = dg
        self.unsafe_allow_html = unsafe_allow_html
        self.text: list[str] = []

    def write(self, arg: Any) -> None:
        rule = next(
            r
            for r in RULES
            if (self.unsafe_allow_html or not r.unsafe_html_only) and r.matches(arg)
        )
        if rule.flushes:
            self.flush()
        if isinstance(rule.show, str):
            # A command stc lacks (in _registry.NOT_YET, as pydeck_chart is) raises its
            # standard "`st.X` is not available in stc yet" error here.
            getattr(self.dg, rule.show)(arg)
        else:
            rule.show(self, arg)

    def flush(self) -> None:
        if self.text:
            self.dg.markdown(" ".join(self.text), unsafe_allow_html=self.unsafe_allow_html)
            self.text.clear()


def write(dg: DeltaGenerator, args: tuple[Any, ...], unsafe_allow_html: bool) -> None:
    """Write each of ``args`` into ``dg`` as ``st.write`` does."""
    writer = _Writer(dg, unsafe_allow_html)
    for arg in args:
        writer.write(arg)
    writer.flush()


# -- how -------------------------------------------------------------------------------


def _gather(writer: _Writer, text: str) -> None:
    writer.text.append(text)


def _replay(writer: _Writer, output: StreamingOutput) -> None:
    for item in output:
        if callable(item):
            item()
        else:
            writer.dg.write(item, unsafe_allow_html=writer.unsafe_allow_html)


def _markdown_of_value(writer: _Writer, buffer: StringIO) -> None:
    writer.dg.markdown(buffer.getvalue())


def _html(writer: _Writer, arg: Any) -> None:
    writer.dg.html(arg._repr_html_())


_MEM_ADDRESS = re.compile(r"^\<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-fA-F]+\>$")


def _str_of(writer: _Writer, arg: Any) -> None:
    """``str(arg)`` as inline code, fenced code if it has several lines; ``st.help``
    if it is only a type and an address (``<Foo object at 0x…>``)."""
    text = str(arg)
    if _MEM_ADDRESS.match(text):
        writer.flush()
        writer.dg.help(arg)
        return
    # Longer runs of backticks than any inside, so that none ends the code early.
    run = max((len(m) for m in re.findall("`+", text)), default=0)
    if "\n" in text:
        fence = "`" * max(3, run + 1)
        writer.text.append(f"{fence}\n{text}\n{fence}")
    else:
        fence = "`" * (run + 1)
        writer.text.append(f"{fence}{text}{fence}")


# -- what ------------------------------------------------------------------------------


def _instance_of(*classes: type) -> Callable[[Any], bool]:
    def matches(arg: Any) -> bool:
        return isinstance(arg, classes)

    return matches


def _is_matplotlib_figure(arg: Any) -> bool:
    return _types.is_type(arg, "matplotlib.figure.Figure")


def _is_json_like(arg: Any) -> bool:
    return (
        isinstance(
            arg,
            dict
            | list
            | map
            | enumerate
            | types.MappingProxyType
            | UserDict
            | ChainMap
            | UserList
            | ItemsView
            | KeysView
            | ValuesView,
        )
        or _types.is_custom_dict(arg)
        or _types.is_namedtuple(arg)
        or _types.is_pydantic_model(arg)
        or _types.is_sequence_of_pydantic_models(arg)
    )


def _is_stream(arg: Any) -> bool:
    return (
        inspect.isgenerator(arg)
        or inspect.isgeneratorfunction(arg)
        or inspect.isasyncgenfunction(arg)
        or inspect.isasyncgen(arg)
        or _types.is_type(arg, "openai.Stream")
    )


_HELP_TYPES = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)


def _is_help_type(arg: Any) -> bool:
    """Functions, methods, modules; dataclasses and their instances."""
    return isinstance(arg, _HELP_TYPES) or dataclasses.is_dataclass(arg)


def _has_repr_html(arg: Any) -> bool:
    return _types.has_callable_attr(arg, "_repr_html_")


def _converts_to_dataframe(arg: Any) -> bool:
    """Has ``to_pandas`` or the dataframe interchange protocol."""
    return _types.has_callable_attr(arg, "to_pandas") or _types.has_callable_attr(
        arg, "__dataframe__"
    )


def _anything(arg: Any) -> bool:
    return True


RULES: tuple[Rule, ...] = (
    Rule(_instance_of(str), _gather, flushes=False),
    Rule(_instance_of(StreamingOutput), _replay),
    Rule(_instance_of(Exception), "exception"),
    Rule(_types.is_delta_generator, "help"),
    Rule(_types.is_dataframe_like, "dataframe"),
    Rule(_types.is_altair_chart, "altair_chart"),
    Rule(_is_matplotlib_figure, "pyplot"),
    Rule(_types.is_plotly_chart, "plotly_chart"),
    Rule(_types.is_graphviz_chart, "graphviz_chart"),
    Rule(_types.is_sympy_expression, "latex"),
    Rule(_types.is_pillow_image, "image"),
    # Streamlit draws a Keras model here, as the graphviz chart of its layers (through
    # TensorFlow's model_to_dot). No rule: TensorFlow does not run in Pyodide, so no
    # Keras model can reach st.write.
    Rule(_is_json_like, "json"),
    Rule(_types.is_pydeck, "pydeck_chart"),
    Rule(_instance_of(StringIO), _markdown_of_value),
    Rule(_is_stream, "write_stream"),
    Rule(_is_help_type, "help"),
    Rule(inspect.isclass, "help"),
    # As in Streamlit, the text gathered so far is not written first: the HTML comes
    # before it.
    Rule(_has_repr_html, _html, flushes=False, unsafe_html_only=True),
    Rule(_converts_to_dataframe, "dataframe"),
    Rule(_anything, _str_of, flushes=False),
)
