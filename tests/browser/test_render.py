"""The page-side renderer (runtime_wasm/js/render.mjs) on hand-written element trees.

A small harness page imports render.mjs; each test draws trees through
``page.evaluate`` and reads back the updates the renderer would send to the worker.
No Python runtime and no Pyodide are involved.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from compiler import serving
from runtime_wasm._protocol import PROTOCOL_VERSION
from runtime_wasm._unchanged import RenderEncoder
from runtime_wasm.streamlit.elements.lib._epoch_micros import to_micros
from runtime_wasm.testing import AppTest

from .conftest import PageGuard

pytestmark = pytest.mark.browser

JS_DIR = Path(__file__).resolve().parents[2] / "runtime_wasm" / "js"

HARNESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="stc/stc.css"></head>
<body><div id="stc-root"></div>
<script type="module">
import { render } from "./stc/render.mjs";
window.sent = [];
const root = document.getElementById("stc-root");
window.draw = (tree, options) => render(root, tree, (u) => window.sent.push(u), options);
window.harnessReady = true;
</script></body></html>
"""

FATAL_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="stc/stc.css">
<script type="application/json" id="stc-config">
{"protocol": __PROTOCOL__, "pyodide": "missing-pyodide/", "runtime": "stc/runtime.zip",
 "app": "stc/app.zip", "entry": "app.py"}
