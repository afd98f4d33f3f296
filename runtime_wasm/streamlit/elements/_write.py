"""``st.write``, ``st.write_stream`` and ``st.echo``: commands that draw with the others.

What ``st.write`` makes of each argument: Streamlit 1.67's order is the spec.

Streamlit's ``WriteMixin.write`` (``streamlit/elements/write.py``) tries one kind of
value after another, and the first that fits decides, so the order is the behaviour: a
dict of pandas Series is a dataframe before it is JSON, a dataclass is help before it
is text, ``_repr_html_`` counts only with ``unsafe_allow_html`` and only when nothing
before it did. :data:`RULES` is that chain as a table, row for row, so the two read side
by side. The checks go by type name (``streamlit/_types.py``): writing a dict never
imports pandas or Altair.

Strings, and the ``str()`` of values no rule claims, are gathered and written as one
Markdown element when another element comes, or at the end. Streamlit writes it through
``st.empty()``, which it then replaces: its AppTest shows the Markdown element alone,
so here it is written directly, and stc's AppTest shows the same.

``st.write_stream`` writes text chunks into one Markdown slot as they come (OpenAI and
LangChain chunks as their text); ``st.echo`` shows the source of its ``with`` block.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import textwrap
import traceback
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import Callable, ItemsView, Iterator, KeysView, ValuesView
from contextlib import contextmanager
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..._context import current
from ..._errors import StreamlitAPIException, StreamlitInvalidParameterTypeError
from ..._script import ORIGINALS
from .._base import DGBase
from .._roots import main_dg
from .._types import (
    has_callable_attr,
    is_altair_chart,
    is_custom_dict,
    is_dataframe_like,
    is_delta_generator,
    is_graphviz_chart,
    is_namedtuple,
    is_openai_chunk,
    is_openai_response_event,
    is_pillow_image,
    is_plotly_chart,
    is_pydantic_model,
    is_pydeck,
    is_sequence_of_pydantic_models,
    is_sympy_expression,
    is_type,
)

if TYPE_CHECKING:
    from .._dg import DeltaGenerator

__all__ = ["RULES", "Rule", "StreamingOutput", "WriteMixin", "echo", "write_args"]


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
            # A command stc lacks (in _registry.NOT_YET) raises its
            # standard "`st.X` is not available in stc yet" error here.
            getattr(self.dg, rule.show)(arg)
        else:
            rule.show(self, arg)

    def flush(self) -> None:
        if self.text:
            self.dg.markdown(" ".join(self.text), unsafe_allow_html=self.unsafe_allow_html)
            self.text.clear()


def write_args(dg: DeltaGenerator, args: tuple[Any, ...], unsafe_allow_html: bool) -> None:
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
    return is_type(arg, "matplotlib.figure.Figure")


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
        or is_custom_dict(arg)
        or is_namedtuple(arg)
        or is_pydantic_model(arg)
        or is_sequence_of_pydantic_models(arg)
    )


def _is_stream(arg: Any) -> bool:
    return (
        inspect.isgenerator(arg)
        or inspect.isgeneratorfunction(arg)
        or inspect.isasyncgenfunction(arg)
        or inspect.isasyncgen(arg)
        or is_type(arg, "openai.Stream")
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
    return has_callable_attr(arg, "_repr_html_")


def _converts_to_dataframe(arg: Any) -> bool:
    """Has ``to_pandas`` or the dataframe interchange protocol."""
    return has_callable_attr(arg, "to_pandas") or has_callable_attr(arg, "__dataframe__")


def _anything(arg: Any) -> bool:
    return True


RULES: tuple[Rule, ...] = (
    Rule(_instance_of(str), _gather, flushes=False),
    Rule(_instance_of(StreamingOutput), _replay),
    Rule(_instance_of(Exception), "exception"),
    Rule(is_delta_generator, "help"),
    Rule(is_dataframe_like, "dataframe"),
    Rule(is_altair_chart, "altair_chart"),
    Rule(_is_matplotlib_figure, "pyplot"),
    Rule(is_plotly_chart, "plotly_chart"),
    Rule(is_graphviz_chart, "graphviz_chart"),
    Rule(is_sympy_expression, "latex"),
    Rule(is_pillow_image, "image"),
    # Streamlit draws a Keras model here, as the graphviz chart of its layers (through
    # TensorFlow's model_to_dot). No rule: TensorFlow does not run in Pyodide, so no
    # Keras model can reach st.write.
    Rule(_is_json_like, "json"),
    Rule(is_pydeck, "pydeck_chart"),
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


# -- the commands -----------------------------------------------------------------


class WriteMixin(DGBase):
    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        """Write each argument the way its type asks for, as ``st.write`` does (``_write``)."""
        if len(args) == 1 and isinstance(args[0], str):
            self.markdown(args[0], unsafe_allow_html=unsafe_allow_html)  # type: ignore[attr-defined]
            return
        dg = self._active(current())
        if dg._slot is not None and len(args) > 1:  # st.empty() and element handles
            raise StreamlitAPIException(
                "Cannot replace a single element with multiple elements.\n\n"
                "The `write()` method only supports multiple elements when inserting "
                "elements rather than replacing. That is, only when called as "
                "`st.write()` or `st.sidebar.write()`."
            )
        write_args(cast("DeltaGenerator", self), args, unsafe_allow_html)

    def write_stream(
        self,
        stream: Any,
        *,
        cursor: str | None = None,
    ) -> list[Any] | str:
        if isinstance(stream, str) or is_dataframe_like(stream):
            raise StreamlitInvalidParameterTypeError(
                "stream",
                type(stream).__name__,
                ["generator", "stream-like object"],
                detail="Please use `st.write` instead for this data type.",
            )
        if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
            stream = stream()
        if inspect.isasyncgen(stream):
            raise StreamlitAPIException(
                "stc cannot iterate an async generator inside a synchronous "
                "`st.write_stream()` call in the browser; use a plain generator."
            )
        try:
            iterator = iter(stream)
        except TypeError as exc:
            raise StreamlitAPIException(
                f"The provided input (type: {type(stream)}) cannot be iterated. "
                "Please make sure that it is a generator, generator function or iterable."
            ) from exc
        written = StreamingOutput()
        text = ""
        slot: Any = None
        for chunk in iterator:
            chunk = _chunk_text(chunk)
            if isinstance(chunk, str):
                if not chunk:
                    continue
                first = slot is None
                if first:
                    slot = self.empty()  # type: ignore[attr-defined]
                text += chunk
                slot.markdown(text + ("" if first else (cursor or "")))
            else:
                if slot is not None:
                    slot.markdown(text)
                    written.append(text)
                    slot, text = None, ""
                if callable(chunk):
                    chunk()
                else:
                    self.write(chunk)
                    written.append(chunk)
        if slot is not None:
            slot.markdown(text)
            written.append(text)
        if not written:
            return ""
        if len(written) == 1 and isinstance(written[0], str):
            return str(written[0])
        return written


# Responses API events that carry text; the others (lifecycle, tool calls…) carry none.
_OPENAI_TEXT_EVENTS = frozenset({"response.output_text.delta", "response.refusal.delta"})


def _chunk_text(chunk: Any) -> Any:
    """OpenAI chat-completion chunks and Responses API events, and LangChain message
    chunks, as their text (Streamlit's rules); any other chunk as it is."""
    if is_openai_chunk(chunk):
        try:
            empty = len(chunk.choices) == 0 or chunk.choices[0].delta is None
            chunk = "" if empty else chunk.choices[0].delta.content or ""
        except AttributeError as err:
            raise _parse_failed("OpenAI ChatCompletionChunk", "chunk", "OpenAI") from err
    elif is_openai_response_event(chunk):
        try:
            chunk = (chunk.delta or "") if chunk.type in _OPENAI_TEXT_EVENTS else ""
        except AttributeError as err:
            raise _parse_failed("OpenAI Response stream event", "event", "OpenAI") from err
    if is_type(chunk, "langchain_core.messages.ai.AIMessageChunk"):
        try:
            chunk = chunk.content or ""
        except AttributeError as err:
            raise _parse_failed("LangChain AIMessageChunk", "chunk", "LangChain") from err
    return chunk


def _parse_failed(what: str, part: str, library: str) -> StreamlitAPIException:
    return StreamlitAPIException(
        f"Failed to parse the {what}. The most likely cause is a change of the {part} "
        f"object structure due to a recent {library} update. You might be able to fix "
        f"this by downgrading the {library} library or upgrading Streamlit. Also, please "
        "report this issue to: https://github.com/streamlit/streamlit/issues."
    )


# -- st.echo ------------------------------------------------------------------------


def _source_lines(filename: str) -> list[str]:
    """The file's lines, from the original the compiler kept when it rewrote the file."""
    path = Path(filename)
    app_dir = Path(current().script_path).parent
    try:
        original = app_dir / ORIGINALS / path.resolve().relative_to(app_dir.resolve())
        if original.is_file():
            path = original
    except ValueError:
        pass
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _echo_block(lines: list[str], with_line: int) -> str:
    nodes: dict[int, Any] = {}

    def collect(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if hasattr(child, "lineno"):
                nodes.setdefault(child.lineno, child)
            collect(child)

    collect(ast.parse("".join(lines)))
    node = nodes[with_line]
    first = node.body[0]
    start = min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", [])])
    return textwrap.dedent("".join(lines[start - 1 : node.end_lineno]))


@contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """Run the ``with`` block and show its source code above (or below) its output."""
    main = main_dg()
    placeholder = None if code_location == "below" else main.empty()
    code_string: str | None = None
    error: str | None = None
    try:
        frame = traceback.extract_stack()[-3]
        code_string = _echo_block(_source_lines(frame.filename), frame.lineno or 0)
    except (OSError, SyntaxError, KeyError, AttributeError, IndexError) as exc:
        error = f"Unable to display code. {exc}"
    yield
    target: Any = main if placeholder is None else placeholder
    if code_string is not None:
        target.code(code_string, "python")
    elif error is not None:
        target.warning(error)
