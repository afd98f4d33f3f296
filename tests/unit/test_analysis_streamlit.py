"""The ``st.*`` visitor: names checked by qualified name, containers followed,
ambiguous bindings warned about and never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit._analysis import analyse_app, findings


def _st(tmp_path: Path, source: str) -> list[tuple[str, int]]:
    analysis = analyse_app(tmp_path, {"app.py": source})
    return [(code, line) for code, _, line in findings(analysis, "STC1")]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # -- STC101: in Streamlit 1.67, not in stc yet ----------------------------------
        pytest.param("import streamlit as st\nst.App('x')\n", [("STC101", 2)], id="st"),
        pytest.param("import streamlit as s\ns.App('x')\n", [("STC101", 2)], id="alias-s"),
        pytest.param("import streamlit\nstreamlit.App('x')\n", [("STC101", 2)], id="plain"),
        pytest.param(
            "from streamlit import App as ai\nai('x')\n", [("STC101", 1)], id="from-import"
        ),
        pytest.param(
            "import streamlit as st\nst.sidebar.App('x')\n", [("STC101", 2)], id="sidebar"
        ),
        pytest.param(
            "from streamlit import sidebar as sb\nsb.App('x')\n",
            [("STC101", 2)],
            id="sidebar-imported",
        ),
        pytest.param(
            "import streamlit as st\nc1, c2 = st.columns(2)\nc2.App('x')\n",
            [("STC101", 3)],
            id="columns-unpacked",
        ),
        pytest.param(
            "import streamlit as st\ncols = st.columns(2)\ncols[1].App('x')\n",
            [("STC101", 3)],
            id="columns-indexed",
        ),
        pytest.param(
            "import streamlit as st\nfor t in st.tabs(['a']):\n    t.App('x')\n",
            [("STC101", 3)],
            id="tabs-iterated",
        ),
        pytest.param(
            "import streamlit as st\nwith st.form('f') as f:\n    f.App('x')\n",
            [("STC101", 3)],
            id="with-as",
        ),
        pytest.param(
            "import streamlit as st\nbox = st.sidebar.container()\nbox.App('x')\n",
            [("STC101", 3)],
            id="container-in-sidebar",
        ),
        pytest.param(
            "import streamlit as st\na, b = st.container().columns(2)\nb.App('x')\n",
            [("STC101", 3)],
            id="columns-of-container",
        ),
        pytest.param("import streamlit as st\nx = st.App\n", [("STC101", 2)], id="not-call"),
        # -- STC102: not a Streamlit command --------------------------------------------
        pytest.param("import streamlit as st\nst.sliderr('x')\n", [("STC102", 2)], id="typo"),
        pytest.param(
            "import streamlit as st\nc = st.container()\nc.stop()\n",
            [("STC102", 3)],
            id="module-only-name-on-container",
        ),
        pytest.param("from streamlit import nope\n", [("STC102", 1)], id="from-import-unknown"),
        pytest.param(
            "from streamlit.proto import Delta_pb2\n", [("STC102", 1)], id="internal-module"
        ),
        # -- must not trigger -----------------------------------------------------------
        pytest.param(
            "import streamlit as st\nst.slider('x')\nst.sidebar.button('b')\n"
            "st.session_state.n = 1\nst.errors.StreamlitAPIException\n",
            [],
            id="implemented",
        ),
        pytest.param(
            "from streamlit import slider as sl\nsl('x')\n", [], id="from-import-implemented"
        ),
        pytest.param(
            "import streamlit.components.v1 as c\n"
            "from streamlit.runtime.scriptrunner import get_script_run_ctx\n",
            [],
            id="shimmed-submodules",
        ),
        pytest.param("st = 'text'\nst.upper()\nst.App\n", [], id="local-st-not-streamlit"),
        pytest.param(
            "import streamlit as st\ncfg = st.connections.SQLConnection\n", [], id="api-module"
        ),
        pytest.param("import streamlit.connections\n", [], id="api-submodule"),
        pytest.param("import numpy as st\nst.App()\n", [], id="st-is-another-module"),
        pytest.param(
            "import streamlit as st\nph = st.text('x')\nph.nonsense()\n",
            [],
            id="element-results-not-followed",
        ),
        pytest.param(
            "import streamlit as st\nclass A:\n    pass\na = A()\na.nonsense()\n",
            [],
            id="other-objects",
        ),
        pytest.param(
            "import streamlit as st\nst._main\nst.__version__\n", [], id="private-and-dunder"
        ),
        # -- STC103: ambiguous, warn and never guess ------------------------------------
        pytest.param(
            "import streamlit as st\nif x:\n    import mock as st\nst.App('x')\n",
            [("STC103", 3)],
            id="rebound-in-if",
        ),
        pytest.param(
            "import streamlit as st\nfor st in range(3):\n    st.App()\n",
            [("STC103", 2)],
            id="rebound-in-loop",
        ),
        pytest.param(
            "import streamlit as st\ndef f(st):\n    st.App('x')\n",
            [("STC103", 2)],
            id="shadowed-in-function",
        ),
        pytest.param("import streamlit as st\ndel st\n", [("STC103", 2)], id="deleted"),
        pytest.param(
            "import streamlit as st\nc = st.container()\nc = 3\nc.App('x')\n",
            [("STC103", 3)],
            id="container-assigned-twice",
        ),
        pytest.param(
            "import streamlit as st\nif x:\n    c = st.container()\nelse:\n    c = st.sidebar\n"
            "c.App('x')\n",
            [("STC101", 6)],
            id="two-containers-not-ambiguous",
        ),
    ],
)
def test_streamlit_names(tmp_path: Path, source: str, expected: list[tuple[str, int]]) -> None:
    assert _st(tmp_path, source) == expected


def test_messages_name_the_command(tmp_path: Path) -> None:
    analysis = analyse_app(tmp_path, {"app.py": "import streamlit as s\ns.sidebar.App('f')\n"})
    (diagnostic,) = analysis.diagnostics
    assert diagnostic.message == "st.App is not available in stc yet"
    assert (diagnostic.severity, diagnostic.span.col, diagnostic.span.end_col) == ("error", 1, 14)