</script></head>
<body><div id="stc-root" data-stc-status="loading"></div>
<script type="module" src="stc/page.mjs"></script></body></html>
"""
FATAL_PAGE = FATAL_PAGE.replace("__PROTOCOL__", str(PROTOCOL_VERSION))


# ---- trees -------------------------------------------------------------------------


def root(*main: dict[str, Any], sidebar: tuple[dict[str, Any], ...] = ()) -> dict[str, Any]:
    return {
        "id": "root",
        "kind": "root",
        "props": {"page_config": {}},
        "children": [
            {"id": "main", "kind": "main", "props": {}, "children": list(main)},
            {"id": "sidebar", "kind": "sidebar", "props": {}, "children": list(sidebar)},
        ],
    }


def node(id: str, kind: str, *children: dict[str, Any], **props: Any) -> dict[str, Any]:
    n: dict[str, Any] = {"id": id, "kind": kind, "props": props}
    if kind in BLOCK_KINDS:
        n["children"] = list(children)
    return n


BLOCK_KINDS = {"container", "columns", "column", "expander", "tabs", "tab", "form"}


def widget(kind: str, id: str, label: str, **props: Any) -> dict[str, Any]:
    base = {
        "label": label,
        "help": None,
        "disabled": False,
        "label_visibility": "visible",
        "form_id": None,
        "key": None,
    }
    return node(id, kind, **{**base, **props})


def button(id: str, label: str, **props: Any) -> dict[str, Any]:
    defaults = {"type": "secondary", "icon": None, "use_container_width": False}
    return widget("button", id, label, **{**defaults, **props})


def text_input(id: str, label: str, **props: Any) -> dict[str, Any]:
    defaults = {
        "value": None,
        "max_chars": None,
        "type": "default",
        "placeholder": None,
        "autocomplete": None,
    }
    return widget("text_input", id, label, **{**defaults, **props})


def markdown(id: str, body: str, unsafe: bool = False) -> dict[str, Any]:
    return node(id, "markdown", body=body, unsafe_allow_html=unsafe, help=None)


def slider(id: str, label: str, value: Any, **props: Any) -> dict[str, Any]:
    defaults = {"min": 0, "max": 10, "step": 1, "format": None, "data_type": "int"}
    return widget("slider", id, label, value=value, **{**defaults, **props})


def runtime_slider(id: str, call: str) -> dict[str, Any]:
    """The ``st.slider`` of *call* with the props stc's Python runtime gives it, so the
    page is checked against what Python sends (microseconds, a moment.js format)."""
    at = AppTest.from_string(f"import datetime as dt\nimport streamlit as st\n{call}\n").run()
    assert not at.exception, at.exception[0].value
    return node(id, "slider", **at.slider[0].props)


def number_input(id: str, label: str, value: Any, **props: Any) -> dict[str, Any]:
    defaults = {
        "min": None,
        "max": None,
        "step": 1,
        "format": None,
        "data_type": "int",
        "placeholder": None,
    }
    return widget("number_input", id, label, value=value, **{**defaults, **props})


# ---- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("render")
    shutil.copytree(JS_DIR, directory / "stc")
    (directory / "index.html").write_text(HARNESS, encoding="utf-8")
    (directory / "fatal.html").write_text(FATAL_PAGE, encoding="utf-8")
    with serving(directory) as url:
        yield url


@pytest.fixture
def harness(page: Page, guard: PageGuard, site: str) -> Page:
    page.goto(site + "index.html")
    page.wait_for_function("window.harnessReady === true")
    return page


def draw(page: Page, tree: dict[str, Any], running: bool = False) -> None:
    page.evaluate("([t, r]) => window.draw(t, {keepMissing: r})", [tree, running])


def sent(page: Page) -> list[list[dict[str, Any]]]:
    result: list[list[dict[str, Any]]] = page.evaluate("window.sent")
    return result


def clear_sent(page: Page) -> None:
    page.evaluate("window.sent = []")


def tag(page: Page, selector: str) -> None:
    page.eval_on_selector(selector, "el => { el.__testTag = 'kept'; }")


def tagged(page: Page, selector: str) -> bool:
    return bool(page.eval_on_selector(selector, "el => el.__testTag === 'kept'"))


# ---- reconciliation ----------------------------------------------------------------


def test_unchanged_elements_keep_their_dom_node(harness: Page) -> None:
    page = harness
    draw(page, root(markdown("main/0", "first"), button("btn", "Go"), markdown("main/2", "x")))
    tag(page, '[data-stc-id="btn"]')
    tag(page, '[data-stc-id="main/0"]')
    tag(page, '[data-stc-id="main/2"]')

    # Same ids: the button is untouched, the markdown node is reused with new text.
    draw(page, root(markdown("main/0", "second"), button("btn", "Go"), markdown("main/2", "x")))
    assert tagged(page, '[data-stc-id="btn"]')
    assert tagged(page, '[data-stc-id="main/0"]')
    expect(page.locator('[data-stc-id="main/0"]')).to_have_text("second")

    # A different kind at the same id is a new node; a vanished id is removed.
    draw(
        page,
        root(
            node("main/0", "caption", body="cap", unsafe_allow_html=False, help=None),
            button("btn", "Go"),
        ),
    )
    assert not tagged(page, '[data-stc-id="main/0"]')
    assert page.locator('[data-stc-kind="caption"]').count() == 1
    assert page.locator('[data-stc-id="main/2"]').count() == 0
    assert tagged(page, '[data-stc-id="btn"]')

    # Reordering moves nodes instead of recreating them.
    draw(
        page,
        root(
            button("btn", "Go"),
            node("main/0", "caption", body="cap", unsafe_allow_html=False, help=None),
        ),
    )
    assert tagged(page, '[data-stc-id="btn"]')
    kinds = page.eval_on_selector_all(
        ".stc-main-content > [data-stc-kind]", "els => els.map(e => e.dataset.stcKind)"
    )
    assert kinds == ["button", "caption"]


def test_unchanged_large_props_are_not_sent_again(harness: Page) -> None:
    # The worker's RenderEncoder and this renderer together: a large element that did
    # not change arrives as `same`, without props, and its DOM is not touched.
    page = harness
    encoder = RenderEncoder()

    def send(tree: dict[str, Any]) -> dict[str, Any]:
        message = json.loads(encoder.encode({"type": "render", "tree": tree}))
        draw(page, message["tree"])
        main: list[dict[str, Any]] = message["tree"]["children"][0]["children"]
        return {n["id"]: n for n in main}

    long = "word " * 400
    first = send(root(markdown("main/0", long), button("btn", "Go")))
    assert "props" in first["main/0"]
    tag(page, '[data-stc-id="main/0"] > *')

    again = send(root(markdown("main/0", long), button("btn", "Go")))
    assert again["main/0"] == {"id": "main/0", "kind": "markdown", "same": True}
    assert again["btn"]["props"]["label"] == "Go"  # small props always go
    assert tagged(page, '[data-stc-id="main/0"] > *')

    changed = send(root(markdown("main/0", long + "end"), button("btn", "Go")))
    assert changed["main/0"]["props"]["body"].endswith("end")
    expect(page.locator('[data-stc-id="main/0"]')).to_contain_text("word end")


def test_same_props_the_page_never_had_is_an_error(harness: Page) -> None:
    orphan = {"id": "main/0", "kind": "markdown", "same": True}
    with pytest.raises(Exception, match="as unchanged, but the page never had it"):
        draw(harness, root(orphan))


def test_text_input_keeps_focus_and_caret_across_rerender(harness: Page) -> None:
    page = harness
    draw(page, root(markdown("main/0", "run 1"), text_input("name", "Name")))
    box = page.get_by_label("Name")
    box.click()
    page.keyboard.type("hello")
    for _ in range(3):
        page.keyboard.press("ArrowLeft")

    draw(page, root(markdown("main/0", "run 2"), text_input("name", "Name")))
    state = box.evaluate(
        "el => [document.activeElement === el, el.value, el.selectionStart, el.selectionEnd]"
    )
    assert state == [True, "hello", 2, 2]
    assert sent(page) == []  # not committed until Enter or blur

    page.keyboard.press("Enter")
    assert sent(page) == [[{"id": "name", "value": "hello"}]]
    page.keyboard.press("Enter")  # unchanged: nothing more to send
    assert len(sent(page)) == 1


def test_text_input_commits_on_blur_and_syncs_new_values(harness: Page) -> None:
    page = harness
    draw(page, root(text_input("name", "Name", value="a"), button("b", "Go")))
    box = page.get_by_label("Name")
    expect(box).to_have_value("a")
    box.fill("abc")
    page.get_by_role("button", name="Go").click()
    assert sent(page) == [[{"id": "name", "value": "abc"}], [{"id": "b", "value": True}]]

    # The runtime changes the value (session_state): the control follows.
    draw(page, root(text_input("name", "Name", value="from python"), button("b", "Go")))
    expect(box).to_have_value("from python")


def test_widget_events_send_expected_updates(harness: Page) -> None:
    page = harness
    tree = root(
        button("b", "Go"),
        widget("checkbox", "cb", "Agree", value=False),
        widget("toggle", "tg", "Dark mode", value=True),
        widget(
            "radio", "r", "Pick", options=["A", "B", "C"], value=0, horizontal=False, captions=None
        ),
        widget(
            "selectbox",
            "s",
            "Choose",
            options=["x", "y", "z"],
            value=None,
            placeholder="Choose an option",
        ),
        widget(
            "multiselect",
            "m",
            "Many",
            options=["p", "q", "r"],
            value=[],
            max_selections=None,
            placeholder="Choose options",
        ),
        slider("sl", "Level", 5),
        widget("text_area", "ta", "Notes", value="", height=None, max_chars=None, placeholder=None),
        number_input("n", "Count", 3),
    )
    draw(page, tree)

    def last() -> list[dict[str, Any]]:
        return sent(page)[-1]

    page.get_by_role("button", name="Go").click()
    assert last() == [{"id": "b", "value": True}]
    page.get_by_role("checkbox", name="Agree").check()
    assert last() == [{"id": "cb", "value": True}]
    page.get_by_role("switch", name="Dark mode").click()
    assert last() == [{"id": "tg", "value": False}]
    page.get_by_role("radio", name="B").check()
    assert last() == [{"id": "r", "value": 1}]
    page.get_by_label("Choose").select_option("z")
    assert last() == [{"id": "s", "value": 2}]
    page.get_by_label("Many").select_option(["p", "r"])
    assert last() == [{"id": "m", "value": [0, 2]}]

    count = len(sent(page))
    page.get_by_role("slider", name="Level").focus()
    page.keyboard.press("ArrowRight")
    assert last() == [{"id": "sl", "value": 6}]
    assert len(sent(page)) == count + 1
    expect(page.locator('[data-stc-id="sl"] .stc-slider-value')).to_have_text("6")

    notes = page.get_by_label("Notes")
    notes.fill("line one")
    notes.press("Enter")  # a newline, not a commit
    assert last() == [{"id": "sl", "value": 6}]
    notes.press("Control+Enter")
    assert last() == [{"id": "ta", "value": "line one\n"}]

    page.locator('[data-stc-id="n"]').get_by_role("button", name="Increment").click()
    assert last() == [{"id": "n", "value": 4}]
    spin = page.get_by_role("spinbutton", name="Count")
    spin.fill("10")
    spin.press("Enter")
    assert last() == [{"id": "n", "value": 10}]
    spin.fill("")
    spin.press("Enter")
    assert last() == [{"id": "n", "value": None}]


def test_float_number_input_and_range_slider(harness: Page) -> None:
    page = harness
    draw(
        page,
        root(
            number_input("f", "Ratio", 0.1, step=0.2, data_type="float", min=0.0, max=1.0),
            slider("rg", "Range", [2, 8]),
        ),
    )
    increment = page.locator('[data-stc-id="f"]').get_by_role("button", name="Increment")
    increment.click()
    assert sent(page)[-1] == [{"id": "f", "value": 0.3}]
    for _ in range(5):
        increment.click()
    assert sent(page)[-1] == [{"id": "f", "value": 1.0}]  # clamped to max

    page.get_by_role("slider", name="Range start").focus()
    page.keyboard.press("ArrowLeft")
    assert sent(page)[-1] == [{"id": "rg", "value": [1, 8]}]
    page.get_by_role("slider", name="Range end").focus()
    page.keyboard.press("ArrowRight")
    assert sent(page)[-1] == [{"id": "rg", "value": [1, 9]}]


def test_date_and_time_sliders_show_their_values_formatted(harness: Page) -> None:
    page = harness
    draw(
        page,
        root(
            runtime_slider(
                "d",
                "st.slider('Day', dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2024, 6, 1))",
            ),
            runtime_slider("t", "st.slider('Alarm', value=dt.time(9, 30), format='h:mm A')"),
            runtime_slider(
                "r",
                "st.slider('Trip', value=(dt.datetime(2024, 3, 1, 12), dt.datetime(2024, 3, 5)), "
                "step=dt.timedelta(hours=6), format='MMM D, HH:mm')",
            ),
        ),
    )
    day = page.locator('[data-stc-id="d"]')
    expect(day.locator(".stc-slider-value")).to_have_text("2024-06-01")
    expect(day.locator(".stc-slider-min")).to_have_text("2024-01-01")
    expect(day.locator(".stc-slider-max")).to_have_text("2024-12-31")
    page.get_by_role("slider", name="Day").focus()
    page.keyboard.press("ArrowRight")
    assert sent(page)[-1] == [{"id": "d", "value": to_micros(dt.date(2024, 6, 2), "date")}]
    expect(day.locator(".stc-slider-value")).to_have_text("2024-06-02")
    expect(page.get_by_role("slider", name="Day")).to_have_attribute("aria-valuetext", "2024-06-02")

    alarm = page.locator('[data-stc-id="t"]')
    expect(alarm.locator(".stc-slider-value")).to_have_text("9:30 AM")
    expect(alarm.locator(".stc-slider-min")).to_have_text("12:00 AM")
    expect(alarm.locator(".stc-slider-max")).to_have_text("11:59 PM")
    page.get_by_role("slider", name="Alarm").focus()
    page.keyboard.press("ArrowRight")  # a quarter hour
    assert sent(page)[-1] == [{"id": "t", "value": to_micros(dt.time(9, 45), "time")}]
    expect(alarm.locator(".stc-slider-value")).to_have_text("9:45 AM")

    trip = page.locator('[data-stc-id="r"]')
    expect(trip.locator(".stc-slider-value")).to_have_text("Mar 1, 12:00 \u2013 Mar 5, 00:00")
    page.get_by_role("slider", name="Trip end").focus()
    page.keyboard.press("ArrowLeft")  # six hours
    start, end = dt.datetime(2024, 3, 1, 12), dt.datetime(2024, 3, 4, 18)
    assert sent(page)[-1] == [
        {"id": "r", "value": [to_micros(start, "datetime"), to_micros(end, "datetime")]}
    ]
    expect(trip.locator(".stc-slider-value")).to_have_text("Mar 1, 12:00 \u2013 Mar 4, 18:00")


def test_form_sends_pending_values_with_submit(harness: Page) -> None:
    page = harness
    form = node(
        "main/0",
        "form",
        text_input("fname", "Name", form_id="f"),
        widget("checkbox", "fcb", "Subscribe", value=False, form_id="f"),
        slider("fsl", "Age", 5, form_id="f"),
        widget(
            "form_submit_button",
            "fsub",
            "Submit",
            type="secondary",
            icon=None,
            use_container_width=False,
            form_id="f",
        ),
        form_id="f",
        clear_on_submit=False,
        border=True,
    )
    draw(page, root(form))
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("checkbox", name="Subscribe").check()
    page.get_by_role("slider", name="Age").focus()
    page.keyboard.press("ArrowRight")
    assert sent(page) == []

    # A rerun from elsewhere must not reset what the user put in the form.
    draw(page, root(form, button("other", "Other")))
    expect(page.get_by_label("Name")).to_have_value("Ada")
    expect(page.get_by_role("checkbox", name="Subscribe")).to_be_checked()

    page.get_by_role("button", name="Submit").click()
    updates = sent(page)
    assert len(updates) == 1
    assert sorted(updates[0], key=lambda u: u["id"]) == [
        {"id": "fcb", "value": True},
        {"id": "fname", "value": "Ada"},
        {"id": "fsl", "value": 6},
        {"id": "fsub", "value": True},
    ]

    # clear_on_submit: the runtime sends defaults back and the controls follow.
    draw(page, root(form))
    expect(page.get_by_label("Name")).to_have_value("")
    expect(page.get_by_role("checkbox", name="Subscribe")).not_to_be_checked()

    # Enter in a form's text field submits the form.
    clear_sent(page)
    page.get_by_label("Name").fill("Bob")
    page.get_by_label("Name").press("Enter")
    assert sent(page) == [[{"id": "fname", "value": "Bob"}, {"id": "fsub", "value": True}]]


def test_widgets_reachable_by_role_and_name(harness: Page) -> None:
    page = harness
    draw(
        page,
        root(
            button("b", "Go"),
            text_input("t", "Name"),
            widget("checkbox", "c", "Agree", value=True),
            widget("toggle", "tg", "Wifi", value=False),
            widget(
                "radio",
                "r",
                "Pick",
                options=["A", "B"],
                value=None,
                horizontal=True,
                captions=["first", "second"],
            ),
            widget(
                "selectbox",
                "s",
                "Choose",
                options=["x", "y"],
                value=1,
                placeholder="Choose an option",
            ),
            widget(
                "multiselect",
                "m",
                "Many",
                options=["p", "q"],
                value=[1],
                max_selections=None,
                placeholder="Choose options",
            ),
            slider("sl", "Level", 3),
            slider("rg", "Span", [1, 4]),
            number_input("n", "Count", None),
            widget(
                "text_area",
                "ta",
                "Notes",
                value="hi",
                height=120,
                max_chars=None,
                placeholder=None,
                label_visibility="collapsed",
            ),
            node(
                "main/11",
                "tabs",
                node("main/11/0", "tab", markdown("main/11/0/0", "one body"), label="One"),
                node("main/11/1", "tab", markdown("main/11/1/0", "two body"), label="Two"),
                labels=["One", "Two"],
                index=0,
            ),
        ),
    )
    expect(page.get_by_role("button", name="Go")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("")
    expect(page.get_by_role("checkbox", name="Agree")).to_be_checked()
    expect(page.get_by_role("switch", name="Wifi")).not_to_be_checked()
    expect(page.get_by_role("radiogroup", name="Pick")).to_be_visible()
    expect(page.get_by_role("radio", name="A")).not_to_be_checked()
    expect(page.get_by_role("combobox", name="Choose")).to_have_value("1")
    expect(page.get_by_role("listbox", name="Many")).to_have_values(["1"])
    expect(page.get_by_role("slider", name="Level")).to_have_value("3")
    expect(page.get_by_role("slider", name="Span start")).to_have_value("1")
    expect(page.get_by_role("slider", name="Span end")).to_have_value("4")
    expect(page.get_by_role("spinbutton", name="Count")).to_have_value("")
    expect(page.get_by_label("Count")).to_have_count(1)
    expect(page.get_by_label("Notes")).to_have_value("hi")  # collapsed label still names it
    expect(page.get_by_role("tab", name="One")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel", name="One")).to_contain_text("one body")
    expect(page.get_by_text("two body")).to_be_hidden()


def test_values_from_props_update_controls(harness: Page) -> None:
    page = harness

    def tree(checked: bool, index: int | None, level: int) -> dict[str, Any]:
        return root(
            widget("checkbox", "c", "Agree", value=checked),
            widget(
                "selectbox", "s", "Choose", options=["x", "y"], value=index, placeholder="Pick one"
            ),
            slider("sl", "Level", level),
        )

    draw(page, tree(False, None, 1))
    expect(page.get_by_label("Choose")).to_have_value("")
    expect(page.locator('[data-stc-id="s"] option').first).to_have_text("Pick one")
    tag(page, '[data-stc-id="c"] input')
    draw(page, tree(True, 0, 7))
    expect(page.get_by_role("checkbox", name="Agree")).to_be_checked()
    expect(page.get_by_label("Choose")).to_have_value("0")
    expect(page.get_by_role("slider", name="Level")).to_have_value("7")
    expect(page.locator('[data-stc-id="sl"] .stc-slider-value')).to_have_text("7")
    assert tagged(page, '[data-stc-id="c"] input')
    assert sent(page) == []


def test_markdown_escapes_html_unless_allowed(harness: Page) -> None:
    page = harness
    draw(
        page,
        root(
            markdown("main/0", "<b>raw</b> and **bold** <script>window.pwned = 1</script>"),
            markdown("main/1", "<i>trusted</i>", unsafe=True),
            node(
                "main/2",
                "title",
                body="Hello *world* <u>x</u>",
                anchor=None,
                help=None,
                divider=False,
            ),
        ),
    )
    first = page.locator('[data-stc-id="main/0"]')
    expect(first).to_contain_text("<b>raw</b>")
    assert first.locator("b").count() == 0
    assert first.locator("strong").count() == 1
    assert page.evaluate("window.pwned") is None
    expect(page.locator('[data-stc-id="main/1"] i')).to_have_text("trusted")
    heading = page.get_by_role("heading", name="Hello world <u>x</u>")
    expect(heading).to_have_attribute("id", "hello-world-u-x-u")
    assert heading.locator("em").count() == 1


def test_expander_and_tab_state_survive_rerender(harness: Page) -> None:
    page = harness

    def tree(body: str) -> dict[str, Any]:
        return root(
            node(
                "main/0",
                "expander",
                markdown("main/0/0", body),
                label="More",
                expanded=False,
                icon=None,
            ),
            node(
                "main/1",
                "tabs",
                node("main/1/0", "tab", markdown("main/1/0/0", "a " + body), label="A"),
                node("main/1/1", "tab", markdown("main/1/1/0", "b " + body), label="B"),
                labels=["A", "B"],
                index=0,
            ),
        )

    draw(page, tree("v1"))
    expect(page.get_by_text("v1", exact=True)).to_be_hidden()
    page.get_by_text("More").click()
    page.get_by_role("tab", name="B").click()
    draw(page, tree("v2"))
    expect(page.get_by_text("v2", exact=True)).to_be_visible()
    expect(page.get_by_role("tab", name="B")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("b v2")).to_be_visible()
    expect(page.get_by_text("a v2")).to_be_hidden()


def test_running_render_keeps_missing_elements_as_stale(harness: Page) -> None:
    page = harness
    draw(page, root(markdown("main/0", "a"), text_input("t", "Name"), markdown("main/2", "c")))
    page.get_by_label("Name").click()
    draw(page, root(markdown("main/0", "a")), running=True)
    assert page.locator(".stc-stale").count() == 2
    assert page.get_by_label("Name").evaluate("el => document.activeElement === el")
    draw(page, root(markdown("main/0", "a"), text_input("t", "Name")))
    assert page.locator(".stc-stale").count() == 0
    assert page.locator('[data-stc-id="main/2"]').count() == 0
    assert page.get_by_label("Name").evaluate("el => document.activeElement === el")


def test_display_elements_and_sidebar(harness: Page) -> None:
    page = harness
    table = {"columns": ["a", "b"], "index": ["0", "1"], "rows": [["1", "x"], ["2", "y"]]}
    draw(
        page,
        root(
            node("main/0", "header", body="Head", anchor="custom", help="tip", divider="red"),
            node("main/1", "text", body="  pre  formatted", help=None),
            node(
                "main/2",
                "code",
                body="print(1)\nprint(2)",
                language="python",
                line_numbers=True,
                wrap_lines=False,
            ),
            node("main/3", "divider"),
            node("main/4", "json", body='{\n  "k": 1\n}', expanded=True),
            node(
                "main/5",
                "metric",
                label="Temp",
                value="70 °F",
                delta="-1.2 °F",
                delta_color="normal",
                help=None,
                label_visibility="visible",
                border=False,
            ),
            node(
                "main/6",
                "metric",
                label="Cost",
                value="5",
                delta="2",
                delta_color="inverse",
                help=None,
                label_visibility="visible",
                border=True,
            ),
            node("main/7", "table", **table),
            node("main/8", "dataframe", **table, hide_index=True, height=None),
            node("main/9", "success", body="done", icon="✅", title=None),
            node("main/10", "error", body="bad **thing**", icon=None, title=None),
            node(
                "main/11",
                "exception",
                type="ZeroDivisionError",
                message="division by zero",
                traceback=['File "app.py", line 3', "  1 / 0"],
                is_api_error=False,
            ),
            node(
                "main/12",
                "columns",
                node(
                    "main/12/0", "column", markdown("main/12/0/0", "left"), weight=2, border=False
                ),
                node(
                    "main/12/1", "column", markdown("main/12/1/0", "right"), weight=1, border=False
                ),
                gap="small",
                vertical_alignment="top",
                border=False,
            ),
            node("main/13", "container", markdown("main/13/0", "inside"), border=True, height=None),
            node("main/14", "empty"),
            node("main/15", "brand_new_kind"),
            sidebar=(markdown("sidebar/0", "in the sidebar"),),
        ),
    )
    expect(page.get_by_role("heading", name="Head")).to_have_attribute("id", "custom")
    expect(page.locator(".stc-sidebar")).to_be_visible()
    expect(page.locator(".stc-sidebar")).to_contain_text("in the sidebar")
    expect(page.locator('[data-stc-id="main/5"] .stc-metric-delta')).to_have_class(
        "stc-metric-delta stc-delta-bad"
    )
    expect(page.locator('[data-stc-id="main/6"] .stc-metric-delta')).to_have_class(
        "stc-metric-delta stc-delta-bad"
    )
    expect(page.locator('[data-stc-id="main/7"] tbody th')).to_have_count(2)
    expect(page.locator('[data-stc-id="main/8"] tbody th')).to_have_count(0)
    expect(page.locator('[data-stc-id="main/8"] td')).to_have_count(4)
    expect(page.locator('[data-stc-kind="error"]')).to_have_attribute("role", "alert")
    expect(page.locator('[data-stc-kind="exception"]')).to_contain_text(
        "ZeroDivisionError: division by zero"
    )
    expect(page.locator('[data-stc-kind="exception"] pre')).to_contain_text("1 / 0")
    expect(page.locator('[data-stc-kind="brand_new_kind"]')).to_contain_text("Unsupported")
    widths = page.eval_on_selector_all(
        '[data-stc-kind="column"]', "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert widths[0] > 1.5 * widths[1]

    draw(page, root(markdown("main/0", "no sidebar now")))
    expect(page.locator(".stc-sidebar")).to_be_hidden()


def test_page_shows_fatal_error_instead_of_blank(page: Page, guard: PageGuard, site: str) -> None:
    # No Pyodide at the configured URL: the worker reports, the page shows it.
    guard.allowed_errors += ["404", "Failed to load", "Failed to fetch"]
    page.goto(site + "fatal.html")
    page.wait_for_function("window.stc && window.stc.status === 'error'", timeout=15_000)
    expect(page.locator(".stc-fatal")).to_be_visible()
    expect(page.get_by_role("alert")).not_to_be_empty()
    assert page.evaluate("window.stc.whenIdle().then(() => 'idle', e => 'rejected')") == (
        "rejected"
    )


def test_looks_that_follow_streamlit(harness: Page) -> None:
    page = harness
    table = {
        "columns": ["price", "name"],
        "index": ["0", "1"],
        "rows": [["12.2500", "tea"], ["3.0000", "None"]],
    }
    draw(
        page,
        root(
            node("main/0", "table", **table, border=True, hide_index=None, hide_header=None),
            node("main/1", "header", body="Main head", anchor=None, help=None, divider=False),
            widget("selectbox", "s", "Choose", options=["x"], value=0, placeholder=None),
            number_input("n", "Count", 3),
            sidebar=(
                node(
                    "sidebar/0", "header", body="Side head", anchor=None, help=None, divider=False
                ),
            ),
        ),
    )
    style = "(el, p) => getComputedStyle(el)[p]"
    price = page.get_by_role("cell", name="12.2500")
    assert price.evaluate(style, "textAlign") == "right"  # numbers align right
    assert page.get_by_role("cell", name="tea").evaluate(style, "textAlign") == "left"
    header = page.get_by_role("columnheader", name="price")
    assert header.evaluate(style, "textAlign") == "right"
    assert header.evaluate(style, "fontWeight") == "400"  # a plain header

    def size(name: str) -> float:
        return float(page.get_by_role("heading", name=name).evaluate(style, "fontSize")[:-2])

    assert size("Side head") < size("Main head") * 0.75  # headings shrink in the sidebar
    select = page.locator('[data-stc-id="s"] select')
    assert select.evaluate(style, "backgroundImage").startswith('url("data:image/svg+xml')
    assert select.evaluate(style, "appearance") == "none"
    number = page.locator('[data-stc-id="n"] input[type="number"]')
    assert number.evaluate(style, "appearance") == "textfield"  # no spin arrows


def test_text_is_set_in_streamlits_fonts(harness: Page) -> None:
    page = harness
    draw(page, root(node("main/0", "markdown", body="Body *text* and `code`", help=None)))
    page.get_by_text("Body").wait_for()
    loaded = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return [...document.fonts].filter((f) => f.status === "loaded")
                .map((f) => `${f.family.replaceAll('"', "")} ${f.style} ${f.weight}`);
        }"""
    )
    assert "Source Sans normal 200 900" in loaded
    assert "Source Sans italic 200 900" in loaded  # the *text*
    assert "Source Code Pro normal 400" in loaded  # the `code`
    family = page.get_by_text("Body").evaluate("el => getComputedStyle(el).fontFamily")
    assert family.startswith('"Source Sans"')  # the name Streamlit gives it


