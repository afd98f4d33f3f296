"""The worker bridge on CPython (boot, render messages, widget messages) and the
runtime's public surfaces, including the ``streamlit`` import alias."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import runtime_wasm
import runtime_wasm.streamlit
import runtime_wasm.testing
from runtime_wasm import _alias, _bridge
from runtime_wasm._protocol import PROTOCOL_VERSION
from runtime_wasm.testing import AppTest

APP = """
import streamlit as st
st.title("Bridge")
if st.button("Go"):
    st.session_state.clicks = st.session_state.get("clicks", 0) + 1
st.sidebar.slider("Level", 0, 10, 3, key="level")
st.write(f"clicks {st.session_state.get('clicks', 0)}")
"""


class Page:
    """A fake page: boots the bridge and collects the messages it is sent."""

    def __init__(self, app_dir: Path) -> None:
        self.app_dir = app_dir
        self.messages: list[dict[str, Any]] = []

    def send(self, text: str) -> None:
        assert isinstance(text, str)
        self.messages.append(json.loads(text))

    def boot(self, protocol: int = PROTOCOL_VERSION, entry: str = "app.py") -> None:
        config = {"protocol": protocol, "entry": entry, "pyodide": "", "runtime": "", "app": ""}
        asyncio.run(_bridge.boot(json.dumps(config), self.send, str(self.app_dir)))

    def widget(self, updates: list[dict[str, Any]]) -> None:
        asyncio.run(_bridge.handle(json.dumps({"type": "widget", "updates": updates})))

    @property
    def tree(self) -> dict[str, Any]:
        return self.messages[-1]["tree"]  # type: ignore[no-any-return]

    def find(self, kind: str) -> dict[str, Any]:
        def walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
            yield node
            for child in node.get("children", []):
                yield from walk(child)

        return next(n for n in walk(self.tree) if n["kind"] == kind)


@pytest.fixture
def fake_page(tmp_path: Path, clean_process: None) -> Page:
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    return Page(tmp_path)


def test_boot_sends_a_render_message(fake_page: Page) -> None:
    fake_page.boot()
    (message,) = fake_page.messages
    assert set(message) == {"type", "run", "status", "tree"}
    assert (message["type"], message["run"], message["status"]) == ("render", 1, "idle")
    tree = message["tree"]
    assert (tree["id"], tree["kind"]) == ("root", "root")
    assert [(c["id"], c["kind"]) for c in tree["children"]] == [
        ("main", "main"),
        ("sidebar", "sidebar"),
        ("event", "event"),  # Streamlit's third root container, where st.toast goes
    ]
    main, sidebar, _event = tree["children"]
    assert [c["kind"] for c in main["children"]] == ["title", "button", "markdown"]
    title = main["children"][0]
    assert set(title) == {"id", "kind", "props"}  # only blocks have children
    assert title["id"] == "main/0"
    assert main["children"][0]["props"]["body"] == "Bridge"
    assert sidebar["children"][0]["kind"] == "slider"
    assert sidebar["children"][0]["props"]["value"] == 3


def test_boot_enters_the_app_folder(fake_page: Page) -> None:
    fake_page.boot()
    assert Path.cwd() == fake_page.app_dir.resolve()
    assert sys.path[0] == str(fake_page.app_dir)


def test_widget_message_reruns_and_ids_are_stable(fake_page: Page) -> None:
    fake_page.boot()
    button_id = fake_page.find("button")["id"]
    slider_id = fake_page.find("slider")["id"]
    assert button_id.startswith("$$ID-")
    fake_page.widget([{"id": button_id, "value": True}])
    assert fake_page.messages[-1]["run"] == 2
    assert fake_page.find("markdown")["props"]["body"] == "clicks 1"
    fake_page.widget([{"id": slider_id, "value": 8}])
    assert fake_page.find("slider")["props"]["value"] == 8
    assert fake_page.find("markdown")["props"]["body"] == "clicks 1"  # the button reset
    assert (fake_page.find("button")["id"], fake_page.find("slider")["id"]) == (
        button_id,
        slider_id,
    )
    assert [m["run"] for m in fake_page.messages] == [1, 2, 3]


def test_update_for_an_unknown_widget_is_ignored(fake_page: Page) -> None:
    fake_page.boot()
    fake_page.widget([{"id": "$$ID-gone-None", "value": 1}])
    assert fake_page.find("markdown")["props"]["body"] == "clicks 0"


@pytest.mark.parametrize("protocol", [0, PROTOCOL_VERSION + 1, None], ids=str)
def test_protocol_mismatch_refuses_to_boot(fake_page: Page, protocol: Any) -> None:
    with pytest.raises(_bridge.ProtocolError, match="Rebuild it"):
        fake_page.boot(protocol=protocol)
    assert fake_page.messages == []


def test_handle_before_boot_and_unknown_messages(fake_page: Page) -> None:
    with pytest.raises(_bridge.ProtocolError, match="before boot"):
        fake_page.widget([])
    fake_page.boot()
    with pytest.raises(_bridge.ProtocolError, match="Unknown message type 'nope'"):
        asyncio.run(_bridge.handle(json.dumps({"type": "nope"})))


def test_app_error_is_rendered_not_raised(fake_page: Page) -> None:
    (fake_page.app_dir / "app.py").write_text("import streamlit as st\nst.write('a')\n1/0\n")
    fake_page.boot()
    main = fake_page.tree["children"][0]
    assert [c["kind"] for c in main["children"]] == ["markdown", "exception"]
    props = main["children"][1]["props"]
    assert props["type"] == "ZeroDivisionError"
    assert props["traceback"][0] == 'File "app.py", line 3, in <module>'


def test_app_can_import_its_own_modules(fake_page: Page) -> None:
    (fake_page.app_dir / "helper_mod_for_bridge.py").write_text("VALUE = 42\n")
    (fake_page.app_dir / "app.py").write_text(
        "import streamlit as st\nfrom helper_mod_for_bridge import VALUE\nst.write(VALUE)\n"
    )
    try:
        fake_page.boot()
    finally:
        sys.modules.pop("helper_mod_for_bridge", None)
    assert fake_page.find("markdown")["props"]["body"] == "`42`"


# -- public surfaces ----------------------------------------------------------------


def test_runtime_public_names() -> None:
    assert set(runtime_wasm.__all__) == {"PROTOCOL_VERSION", "__version__"}
    assert runtime_wasm.PROTOCOL_VERSION == 11


def test_testing_public_names() -> None:
    assert set(runtime_wasm.testing.__all__) == {
        "AppTest",
        "Block",
        "Element",
        "ElementList",
        "Widget",
        "WidgetList",
    }


def test_streamlit_public_names() -> None:
    assert set(runtime_wasm.streamlit.__all__) == {
        "DeltaGenerator",
        "Page",
        "__version__",
        "altair_chart",
        "area_chart",
        "audio",
        "audio_input",
        "badge",
        "bottom",
        "get_option",
        "grid",
        "login",
        "logo",
        "logout",
        "menu_button",
        "pagination",
        "secrets",
        "set_option",
        "skeleton",
        "user",
        "balloons",
        "bar_chart",
        "beta_columns",
        "beta_container",
        "beta_expander",
        "button",
        "cache",
        "cache_data",
        "cache_resource",
        "camera_input",
        "caption",
        "chat_input",
        "chat_message",
        "checkbox",
        "code",
        "color_picker",
        "column_config",
        "columns",
        "components",
        "connection",
        "connections",
        "container",
        "context",
        "data_editor",
        "dataframe",
        "date_input",
        "datetime_input",
        "dialog",
        "divider",
        "download_button",
        "echarts_chart",
        "echo",
        "empty",
        "error",
        "errors",
        "exception",
        "expander",
        "experimental_connection",
        "experimental_data_editor",
        "experimental_dialog",
        "experimental_fragment",
        "experimental_get_query_params",
        "experimental_memo",
        "experimental_rerun",
        "experimental_set_query_params",
        "experimental_singleton",
        "experimental_user",
        "feedback",
        "file_uploader",
        "form",
        "form_submit_button",
        "fragment",
        "graphviz_chart",
        "header",
        "help",
        "html",
        "iframe",
        "image",
        "info",
        "json",
        "latex",
        "line_chart",
        "link_button",
        "map",
        "markdown",
        "mermaid_chart",
        "metric",
        "multiselect",
        "navigation",
        "number_input",
        "page_link",
        "pdf",
        "pills",
        "plotly_chart",
        "popover",
        "progress",
        "pydeck_chart",
        "pyplot",
        "query_params",
        "radio",
        "rerun",
        "scatter_chart",
        "segmented_control",
        "select_slider",
        "selectbox",
        "session_state",
        "set_page_config",
        "sidebar",
        "slider",
        "snow",
        "space",
        "spinner",
        "status",
        "stop",
        "subheader",
        "success",
        "switch_page",
        "table",
        "tabs",
        "text",
        "text_area",
        "text_input",
        "time_input",
        "title",
        "toast",
        "toggle",
        "vega_lite_chart",
        "video",
        "warning",
        "write",
        "write_stream",
    }
    for name in runtime_wasm.streamlit.__all__:
        assert hasattr(runtime_wasm.streamlit, name), name


def test_streamlit_errors_public_names() -> None:
    from runtime_wasm.streamlit import errors

    assert set(errors.__all__) == {
        "DuplicateWidgetID",
        "StreamlitAPIException",
        "StreamlitAPIWarning",
        "StreamlitBadTimeStringError",
        "StreamlitDuplicateElementId",
        "StreamlitDuplicateElementKey",
        "StreamlitIncompatibleParametersError",
        "StreamlitMissingRequiredParameterError",
        "StreamlitQueryParamDictValueError",
        "StreamlitValueAssignmentNotAllowedError",
        "StreamlitValueError",
        "StreamlitWidgetAlreadyInstantiatedError",
        "UnhashableParamError",
        "UnserializableReturnValueError",
    }


def test_import_streamlit_in_a_script_is_our_runtime_and_does_not_leak() -> None:
    import streamlit as real_before

    at = AppTest.from_string(
        """
        import streamlit as st
        import streamlit.errors
        from streamlit.errors import StreamlitAPIException
        st.write(st.__name__, streamlit.errors.__name__)
        try:
            st.columns(0)
        except StreamlitAPIException:
            st.write("caught our own class")
        """
    ).run()
    assert at.markdown.values == [
        "runtime_wasm.streamlit runtime_wasm.streamlit.errors",
        "caught our own class",
    ]
    import streamlit as real_after

    assert real_after is real_before
    assert real_after.__name__ == "streamlit"
    assert sys.modules["streamlit"] is real_before
    assert _alias._FINDER not in sys.meta_path


def test_alias_without_real_streamlit_loaded(clean_process: None) -> None:
    for name in [n for n in sys.modules if n == "streamlit" or n.startswith("streamlit.")]:
        del sys.modules[name]
    with _alias.aliased():
        import streamlit

        assert streamlit is runtime_wasm.streamlit
    assert "streamlit" not in sys.modules


def test_alias_install_is_idempotent(clean_process: None) -> None:
    _alias.install()
    _alias.install()
    assert sys.meta_path.count(_alias._FINDER) == 1
    import streamlit.errors

    assert streamlit.errors is runtime_wasm.streamlit.errors
    _alias.uninstall()
    assert _alias._FINDER not in sys.meta_path


def test_a_stand_in_left_out_of_the_site_says_why(
    clean_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As in a site whose build saw no import of st_pages: its stand-in is not there.
    monkeypatch.setitem(_alias.ALIASES, "st_pages", "runtime_wasm.no_such_stand_in")
    monkeypatch.delitem(sys.modules, "st_pages", raising=False)
    with _alias.aliased(), pytest.raises(ModuleNotFoundError) as raised:
        import st_pages  # noqa: F401
    assert "stc left its stand-in for st_pages out of this site" in str(raised.value)
    assert raised.value.name == "st_pages"
