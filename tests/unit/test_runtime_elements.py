"""Display elements (``st.write`` dispatch, text, data, alerts) and layout blocks."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pandas as pd  # type: ignore[import-untyped, unused-ignore]
import pytest

from runtime_wasm.testing import AppTest

RunApp = Callable[[str], AppTest]


def kinds_and_bodies(at: AppTest) -> list[tuple[str, Any]]:
    return [(n.type, n.props.get("body")) for n in at.main.children]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param("'a', 'b'", [("markdown", "a b")], id="strings-joined"),
        pytest.param("'x', 3", [("markdown", "x `3`")], id="number-inline-code"),
        pytest.param("2.5", [("markdown", "`2.5`")], id="float"),
        pytest.param("True, None", [("markdown", "`True` `None`")], id="bool-none"),
        pytest.param(
            "'a', {'k': 1}, 'b'",
            [("markdown", "a"), ("json", '{\n  "k": 1\n}'), ("markdown", "b")],
            id="dict-splits-markdown",
        ),
        pytest.param("[1, 2]", [("json", "[\n  1,\n  2\n]")], id="list-json"),
        pytest.param(
            "Multi()", [("markdown", "```\nline1\nline2\n```")], id="multiline-object-fenced"
        ),
        pytest.param("'has `tick`'", [("markdown", "has `tick`")], id="string-kept-as-is"),
    ],
)
def test_write_dispatch(run_app: RunApp, args: str, expected: list[tuple[str, Any]]) -> None:
    at = run_app(
        f"""
        import streamlit as st
        class Multi:
            def __str__(self):
                return "line1\\nline2"
        st.write({args})
        """
    )
    assert kinds_and_bodies(at) == expected


def test_write_exception_and_dataframe(run_app: RunApp) -> None:
    at = run_app(
        """
        import pandas as pd
        import streamlit as st
        st.write(ValueError("shown, not raised"))
        st.write(pd.DataFrame({"a": [1, 2]}))
        st.write("still running")
        """
    )
    assert [n.type for n in at.main.children] == ["exception", "dataframe", "markdown"]
    assert at.exception[0].value == "shown, not raised"
    assert at.exception[0].props["type"] == "ValueError"


@pytest.mark.parametrize(
    ("call", "kind", "body"),
    [
        pytest.param("st.title('T')", "title", "T"),
        pytest.param("st.header('H')", "header", "H"),
        pytest.param("st.subheader('S')", "subheader", "S"),
        pytest.param("st.markdown('**m**')", "markdown", "**m**"),
        pytest.param("st.markdown('''\n    indented\n    text''')", "markdown", "indented\ntext"),
        pytest.param("st.text('t')", "text", "t"),
        pytest.param("st.caption('c')", "caption", "c"),
        pytest.param("st.code('x = 1')", "code", "x = 1"),
        pytest.param("st.success('ok')", "success", "ok"),
        pytest.param("st.info('i')", "info", "i"),
        pytest.param("st.warning('w')", "warning", "w"),
        pytest.param("st.error('e')", "error", "e"),
        pytest.param("st.divider()", "divider", None),
    ],
)
def test_text_elements(run_app: RunApp, call: str, kind: str, body: Any) -> None:
    at = run_app(f"import streamlit as st\n{call}\n")
    (element,) = at.main.children
    assert element.type == kind
    assert element.props.get("body") == body
    assert list(at.get(kind).values) == [body]


def test_code_language_and_json_text(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        st.code("SELECT 1", language="sql")
        st.json({"a": [1, 2], "b": None})
        st.json('{"c": 1}')
        """
    )
    assert at.code[0].props["language"] == "sql"
    assert json.loads(at.json[0].value) == {"a": [1, 2], "b": None}
    assert json.loads(at.json[1].value) == {"c": 1}  # a JSON string is parsed first


@pytest.mark.parametrize(
    ("args", "value", "delta"),
    [
        pytest.param("'Temp', '70 °F', '1.2 °F'", "70 °F", "1.2 °F", id="strings"),
        pytest.param("'Temp', 70, -3", "70", "-3", id="numbers"),
        pytest.param("'Temp', 1.5", "1.5", None, id="no-delta"),
        pytest.param("'Temp', None", "—", None, id="no-value"),
        pytest.param("'Temp', 1, ''", "1", None, id="empty-delta"),
    ],
)
def test_metric(run_app: RunApp, args: str, value: str, delta: str | None) -> None:
    at = run_app(f"import streamlit as st\nst.metric({args})\n")
    (metric,) = at.metric
    assert (metric.value, metric.props["delta"], metric.props["label"]) == (value, delta, "Temp")