def test_the_sidebar_collapses_and_expands(harness: Page) -> None:
    page = harness
    side = widget("checkbox", "side", "In the sidebar", value=False)
    draw(page, root(node("main/0", "text", body="main", help=None), sidebar=(side,)))
    checkbox = page.get_by_role("checkbox", name="In the sidebar")
    expect(checkbox).to_be_visible()
    page.get_by_role("button", name="Close sidebar").click()
    expect(checkbox).to_be_hidden()
    expect(page.get_by_role("button", name="Open sidebar")).to_be_focused()
    # A rerun keeps the visitor's choice.
    draw(page, root(node("main/0", "text", body="main again", help=None), sidebar=(side,)))
    expect(page.get_by_text("main again")).to_be_visible()
    expect(checkbox).to_be_hidden()
    page.get_by_role("button", name="Open sidebar").click()
    expect(checkbox).to_be_visible()
    expect(page.get_by_role("button", name="Close sidebar")).to_have_attribute(
        "aria-expanded", "true"
    )


def test_initial_sidebar_state_collapsed(harness: Page) -> None:
    page = harness
    tree = root(sidebar=(widget("checkbox", "side", "In the sidebar", value=False),))
    tree["props"]["page_config"] = {"initial_sidebar_state": "collapsed"}
    draw(page, tree)
    expect(page.get_by_role("button", name="Open sidebar")).to_be_visible()
    expect(page.get_by_role("checkbox", name="In the sidebar")).to_be_hidden()


