"""streamlit-pydantic runs unmodified on stc's runtime: both of its lines (issue 15).

``pydantic1`` is PyPI's 0.6.0 on pydantic 1, ``pydantic2`` the repository's unreleased
line on pydantic 2 (see ``_pydantic_lines``). The apps in
``fixtures/streamlit_pydantic_apps/<line>/`` are written as a user writes them; each
scenario fills their widgets through ``AppTest``, submits, and the tests check the model
instance the app received. The same scenarios run in real Streamlit's ``AppTest``, and
stc must show what it shows, run after run.

What the package itself cannot do, in Streamlit as in stc: list fields inside
``pydantic_form`` stay empty (their "Add Item" is an ``st.button``, which Streamlit
refuses inside a form; the package swallows the error), so lists are filled through
``pydantic_input``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.unit._pydantic_lines import APPS, LINES, play

Step = dict[str, Any]
RUN: Step = {"run": True}


def _set(kind: str, key: str, do: str, *args: Any) -> Step:
    return {"kind": kind, "key": key, "do": do, "args": list(args)}


SUBMIT: Step = {"kind": "button", "label": "Submit", "do": "click"}
HELLO = {"bytes": "hello"}

ORDER_STEPS = [
    RUN,
    _set("text_input", "0-order-name", "input", "A"),  # too short: min_length=2
    SUBMIT,
    RUN,
    _set("text_input", "0-order-name", "input", "Ada"),
    _set("number_input", "0-order-quantity", "set_value", 3),
    _set("number_input", "0-order-price", "set_value", 9.75),
    _set("checkbox", "0-order-express", "check"),
    _set("selectbox", "0-order-size", "select", "large"),
    _set("date_input", "0-order-due", "set_value", {"date": "2025-02-03"}),
    _set("text_input", "0-order-address.street", "input", "Elm"),
    _set("number_input", "0-order-address.number", "set_value", 7),
    SUBMIT,
    RUN,
]
ORDER = {
    "name": "Ada",
    "quantity": 3,
    "price": 9.75,
    "express": True,
    "size": "large",
    "due": "2025-02-03",
    "tags": [],
    "numbers": [],
    "address": {"street": "Elm", "number": 7},
}

LISTS_STEPS = [
    RUN,
    _set("button", "lists-tagslist-add-item", "click"),
    RUN,
    _set("button", "lists-tagslist-add-item", "click"),
    RUN,
    _set("text_input", "0-lists-lists-tags.0", "input", "red"),
    _set("text_input", "0-lists-lists-tags.1", "input", "blue"),
    _set("button", "lists-numberslist-add-item", "click"),
    RUN,
    _set("number_input", "0-lists-lists-numbers.0", "set_value", 42),
    RUN,
    _set("button", "lists-tags.0-remove", "click"),
    RUN,
]
LISTS = [
    {"tags": [], "numbers": []},
    {"tags": [""], "numbers": []},
    {"tags": ["", ""], "numbers": []},
    {"tags": ["red", "blue"], "numbers": [0]},
    {"tags": ["red", "blue"], "numbers": [42]},
    {"tags": ["blue"], "numbers": [42]},
]


def _showcase_steps(line: str) -> list[Step]:
    # The pydantic-2 line passes the date part's key as a 1-tuple; Streamlit (and stc)
    # turn a key into str(key).
    date_key = "0-show-when-date-input"
    if line == "pydantic2":
        date_key = repr((date_key,))
    steps = [
        RUN,
        _set("text_input", "0-show-short_text", "input", "hello"),
        _set("text_input", "0-show-password", "input", "s3cret"),
        _set("text_area", "0-show-long_text", "input", "line1\nline2"),
        _set("slider", "0-show-in_range", "set_value", 24),
        _set("number_input", "0-show-ratio", "set_value", 0.25),
        _set("date_input", date_key, "set_value", {"date": "2025-01-02"}),
        _set("time_input", "0-show-when-time-input", "set_value", {"time": "10:15"}),
        _set("time_input", "0-show-at", "set_value", {"time": "11:45"}),
        _set("checkbox", "0-show-flag", "uncheck"),
        _set("selectbox", "0-show-literal", "select", "c"),
        _set("multiselect", "0-show-sizes", "select", "large"),
        _set("file_uploader", "0-show-document", "upload", "a.txt", HELLO, "text/plain"),
        SUBMIT,
        RUN,
    ]
    if line == "pydantic2":  # pydantic 1's Color field is not rendered by 0.6.0
        steps.insert(-2, _set("color_picker", "0-show-color", "pick", "#00ff00"))
    return steps


SHOWCASE = {
    "short_text": "hello",
    "password": "**********",
    "long_text": "line1\nline2",
    "in_range": 24,
    "ratio": 0.25,
    "when": "2025-01-02T10:15:00",
    "at": "11:45:00",
    "flag": False,
    "literal": "c",
    "sizes": ["large", "small"],  # a set: compared sorted
    "document": "aGVsbG8=",  # the uploaded bytes, base64 as the model serialises them
}


def _plan(line: str) -> list[dict[str, Any]]:
    steps = {
        "order_form": ORDER_STEPS,
        "lists_input": LISTS_STEPS,
        "showcase_form": _showcase_steps(line),
        "output": [RUN],
    }
    return [{"id": i, "app": str(APPS / line / f"{i}.py"), "steps": s} for i, s in steps.items()]


SCENARIOS = [s["id"] for s in _plan("pydantic1")]
_played: dict[str, dict[str, dict[str, Any]]] = {}


@pytest.fixture(params=LINES)
def line(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


def _results(line: str, framework: str = "stc") -> dict[str, Any]:
    """What the line's scenarios showed, played once per test session."""
    if not _played:
        _played.update(play({name: _plan(name) for name in LINES}))
    return _played[line][framework]


