"""``st.components.v2`` (issue 18) on CPython: registering a component, mounting it
as a widget, its state and trigger values as the page sends them (``BidiComponent``
of ``runtime_wasm.testing`` sends what components_v2.mjs sends), the callbacks, the
session-state view, what reaches the page, and Streamlit's error messages (checked
against Streamlit 1.67).

The module running in a shadow root is Chromium's part:
tests/browser/test_components_v2.py.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest

import runtime_wasm.streamlit.components.v2 as v2
from runtime_wasm.streamlit.components.v2._definitions import looks_like_inline_content
from runtime_wasm.testing import AppTest
from runtime_wasm.testing._nodes import BidiComponent

JS = "export default function(component) {}"

HEAD = f"""
import streamlit as st
if "log" not in st.session_state:
    st.session_state.log = []
def note(what):
    return lambda: st.session_state.log.append(what)
counter = st.components.v2.component("counter", html="<button>+</button>", css="b {{}}", js={JS!r})
"""


def _app(body: str) -> AppTest:
    return AppTest.from_string(HEAD + body).run()


def _component(at: AppTest, index: int = 0) -> BidiComponent:
    found = at.get("bidi_component")[index]
    assert isinstance(found, BidiComponent)
    return found


def _texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_public_names() -> None:
    """Streamlit's, so packages written for it import the same names."""
    import streamlit.components.v2 as real
    import streamlit.components.v2.bidi_component as real_bidi
    import streamlit.components.v2.types as real_types

    import runtime_wasm.streamlit as st
    from runtime_wasm.streamlit.components.v2 import bidi_component, types

    assert v2.__all__ == real.__all__ == ["component"]
    assert st.components.v2.component is v2.component
    assert types.__all__ == real_types.__all__
    assert set(bidi_component.__all__) == set(real_bidi.__all__) - {"BidiComponentMixin"}
    assert bidi_component.ComponentResult({"a": 1}, {"b": 2}) == {"b": 2, "a": 1}


def test_a_mount_sends_the_page_its_code_and_returns_its_state() -> None:
    at = _app(
        "r = counter(key='c', data={'label': 'Add'}, default={'count': 1}, width=300,\n"
        "            on_count_change=note('count'), on_clicked_change=note('clicked'))\n"
        "st.write(f'count={r.count} clicked={r.clicked} keys={sorted(r)}')\n"
    )
    assert not at.exception
    node = _component(at)
    assert node.props["html"] == "<button>+</button>"
    assert node.props["css"] == "b {}"
    assert node.props["js"] == JS
    assert node.props["isolate_styles"] is True
    assert node.props["data"] == {"json": {"label": "Add"}}
    assert (node.props["width"], node.props["height"]) == (300, "content")
    assert node.props["value"] == {"count": 1}
    assert node.props["events_id"] != node.id and node.props["events_id"].startswith("$$ID")
    assert _texts(at) == ["count=1 clicked=None keys=['clicked', 'count']"]


def test_state_values_persist_and_call_back_only_for_names_that_changed() -> None:
    at = _app(
        "r = counter(key='c', default={'count': 0}, on_count_change=note('count'),\n"
        "            on_label_change=note('label'))\n"
        "st.write(f'count={r.count} label={r.label} log={st.session_state.log}')\n"
    )
    _component(at).set_state("count", 2).run()
    assert _texts(at) == ["count=2 label=None log=['count']"]
    at.run()  # no news from the page: the state stays, no callback
    assert _texts(at) == ["count=2 label=None log=['count']"]
    _component(at).set_state("label", "x").set_state("count", 3).run()  # one update
    assert _texts(at) == ["count=3 label=x log=['count', 'count', 'label']"]
    assert at.session_state["c"] == {"count": 3, "label": "x"}


def test_a_state_without_callback_is_still_in_the_result() -> None:
    at = _app("r = counter(key='c')\nst.write(f'{dict(r)}')\n")
    _component(at).set_state("seen", True).run()
    assert _texts(at) == ["{'seen': True}"]


def test_a_trigger_value_lasts_one_run_and_calls_back_once() -> None:
    at = _app(
        "r = counter(key='c', on_clicked_change=note('clicked'))\n"
        "st.write(f'clicked={r.clicked} state={dict(st.session_state.c)} '\n"
        "         f'log={st.session_state.log}')\n"
    )
    _component(at).trigger("clicked", "first").run()
    # the session-state view shows this run's triggers too, as Streamlit's presenter
    assert _texts(at) == ["clicked=first state={'clicked': 'first'} log=['clicked']"]
    at.run()
    assert _texts(at) == ["clicked=None state={} log=['clicked']"]