def test_sliders_look_as_in_streamlit(harness: Page) -> None:
    page = harness
    draw(page, root(slider("one", "One", 6), slider("two", "Two", [2, 8])))
    one, two = page.locator('[data-stc-id="one"]'), page.locator('[data-stc-id="two"]')
    track = one.locator(".stc-slider-track")
    assert track.evaluate("el => el.style.getPropertyValue('--stc-hi')") == "60%"
    range_track = two.locator(".stc-slider-track")
    assert range_track.evaluate("el => el.style.getPropertyValue('--stc-lo')") == "20%"
    assert range_track.evaluate("el => el.style.getPropertyValue('--stc-hi')") == "80%"
    # One track for both thumbs of a range: the two inputs lie on top of each other.
    boxes = [
        two.get_by_role("slider", name=f"Two {end}").bounding_box() for end in ("start", "end")
    ]
    assert boxes[0] == boxes[1]
    # The limits show while the pointer is over the slider.
    limits = one.locator(".stc-slider-limits")
    assert limits.evaluate("el => getComputedStyle(el).opacity") == "0"
    one.hover()
    expect(limits).to_have_css("opacity", "1")
    # The value sits above the thumb: right of the track's middle at 60%.
    value, box = one.locator(".stc-slider-value").bounding_box(), track.bounding_box()
    assert value is not None and box is not None
    assert value["x"] + value["width"] / 2 > box["x"] + box["width"] / 2
    page.get_by_role("slider", name="One").focus()
    page.keyboard.press("End")
    assert sent(page)[-1] == [{"id": "one", "value": 10}]
    assert track.evaluate("el => el.style.getPropertyValue('--stc-hi')") == "100%"


PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _menu(position: str) -> dict[str, Any]:
    def entry(title: str, url_path: str, current: bool) -> dict[str, Any]:
        return {
            "title": title, "icon": None, "url_path": url_path, "hash": title, "external": None,
            "help": None, "current": current,
        }  # fmt: skip

    pages = [entry("One", "", True), entry("Two", "two", False)]
    return {"position": position, "expanded": False, "sections": [{"header": "", "pages": pages}]}


def test_menu_and_logo_are_props_drawn_beside_the_elements(harness: Page) -> None:
    # st.navigation's menu is the `navigation` prop of main (position "top") or of the
    # sidebar, st.logo the root's `logo` prop: no elements, as in Streamlit's tree.
    page = harness
    top = root(markdown("main/0", "body"))
    top["props"]["logo"] = {
        "image": {"url": PIXEL},
        "icon_image": None,
        "size": "small",
        "link": None,
    }
    top["children"][0]["props"]["navigation"] = _menu("top")
    draw(page, top)
    nav = page.get_by_role("navigation", name="Pages")
    expect(nav.get_by_role("link")).to_have_text(["One", "Two"])
    expect(page.locator(".stc-main-block > .stc-nav + .stc-main-content")).to_have_text("body")
    expect(page.locator(".stc-logo img")).to_have_count(1)
    expect(page.locator(".stc-sidebar")).to_be_hidden()  # a menu at the top fills no sidebar

    side = root(markdown("main/0", "body"))
    side["children"][1]["props"]["navigation"] = _menu("sidebar")
    draw(page, side)
    expect(page.locator(".stc-sidebar")).to_be_visible()
    expect(page.locator(".stc-sidebar .stc-nav")).to_have_count(1)
    expect(page.locator(".stc-main .stc-nav")).to_have_count(0)
    expect(page.locator(".stc-logo")).to_have_count(0)

    # A run that has not reached st.navigation yet keeps the menu; its end removes it.
    draw(page, root(markdown("main/0", "body")), running=True)
    expect(page.locator(".stc-sidebar .stc-nav")).to_have_count(1)
    draw(page, root(markdown("main/0", "body")))
    expect(page.locator(".stc-nav")).to_have_count(0)
    expect(page.locator(".stc-sidebar")).to_be_hidden()
