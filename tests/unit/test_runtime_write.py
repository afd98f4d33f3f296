"""``st.write``: each kind of value becomes the element Streamlit 1.67's ``write`` makes
of it, tried in Streamlit's order (``runtime_wasm/streamlit/elements/_write.py``).

Rows are values written and the elements they become, as ``(kind, what it shows)``:
the text of Markdown, HTML and LaTeX, the parsed value of JSON, the message of an
exception, and None for the rest. Must-not rows pin the near misses: a dict is JSON, not
a dataframe; a tuple is text, not JSON; a class is help where its instance may be text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from runtime_wasm.streamlit import _registry
from runtime_wasm.testing import AppTest

RunApp = Callable[[str], AppTest]
Shown = tuple[str, Any]

PRELUDE = """
import collections, dataclasses, io, types
import pandas as pd
import streamlit as st

@dataclasses.dataclass
class Point:
    x: int = 1

class Plain:
    pass

class Multi:
    def __str__(self):
        return "line1\\nline2"

class Ticks:
    def __str__(self):
        return "a `b` c"

class Html:
    def _repr_html_(self):
        return "<b>bold</b>"

class Frameish:
    def to_pandas(self):
        return pd.DataFrame({"t": [1]})

class Text(str):
    pass

class Reprs:
    def __str__(self):
        return "<weird at 0xZZ>"

Pair = collections.namedtuple("Pair", "a b")

def words():
    yield "a"
    yield "b"

def mixed():
    yield "text"
    yield {"k": 1}
    yield lambda: st.caption("called")