def test_triggers_of_one_task_arrive_together_the_last_value_wins() -> None:
    at = _app(
        "r = counter(key='c', on_clicked_change=note('clicked'), on_hover_change=note('hover'))\n"
        "st.write(f'clicked={r.clicked} hover={r.hover} log={st.session_state.log}')\n"
    )
    node = _component(at)
    node.trigger("clicked", 1).trigger("hover", "b").trigger("clicked", 2).run()
    # one callback per event sent, as Streamlit's dispatch of the payload list
    assert _texts(at) == ["clicked=2 hover=b log=['clicked', 'hover', 'clicked']"]


def test_a_callback_sees_the_trigger_in_session_state() -> None:
    at = _app(
        "def seen():\n"
        "    st.session_state.log.append(st.session_state.c.clicked)\n"
        "counter(key='c', on_clicked_change=seen)\n"
        "st.write(f'log={st.session_state.log}')\n"
    )
    _component(at).trigger("clicked", "yes").run()
    assert _texts(at) == ["log=['yes']"]


def test_session_state_writes_reach_the_state_before_the_mount() -> None:
    at = _app(
        "if st.session_state.get('reset'):\n"
        "    st.session_state.c['count'] = 0\n"
        "    st.session_state.c['other'] = 'ignored: not a state name'\n"
        "r = counter(key='c', default={'count': 5}, on_count_change=note('count'))\n"
        "st.write(f'{dict(r)}')\n"
    )
    _component(at).set_state("count", 7).run()
    assert _texts(at) == ["{'count': 7}"]
    at.session_state["reset"] = True
    at.run()
    assert _texts(at) == ["{'count': 0}"]
    assert _component(at).props["value"] == {"count": 0}


def test_a_mount_without_callbacks_ignores_none_of_the_names() -> None:
    at = _app("st.session_state.setdefault('c', {})['any'] = 1\nr = counter(key='c')\n"
              "st.write(f'{dict(r)}')\n")  # fmt: skip
    assert _texts(at) == ["{'any': 1}"]


def test_unkeyed_mounts_are_told_apart_by_their_data() -> None:
    at = _app("counter(data=[1])\ncounter(data=[2])\ncounter(data=b'\\x00\\x01')\n")
    assert not at.exception
    ids = [n.id for n in at.get("bidi_component")]
    assert len(set(ids)) == 3
    assert _component(at, 2).props["data"] == {"bytes": base64.b64encode(b"\x00\x01").decode()}


def test_a_keyed_mount_keeps_its_id_and_state_when_its_data_changes() -> None:
    at = _app("n = st.session_state.setdefault('n', 0)\nr = counter(key='c', data={'n': n})\n"
              "st.write(f'{dict(r)}')\n")  # fmt: skip
    first = _component(at).id
    _component(at).set_state("v", 1).run()
    at.session_state["n"] = 1
    at.run()
    assert _component(at).id == first
    assert _texts(at) == ["{'v': 1}"]


def test_dataframes_travel_as_arrow_streams() -> None:
    pa = pytest.importorskip("pyarrow")
    at = _app(
        "import pandas as pd\n"
        "df = pd.DataFrame({'a': [1, 2]})\n"
        "counter(data=df)\ncounter(data={'table': df, 'title': 't'})\n"
    )
    whole, mixed = (n.props["data"] for n in at.get("bidi_component"))
    table = pa.ipc.open_stream(io.BytesIO(base64.b64decode(whole["arrow"]))).read_all()
    assert table.column("a").to_pylist() == [1, 2]
    (ref,) = mixed["blobs"]
    assert mixed["mixed"] == {"table": {"__streamlit_arrow_ref__": ref}, "title": "t"}


def test_the_last_registration_of_a_name_wins() -> None:
    at = _app(
        "first = st.components.v2.component('same', html='<i>one</i>')\n"
        "st.components.v2.component('same', html='<i>two</i>')\n"
        "first()\n"
    )
    assert _component(at).props["html"] == "<i>two</i>"


def test_in_a_form_the_state_waits_for_submit_and_triggers_are_dropped() -> None:
    at = _app(
        "with st.form('f'):\n"
        "    r = counter(key='c', on_v_change=note('v'), on_t_change=note('t'))\n"
        "    st.form_submit_button('Go')\n"
        "st.write(f'{sorted(r.items())} log={st.session_state.log}')\n"
    )
    _component(at).set_state("v", 1).trigger("t", 1).run()
    assert _texts(at) == ["[('t', None), ('v', None)] log=[]"]
    at.button[0].click().run()
    assert _texts(at) == ["[('t', None), ('v', 1)] log=['v']"]


