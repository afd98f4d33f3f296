"""Fragments rerun alone: the session as the browser drives it (``AppSession.rerun``
with the page's widget updates), on CPython."""

from __future__ import annotations

import asyncio
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from runtime_wasm._alias import aliased
from runtime_wasm._protocol import Node
from runtime_wasm._script import Script
from runtime_wasm._session import AppSession
from runtime_wasm.testing import AppTest


class Page:
    """One session and its last tree, driven like the page drives the worker."""

    def __init__(self, tmp_path: Path, source: str) -> None:
        path = tmp_path / "app.py"
        path.write_text("import streamlit as st\n" + textwrap.dedent(source), encoding="utf-8")
        self.session = AppSession(Script(path))
        self.run()

    def run(self, *updates: tuple[str, Any]) -> Page:
        with aliased():
            asyncio.run(self.session.rerun([{"id": i, "value": v} for i, v in updates]))
        return self

    def nodes(self, node: Node | None = None) -> Iterator[Node]:
        node = node if node is not None else self.session.tree
        yield node
        for child in node.get("children", []):
            yield from self.nodes(child)

    def texts(self) -> list[str]:
        return [n["props"]["body"] for n in self.nodes() if n["kind"] == "markdown"]

    def widget(self, label: str) -> str:
        [node] = [n for n in self.nodes() if n["props"].get("label") == label]
        return node["id"]

    def kinds(self, kind: str) -> list[Node]:
        return [n for n in self.nodes() if n["kind"] == kind]

    def click(self, label: str) -> Page:
        return self.run((self.widget(label), True))

    @property
    def state(self) -> Any:
        return self.session.state


COUNTS = """
st.session_state.outer = st.session_state.get("outer", 0) + 1
st.write(f"outer {st.session_state.outer}")
outside = st.slider("Outside", 0, 10, 1)

@st.fragment
def part(label):
    st.session_state.inner = st.session_state.get("inner", 0) + 1
    st.button(label)
    st.write(f"inner {st.session_state.inner}")
    st.write(f"outside is {outside}")

part("Click")
st.write("end")
"""


def test_a_widget_in_a_fragment_reruns_only_the_fragment(tmp_path: Path) -> None:
    page = Page(tmp_path, COUNTS)
    assert page.texts() == ["outer 1", "inner 1", "outside is 1", "end"]
    page.click("Click")
    # The script outside did not run: its elements are the ones of the first run.
    assert page.texts() == ["outer 1", "inner 2", "outside is 1", "end"]
    assert page.state["outer"] == 1 and page.state["inner"] == 2
    page.click("Click")
    assert page.texts() == ["outer 1", "inner 3", "outside is 1", "end"]
    # A widget outside reruns the whole app, and the fragment with it.
    page.run((page.widget("Outside"), 7))
    assert page.texts() == ["outer 2", "inner 4", "outside is 7", "end"]


def test_the_fragment_is_a_container_in_place(tmp_path: Path) -> None:
    page = Page(tmp_path, COUNTS)
    main = page.session.tree["children"][0]
    kinds = [c["kind"] for c in main["children"]]
    assert kinds == ["markdown", "slider", "container", "markdown"]
    page.click("Click")
    main = page.session.tree["children"][0]
    assert [c["kind"] for c in main["children"]] == kinds
    assert [c["kind"] for c in main["children"][2]["children"]] == [
        "button",
        "markdown",
        "markdown",
    ]


def test_apptest_reruns_the_whole_script_as_streamlits_does(tmp_path: Path) -> None:
    at = AppTest.from_string("import streamlit as st\n" + COUNTS).run()
    at.button[0].click().run()
    assert [m.value for m in at.markdown] == ["outer 2", "inner 2", "outside is 1", "end"]


def test_widgets_outside_keep_their_state_through_fragment_runs(tmp_path: Path) -> None:
    page = Page(tmp_path, COUNTS)
    page.run((page.widget("Outside"), 4))
    page.click("Click")
    page.click("Click")
    page.run()  # a full run (e.g. the page's back button): the slider kept its value
    assert "outside is 4" in page.texts()


def test_only_the_fragments_widgets_can_be_forgotten(tmp_path: Path) -> None:
    page = Page(
        tmp_path,
        """
        a = st.text_input("Outside", key="outside")

        @st.fragment
        def part():
            if not st.session_state.get("hide"):
                st.text_input("Inner", key="inner")
            st.checkbox("Hide", key="hide")

        part()
        """,
    )
    page.run((page.widget("Outside"), "kept"))
    page.run((page.widget("Inner"), "typed"))
    assert page.state["inner"] == "typed"
    page.run((page.widget("Hide"), True))  # a fragment run without the inner widget
    assert "inner" not in page.state
    assert page.state["outside"] == "kept"


