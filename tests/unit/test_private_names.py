"""Names outside Streamlit's documented API that apps and component packages use:
removed names of older Streamlit (``st.beta_columns``…) and the private modules
popular packages import (collected from their sources on PyPI, not vendored)."""

from __future__ import annotations

import pytest

from runtime_wasm import _alias
from runtime_wasm.testing import AppTest

# package -> the exact `from streamlit…` / `import streamlit…` lines its source has.
IMPORTS = {
    "streamlit-option-menu 0.4.0": ["import streamlit.components.v1 as components"],
    "streamlit-aggrid 1.2.1": ["import streamlit.components.v1 as components"],
    "streamlit-autorefresh 1.0.1": ["import streamlit.components.v1 as components"],
    "extra-streamlit-components 0.1.81": [
        "import streamlit.components.v1 as components",
        "from streamlit.components.v1.components import CustomComponent",
    ],
    "streamlit-antd-components 0.3.2": [
        "import streamlit.components.v1 as components",
        "from streamlit.components.v1 import components as _components",
        "from streamlit import session_state as _state",
    ],
    "st-pages 1.0.1": [
        "from streamlit.commands.page_config import get_random_emoji",
        "from streamlit.runtime.metrics_util import gather_metrics",
        "from streamlit.source_util import page_icon_and_name",
    ],
    "streamlit-extras 1.6.0": [
        "from streamlit import cache_data",
        "from streamlit import empty, source_util",
        "from streamlit import runtime",
        "from streamlit.components.v1 import html",
        "from streamlit.components.v1 import iframe",
        "from streamlit.delta_generator import DeltaGenerator",
        "from streamlit.deprecation_util import show_deprecation_warning",
        "from streamlit.elements.lib.image_utils import AtomicImage, image_to_url",
        "from streamlit.elements.lib.layout_utils import LayoutConfig",
        "from streamlit.elements.plotly_chart import PlotlyState",
        "from streamlit.errors import StreamlitAPIException",
        "from streamlit.runtime.metrics_util import gather_metrics as _gather_metrics",
        "from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx",
        "import streamlit.runtime.scriptrunner.script_runner",
    ],
    "common": [
        "from streamlit.runtime.scriptrunner import get_script_run_ctx, add_script_run_ctx",
        "from streamlit.runtime.scriptrunner.script_run_context import get_script_run_ctx",
        "from streamlit.type_util import is_type",
    ],
}


@pytest.mark.parametrize(
    "line", [line for lines in IMPORTS.values() for line in lines], ids=lambda s: s[:70]
)
def test_package_import_lines_work(line: str, clean_process: None) -> None:
    with _alias.aliased():
        exec(compile(line, "<package>", "exec"), {})


def test_private_names_behave() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit import runtime
        from streamlit.components.v1 import declare_component
        from streamlit.runtime.metrics_util import gather_metrics
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        from streamlit.source_util import page_icon_and_name
        from pathlib import Path

        @gather_metrics("f")
        def f():
            return 1

        comp = declare_component("thing", path=".")
        st.write(f(), runtime.exists(), get_script_run_ctx() is not None)
        st.write(*page_icon_and_name(Path("pages/01_🎈_My page.py")))
        try:
            comp(name="x")
        except st.errors.StreamlitAPIException as e:
            st.write(str(e).split(":")[0])
        """
    ).run()
    assert at.markdown.values == [
        "`1` `True` `True`",
        "🎈 My_page",
        "The frontend of the custom component `__main__.thing` (.) is not in the site",
    ]


@pytest.mark.parametrize(
    ("code", "new"),
    [
        ("a, b = st.beta_columns(2)\na.write('x')", "st.columns"),
        ("with st.beta_expander('E'):\n    st.write('x')", "st.expander"),
        ("st.beta_container().write('x')", "st.container"),
        ("st.sidebar.beta_expander('E')", "st.expander"),
        ("st.experimental_set_query_params(a=1)\nst.write('x')", "st.query_params"),
        ("@st.experimental_memo\ndef f():\n    return 1\nf()", "st.cache_data"),
        ("@st.experimental_singleton\ndef f():\n    return 1\nf()", "st.cache_resource"),
    ],
)
def test_removed_names_work_and_warn(code: str, new: str) -> None:
    at = AppTest.from_string("import streamlit as st\n" + code).run()
    assert not at.exception
    assert any(f"with `{new}`" in w.value for w in at.warning), at.warning


def test_st_cache_is_cache_data_with_a_warning() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.cache
        def load():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
            return [1]
        st.write(load() == load(), st.session_state.calls)
        """
    ).run()
    assert at.markdown.values == ["`True` `1`"]
    assert "`st.cache` is deprecated" in at.warning[0].value


def test_experimental_get_query_params_and_rerun() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(st.experimental_get_query_params())
        if "again" not in st.session_state:
            st.session_state.again = 1
            st.experimental_rerun()
        """
    )
    at.query_params = {"a": "1"}
    at.run()
    assert at.json[0].value == '{\n  "a": [\n    "1"\n  ]\n}'
    assert not at.exception
