"""STC104: ``st.*`` calls judged against the runtime's signatures, in Python's words.

First the judgement alone: each row is a ``def f(<params>)`` and a call
``f(<args>)``, and the judgement must be exactly what CPython says when it runs (or
compiles) that call, and nothing when the call binds or a ``*``/``**`` argument
leaves the answer open. Then the rule on apps: which calls are ``st.*`` calls.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import libcst as cst
import pytest

from compiler.analyse._analyse import analyse
from compiler.analyse._parse import parse
from compiler.analyse.passes._signatures import Params, mismatch, shown
from compiler.cli import main
from runtime_wasm import streamlit as st
from tests.unit._analysis import analyse_app, assert_snapshot, write_app


def _python_says(params: str, args: str) -> str | None:
    """What CPython raises for ``f(<args>)``: the message, or ``None`` when it binds."""
    namespace: dict[str, Any] = {}
    exec(f"def f({params}): pass", namespace)
    try:
        code = compile(f"f({args})", "<call>", "eval")
    except SyntaxError as error:
        return error.msg
    try:
        eval(code, namespace)
    except TypeError as error:
        return str(error)
    return None


def _we_say(params: str, args: str) -> tuple[str, str] | None:
    """The judgement on the source: the message and the text of the node it points at."""
    namespace: dict[str, Any] = {}
    exec(f"def f({params}): pass", namespace)
    module = cst.parse_module(f"f({args})\n")
    call = cst.ensure_type(
        cst.ensure_type(module.body[0], cst.SimpleStatementLine).body[0], cst.Expr
    ).value
    params = Params.of(inspect.signature(namespace["f"]))
    found = mismatch("f", params, cst.ensure_type(call, cst.Call))
    if found is None:
        return None
    return found.message, module.code_for_node(found.node).rstrip(", ")


@pytest.mark.parametrize(
    ("params", "args", "points_at"),
    [
        pytest.param("a, b=1, *, c=2", "1, d=3", "d=3", id="unexpected-keyword"),
        pytest.param("*args, u=False", "'x', nonsense=1", "nonsense=1", id="varargs-unexpected"),
        pytest.param("*args, u=False", "args=1", "args=1", id="varargs-name-is-no-keyword"),
        pytest.param("a, b=1", "1, a=2", "a=2", id="multiple-values"),
        pytest.param("a, b=1", "1, 2, b=3", "b=3", id="multiple-values-second"),
        pytest.param("a, b=1", "1, x=1, a=2", "x=1", id="first-bad-keyword-wins"),
        pytest.param("a, b=1", "1, a=2, x=1", "a=2", id="first-bad-keyword-wins-2"),
        pytest.param("a, /, b=1", "a=1", "a=1", id="positional-only-by-keyword"),
        pytest.param("a, b, /", "a=1, b=2", "a=1", id="positional-only-two"),
        pytest.param("a, b=1", "1, 2, 3", "3", id="too-many-from-to"),
        pytest.param("a, b", "1, 2, 3, 4", "3", id="too-many-exact"),
        pytest.param("a", "1, 2", "2", id="too-many-one"),
        pytest.param("", "1", "1", id="too-many-none-was"),
        pytest.param("*, k=1", "1, 2", "1", id="too-many-keyword-only"),
        pytest.param("a, *, k=1", "1, 2, k=3", "2", id="too-many-and-keyword-only"),
        pytest.param("a, *, j=1, k=1", "1, 2, 3, j=3, k=4", "2", id="too-many-and-2-keyword-only"),
        pytest.param("a, b=1", "1, 2, 3, x=1", "x=1", id="keyword-before-count"),
        pytest.param("a", "", "f()", id="missing-one"),
        pytest.param("a, b, c=1", "", "f()", id="missing-two"),
        pytest.param("a, b, c", "c=1", "f(c=1)", id="missing-two-of-three"),
        pytest.param("a, b, c", "", "f()", id="missing-three"),
        pytest.param("a, *, k", "1", "f(1)", id="missing-keyword-only"),
        pytest.param("a, *, k, j", "", "f()", id="missing-positional-before-keyword-only"),
        # -- bind: no judgement ------------------------------------------------------------
        pytest.param("a, b=1, *, c=2", "1, 2, c=3", None, id="binds"),
        pytest.param("a, b=1", "b=2, a=1", None, id="binds-by-keyword"),
        pytest.param("a, /, **kw", "1, a=2", None, id="kwargs-takes-positional-only-name"),
        pytest.param("a, **kw", "1, anything=2", None, id="kwargs-takes-any-keyword"),
        pytest.param("*args", "1, 2, 3, 4, 5", None, id="varargs-take-any-count"),
        pytest.param("*args, **kw", "", None, id="nothing-required"),
    ],
)
def test_judged_as_python_judges(params: str, args: str, points_at: str | None) -> None:
    expected = _python_says(params, args)
    judged = _we_say(params, args)
    if points_at is None:
        assert expected is None
        assert judged is None
    else:
        assert expected is not None
        assert judged == (expected, points_at)


@pytest.mark.parametrize(
    ("params", "args", "expected"),
    [
        # a splat may fill what is missing, or give a value twice: not judged
        pytest.param("a", "*xs", None, id="star-fills-missing"),
        pytest.param("a, *, k", "**kw", None, id="double-star-fills-missing"),
        pytest.param("a, b", "*xs, a=1", None, id="star-may-give-twice"),
        pytest.param("a, b", "1, **kw", None, id="double-star-may-give-twice"),
        pytest.param(
            "a, *, k",
            "*xs",
            "f() missing 1 required keyword-only argument: 'k'",
            id="star-cannot-fill-keyword-only",
        ),
        # what a splat cannot change is still certain
        pytest.param(
            "a",
            "1, 2, *xs",
            "f() takes 1 positional argument but at least 2 were given",
            id="star-only-adds-positionals",
        ),
        pytest.param(
            "a",
            "*xs, x=1",
            "f() got an unexpected keyword argument 'x'",
            id="star-does-not-take-keywords",
        ),
        pytest.param(
            "a",
            "**kw, x=1",
            "f() got an unexpected keyword argument 'x'",
            id="double-star-does-not-take-keywords",
        ),
        pytest.param(
            "a, b",
            "1, *xs, a=2",
            "f() got multiple values for argument 'a'",
            id="star-after-positional-twice",
        ),
    ],
)
def test_splats(params: str, args: str, expected: str | None) -> None:
    judged = _we_say(params, args)
    assert (judged[0] if judged else None) == expected


def test_shown_signature_reads_like_the_docs() -> None:
    assert shown(inspect.signature(st.title)) == (
        "(body, anchor=None, *, help=None, icon=None, width='stretch', "
        "text_alignment='left', wrap=True)"
    )
    assert shown(inspect.signature(st.help)) == "(obj=streamlit, *, width='stretch')"
    assert "format_func=str," in shown(inspect.signature(st.radio))


# -- the rule on apps ----------------------------------------------------------------

Found = tuple[str, int, int, str]  # code, line, column, message


def _stc104(tmp_path: Path, source: str) -> list[Found]:
    analysis = analyse_app(tmp_path, {"app.py": source})
    return [
        (d.code, d.span.line, d.span.col, d.message)
        for d in analysis.diagnostics
        if d.code in ("STC101", "STC103", "STC104")
    ]


def _bad(line: int, col: int, message: str) -> list[Found]:
    return [("STC104", line, col, message)]


SLIDER_17 = ", ".join(f"'{c}'" for c in "abcdefghijklmnopq")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # -- what Python would raise ----------------------------------------------------
        pytest.param(
            "import streamlit as st\nst.write('x', nonsense=1)\n",
            _bad(2, 15, "st.write() got an unexpected keyword argument 'nonsense'"),
            id="unknown-keyword-varargs",
        ),
        pytest.param(
            "import streamlit as st\nst.title('x', foo=2)\n",
            _bad(2, 15, "st.title() got an unexpected keyword argument 'foo'"),
            id="unknown-keyword",
        ),
        pytest.param(
            "import streamlit as st\nst.title(text=1, foo=2)\n",
            _bad(2, 10, "st.title() got an unexpected keyword argument 'text'"),
            id="first-unknown-keyword",
        ),
        pytest.param(
            f"import streamlit as st\nst.slider({SLIDER_17})\n",
            _bad(2, 66, "st.slider() takes from 1 to 11 positional arguments but 17 were given"),
            id="too-many-positional",
        ),
        pytest.param(
            "import streamlit as st\nst.title('x', None, 'help')\n",
            _bad(2, 21, "st.title() takes from 1 to 2 positional arguments but 3 were given"),
            id="keyword-only-given-by-position",
        ),
        pytest.param(
            "import streamlit as st\nst.text_input('Name', label='x')\n",
            _bad(2, 23, "st.text_input() got multiple values for argument 'label'"),
            id="positional-and-keyword",
        ),
        pytest.param(
            "import streamlit as st\nst.selectbox('Pick')\n",
            _bad(2, 1, "st.selectbox() missing 1 required positional argument: 'options'"),
            id="missing",
        ),
        pytest.param(
            "import streamlit as st\nst.metric()\n",
            _bad(2, 1, "st.metric() missing 2 required positional arguments: 'label' and 'value'"),
            id="missing-two",
        ),
        # -- every way of reaching a command ---------------------------------------------
        pytest.param(
            "import streamlit as s\ns.title('x', foo=2)\n",
            _bad(2, 14, "st.title() got an unexpected keyword argument 'foo'"),
            id="alias",
        ),
        pytest.param(
            "from streamlit import slider as sl\nsl('a', label='b')\n",
            _bad(2, 9, "st.slider() got multiple values for argument 'label'"),
            id="from-import",
        ),
        pytest.param(
            "import streamlit as st\nst.sidebar.button()\n",
            _bad(2, 1, "st.button() missing 1 required positional argument: 'label'"),
            id="sidebar",
        ),
        pytest.param(
            "import streamlit as st\nc1, c2 = st.columns(2)\nc2.metric('a', valu=1)\n",
            _bad(3, 16, "st.metric() got an unexpected keyword argument 'valu'"),
            id="column-variable",
        ),
        pytest.param(
            "import streamlit as st\ncols = st.columns(2)\ncols[0].write('a', b=1)\n",
            _bad(3, 20, "st.write() got an unexpected keyword argument 'b'"),
            id="column-indexed",
        ),
        pytest.param(
            "import streamlit as st\nfor t in st.tabs(['a']):\n    t.header()\n",
            _bad(3, 5, "st.header() missing 1 required positional argument: 'body'"),
            id="tab-iterated",
        ),
        pytest.param(
            "import streamlit as st\nwith st.form('f') as f:\n    f.text_input(lbl='x')\n",
            _bad(3, 18, "st.text_input() got an unexpected keyword argument 'lbl'"),
            id="with-as",
        ),
        pytest.param(
            "import streamlit as st\nph = st.empty()\nph.text('a', 'b', 'c')\n",
            _bad(3, 14, "st.text() takes 1 positional argument but 3 were given"),
            id="placeholder",
        ),
        pytest.param(
            "import streamlit as st\nst.column_config.NumberColumn('n', min=0)\n",
            _bad(2, 36, "st.column_config.NumberColumn() got an unexpected keyword argument 'min'"),
            id="column-config",
        ),
        pytest.param(
            "from streamlit.column_config import TextColumn\nTextColumn('a', 'b')\n",
            _bad(
                2,
                17,
                "st.column_config.TextColumn() takes from 0 to 1 positional arguments "
                "but 2 were given",
            ),
            id="column-config-imported",
        ),
        pytest.param(
            "import streamlit.components.v1 as components\ncomponents.html('<b>', heigth=9)\n",
            _bad(2, 24, "st.components.v1.html() got an unexpected keyword argument 'heigth'"),
            id="components-v1",
        ),
        pytest.param(
            "import streamlit as st\nst.components.v1.iframe()\n",
            _bad(2, 1, "st.components.v1.iframe() missing 1 required positional argument: 'src'"),
            id="components-v1-attribute",
        ),
        pytest.param(
            "import streamlit as st\nst.Page('p.py', titel='P')\n",
            _bad(2, 17, "st.Page() got an unexpected keyword argument 'titel'"),
            id="class",
        ),
        pytest.param(
            "import streamlit as st\n@st.cache_data(tll=60)\ndef f():\n    pass\n",
            _bad(2, 16, "st.cache_data() got an unexpected keyword argument 'tll'"),
            id="decorator-called",
        ),
        pytest.param(
            "import streamlit as st\n@st.dialog()\ndef f():\n    pass\n",
            _bad(2, 2, "st.dialog() missing 1 required positional argument: 'title'"),
            id="dialog-without-title",
        ),
        # -- splats: what they could supply or absorb is not judged ------------------------
        pytest.param("import streamlit as st\nst.title(*args)\n", [], id="star"),
        pytest.param("import streamlit as st\nst.title(**kw)\n", [], id="double-star"),
        pytest.param("import streamlit as st\nst.selectbox('x', *o)\n", [], id="star-fills"),
        pytest.param("import streamlit as st\nst.title(*a, body=1)\n", [], id="star-may-clash"),
        pytest.param(
            "import streamlit as st\nst.slider(**kw, key='k')\n", [], id="double-star-and-keyword"
        ),
        # -- valid calls of every kind of signature ----------------------------------------
        pytest.param(
            "import streamlit as st\nst.write('a', 1, [2], unsafe_allow_html=True)\n"
            "st.title(body='t', anchor=False, help='h')\n"
            "st.slider('s', 0, 10, 5, 1, None, 'k', 'h', None, None, None, disabled=True)\n"
            "st.pyplot(None, False, dpi=100, bbox_inches='tight')\n"
            "st.column_config.TextColumn('t', width='small')\n"
            "st.Page('p.py', title='P', icon=':material/home:', default=True)\n"
            "st.components.v1.html('<b>', height=100)\n"
            "st.sidebar.columns([1, 2], gap='large')\n"
            "st.help()\n",
            [],
            id="valid-calls",
        ),
        pytest.param(
            "import streamlit as st\n@st.cache_data\ndef a(): pass\n"
            "@st.cache_data(ttl=3600, show_spinner=False)\ndef b(): pass\n"
            "@st.cache_resource(max_entries=2)\ndef c(): pass\n"
            "@st.fragment\ndef d(): pass\n@st.fragment(run_every=2)\ndef e(): pass\n"
            '@st.dialog("t", width="large")\ndef f(): pass\n',
            [],
            id="decorators",
        ),
        pytest.param(
            "import streamlit as st\nst.experimental_rerun(1, 2, x=3)\nst.beta_columns(2, z=1)\n",
            [],
            id="old-names-take-anything",
        ),
        pytest.param(
            "import streamlit as st\nwith st.status('s') as s:\n    s.update(label='done')\n"
            "st.cache_data.clear()\nst.session_state.get('k', 0)\nst.query_params.get('q')\n"
            "ph = st.text('x')\nph.nonsense(1, 2, 3)\n"
            "event = st.dataframe([], on_select='rerun')\nevent.selection.rows.count(1, 2)\n",
            [],
            id="methods-of-objects",
        ),
        pytest.param(
            "import streamlit as st\nst.App(None, nonsense=1)\n",
            [("STC101", 2, 1, "st.App is not available in stc yet")],
            id="not-yet-is-not-judged",
        ),
        pytest.param(
            "import streamlit as st\nif x:\n    import mock as st\nst.title(foo=1)\n",
            [
                (
                    "STC103",
                    3,
                    5,
                    "st is also bound to something else here, so stc does not check "
                    "the st.* calls made through it",
                )
            ],
            id="ambiguous-st",
        ),
        pytest.param(
            "import streamlit as st\ndef f(st):\n    st.title(foo=1)\n",
            [
                (
                    "STC103",
                    2,
                    7,
                    "st is shadowed by this local name, so stc does not check the st.* "
                    "calls made through it",
                )
            ],
            id="shadowed-st",
        ),
        pytest.param(
            "from streamlit import title\ntitle = print\ntitle(foo=1)\n", [], id="rebound-import"
        ),
        pytest.param("st = Fake()\nst.title(foo=1)\n", [], id="local-st"),
        pytest.param(
            "import streamlit as st\nc = st.container()\nc = Fake()\nc.title(foo=1)\n",
            [
                (
                    "STC103",
                    3,
                    1,
                    "c is also bound to something else here, so stc does not check "
                    "the st.* calls made through it",
                )
            ],
            id="ambiguous-container",
        ),
    ],
)
def test_calls_of_st_commands(tmp_path: Path, source: str, expected: list[Found]) -> None:
    assert _stc104(tmp_path, source) == expected


SITES = sorted((Path(__file__).parents[2] / "sites").glob("*/app.py"))


@pytest.mark.parametrize("app", SITES, ids=[p.parent.name for p in SITES])
def test_example_sites_call_commands_correctly(app: Path, tmp_path: Path) -> None:
    analysis = analyse(parse(app, tmp_path / "site"))  # every page of the app too
    assert [d for d in analysis.diagnostics if d.code == "STC104"] == []


def test_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_app(
        tmp_path,
        {
            "app.py": """
                import streamlit as st

                st.title("Sales", foo=2)
                left, right = st.columns(2)
                left.selectbox("Region")
                """
        },
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "app.py"]) == 1
    assert_snapshot("check_call_signatures.txt", capsys.readouterr().out)