def test_writes_outside_the_fragment_are_replaced_not_piled_up(tmp_path: Path) -> None:
    page = Page(
        tmp_path,
        """
        st.sidebar.write("sidebar first")
        col = st.columns(2)[1]
        col.write("column first")

        @st.fragment
        def part():
            n = st.session_state.n = st.session_state.get("n", 0) + 1
            st.button("Again")
            st.sidebar.write(f"from fragment {n}")
            col.write(f"column {n}")

        part()
        """,
    )
    for n in (1, 2, 3):
        sidebar = page.session.tree["children"][1]
        texts = [x["props"]["body"] for x in page.nodes(sidebar) if x["kind"] == "markdown"]
        assert texts == ["sidebar first", f"from fragment {n}"]
        assert [t for t in page.texts() if t.startswith("column")] == [
            "column first",
            f"column {n}",
        ]
        page.click("Again")


def test_rerun_scope_fragment(tmp_path: Path) -> None:
    source = """
    st.session_state.outer = st.session_state.get("outer", 0) + 1

    @st.fragment
    def part():
        n = st.session_state.n = st.session_state.get("n", 0) + 1
        st.write(f"n {n}")
        if st.button("Twice") and n % 2 == 0:
            st.rerun(scope="fragment")

    part()
    """
    page = Page(tmp_path, source)
    page.click("Twice")  # n = 2: reruns the fragment once more
    assert page.state["n"] == 3 and page.state["outer"] == 1
    assert "n 3" in page.texts()


def test_rerun_scope_fragment_in_a_full_run_is_an_error(tmp_path: Path) -> None:
    page = Page(tmp_path, "@st.fragment\ndef f():\n    st.rerun(scope='fragment')\nf()\n")
    [exc] = page.kinds("exception")
    assert 'scope="fragment" can only be specified' in exc["props"]["message"]


def test_rerun_of_the_app_from_a_fragment(tmp_path: Path) -> None:
    page = Page(
        tmp_path,
        """
        st.session_state.outer = st.session_state.get("outer", 0) + 1

        @st.fragment
        def part():
            if st.button("All"):
                st.rerun()

        part()
        """,
    )
    page.click("All")
    assert page.state["outer"] == 2


def test_rerun_by_key_from_a_callback(tmp_path: Path) -> None:
    page = Page(
        tmp_path,
        """
        st.session_state.outer = st.session_state.get("outer", 0) + 1

        @st.fragment(key="charts")
        def charts():
            st.session_state.c = st.session_state.get("c", 0) + 1

        charts()
        st.button("Refresh", on_click=lambda: st.rerun(scope="charts"))
        """,
    )
    page.click("Refresh")
    assert page.state["c"] == 2 and page.state["outer"] == 1


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.rerun(scope='')", "Invalid `scope` value."),
        ("st.rerun(scope=b'x')", "Invalid `scope` type."),
        ("st.rerun(scope=[])", "Got an empty list."),
        ("st.rerun(scope=['app'])", "'app' is a reserved scope name"),
        ("st.rerun(scope='charts')", "only allowed from a widget callback"),
        ("st.fragment(key='app')", "`app` is a reserved name"),
    ],
)
def test_rerun_scope_errors(tmp_path: Path, call: str, message: str) -> None:
    page = Page(tmp_path, call + "\n")
    [exc] = page.kinds("exception")
    assert message in exc["props"]["message"]


def test_an_exception_in_a_fragment_shows_in_it_and_stops_the_run(tmp_path: Path) -> None:
    page = Page(
        tmp_path,
        """
        @st.fragment
        def part():
            st.write("before")
            if st.button("Boom") or st.session_state.get("boom"):
                st.session_state.boom = True
                1 / 0

        part()
        st.write("after")
        """,
    )
    page.click("Boom")  # a fragment run: the error is shown in the fragment, "after" stays
    container = page.kinds("container")[0]
    assert [c["kind"] for c in container["children"]][-1] == "exception"
    assert page.texts() == ["before", "after"]
    page.run()  # a full run: shown in the fragment, and the script stops there
    assert page.texts() == ["before"]
    assert page.kinds("container")[0]["children"][-1]["kind"] == "exception"