def test_metric_errors(run_app: RunApp) -> None:
    at = run_app("import streamlit as st\nst.metric('m', 1, delta_color='pink')\n")
    assert at.exception[0].value == (
        "'pink' is not an accepted value. delta_color only accepts: 'normal', 'inverse', or 'off'"
    )


@pytest.mark.parametrize(
    ("data", "columns", "rows"),
    [
        pytest.param(
            "{'a': [1, 2], 'b': ['x', 'y']}", ["a", "b"], [["1", "x"], ["2", "y"]], id="dict"
        ),
        pytest.param(
            "[{'a': 1, 'b': 2}, {'a': 3}]", ["a", "b"], [["1", "2"], ["3", "None"]], id="records"
        ),
        pytest.param("[[1, 2], [3, 4]]", ["0", "1"], [["1", "2"], ["3", "4"]], id="rows"),
        pytest.param("[5, 6]", ["0"], [["5"], ["6"]], id="flat"),
        pytest.param("pd.DataFrame({'n': [1.5, 2.0]})", ["n"], [["1.5"], ["2.0"]], id="pandas"),
    ],
)
@pytest.mark.parametrize("kind", ["table", "dataframe"])
def test_tables(run_app: RunApp, kind: str, data: str, columns: list[str], rows: Any) -> None:
    at = run_app(f"import pandas as pd\nimport streamlit as st\nst.{kind}({data})\n")
    (element,) = at.get(kind)
    assert element.props["columns"] == columns
    if kind == "table" and rows == [["1.5"], ["2.0"]]:
        rows = [["1.5000"], ["2.0000"]]  # st.table shows floats with four decimals
    assert element.props["rows"] == rows
    assert isinstance(element.value, pd.DataFrame)
    assert list(element.value.columns) == columns


def test_records_table_reads_keys_as_text_in_order_of_appearance() -> None:
    # Keys that read alike (1 and "1") share a column, and the first one in a record
    # wins; a record without a key shows None, as the quadratic reading this replaced.
    import random

    from runtime_wasm.streamlit.elements.lib._tables import normalise_table

    def reference(records: list[dict[Any, Any]]) -> Any:
        names: list[str] = []
        for record in records:
            names.extend(str(k) for k in record if str(k) not in names)
        first = [{str(k): v for k, v in reversed(list(r.items()))} for r in records]
        return names, None, [[str(f.get(c)) for c in names] for f in first]

    keys: list[Any] = ["a", "b", 1, "1", None, "None", (2,), "c"]
    chooser = random.Random(7)
    for _ in range(300):
        records = [
            {k: chooser.randrange(100) for k in chooser.sample(keys, chooser.randrange(5))}
            for _ in range(chooser.randrange(1, 6))
        ]
        assert normalise_table(records) == reference(records), records


def test_dataframe_keeps_a_pandas_index(run_app: RunApp) -> None:
    at = run_app(
        "import pandas as pd\nimport streamlit as st\n"
        "st.dataframe(pd.DataFrame({'v': [1, 2]}, index=['x', 'y']))\n"
    )
    assert at.dataframe[0].props["index"] == ["x", "y"]
    assert list(at.dataframe[0].value.index) == ["x", "y"]


def test_table_of_ragged_columns_is_an_error(run_app: RunApp) -> None:
    at = run_app("import streamlit as st\nst.table({'a': [1], 'b': [1, 2]})\n")
    assert at.exception[0].value == "All arrays must be of the same length."


def test_st_exception(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        try:
            raise KeyError("k")
        except KeyError as e:
            st.exception(e)
        st.write("after")
        """
    )
    assert at.exception[0].props["type"] == "KeyError"
    assert at.exception[0].stack_trace[0].endswith("line 4, in <module>")
    assert at.markdown.values == ["after"]


def test_unknown_command_is_an_api_error(run_app: RunApp) -> None:
    at = run_app("import streamlit as st\nst.sidebar.nonsense()\n")
    assert at.exception[0].value == "`nonsense()` is not a valid Streamlit command."


# -- layout -------------------------------------------------------------------------


def test_columns_with_int_weights_and_with_blocks(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        a, b, c = st.columns(3)
        left, right = st.columns([2, 1])
        with a:
            st.write("in a")
        b.button("in b")
        with right:
            st.write("right")
        left.write("left")
        """
    )
    assert not at.exception
    rows = at.main.children
    assert [len(r.children) for r in rows] == [3, 2]
    assert [col.weight for col in rows[1].children] == [2, 1]
    assert at.columns[0].markdown.values == ["in a"]
    assert at.columns[1].button[0].label == "in b"
    assert at.columns[3].markdown.values == ["left"]
    assert at.columns[4].markdown.values == ["right"]


