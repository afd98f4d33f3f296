"""Custom components (issue 15) on CPython: which frontend files the compiler puts in
the site, and the runtime's ``declare_component`` / ``CustomComponent``: the widget,
its value and default, its errors, and the URL its frame is loaded from.

The frames themselves run in Chromium: tests/browser/test_components.py.
"""

from __future__ import annotations

import base64
import io
import sys
import zipfile
from pathlib import Path

import pytest

from compiler.analyse._appfiles import AppFile
from compiler.resolve._components import component_files
from compiler.resolve._sitelock import Package
from runtime_wasm.streamlit.components.v1.custom_component import _value, frontend_src
from runtime_wasm.testing import AppTest

COMPONENT = """
import os
import streamlit.components.v1 as components

_frontend = components.declare_component(
    "picker", path=os.path.join(os.path.dirname(os.path.abspath(__file__)), "frontend/build")
)


def picker(options, *, key=None, default=None, on_change=None):
    return _frontend(options=options, key=key, default=default, on_change=on_change)
"""


def _wheel(folder: Path, files: dict[str, str]) -> Path:
    path = folder / "picker-1.0-py3-none-any.whl"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    path.write_bytes(buffer.getvalue())
    return path


def test_the_site_carries_every_frontend_folder_without_source_maps(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path, {
        "picker/__init__.py": COMPONENT,
        "picker/frontend/build/index.html": "<html></html>",
        "picker/frontend/build/static/js/main.js": "console.log(1)",
        "picker/frontend/build/static/js/main.js.map": "{}",
        "picker/frontend/src/App.tsx": "source, not built",
        "picker-1.0.dist-info/licenses/index.html": "not a frontend",
    })  # fmt: skip
    package = Package(name="picker", version="1.0", file_name=wheel.name, sha256="", imports=(),
                      depends=(), origin="pypi", wheel=wheel)  # fmt: skip
    page = tmp_path / "viz" / "index.html"
    page.parent.mkdir()
    page.write_text("<html>mine</html>")
    found = dict(component_files([package], [AppFile(rel="viz/index.html", path=page)]))
    assert sorted(found) == [
        "stc/components/app/viz/index.html",
        "stc/components/site-packages/picker/frontend/build/index.html",
        "stc/components/site-packages/picker/frontend/build/static/js/main.js",
    ]
    assert found["stc/components/site-packages/picker/frontend/build/static/js/main.js"] == (
        b"console.log(1)"
    )
    assert found["stc/components/app/viz/index.html"] == page


@pytest.fixture
def picker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The component installed in a folder on sys.path, as a wheel is in the browser."""
    installed = tmp_path / "lib"
    (installed / "picker" / "frontend" / "build").mkdir(parents=True)
    (installed / "picker" / "__init__.py").write_text(COMPONENT)
    monkeypatch.syspath_prepend(str(installed))
    yield installed
    sys.modules.pop("picker", None)


def test_a_component_is_a_widget_whose_value_the_frontend_sets(picker: Path) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from picker import picker

        def changed():
            st.session_state.changes = st.session_state.get("changes", 0) + 1

        choice = picker(["a", "b"], key="p", default="a", on_change=changed)
        st.write(f"{choice} {st.session_state.get('changes', 0)}")
        """
    ).run()
    assert not at.exception, at.exception
    assert at.markdown[0].value == "a 0"  # the default until the frontend speaks
    (frame,) = at.get("component_instance")
    assert frame.props["src"] == "stc/components/site-packages/picker/frontend/build/index.html"
    # as Streamlit sends them: default and key among the arguments
    assert frame.props["args"] == {"options": ["a", "b"], "default": "a", "key": "p"}
    assert frame.props["name"] == "picker.picker"
    frame.set_value("b")
    at.run()
    assert at.markdown[0].value == "b 1"
    assert at.session_state["p"] == "b"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("_frontend('x')", "Argument 'x' needs a label"),
        ("_frontend(when=object())", "Could not convert component args to JSON"),
        ("_frontend(tab_index=-2)", "tab_index must be None or an integer >= -1"),
        (
            "components.declare_component('dev', url='http://localhost:3001')()",
            "a development server, which a published site cannot reach",
        ),
        (
            "components.declare_component('lost', path='/nowhere/build')()",
            "is not in the site",
        ),
    ],
)
def test_what_a_component_cannot_do_says_why(picker: Path, call: str, message: str) -> None:
    at = AppTest.from_string(
        f"import streamlit.components.v1 as components\nfrom picker import _frontend\n{call}\n"
    ).run()
    assert message in at.exception[0].message


def test_a_frontend_in_the_app_folder_and_bytes_from_a_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert frontend_src(str(tmp_path / "viz")) == "stc/components/app/viz/index.html"
    assert _value({"__stc_bytes__": "aGk="}) == b"hi"
    assert _value({"a": 1}) == {"a": 1}


