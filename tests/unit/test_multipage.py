"""Multipage apps: page names from file names, static discovery of pages (with
STC601 for a missing one), the site's routes, and navigation through AppTest and
the bridge (session state shared, widget ids per page, switch_page, page_link)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path, PurePath
from typing import Any

import pytest

from compiler._diagnostics import render_diagnostic
from compiler.analyse._parse import parse
from compiler.emit._page_entries import entry_config, page_routes
from runtime_wasm import _bridge
from runtime_wasm._pagefiles import page_icon_and_name, page_sort_key, pages_folder_scripts
from runtime_wasm._protocol import PROTOCOL_VERSION
from runtime_wasm.testing import AppTest

from ._analysis import analyse_app, findings, write_app

SITES = Path(__file__).resolve().parents[2] / "sites"


# -- names and order, as Streamlit derives them ---------------------------------------
@pytest.mark.parametrize(
    ("name", "icon", "page"),
    [
        pytest.param("1_📈_Charts.py", "📈", "Charts", id="number-emoji-name"),
        pytest.param("02_🗺️_Map.py", "🗺️", "Map", id="emoji-with-variation-selector"),
        pytest.param("3_Page three.py", "", "Page_three", id="spaces-become-underscores"),
        pytest.param("page_two.py", "", "page_two", id="no-number"),
        pytest.param("🎈 Hello.py", "🎈", "Hello", id="emoji-first"),
        pytest.param("123.py", "", "123", id="only-a-number"),
        pytest.param("a  b__c.py", "", "a_b_c", id="runs-collapse"),
        pytest.param("é_page.py", "", "é_page", id="non-ascii-not-emoji"),
    ],
)
def test_page_icon_and_name(name: str, icon: str, page: str) -> None:
    assert page_icon_and_name(PurePath(name)) == (icon, page)


def test_pages_folder_order() -> None:
    names = ["b.py", "10_ten.py", "2_two.py", "__init__.py", ".hidden.py", "a.py", "notes.txt"]
    assert pages_folder_scripts(names) == ["2_two.py", "10_ten.py", "a.py", "b.py"]
    assert page_sort_key(PurePath("10_x.py")) == (10.0, "x")


def test_emoji_agree_with_streamlit() -> None:
    source_util = pytest.importorskip("streamlit.source_util")
    emojis = pytest.importorskip("streamlit.emojis")
    for emoji in sorted(emojis.ALL_EMOJIS):
        for name in (f"{emoji}_Name.py", f"1_{emoji} Name.py", f"{emoji}.py"):
            path = Path(name)
            assert page_icon_and_name(path) == source_util.page_icon_and_name(path), name


# -- discovery ------------------------------------------------------------------------
def _routes(tmp_path: Path, files: dict[str, str]) -> tuple[tuple[str, ...], Any]:
    analysis = analyse_app(tmp_path, files)
    parsed = parse(tmp_path / "app.py", tmp_path / "site")
    return page_routes(parsed, analysis), analysis


@pytest.mark.parametrize(
    ("files", "routes"),
    [
        pytest.param(
            {"app.py": "", "pages/2_B.py": "", "pages/1_📈_A.py": "", "pages/sub/x.py": ""},
            ("A", "B"),
            id="pages-folder",
        ),
        pytest.param(
            {
                "app.py": """
                import streamlit as st
                def about(): ...
                st.navigation([
                    st.Page("home.py", default=True),
                    st.Page("c.py", url_path="count"),
                    "d_page.py",
                    about,
                ]).run()
                """,
                "home.py": "",
                "c.py": "",
                "d_page.py": "",
            },
            ("d_page", "about", "count"),
            id="navigation-literals",
        ),
        pytest.param(
            {
                "app.py": """
                from streamlit import Page as P, navigation
                sections = {"A": [P("x.py", title="X")], "B": [P("y.py", url_path=compute())]}
                navigation(sections).run()
                """,
                "x.py": "",
                "y.py": "",
            },
            ("x",),
            id="aliases-and-computed-url-path",
        ),
        pytest.param(
            {
                "app.py": """
                from st_pages import Page, Section, show_pages
                show_pages([Page("app.py", "Home"), Section("S"), Page("t/n.py", "N")])
                """,
                "t/n.py": "",
            },
            ("n",),
            id="st-pages-0x",
        ),
        pytest.param(
            {
                "app.py": "import st_pages\n",
                ".streamlit/pages.toml": (
                    '[[pages]]\npath = "app.py"\n[[pages]]\nname = "S"\nis_section = true\n'
                    '[[pages]]\npath = "w.py"\nurl_path = "words"\n'
                ),
                "w.py": "",
            },
            ("words",),
            id="pages-toml",
        ),
        pytest.param({"app.py": "import streamlit as st\n"}, (), id="single-page"),
    ],
)
def test_routes(tmp_path: Path, files: dict[str, str], routes: tuple[str, ...]) -> None:
    found, analysis = _routes(tmp_path, files)
    assert found == routes
    assert not analysis.errors


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param('import streamlit as st\nst.Page("nope.py")\n', [2], id="st-page"),
        pytest.param('import streamlit as st\nst.navigation(["x.py", "nope.py"])\n', [2], id="nav"),
        pytest.param('import streamlit as st\nst.switch_page("nope.py")\n', [2], id="switch"),
        pytest.param(
            'import streamlit as st\nc, = st.columns(1)\nc.page_link("pages/nope.py")\n',
            [3],
            id="page-link-on-a-column",
        ),
        pytest.param('import streamlit as st\nst.Page("x.py")\n', [], id="exists"),
        pytest.param(
            'import streamlit as st\nst.page_link("https://a.b", label="a")\n', [], id="url"
        ),
        pytest.param("import streamlit as st\nst.Page(name_of_file)\n", [], id="computed"),
    ],
)
def test_missing_page_is_stc601(tmp_path: Path, source: str, expected: list[int]) -> None:
    analysis = analyse_app(tmp_path, {"app.py": source, "x.py": ""})
    assert [line for _, _, line in findings(analysis, "STC601")] == expected


def test_missing_page_diagnostic_location(tmp_path: Path) -> None:
    analysis = analyse_app(tmp_path, {"app.py": 'import streamlit as st\nst.Page( "gone.py")\n'})
    (diagnostic,) = analysis.errors
    assert diagnostic.code == "STC601"
    assert diagnostic.message == "page gone.py is not a file of the app"
    assert (diagnostic.span.line, diagnostic.span.col, diagnostic.span.end_col) == (2, 10, 19)


# -- two pages, one URL pathname (STC602) ----------------------------------------------
# the app's files → (path, line) of every STC602: the pages/ folder
FOLDER_COLLISIONS = [
    pytest.param(
        ["pages/1_Data.py", "pages/2_Data.py", "pages/01_Data.py", "pages/3_Other.py"],
        [("pages/1_Data.py", 0), ("pages/2_Data.py", 0)],  # 01_ and 1_ tie: name order
        id="number-prefix-only",
    ),
    pytest.param(["pages/app.py"], [("pages/app.py", 0)], id="the-main-script-is-a-page"),
    pytest.param(
        ["pages/1_📈_Charts.py", "pages/2_Charts.py"],
        [("pages/2_Charts.py", 0)],
        id="icon-is-not-the-name",
    ),
    pytest.param(["pages/a b.py", "pages/a_b.py"], [("pages/a_b.py", 0)], id="space-is-underscore"),
    pytest.param(["pages/data.py", "pages/Data.py"], [], id="case-differs"),
    pytest.param(["pages/1_Data.py", "pages/1_Data_2.py"], [], id="different-names"),
    pytest.param(["pages/x.py", "pages/.x.py", "pages/__init__.py"], [], id="not-pages"),
    pytest.param(["lib/1_x.py", "lib/2_x.py"], [], id="not-the-pages-folder"),
]


@pytest.mark.parametrize(("files", "expected"), FOLDER_COLLISIONS)
def test_pages_folder_collision_is_stc602(
    tmp_path: Path, files: list[str], expected: list[tuple[str, int]]
) -> None:
    app = {"app.py": "import streamlit as st\n", **{f: "import streamlit as st\n" for f in files}}
    analysis = analyse_app(tmp_path, app)
    assert [(path, line) for _, path, line in findings(analysis, "STC602")] == expected


_ST = "import streamlit as st\n"
# app.py's source → line of every STC602 within one st.navigation
NAVIGATION_COLLISIONS = [
    pytest.param(
        _ST + 'st.navigation([st.Page("a.py"),\n st.Page("b.py", url_path="a")])\n',
        [3],
        id="url-path-literal",
    ),
    pytest.param(
        _ST + 'a = st.Page("a.py")\nb = st.Page("b.py", url_path="/a/")\nst.navigation([a, b])\n',
        [4],
        id="names-bound-once",
    ),
    pytest.param(
        _ST + 'pages = [st.Page("a.py"), st.Page("b.py", url_path="a")]\nst.navigation(pages)\n',
        [2],
        id="list-bound-once",
    ),
    pytest.param(
        _ST + 'st.navigation({"X": [st.Page("a.py")],\n "Y": [st.Page("sub/a.py")]})\n',
        [3],
        id="across-sections",
    ),
    pytest.param(
        _ST + 'st.navigation([st.Page("a.py", default=True), st.Page("b.py", url_path="a")])\n',
        [2],
        id="default-page-reserves-its-name",
    ),
    pytest.param(_ST + 'def a(): ...\nst.navigation([a, "a.py"])\n', [3], id="callable-and-file"),
    pytest.param(
        _ST + 'st.navigation([st.Page("https://x.invalid", title="A"), "a.py"])\n',
        [2],
        id="external-title",
    ),
    pytest.param(_ST + 'st.navigation(["a.py", "a.py"])\n', [2], id="same-file-twice"),
    pytest.param(
        _ST + 'if x:\n    st.navigation([st.Page("a.py")])\n'
        'else:\n    st.navigation([st.Page("b.py", url_path="a")])\n',
        [],
        id="two-navigations",
    ),
    pytest.param(
        _ST + 'st.navigation([st.Page("a.py"), st.Page("b.py", url_path=name)])\n',
        [],
        id="computed-url-path",
    ),
    pytest.param(
        _ST + 'p = st.Page("b.py")\nif x:\n    p = st.Page("b.py", url_path="a")\n'
        'st.navigation([st.Page("a.py"), p])\n',
        [],
        id="name-bound-twice",
    ),
    pytest.param(
        _ST + 'st.navigation([st.Page("a.py"), st.Page("b.py", url_path="A")])\n',
        [],
        id="case-differs",
    ),
    pytest.param(
        _ST + 'st.navigation([st.Page("a.py"), *more, st.Page("b.py")])\n', [], id="starred"
    ),
]


@pytest.mark.parametrize(("source", "expected"), NAVIGATION_COLLISIONS)
def test_navigation_collision_is_stc602(tmp_path: Path, source: str, expected: list[int]) -> None:
    files = {"app.py": source, "a.py": "", "b.py": "", "sub/a.py": ""}
    analysis = analyse_app(tmp_path, files)
    assert [line for _, _, line in findings(analysis, "STC602")] == expected


def test_collision_diagnostics_render(tmp_path: Path) -> None:
    source = (
        _ST + 'home = st.Page("home.py")\nst.navigation([home, st.Page(about, url_path="home")])\n'
    )
    analysis = analyse_app(
        tmp_path,
        {
            "app.py": source.replace("home =", "def about(): ...\nhome ="),
            "home.py": "",
            "pages/1_Data.py": "",
            "pages/2_Data.py": "",
        },
    )
    with contextlib.chdir(tmp_path):
        rendered = [render_diagnostic(d) for d in analysis.diagnostics if d.code == "STC602"]
    assert rendered == [
        "app.py:4:22: error[STC602]: two pages resolve to the URL pathname /home: home.py and "
        'callable titled "about"\n'
        '    st.navigation([home, st.Page(about, url_path="home")])\n'
        "                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "  hint: set a unique url_path in st.Page for one of them; Streamlit stops the app "
        "with a StreamlitAPIException naming both",
        "pages/2_Data.py: error[STC602]: two pages resolve to the URL pathname /Data: "
        "pages/1_Data.py and pages/2_Data.py\n"
        "  hint: rename one of the files: the number prefix orders pages, the rest names "
        "them; Streamlit stops the app with a StreamlitAPIException naming both",
    ]


def test_entry_config_climbs_to_the_root() -> None:
    config = {"pyodide": "pyodide/", "runtime": "stc/runtime.zip", "app": "stc/app.zip"}
    config |= {"lock": "packages/pyodide-lock.json", "entry": "app.py"}
    assert entry_config({**config, "pyodide": "https://cdn/x/"}, "../") == {
        "pyodide": "https://cdn/x/",
        "runtime": "../stc/runtime.zip",
        "app": "../stc/app.zip",
        "lock": "../packages/pyodide-lock.json",
        "entry": "app.py",
        "root": "../",
    }


# -- navigation semantics (AppTest) ---------------------------------------------------
def _menu(at: AppTest) -> list[str]:
    # The menu is the sidebar's prop, which the page draws, not an element of its tree:
    # Streamlit sends the pages in a message of their own, which its AppTest leaves out.
    assert at.sidebar.children == [] or at.sidebar.children[0].type != "navigation"
    menu = at.sidebar.props["navigation"]
    return [p["title"] for s in menu["sections"] for p in s["pages"]]


def test_pages_folder_app() -> None:
    at = AppTest.from_file(SITES / "multipage" / "app.py").run()
    assert at.title[0].value == "Home"
    assert _menu(at) == ["app", "Charts", "Settings"]
    at.switch_page("pages/1_📈_Charts.py").run()
    assert at.title[0].value == "Charts"
    assert at.markdown[0].value == "Visits so far: 1"  # one session state for all pages
    at.button[0].click().run()  # st.switch_page("app.py")
    assert at.title[0].value == "Home"
    assert at.session_state["visits"] == 2


def test_same_widget_on_two_pages_does_not_collide(tmp_path: Path) -> None:
    entry = write_app(
        tmp_path,
        {
            "app.py": """
            import streamlit as st
            def a(): st.checkbox("Same", key="k")
            def b(): st.checkbox("Same", key="k")
            st.navigation([a, b]).run()
            """
        },
    )
    at = AppTest.from_file(entry).run()
    first = at.checkbox[0].id
    at._session.navigation.request_url("b")
    at.run()
    assert at.checkbox[0].id != first


def test_page_whose_top_level_awaits_runs_after_main_as_its_own_main(tmp_path: Path) -> None:
    # The compiler turns time.sleep into await asyncio.sleep: page.run() cannot finish
    # such a page synchronously, so the run awaits it after the main script.
    entry = write_app(
        tmp_path,
        {
            "app.py": """
            import sys
            import streamlit as st
            page = st.navigation([st.Page("slow.py")])
            page.run()
            st.write("main", sys.modules["__main__"].__file__.endswith("app.py"))
            """,
            "slow.py": """
            import asyncio, sys
            import streamlit as st
            await asyncio.sleep(0)
            st.write("page", sys.modules["__main__"].__file__.endswith("slow.py"))
            """,
        },
    )
    at = AppTest.from_file(entry).run()
    assert [m.value for m in at.markdown] == ["main `True`", "page `True`"]


def test_navigation_app_sections_switch_page_and_page_link() -> None:
    at = AppTest.from_file(SITES / "navigation" / "app.py").run()
    assert at.title[0].value == "Home page"
    menu = at.sidebar.props["navigation"]
    assert [s["header"] for s in menu["sections"]] == ["Main", "More"]
    link = at.get("page_link")[0].props
    assert (link["label"], link["page"]) == ("Open the counter", "count")
    at.switch_page("counter.py").run()
    assert at.title[0].value == "Counter page"
    at.button[0].click().run()
    at._session.navigation.request_url("about")
    at.run()
    assert at.markdown[0].value == "Counter is 1"
    at.button[0].click().run()  # st.switch_page(page object)
    assert at.title[0].value == "Counter page"


def test_switch_page_clears_or_sets_query_params(tmp_path: Path) -> None:
    entry = write_app(
        tmp_path,
        {
            "app.py": """
            import streamlit as st
            def a():
                if st.button("go"): st.switch_page(pb, query_params={"x": "1"})
                if st.button("bare"): st.switch_page(pb)
            def b(): st.write(dict(st.query_params))
            pb = st.Page(b)
            st.navigation([a, pb]).run()
            """
        },
    )
    at = AppTest.from_file(entry)
    at.query_params["keep"] = "no"
    at.run()
    at.button[0].click().run()
    assert at.query_params == {"x": "1"}
    at2 = AppTest.from_file(entry)
    at2.query_params["keep"] = "no"
    at2.run().button[1].click().run()
    assert at2.query_params == {}


def test_unknown_page_is_the_default_and_page_errors(tmp_path: Path) -> None:
    entry = write_app(
        tmp_path,
        {
            "app.py": """
            import streamlit as st
            def a(): st.write("A")
            def b(): st.write("B")
            pg = st.navigation([a, b])
            if st.session_state.get("twice"): pg.run()
            pg.run()
            """
        },
    )
    at = AppTest.from_file(entry)
    at._session.navigation.request_url("nope")
    at.run()
    assert at.markdown[0].value == "A"
    at.session_state["twice"] = True
    at.run()
    assert at.exception[0].value.startswith("This page cannot be called directly")


DUPLICATE_APPS = [
    pytest.param(
        {"app.py": "import streamlit as st\n", "pages/1_Data.py": "", "pages/01_Data.py": ""},
        id="pages-folder",
    ),
    pytest.param(
        {"app.py": "import streamlit as st\n", "pages/app.py": ""}, id="pages-folder-main-script"
    ),
    pytest.param(
        {
            "app.py": """
            import streamlit as st
            def about(): ...
            st.navigation({
                "Main": [st.Page("home.py", default=True)],
                "More": [st.Page(about, url_path="home", visibility="hidden")],
            })
            """,
            "home.py": "",
        },
        id="sections-hidden-default-callable",
    ),
    pytest.param(
        {
            "app.py": """
            import streamlit as st
            st.navigation([st.Page("docs.py"), st.Page("https://x.invalid", title="Docs")])
            """,
            "docs.py": "",
        },
        id="external-url",
    ),
]


@pytest.mark.parametrize("files", DUPLICATE_APPS)
def test_duplicate_url_path_error_is_streamlits(tmp_path: Path, files: dict[str, str]) -> None:
    streamlit_testing = pytest.importorskip("streamlit.testing.v1")
    entry = write_app(tmp_path, files)
    ours = AppTest.from_file(entry).run().exception
    theirs = streamlit_testing.AppTest.from_file(str(entry)).run().exception
    assert ours[0].value.startswith("Two pages resolve to the URL pathname")
    assert ours[0].value == theirs[0].value


def test_st_pages_0x_app() -> None:
    at = AppTest.from_file(SITES / "st_pages" / "app.py").run()
    assert at.title[0].value == "🏠 Home"
    menu = at.sidebar.props["navigation"]
    assert [s["header"] for s in menu["sections"]] == ["", "🧰 Tools"]
    at.switch_page("tools/numbers.py").run()
    assert at.title[0].value == "🔢 Numbers"


def test_st_pages_1x_get_nav_from_toml(tmp_path: Path) -> None:
    entry = write_app(
        tmp_path,
        {
            "app.py": """
            import streamlit as st
            from st_pages import add_page_title, get_nav_from_toml
            pg = st.navigation(get_nav_from_toml())
            add_page_title(pg)
            pg.run()
            """,
            ".streamlit/pages.toml": """
            [[pages]]
            path = "home.py"
            name = "Home"
            icon = ":house:"
            [[pages]]
            name = "Tools"
            icon = "🧰"
            is_section = true
            [[pages]]
            path = "two.py"
            """,
            "home.py": "import streamlit as st\nst.write('home')\n",
            "two.py": "import streamlit as st\nst.write('two')\n",
        },
    )
    at = AppTest.from_file(entry).run()
    assert at.title[0].value == "🏠 Home"
    assert [s["header"] for s in at.sidebar.props["navigation"]["sections"]] == ["", "🧰 Tools"]


# -- the bridge: which page the URL names, and the URL of the page that ran ----------
def test_bridge_boots_on_the_page_the_url_names_and_sends_navigate(
    clean_process: None,
) -> None:
    messages: list[dict[str, Any]] = []
    config = {
        "protocol": PROTOCOL_VERSION, "entry": "app.py", "pyodide": "", "runtime": "",
        "app": "", "url": "http://h/my-repo/count/?a=1", "page": "count",
    }  # fmt: skip
    app_dir = str(SITES / "navigation")
    asyncio.run(_bridge.boot(json.dumps(config), lambda m: messages.append(json.loads(m)), app_dir))
    assert [m["type"] for m in messages] == ["render"]
    url = {"type": "url", "url": "http://h/my-repo/about/", "page": "about"}
    asyncio.run(_bridge.handle(json.dumps(url)))
    tree = json.dumps(messages[-1]["tree"])
    assert "Counter is 0" in tree
    button = next(
        n for n in _walk(messages[-1]["tree"]) if n["kind"] == "button"
    )  # "To the counter": st.switch_page
    asyncio.run(
        _bridge.handle(
            json.dumps({"type": "widget", "updates": [{"id": button["id"], "value": True}]})
        )
    )
    navigate = [m for m in messages if m["type"] == "navigate"]
    assert navigate == [{"type": "navigate", "page": "count", "search": "", "replace": False}]


def _walk(node: dict[str, Any]) -> Any:
    yield node
    for child in node.get("children", []):
        yield from _walk(child)


@pytest.mark.parametrize(
    ("site", "not_found"),
    [
        pytest.param("navigation", "", id="st.navigation-app"),  # Streamlit sends ""
        pytest.param("multipage", "nope", id="pages-folder-app"),  # and the name asked for
    ],
)
def test_an_address_that_names_no_page_runs_the_main_page_and_says_so(
    clean_process: None, site: str, not_found: str
) -> None:
    messages: list[dict[str, Any]] = []
    config = {
        "protocol": PROTOCOL_VERSION, "entry": "app.py", "pyodide": "", "runtime": "",
        "app": "", "url": "http://h/my-repo/nope/", "page": "nope",
    }  # fmt: skip
    app_dir = str(SITES / site)
    asyncio.run(_bridge.boot(json.dumps(config), lambda m: messages.append(json.loads(m)), app_dir))
    navigate = [m for m in messages if m["type"] == "navigate"]
    assert navigate == [
        {"type": "navigate", "page": "", "search": "", "replace": True, "not_found": not_found}
    ]