def test_isolate_styles_given_at_mount_is_ignored() -> None:
    at = _app(
        "plain = st.components.v2.component('plain', html='x', isolate_styles=False)\n"
        "plain(isolate_styles=True)\n"
    )
    assert _component(at).props["isolate_styles"] is False


def test_outside_a_script_run_a_mount_returns_an_empty_result() -> None:
    mount = v2.component("bare", html="x")
    assert mount() == {}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            "counter(on__change=lambda: None)",
            "The callback name `'on__change'` is not allowed. Callback names must follow the "
            "pattern `on_{event_name}_change` where `event_name` is not empty.",
            id="empty-callback-name",
        ),
        pytest.param(
            "counter(default={'v': 1}, on_w_change=lambda: None)",
            "Key `'v'` in `default` is not a valid state name. Valid state names are those "
            "with corresponding `on_{state_name}_change` callbacks. Available state names: "
            "`['w']`",
            id="default-without-callback",
        ),
        pytest.param(
            "counter(default={'v': 1})",
            "Key `'v'` in `default` is not a valid state name. Valid state names are those "
            "with corresponding `on_{state_name}_change` callbacks. Available state names: "
            "`none`",
            id="default-without-any-callback",
        ),
        pytest.param(
            "st.components.v2.component('a', js=3)",
            "Invalid `js` type. Expected one of: str, None. Provided type: int. "
            "Pass a string path or glob.",
            id="js-type",
        ),
        pytest.param(
            "st.components.v2.component('a', css='styles/x.css')",
            "Component 'a' must be declared in pyproject.toml with asset_dir to use "
            "file-backed css.",
            id="css-path",
        ),
        pytest.param(
            "st.components.v2.component('a', js='main.js')",
            "Component 'a' must be declared in pyproject.toml with asset_dir to use "
            "file-backed js.",
            id="js-path",
        ),
        pytest.param(
            "counter(data=object())",
            "The `data` provided to the bidirectional component could not be serialized. "
            "Please ensure the data is JSON-serializable, or is a supported data structure "
            "like a pandas DataFrame.",
            id="unserializable-data",
        ),
        pytest.param(
            "counter(width='wide')",
            "Invalid width value: 'wide'. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
            id="width",
        ),
        pytest.param(
            "counter(key='c', on_v_change=lambda: None)\nst.session_state.c['v'] = 2",
            "`st.session_state.c.v` cannot be modified after the component with key `c` is "
            "instantiated.",
            id="state-after-mount",
        ),
        pytest.param(
            "counter()\ncounter()",
            "There are multiple `bidi_component` elements with the same auto-generated ID.",
            id="duplicate-id",
        ),
    ],
)
def test_errors_say_what_streamlit_says(body: str, message: str) -> None:
    at = _app(body)
    assert len(at.exception) == 1
    assert at.exception[0].value.startswith(message)


