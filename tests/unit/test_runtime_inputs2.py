"""Part C widgets through AppTest: defaults and types, set_value round trips through
the wire value, Streamlit's error messages, session_state keys, forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from runtime_wasm._media_store import session_store
from runtime_wasm.streamlit.elements.lib._uploaded_file import UploadedFile
from runtime_wasm.testing import AppTest


def run(script: str) -> AppTest:
    return AppTest.from_string(script).run()


DEFAULTS = [
    pytest.param(
        "st.select_slider('x', ['a', 'b', 'c'])", "select_slider", "a", id="select_slider"
    ),
    pytest.param(
        "st.select_slider('x', [1, 2, 3], value=(3, 1))", "select_slider", (1, 3), id="ss-range"
    ),
    pytest.param(
        "st.date_input('x', dt.date(2024, 2, 29))", "date_input", dt.date(2024, 2, 29), id="date"
    ),
    pytest.param("st.date_input('x', None)", "date_input", None, id="date-none"),
    pytest.param(
        "st.date_input('x', [dt.date(2024, 1, 1)])",
        "date_input",
        (dt.date(2024, 1, 1),),
        id="date-range-1",
    ),
    pytest.param("st.time_input('x', dt.time(8, 7, 6))", "time_input", dt.time(8, 7), id="time"),
    pytest.param(
        "st.time_input('x', dt.time(8, 7, 6), step=30)", "time_input", dt.time(8, 7, 6), id="t-s"
    ),
    pytest.param(
        "st.datetime_input('x', dt.datetime(2024, 1, 2, 3, 4, 5))",
        "datetime_input",
        dt.datetime(2024, 1, 2, 3, 4),
        id="datetime",
    ),
    pytest.param("st.color_picker('x')", "color_picker", "#000000", id="color"),
    pytest.param("st.pills('x', ['a', 'b'])", "pills", None, id="pills"),
    pytest.param("st.pills('x', ['a', 'b'], required=True)", "pills", "a", id="pills-required"),
    pytest.param(
        "st.pills('x', ['a', 'b'], selection_mode='multi', default='b')", "pills", ["b"], id="pm"
    ),
    pytest.param("st.segmented_control('x', [1, 2], default=2)", "segmented_control", 2, id="sc"),
    pytest.param("st.feedback()", "feedback", None, id="feedback"),
    pytest.param("st.feedback('faces', default=4)", "feedback", 4, id="feedback-default"),
    pytest.param("st.file_uploader('x')", "file_uploader", None, id="file"),
    pytest.param(
        "st.file_uploader('x', accept_multiple_files=True)", "file_uploader", [], id="files"
    ),
    pytest.param("st.camera_input('x')", "camera_input", None, id="camera"),
    pytest.param("st.chat_input()", "chat_input", None, id="chat"),
]


@pytest.mark.parametrize(("call", "kind", "expected"), DEFAULTS)
def test_defaults(call: str, kind: str, expected: Any) -> None:
    at = run(f"import datetime as dt\nimport streamlit as st\nst.session_state.out = {call}\n")
    assert not at.exception, at.exception
    assert at.session_state["out"] == expected
    assert type(at.session_state["out"]) is type(expected)
    assert at.get(kind)[0].value == expected


SETS = [
    pytest.param("st.select_slider('x', ['a', 'b', 'c'])", "c", "c", id="select_slider"),
    pytest.param(
        "st.date_input('x', (dt.date(2024, 1, 1), dt.date(2024, 1, 2)))",
        (dt.date(2024, 3, 1), dt.date(2024, 3, 9)),
        (dt.date(2024, 3, 1), dt.date(2024, 3, 9)),
        id="date-range",
    ),
    pytest.param("st.time_input('x', None)", dt.time(23, 15), dt.time(23, 15), id="time"),
    pytest.param(
        "st.datetime_input('x', None)",
        dt.datetime(2024, 5, 6, 7, 8),
        dt.datetime(2024, 5, 6, 7, 8),
        id="datetime",
    ),
    pytest.param("st.color_picker('x')", "#abcdef", "#abcdef", id="color"),
    pytest.param("st.pills('x', ['a', 'b'])", "b", "b", id="pills"),
    pytest.param(
        "st.segmented_control('x', ['a', 'b'], selection_mode='multi')",
        ["b", "a"],
        ["b", "a"],
        id="sc-multi",
    ),
    pytest.param("st.feedback('thumbs')", 1, 1, id="feedback"),
]


@pytest.mark.parametrize(("call", "new", "expected"), SETS)
def test_set_value_round_trips(call: str, new: Any, expected: Any) -> None:
    at = run(f"import datetime as dt\nimport streamlit as st\nst.session_state.out = {call}\n")
    widget = next(n for n in at.main.children if hasattr(n, "_meta"))
    widget.set_value(new).run()
    assert not at.exception, at.exception
    assert at.session_state["out"] == expected


ERRORS = [
    pytest.param(
        "st.select_slider('x', [])",
        "The `options` parameter is required. Provide at least one option.",
        id="ss-empty",
    ),
    pytest.param(
        "st.date_input('x', dt.date(2020, 1, 1), min_value=dt.date(2021, 1, 1))",
        "The `value` 2020-01-01 is less than the `min_value` 2021-01-01.",
        id="date-below",
    ),
    pytest.param(
        "st.date_input('x', format='YY')",
        "Invalid `format` value. Supported values: 'YYYY/MM/DD'",
        id="date-format",
    ),
    pytest.param(
        "st.time_input('x', step=0)",
        "The `step` parameter, set to 0 seconds, is outside the required range "
        "[1 second, 23 hours].",
        id="time-step",
    ),
    pytest.param(
        "st.time_input('x', format='x')",
        "Invalid `format` value. Supported values: '12h', '24h', 'localized'.",
        id="time-format",
    ),
    pytest.param(
        "st.color_picker('x', 'red')",
        "'red' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.",
        id="color",
    ),
    pytest.param(
        "st.pills('x', ['a'], default='z')",
        "The default value 'z' is not part of the options.",
        id="pills-default",
    ),
    pytest.param(
        "st.segmented_control('x', ['a', 'b'], default=['a', 'b'])",
        "The default argument to `st.segmented_control` must be a single value",
        id="sc-single",
    ),
    pytest.param(
        "st.feedback('hearts')",
        "Invalid `options` value. Supported values: 'thumbs', 'faces', 'stars'.",
        id="feedback-options",
    ),
    pytest.param(
        "st.feedback(default=2)",
        "The `default` parameter, set to 2, is outside the required range [0, 1].",
        id="feedback-default",
    ),
    pytest.param(
        "st.write_stream('text')",
        "Invalid `stream` type. Expected one of: generator, stream-like object.",
        id="write-stream",
    ),
    pytest.param(
        "with st.form('f'):\n    st.chat_input()",
        "`st.chat_input()` can't be used in a `st.form()`.",
        id="chat-in-form",
    ),
    pytest.param(
        "with st.form('f'):\n    st.download_button('d', 'x')",
        "`st.download_button()` can't be used in an `st.form()`.",
        id="download-in-form",
    ),
]


@pytest.mark.parametrize(("call", "message"), ERRORS)
def test_errors(call: str, message: str) -> None:
    at = run(f"import datetime as dt\nimport streamlit as st\n{call}\n")
    assert at.exception[0].value.startswith(message), at.exception[0].value


def test_chat_input_returns_a_submission_once() -> None:
    at = run(
        "import streamlit as st\nv = st.chat_input('Say')\nst.text(repr(v))\n"
        "with st.chat_message('user'):\n    st.text('in message')\n"
    )
    # Called at the top of the main area: in the bottom container, as in Streamlit.
    bottom = at._tree.children[-1]
    assert bottom.type == "bottom" and bottom.chat_input[0].placeholder == "Say"
    assert not at.main.chat_input
    at.chat_input[0].set_value("hi").run()
    assert at.text.values[0] == "'hi'"
    at.run()
    assert at.text.values[0] == "None"
    at.chat_input[0].set_value("hi").run()  # the same text again is a new submission
    assert at.text.values[0] == "'hi'"
    assert at.chat_message[0].props["avatar"] == "user"
    assert at.chat_message[0].text[0].value == "in message"


def test_write_stream_returns_text_and_writes_other_chunks() -> None:
    at = run(
        "import streamlit as st\n"
        "def gen():\n    yield 'a'\n    yield 'b'\n"
        "st.session_state.a = st.write_stream(gen)\n"
        "st.session_state.b = st.write_stream([{'k': 1}, 'x', 'y'])\n"
    )
    assert not at.exception, at.exception
    assert at.session_state["a"] == "ab"
    assert at.session_state["b"] == [{"k": 1}, "xy"]
    assert at.markdown.values[0] == "ab"


def test_file_uploader_takes_the_page_bytes() -> None:
    at = run(
        "import streamlit as st\nf = st.file_uploader('U', type='csv', key='up')\n"
        "st.text(f'{f.name} {f.type} {f.size} {f.read()!r}' if f else 'none')\n"
    )
    up = at.file_uploader[0]
    assert up.props["types"] == [".csv"]
    at._set_widget(
        up.id,
        [{"file_id": "1", "name": "a.csv", "type": "text/csv", "size": 3, "data": "YSwx"}],
        None,
    )
    at.run()
    assert at.text.values == ["a.csv text/csv 3 b'a,1'"]
    assert at.file_uploader[0].props["value"] == [
        {"file_id": "1", "name": "a.csv", "type": "text/csv", "size": 3}
    ]
    assert isinstance(at.session_state["up"], UploadedFile)
    at.run()  # no new bytes: the same file, read from the start again
    assert at.text.values == ["a.csv text/csv 3 b'a,1'"]


def test_file_uploader_upload_set_value_and_clear_as_streamlits_apptest() -> None:
    at = run(
        "import streamlit as st\n"
        "one = st.file_uploader('One', key='one')\n"
        "many = st.file_uploader('Many', accept_multiple_files=True)\n"
        "st.text(repr(one and (one.name, one.type, one.read())))\n"
        "st.text(repr([(f.name, f.type, f.read()) for f in many]))\n"
    )
    one, many = at.file_uploader
    assert (one.accept_multiple_files, many.accept_multiple_files) == (False, True)
    one.upload("a.txt", b"hi", "text/plain")
    assert one.value.name == "a.txt"  # before the run, as Streamlit's pending value
    many.upload("b.bin", b"\x00").upload("c.csv", b"x,1", "text/csv")
    at.run()
    assert at.text.values == [
        "('a.txt', 'text/plain', b'hi')",
        "[('b.bin', 'application/octet-stream', b'\\x00'), ('c.csv', 'text/csv', b'x,1')]",
    ]
    assert isinstance(at.session_state["one"], UploadedFile)
    at.file_uploader[1].set_value(("d.txt", b"d", "text/plain"))
    at.file_uploader[0].set_value([("e.txt", b"e", "text/plain")]).run()
    assert at.text.values == ["('e.txt', 'text/plain', b'e')", "[('d.txt', 'text/plain', b'd')]"]
    at.file_uploader[0].clear()
    at.file_uploader[1].set_value(None).run()
    assert at.text.values == ["None", "[]"]


def test_download_button_ships_data_and_clicks_once() -> None:
    at = run(
        "import streamlit as st\nc = st.download_button('D', b'\\x00\\x01', file_name='b.bin')\n"
        "st.text(str(c))\n"
    )
    props = at.download_button[0].props
    assert (props["mime"], props["file_name"]) == ("application/octet-stream", "b.bin")
    # The bytes are in the media store, sent to the page once, not in every render's props.
    store = session_store(at._session.state)
    assert store.get(props["media"]) == ("application/octet-stream", b"\x00\x01")
    assert "data" not in props
    at.download_button[0].click().run()
    assert at.text.values == ["True"]
    at.run()
    assert at.text.values == ["False"]


def test_data_editor_round_trips_edits_in_the_input_type() -> None:
    script = (
        "import streamlit as st\n"
        "st.session_state.out = st.data_editor({'a': [1, 2], 'b': ['x', 'y']}, key='ed',"
        " num_rows='dynamic', column_config={'b': st.column_config.TextColumn('Bee')})\n"
    )
    at = run(script)
    assert at.session_state["out"] == {"a": [1, 2], "b": ["x", "y"]}
    editor = at.data_editor[0]
    assert [c["label"] for c in editor.props["columns"]] == ["a", "Bee"]
    wire = {"edited_rows": {"1": {"a": 5}}, "added_rows": [{"a": 3, "b": "z"}], "deleted_rows": [0]}
    at._set_widget(editor.id, wire, None)
    at.run()
    assert at.session_state["out"] == {"a": [5, 3], "b": ["y", "z"]}
    assert at.session_state["ed"]["edited_rows"] == {1: {"a": 5}}


def test_data_editor_returns_a_dataframe_for_a_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    at = run(
        "import pandas as pd\nimport streamlit as st\n"
        "st.session_state.out = st.data_editor(pd.DataFrame({'n': [1.5, 2.5]}))\n"
    )
    editor = at.data_editor[0]
    at._set_widget(editor.id, {"edited_rows": {"0": {"n": 9}}}, None)
    at.run()
    assert isinstance(at.session_state["out"], pd.DataFrame)
    assert at.session_state["out"]["n"].tolist() == [9.0, 2.5]


def test_data_editor_is_a_dataframe_to_apptest_as_in_streamlit() -> None:
    pd = pytest.importorskip("pandas")
    at = run(
        "import streamlit as st\n"
        "st.data_editor({'a': [1, 2]}, key='ed', num_rows='dynamic')\n"
        "st.dataframe({'a': [3]})\n"
    )
    assert [d.editing_mode for d in at.dataframe] == ["dynamic", "read_only"]
    editor = at.data_editor("ed")
    assert (editor.type, editor.kind, len(at.data_editor)) == ("dataframe", "data_editor", 1)
    # Its value is the table the app passed; the edits are the widget's state.
    at.session_state["ed"] = {"edited_rows": {0: {"a": 5}}}
    at.run()
    assert isinstance(at.data_editor[0].value, pd.DataFrame)
    assert at.data_editor[0].value["a"].tolist() == [1, 2]


def test_form_values_wait_for_submit() -> None:
    at = run(
        "import streamlit as st\nwith st.form('f'):\n"
        "    c = st.color_picker('C', key='c')\n    st.form_submit_button()\nst.text(c)\n"
    )
    at.color_picker[0].pick("#123456").run()
    assert at.text.values == ["#000000"]
    at.button[0].click().run()
    assert at.text.values == ["#123456"]
    assert at.session_state["c"] == "#123456"


def test_column_config_returns_streamlit_dicts() -> None:
    import runtime_wasm.streamlit as st

    assert st.column_config.NumberColumn("Price", format="$%d", min_value=0) == {
        "label": "Price",
        "width": None,
        "help": None,
        "disabled": None,
        "required": None,
        "pinned": None,
        "alignment": None,
        "default": None,
        "type_config": {
            "type": "number",
            "min_value": 0,
            "max_value": None,
            "format": "$%d",
            "step": None,
        },
    }