def test_nested_fragments(tmp_path: Path) -> None:
    page = Page(
        tmp_path,
        """
        @st.fragment
        def outer():
            st.session_state.o = st.session_state.get("o", 0) + 1
            st.button("Outer")
            inner()

        @st.fragment
        def inner():
            st.session_state.i = st.session_state.get("i", 0) + 1
            st.button("Inner")

        outer()
        """,
    )
    page.click("Inner")
    assert (page.state["o"], page.state["i"]) == (1, 2)
    page.click("Outer")  # the outer fragment reruns the inner one it calls
    assert (page.state["o"], page.state["i"]) == (2, 3)
    page.click("Inner")  # the inner one is still registered after its parent's rerun
    assert (page.state["o"], page.state["i"]) == (2, 4)


def test_run_every_timer_reruns_the_fragment(tmp_path: Path) -> None:
    page = Page(
        tmp_path,
        """
        st.session_state.outer = st.session_state.get("outer", 0) + 1

        @st.fragment(run_every="2s")
        def clock():
            st.session_state.ticks = st.session_state.get("ticks", 0) + 1

        clock()
        """,
    )
    [timer] = page.kinds("fragment_timer")
    assert timer["props"]["interval"] == 2.0
    page.run((timer["id"], True))
    page.run((timer["id"], True))
    assert page.state["ticks"] == 3 and page.state["outer"] == 1
    assert len(page.kinds("fragment_timer")) == 1


def test_async_fragment(tmp_path: Path) -> None:
    page = Page(
        tmp_path,
        """
        import asyncio

        @st.fragment
        async def part():
            await asyncio.sleep(0)
            st.session_state.n = st.session_state.get("n", 0) + 1
            st.button("Go")

        await part()
        """,
    )
    page.click("Go")
    assert page.state["n"] == 2


DIALOG = """
st.session_state.outer = st.session_state.get("outer", 0) + 1

@st.dialog("Vote")
def vote(item):
    st.write(f"Voting for {item}")
    reason = st.text_input("Because", key="reason")
    if st.button("Submit"):
        st.session_state.voted = (item, reason)
        st.rerun()

if st.button("Open"):
    vote("A")
st.write(f"voted {st.session_state.get('voted')}")
"""


def test_a_dialog_reruns_alone_and_stays_open(tmp_path: Path) -> None:
    page = Page(tmp_path, DIALOG)
    page.click("Open")
    assert len(page.kinds("dialog")) == 1 and page.state["outer"] == 2
    page.run((page.widget("Because"), "why not"))
    assert len(page.kinds("dialog")) == 1 and page.state["outer"] == 2
    page.click("Submit")  # st.rerun() in the dialog: a full run, which closes it
    assert page.kinds("dialog") == [] and page.state["outer"] == 3
    assert "voted ('A', 'why not')" in page.texts()


def test_a_dismissed_dialog_closes_without_running_the_app(tmp_path: Path) -> None:
    page = Page(tmp_path, DIALOG)
    page.click("Open")
    [dialog] = page.kinds("dialog")
    page.run((dialog["props"]["dismiss_id"], True))
    assert page.kinds("dialog") == [] and page.state["outer"] == 2


def test_on_dismiss_rerun_reruns_the_app(tmp_path: Path) -> None:
    page = Page(
        tmp_path, DIALOG.replace('@st.dialog("Vote")', '@st.dialog("Vote", on_dismiss="rerun")')
    )
    page.click("Open")
    [dialog] = page.kinds("dialog")
    page.run((dialog["props"]["dismiss_id"], True))
    assert page.kinds("dialog") == [] and page.state["outer"] == 3


def test_a_dialog_in_a_page_of_a_multipage_app(tmp_path: Path) -> None:
    """Widgets of a page carry the page in their ids: a rerun of a fragment alone must
    run under the page it was called in."""
    (tmp_path / "home.py").write_text(
        "import streamlit as st\n" + textwrap.dedent(DIALOG), encoding="utf-8"
    )
    (tmp_path / "other.py").write_text("import streamlit as st\n", encoding="utf-8")
    page = Page(tmp_path, "st.navigation([st.Page('home.py'), st.Page('other.py')]).run()\n")
    page.click("Open")
    page.run((page.widget("Because"), "typed"))
    assert len(page.kinds("dialog")) == 1 and page.state["reason"] == "typed"
    page.click("Submit")
    assert page.kinds("dialog") == [] and page.state["outer"] == 3