"""


def _shown(element: Any) -> Iterator[Shown]:
    kind, props = element.type, element.props
    if kind in ("markdown", "html", "latex", "caption"):
        yield kind, props["body"]
    elif kind == "json":
        yield kind, json.loads(props["body"])
    elif kind == "exception":
        yield kind, props["message"]
    else:
        yield kind, None


def shown(at: AppTest) -> list[Shown]:
    return [s for element in at.main.children for s in _shown(element)]


ROWS = [
    # -- strings and the str() of what no rule claims ---------------------------------
    pytest.param("'**x**'", [("markdown", "**x**")], id="str"),
    pytest.param("Text('t')", [("markdown", "t")], id="str-subclass-is-text"),
    pytest.param("'a', 'b'", [("markdown", "a b")], id="strings-joined"),
    pytest.param("'x', 3", [("markdown", "x `3`")], id="number-inline-code"),
    pytest.param("True, None", [("markdown", "`True` `None`")], id="bool-none"),
    pytest.param("(1, 2)", [("markdown", "`(1, 2)`")], id="tuple-is-text-not-json"),
    pytest.param("{1, 2}", [("markdown", "`{1, 2}`")], id="set-is-text-not-json"),
    pytest.param("range(2)", [("markdown", "`range(0, 2)`")], id="range-is-text"),
    pytest.param("Multi()", [("markdown", "```\nline1\nline2\n```")], id="multiline-fenced"),
    pytest.param("'a\\nb', 1", [("markdown", "a\nb `1`")], id="multiline-str-kept"),
    pytest.param("Ticks()", [("markdown", "``a `b` c``")], id="backticks-longer-fence"),
    pytest.param("'x', Multi(), 'y'", [("markdown", "x ```\nline1\nline2\n``` y")], id="mixed"),
    pytest.param("Reprs()", [("markdown", "`<weird at 0xZZ>`")], id="not-an-address"),
    pytest.param("KeyboardInterrupt('k')", [("markdown", "`k`")], id="base-exception-is-text"),
    # -- help ------------------------------------------------------------------------
    pytest.param("Plain()", [("help", None)], id="memory-address-is-help"),
    pytest.param("Plain", [("help", None)], id="class"),
    pytest.param("Multi", [("help", None)], id="class-not-its-str"),
    pytest.param("Point()", [("help", None)], id="dataclass-not-json"),
    pytest.param("Point", [("help", None)], id="dataclass-class"),
    pytest.param("len, types, Multi().__str__", [("help", None)] * 3, id="builtin-module-method"),
    pytest.param("st.sidebar", [("help", None)], id="delta-generator"),
    # Streamlit's fails here, where its checks take st.status's container for a DB cursor.
    pytest.param("st.status('s')", [("status", None), ("help", None)], id="status-container"),
    pytest.param(
        "'a', Plain(), 'b'",
        [("markdown", "a"), ("help", None), ("markdown", "b")],
        id="help-flushes-text",
    ),
    # -- exceptions ------------------------------------------------------------------
    pytest.param("ValueError('bad')", [("exception", "bad")], id="exception"),
    # -- JSON ------------------------------------------------------------------------
    pytest.param("{'a': 1}", [("json", {"a": 1})], id="dict-not-dataframe"),
    pytest.param("{'a': [1, 2]}", [("json", {"a": [1, 2]})], id="dict-of-lists-not-dataframe"),
    pytest.param("[{'a': 1}]", [("json", [{"a": 1}])], id="records-not-dataframe"),
    pytest.param("[1, 2]", [("json", [1, 2])], id="list"),
    pytest.param("Pair(1, 2)", [("json", {"a": 1, "b": 2})], id="namedtuple-as-dict"),
    pytest.param("map(str, [1])", [("json", ["1"])], id="map"),
    pytest.param("enumerate('ab')", [("json", [[0, "a"], [1, "b"]])], id="enumerate"),
    pytest.param("types.MappingProxyType({'m': 1})", [("json", {"m": 1})], id="mappingproxy"),
    pytest.param("collections.UserDict(u=1)", [("json", {"u": 1})], id="userdict"),
    pytest.param("collections.ChainMap({'c': 1})", [("json", {"c": 1})], id="chainmap"),
    pytest.param("collections.UserList([1])", [("json", [1])], id="userlist"),
    pytest.param("{'a': 1}.items()", [("json", [["a", 1]])], id="items"),
    pytest.param("{'a': 1}.keys()", [("json", ["a"])], id="keys"),
    pytest.param("{'a': 1}.values()", [("json", [1])], id="values"),
    pytest.param("collections.Counter('aa')", [("json", {"a": 2})], id="dict-subclass"),
    pytest.param("st.query_params", [("json", {})], id="streamlit-mapping"),
    pytest.param(
        "{'s': {1}, 'p': Point()}",
        [("json", {"s": [1], "p": "Point(x=1)"})],
        id="json-sets-as-lists-rest-as-repr",
    ),
    pytest.param("{(1, 2): 3}", [("warning", None), ("json", {})], id="json-unserialisable-keys"),
    pytest.param("{'data': [1]}", [("json", {"data": [1]})], id="dict-with-data-not-plotly"),
    # -- dataframes ------------------------------------------------------------------
    pytest.param("pd.DataFrame({'a': [1]})", [("dataframe", None)], id="dataframe"),
    pytest.param("pd.Series([1])", [("dataframe", None)], id="series"),
    pytest.param("pd.DataFrame({'a': [1]}).style", [("dataframe", None)], id="styler"),
    pytest.param("{'a': pd.Series([1])}", [("dataframe", None)], id="dict-of-series"),
    pytest.param("Frameish()", [("dataframe", None)], id="to-pandas"),
    # -- other elements --------------------------------------------------------------
    pytest.param("io.StringIO('**s**')", [("markdown", "**s**")], id="stringio"),
    pytest.param("words()", [("markdown", "ab")], id="generator"),
    pytest.param("words", [("markdown", "ab")], id="generator-function"),
    pytest.param(
        "st.write_stream(mixed)",
        # What the stream writes, then what st.write writes again of what it returned,
        # where callables are not kept.
        [
            *[("markdown", "text"), ("json", {"k": 1}), ("caption", "called")],
            *[("markdown", "text"), ("json", {"k": 1})],
        ],
        id="streaming-output-replayed",
    ),
    # -- _repr_html_ -----------------------------------------------------------------
    pytest.param("Html(), unsafe_allow_html=True", [("html", "<b>bold</b>")], id="repr-html"),
    pytest.param("Html()", [("help", None)], id="repr-html-needs-unsafe"),
    pytest.param("Plain(), unsafe_allow_html=True", [("help", None)], id="unsafe-no-repr-html"),
    pytest.param(
        "'a', Html(), 'b', unsafe_allow_html=True",
        [("html", "<b>bold</b>"), ("markdown", "a b")],
        id="repr-html-before-gathered-text",
    ),
]


@pytest.mark.parametrize(("args", "expected"), ROWS)
def test_write_makes_streamlits_element(run_app: RunApp, args: str, expected: list[Shown]) -> None:
    at = run_app(f"{PRELUDE}\nst.write({args})\n")
    assert shown(at) == expected  # an error raised would show as an exception element


CHART_ROWS = [
    pytest.param(
        "import altair as alt\nvalue = alt.Chart(pd.DataFrame({'a': [1]})).mark_point()",
        "altair_chart",
        id="altair",
    ),
    pytest.param(
        "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
        "value, _ = plt.subplots()",
        "pyplot",
        id="matplotlib",
    ),
    pytest.param(
        "import plotly.graph_objects as go\nvalue = go.Figure(go.Bar(y=[1]))",
        "plotly_chart",
        id="plotly",
    ),
    pytest.param(
        "import plotly.graph_objects as go\nvalue = [go.Bar(y=[1])]",
        "plotly_chart",
        id="plotly-traces",
    ),
    pytest.param(
        "import plotly.graph_objects as go\nvalue = {'data': [go.Bar(y=[1])]}",
        "plotly_chart",
        id="plotly-dict",
    ),
    pytest.param("import numpy as np\nvalue = np.array([[1, 2]])", "dataframe", id="numpy"),
    pytest.param("from PIL import Image\nvalue = Image.new('RGB', (2, 2))", "image", id="pil"),
]


@pytest.mark.parametrize(("setup", "kind"), CHART_ROWS)
def test_write_draws_charts_and_pictures(run_app: RunApp, setup: str, kind: str) -> None:
    at = run_app(f"{PRELUDE}\n{setup}\nst.write(value)\n")
    assert not at.exception, at.exception
    assert [e.type for e in at.main.children] == [kind]


def test_write_of_a_sympy_expression_is_latex(run_app: RunApp) -> None:
    at = run_app(f"{PRELUDE}\nimport sympy\nst.write(sympy.Symbol('x') ** 2)\n")
    assert shown(at) == [("latex", "x^{2}")]


@pytest.mark.parametrize(
    ("setup", "command"),
    [
        pytest.param(
            "class Digraph:\n    source, engine = 'digraph { a -> b }', 'dot'\n"
            "Digraph.__module__ = 'graphviz.graphs'\nvalue = Digraph()",
            "graphviz_chart",
            id="graphviz",
        ),
        # st.pydeck_chart draws the element Streamlit names deck_gl_json_chart
        pytest.param("import pydeck\nvalue = pydeck.Deck()", "deck_gl_json_chart", id="pydeck"),
    ],
)
def test_write_routes_to_commands_stc_may_lack(run_app: RunApp, setup: str, command: str) -> None:
    """Routed as Streamlit routes them; while stc lacks the command, its standard error."""
    at = run_app(f"{PRELUDE}\n{setup}\nst.write(value)\n")
    if command in _registry.NOT_YET:
        assert at.exception[0].value.startswith(f"`st.{command}` is not available in stc yet")
    else:
        assert not at.exception, at.exception
        assert [e.type for e in at.main.children] == [command]


def test_write_stream_takes_streamlits_chunks(run_app: RunApp) -> None:
    at = run_app(
        PRELUDE
        + """