def test_dataframe_and_bytes_arguments_travel_as_streamlit_sends_them(picker: Path) -> None:
    """DataFrame arguments are Arrow streams byte for byte as Streamlit's own
    ``component_arrow`` writes them; bytes are bytes; a DataFrame the frame sends back
    is a DataFrame."""
    import pandas as pd
    from streamlit.components.v1 import component_arrow as streamlit_arrow
    from streamlit.proto.Components_pb2 import ArrowTable

    at = AppTest.from_string(
        """
        import pandas as pd
        import streamlit as st
        from picker import _frontend

        df = pd.DataFrame({"n": [1, 2], "s": ["x", "y"], "f": [0.5, None]}, index=["r", "q"])
        back = _frontend(table=df, blob=b"\\x00\\xff", label="t", key="p")
        st.write(f"{type(back).__name__} {back.shape if back is not None else None}")
        """
    ).run()
    assert not at.exception, at.exception
    (frame,) = at.get("component_instance")
    assert frame.props["args"] == {"label": "t", "default": None, "key": "p"}
    assert base64.b64decode(frame.props["bytes_args"]["blob"]) == b"\x00\xff"
    (df_arg,) = frame.props["dfs"]
    expected = ArrowTable()
    df = pd.DataFrame({"n": [1, 2], "s": ["x", "y"], "f": [0.5, None]}, index=["r", "q"])
    streamlit_arrow.marshall(expected, df)
    assert df_arg["key"] == "table"
    for part in ("data", "index", "columns"):
        assert base64.b64decode(df_arg[part]) == getattr(expected, part), part

    frame.set_value({"__stc_arrow__": {k: df_arg[k] for k in ("data", "index", "columns")}})
    at.run()
    assert at.markdown[0].value == "DataFrame (2, 3)"


def test_a_dataframe_argument_changes_the_identity_of_an_unkeyed_component(
    picker: Path,
) -> None:
    app = """
        import pandas as pd
        import streamlit as st
        from picker import _frontend

        rows = st.session_state.setdefault("rows", 1)
        _frontend(table=pd.DataFrame({"n": range(rows)}))
        """
    at = AppTest.from_string(app).run()
    first = at.get("component_instance")[0].id
    at.session_state["rows"] = 2
    at.run()
    assert at.get("component_instance")[0].id != first


def test_a_package_a_run_needs_loads_then_or_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from runtime_wasm import _packages

    def needs() -> str:
        with pytest.raises(ModuleNotFoundError) as caught:
            _packages.require("stc_late_pkg", package="stc-late-pkg", why="The test")
        return str(caught.value)

    monkeypatch.setattr(_packages, "_loader", None)
    assert "install it (`pip install stc-late-pkg`)" in needs()
    _packages.set_loader(lambda name: None)  # no JSPI
    assert "cannot load a package in the middle of a run" in needs()
    _packages.set_loader(lambda name: False)
    assert "did not load" in needs()

    def install(name: str) -> bool:
        (tmp_path / "stc_late_pkg.py").write_text("LOADED = True\n")
        monkeypatch.syspath_prepend(str(tmp_path))
        return True

    _packages.set_loader(install)
    try:
        assert _packages.require("stc_late_pkg", package="stc-late-pkg", why="The test").LOADED
    finally:
        sys.modules.pop("stc_late_pkg", None)


def test_an_app_s_own_pandas_module_is_not_mistaken_for_pandas(
    picker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module named pandas without pandas' classes (an app's own ``pandas.py``) made
    every component call fail while looking for DataFrame arguments."""
    import types

    monkeypatch.setitem(sys.modules, "pandas", types.ModuleType("pandas"))
    at = AppTest.from_string("from picker import picker\npicker(['a'], key='p')\n").run()
    assert not at.exception, at.exception


def test_a_component_on_a_development_server_is_stc105_at_build(tmp_path: Path) -> None:
    """``url=`` components reach a development server; the component template's
    ``if not _RELEASE:`` branch keeps one for development only, which is fine."""
    from tests.unit._analysis import analyse_app

    source = (
        "import streamlit as st\nimport streamlit.components.v1 as components\n"
        "a = components.declare_component('a', url='http://localhost:3001')\n"
        "b = st.components.v1.declare_component('b', url='http://localhost:3002')\n"
        "if not RELEASE:\n    c = components.declare_component('c', url='http://localhost:3003')\n"
        "d = components.declare_component('d', path='frontend/build')\n"
    )
    analysis = analyse_app(tmp_path, {"app.py": source})
    found = [(d.code, d.severity, d.span.line) for d in analysis.diagnostics if d.code == "STC105"]
    assert found == [("STC105", "error", 3), ("STC105", "error", 4)]