@pytest.fixture
def widgetpack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installed package whose pyproject.toml declares the ``asset_dir`` of its
    component ``dial`` (and one without), as a wheel installs it in site-packages."""
    info = tmp_path / "widgetpack-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: widgetpack\nVersion: 1.0\n")
    (info / "RECORD").write_text("widgetpack/__init__.py,,\nwidgetpack/pyproject.toml,,\n")
    package = tmp_path / "widgetpack"
    (package / "build" / "chunks").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "pyproject.toml").write_text(
        '[project]\nname = "widgetpack"\n'
        '[[tool.streamlit.component.components]]\nname = "dial"\nasset_dir = "build"\n'
        '[[tool.streamlit.component.components]]\nname = "bare"\n'
    )
    for name in ("index-3f2a.js", "chunks/a.js", "chunks/b.js", "style.css"):
        (package / "build" / name).write_text("/* built */")
    monkeypatch.syspath_prepend(str(tmp_path))
    return package


def test_a_file_of_a_declared_asset_dir_loads_from_the_site(widgetpack: Path) -> None:
    at = _app(
        "dial = st.components.v2.component('widgetpack.dial', html='<div></div>',\n"
        "                                  css='style.css', js='index-*.js')\n"
        "dial()\n"
    )
    assert not at.exception
    props = _component(at).props
    assert (props["js"], props["css"]) == (None, None)
    assert props["js_src"] == "stc/components/site-packages/widgetpack/build/index-3f2a.js"
    assert props["css_src"] == "stc/components/site-packages/widgetpack/build/style.css"


@pytest.mark.parametrize(
    ("name", "js", "message"),
    [
        ("widgetpack.dial", "chunks/*.js", "Multiple files found matching pattern 'chunks/*.js'"),
        ("widgetpack.dial", "missing-*.js", "No files found matching pattern 'missing-*.js'"),
        ("widgetpack.dial", "../pyproject.js",
         "Path traversal attempts are not allowed in component paths: ../pyproject.js"),
        ("widgetpack.dial", "/etc/x.js", "Unsafe paths are not allowed in component paths"),
        ("widgetpack.bare", "index.js",
         "Component 'widgetpack.bare' must be declared in pyproject.toml with asset_dir"),
    ],
)  # fmt: skip
def test_asset_paths_are_checked_as_streamlit_checks_them(
    widgetpack: Path, name: str, js: str, message: str
) -> None:
    at = _app(f"st.components.v2.component({name!r}, js={js!r})\n")
    assert at.exception[0].value.startswith(message)


@pytest.mark.parametrize(
    ("value", "inline"),
    [
        ("export default function() {}", True),
        ("a {\n color: red }", True),
        ("main.js", False),
        ("index.mjs", False),
        ("styles.css", False),
        ("assets/index-*.js", False),
        ("./x", False),
        ("div { color: red }", True),
        ("color", True),
    ],
)
def test_inline_text_and_paths_are_told_apart_as_streamlit_does(value: str, inline: bool) -> None:
    from streamlit.components.v2.component_path_utils import ComponentPathUtils

    assert looks_like_inline_content(value) is inline
    assert ComponentPathUtils.looks_like_inline_content(value) is inline


def test_a_file_backed_css_or_js_is_stc107_at_build(tmp_path: Path) -> None:
    """A path or glob (Streamlit's rule for telling them from inline text) names a
    file of an ``asset_dir``, which a name without a dot cannot have; inline text,
    values the source does not show, and a package's ``<project>.<name>`` pass."""
    from tests.unit._analysis import analyse_app

    source = (
        "import streamlit as st\nfrom streamlit.components.v2 import component\n"
        "import streamlit.components.v2 as v2\n"
        "a = st.components.v2.component('a', js='index-*.js')\n"
        "b = component(name='b', css='styles.css', js='export default () => {}')\n"
        "c = v2.component('c', html='main.js', css='p { color: red }', js=JS_FILE)\n"
        "d = st.components.v1.html('main.js')\n"
        "e = v2.component('pack.dial', js='index-*.js')  # a package's: checked at run time\n"
    )
    analysis = analyse_app(tmp_path, {"app.py": source})
    found = [(d.code, d.span.line, d.message) for d in analysis.diagnostics if d.code == "STC107"]
    assert [(code, line) for code, line, _ in found] == [("STC107", 4), ("STC107", 5)]
    assert found[1][2].startswith("css='styles.css' names a file of an asset_dir, which only")


def test_the_site_carries_the_asset_dirs_its_wheels_declare(tmp_path: Path) -> None:
    """Where ``_assets`` looks for them: at their path as installed, source maps left
    out; what is outside the declared folder stays out."""
    import zipfile

    from compiler.resolve._components import component_files
    from compiler.resolve._sitelock import Package

    wheel = tmp_path / "widget_pack-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("widget_pack/__init__.py", "")
        archive.writestr(
            "widget_pack/pyproject.toml",
            '[project]\nname = "widget-pack"\n'
            '[[tool.streamlit.component.components]]\nname = "dial"\nasset_dir = "build"\n'
            '[[tool.streamlit.component.components]]\nname = "up"\nasset_dir = "../escape"\n',
        )
        archive.writestr("widget_pack/build/index-3f2a.js", "export default () => {}")
        archive.writestr("widget_pack/build/chunks/a.js", "export const a = 1")
        archive.writestr("widget_pack/build/index-3f2a.js.map", "{}")
        archive.writestr("widget_pack/src/index.ts", "source, not built")
        archive.writestr("escape/secret.js", "not declared by a safe path")
    package = Package(name="widget-pack", version="1.0", file_name=wheel.name, sha256="",
                      imports=(), depends=(), origin="pypi", wheel=wheel)  # fmt: skip
    found = dict(component_files([package], []))
    assert sorted(found) == [
        "stc/components/site-packages/widget_pack/build/chunks/a.js",
        "stc/components/site-packages/widget_pack/build/index-3f2a.js",
    ]