class ChatCompletionChunk:  # what openai streams from chat.completions
    def __init__(self, content):
        delta = types.SimpleNamespace(content=content)
        self.choices = [types.SimpleNamespace(delta=delta)]
ChatCompletionChunk.__module__ = "openai.types.chat.chat_completion_chunk"

class ResponseTextDeltaEvent:  # what openai streams from responses
    def __init__(self, type, delta):
        self.type, self.delta = type, delta
ResponseTextDeltaEvent.__module__ = "openai.types.responses"

def stream():
    yield ChatCompletionChunk("a")
    yield ChatCompletionChunk(None)
    yield ResponseTextDeltaEvent("response.output_text.delta", "b")
    yield ResponseTextDeltaEvent("response.function_call_arguments.delta", "{}")
    yield ResponseTextDeltaEvent("response.refusal.delta", "c")

st.write(repr(st.write_stream(stream)))
"""
    )
    assert not at.exception, at.exception
    assert shown(at) == [("markdown", "abc"), ("markdown", "'abc'")]


@pytest.mark.parametrize("value", ["'text'", "pd.DataFrame({'a': [1]})", "{'a': pd.Series([1])}"])
def test_write_stream_refuses_what_st_write_is_for(run_app: RunApp, value: str) -> None:
    at = run_app(f"{PRELUDE}\nst.write_stream({value})\n")
    assert "Please use `st.write` instead for this data type." in at.exception[0].value


def test_writing_plain_values_imports_no_optional_package() -> None:
    code = """
import sys
from runtime_wasm.testing import AppTest
at = AppTest.from_string('''
import collections, io
import streamlit as st
class Plain:
    pass
st.write({"a": [1]}, [1], (1,), Plain(), Plain, io.StringIO("s"), collections.UserDict())
st.json({"a": 1})
''').run()
assert not at.exception, at.exception
heavy = {"pandas", "numpy", "pyarrow", "altair", "plotly", "matplotlib", "PIL", "sympy"}
print(sorted(heavy & set(sys.modules)))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