@pytest.mark.parametrize(
    "spec", ["0", "-1", "[]", "[1, 0]", "[1, -2]", "['a']", "True"], ids=lambda s: s
)
def test_invalid_column_spec(run_app: RunApp, spec: str) -> None:
    at = run_app(f"import streamlit as st\nst.columns({spec})\n")
    assert at.exception[0].value == (
        "The `spec` argument to `st.columns` must be either a positive integer (number of "
        "columns) or a list of positive numbers (width ratios of the columns). See "
        "[documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
        "for more information."
    )


@pytest.mark.parametrize("spec", ["1", "[0.5]", "[1, 2.5]", "(1, 1)"], ids=lambda s: s)
def test_valid_column_spec(run_app: RunApp, spec: str) -> None:
    assert not run_app(f"import streamlit as st\nst.columns({spec})\n").exception


def test_sidebar_by_attribute_and_by_with(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        st.sidebar.title("S")
        with st.sidebar:
            st.write("inside")
            c = st.columns(2)
        c[0].write("in sidebar column")
        st.write("main")
        """
    )
    assert at.sidebar.markdown.values == ["inside", "in sidebar column"]
    assert at.sidebar.title.values == ["S"]
    assert at.main.markdown.values == ["main"]


def test_container_is_appended_to_after_later_elements(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        box = st.container(border=True)
        st.write("after")
        box.write("inside, written later")
        with box:
            st.write("inside too")
        """
    )
    first, second = at.main.children
    assert first.type == "container"
    assert first.props["border"] is True
    assert first.markdown.values == ["inside, written later", "inside too"]
    assert second.value == "after"


def test_empty_is_replaced_in_place(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        slot = st.empty()
        st.write("after")
        slot.write("one")
        slot.text("two")
        handle = st.text("old")
        handle.text("new")
        """
    )
    # What is written into the placeholder takes its place, as in Streamlit's tree.
    assert [n.type for n in at.main.children] == ["text", "markdown", "text"]
    assert at.text.values == ["two", "new"]
    assert at.markdown.values == ["after"]


@pytest.mark.parametrize(
    ("line", "fails"),
    [
        pytest.param("st.empty().write('a', 'b')", True, id="empty"),
        pytest.param("st.text('x').write('a', 'b')", True, id="element-handle"),
        pytest.param("st.empty().write('a')", False, id="empty-one-arg"),
        pytest.param("st.container().write('a', 'b')", False, id="container"),
    ],
)
def test_replacing_one_element_takes_one_write_argument(
    run_app: RunApp, line: str, fails: bool
) -> None:
    at = run_app(f"import streamlit as st\n{line}\n")
    assert bool(at.exception) is fails
    if fails:
        assert at.exception[0].value.startswith(
            "Cannot replace a single element with multiple elements."
        )


def test_expander_tabs_and_nesting(run_app: RunApp) -> None:
    at = run_app(
        """
        import streamlit as st
        with st.expander("More", expanded=True):
            st.write("hidden text")
            with st.container():
                c1, c2 = st.columns(2)
                c2.write("deep")
        t1, t2 = st.tabs(["One", "Two"])
        t2.write("second tab")
        with t1:
            st.write("first tab")
        """
    )
    assert not at.exception
    expander = at.expander[0]
    assert (expander.label, expander.props["expanded"]) == ("More", True)
    assert expander.markdown.values == ["hidden text", "deep"]
    assert [t.label for t in at.tabs] == ["One", "Two"]
    assert at.tabs[0].markdown.values == ["first tab"]
    assert at.tabs[1].markdown.values == ["second tab"]


def test_tabs_errors(run_app: RunApp) -> None:
    at = run_app("import streamlit as st\nst.tabs([])\n")
    assert at.exception[0].value == (
        "The `tabs` parameter is required. Provide at least one tab label."
    )


def test_block_ids_are_position_paths() -> None:
    at = AppTest.from_string(
        "import streamlit as st\nst.write('a')\nc = st.columns(2)\nc[1].write('b')\n"
    ).run()
    assert at.main.id == "main"
    assert [n.id for n in at.main.children] == ["main/0", "main/1"]
    assert at.columns[1].markdown[0].id == "main/1/1/0"