def _runs(line: str, scenario: str, framework: str = "stc") -> list[list[Any]]:
    result = _results(line, framework)[scenario]
    assert result["error"] is None, result["error"]
    runs: list[list[Any]] = result["rows"]
    return runs


def _shown(rows: list[Any], kind: str) -> list[Any]:
    return [value for k, _, value in rows if k == kind]


def _json(rows: list[Any]) -> list[Any]:
    """The values of st.json, as fresh copies (tests may change them; rows are shared)."""
    return [json.loads(v if isinstance(v, str) else json.dumps(v)) for v in _shown(rows, "json")]


def test_form_returns_the_submitted_model(line: str) -> None:
    first, invalid, submitted = _runs(line, "order_form")
    assert not _shown(first, "exception") and not _json(first)
    # A failed validation shows the package's message and returns None.
    message = _shown(invalid, "error" if line == "pydantic1" else "warning")
    assert len(message) == 1 and "**name:**" in message[0]
    assert not _json(invalid)
    assert _json(submitted) == [ORDER]


def test_form_renders_one_widget_per_field(line: str) -> None:
    first = _runs(line, "order_form")[0]
    widgets = [(k, t) for k, t, _ in first if k not in ("main", "sidebar", "form", "event")]
    assert widgets[:6] == [
        ("text_input", "Name"),
        ("number_input", "Quantity"),
        ("number_input", "Price"),
        ("checkbox", "Express"),
        ("selectbox", "Size"),
        ("date_input", "Due"),
    ]
    assert ("subheader", "Address") in widgets and ("text_input", "Street") in widgets
    assert widgets[-1] == ("button", "Submit")


def test_list_fields_take_items_through_pydantic_input(line: str) -> None:
    assert [_json(rows)[-1] for rows in _runs(line, "lists_input")] == LISTS


def test_showcase_form_returns_every_kind_of_field(line: str) -> None:
    submitted = _runs(line, "showcase_form")[-1]
    (model,) = _json(submitted)
    model["sizes"] = sorted(model["sizes"])
    expected = dict(SHOWCASE)
    if line == "pydantic2":  # the pydantic-1 app has no color: 0.6.0 draws no picker for one
        expected["color"] = "lime"  # #00ff00, named as pydantic-extra-types names it
    assert model == expected


def test_output_shows_each_field_and_a_list_as_a_table(line: str) -> None:
    (rows,) = _runs(line, "output")
    pairs = dict(zip(_shown(rows, "subheader"), _shown(rows, "code"), strict=False))
    assert pairs["Name"] == "Ada"
    assert (pairs["Quantity"], pairs["Price"], pairs["Express"]) == ("3", "9.75", "True")
    assert "large" in _shown(rows, "code") and "2025-02-03" in _shown(rows, "code")
    assert _json(rows) == [["red", "blue"], [4, 2]]
    assert _shown(rows, "info") == ["No value returned!"]  # the empty note
    assert _shown(rows, "table") == [{"street": ["Elm", "Oak"], "number": ["7", "9"]}]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_stc_shows_what_streamlit_shows(line: str, scenario: str) -> None:
    assert _runs(line, scenario) == _runs(line, scenario, "streamlit")
