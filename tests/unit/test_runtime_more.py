"""Streamlit 1.67's newer names through AppTest: skeleton, grid, pagination,
menu_button, audio_input, logo, bottom, secrets, user, login/logout and
get_option/set_option, with Streamlit's values and error messages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from runtime_wasm.streamlit import _config_options
from runtime_wasm.streamlit.elements.lib._uploaded_file import UploadedFile
from runtime_wasm.testing import AppTest


def run(body: str) -> AppTest:
    return AppTest.from_string("import streamlit as st\n" + body).run()


@pytest.fixture(autouse=True)
def _fresh_options() -> Iterator[None]:
    yield
    _config_options.reset_options()


def error(at: AppTest) -> str:
    assert at.exception, "expected an exception"
    return str(at.exception[0].value)


# -- errors, as Streamlit words them ------------------------------------------------------

ERRORS = [
    pytest.param(
        "st.pagination(0)", "`num_pages` must be an integer of at least 1. Got 0.", id="p0"
    ),
    pytest.param(
        "st.pagination(3, default=4)",
        "The `default` parameter, set to 4, is outside the required range [1, 3].",
        id="p-default",
    ),
    pytest.param(
        "st.pagination(3, default='1')",
        "Invalid `default` type. Expected one of: int. Provided type: str.",
        id="p-type",
    ),
    pytest.param(
        "st.pagination(3, max_visible_pages=-1)",
        "`max_visible_pages` must be a non-negative integer or None. Got -1.",
        id="p-max",
    ),
    pytest.param(
        "st.menu_button('m', [])",
        "Missing required parameter `options`.",
        id="menu-empty",
    ),
    pytest.param(
        "st.menu_button('m', [1, 2], format_func=lambda o: 'x')",
        "The `format_func` produced duplicate labels",
        id="menu-dup",
    ),
    pytest.param(
        "st.menu_button('m', ['a'], type='big')",
        "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'.",
        id="menu-type",
    ),
    pytest.param(
        "with st.form('f'):\n    st.menu_button('m', ['a'])",
        "`st.menu_button()` can't be used in an `st.form()`.",
        id="menu-form",
    ),
    pytest.param(
        "st.audio_input('a', sample_rate=1000)",
        "Invalid `sample_rate` value. Supported values: 8000, 11025, 16000",
        id="audio-rate",
    ),
    pytest.param(
        "st.grid(25)",
        "The `columns` parameter, set to 25, is outside the required range [1, 24].",
        id="grid-range",
    ),
    pytest.param("st.grid(wrap=False)", '`columns="auto"` and `wrap=False` cannot', id="grid-wrap"),
    pytest.param(
        "st.grid(2, vertical_alignment='middle')",
        "Invalid `vertical_alignment` value.",
        id="grid-align",
    ),
    pytest.param(
        "st.logo('https://x.test/l.png', size='huge')",
        "Invalid `size` value. Supported values: 'small', 'medium', 'large'.",
        id="logo-size",
    ),
    pytest.param("st.logo('https://x.test/l.png', link='ftp://x')", "Invalid URL", id="logo-link"),
    pytest.param("st.set_option('nope.key', 1)", "Unrecognized config option: nope.key", id="o1"),
    pytest.param(
        "st.set_option('theme.primaryColor', 'red')",
        "theme.primaryColor cannot be set on the fly. Set as command line option, e.g. "
        "streamlit run script.py --theme.primaryColor, or in config.toml instead.",
        id="o-not-scriptable",
    ),
    pytest.param("st.get_option('nope.key')", 'Config key "nope.key" not defined.', id="get"),
    pytest.param("st.login()", "`st.login()` needs a server", id="login"),
    pytest.param("st.logout()", "`st.logout()` needs a server", id="logout"),
    pytest.param("st.secrets['db']", 'st.secrets has no key "db".', id="secret-key"),
    pytest.param("st.secrets.db", 'st.secrets has no attribute "db".', id="secret-attr"),
    pytest.param(
        "st.secrets['a'] = 1", "Secrets does not support item assignment.", id="secret-set"
    ),
    pytest.param("st.user['email']", 'st.user has no key "email".', id="user-key"),
]


@pytest.mark.parametrize(("call", "message"), ERRORS)
def test_errors(call: str, message: str) -> None:
    assert error(run(call)).lstrip("'\"").startswith(message)


def test_secrets_hint_says_nothing_is_shipped() -> None:
    assert "never ships secrets to the browser" in error(run("st.secrets['db']"))


def test_a_missing_secret_is_caught_as_streamlit_apps_catch_it() -> None:
    at = run(
        "try:\n    st.secrets['db']\nexcept FileNotFoundError:\n    st.session_state.a = 1\n"
        "try:\n    st.secrets['db']\nexcept KeyError:\n    st.session_state.b = 2\n"
    )
    assert (at.session_state["a"], at.session_state["b"]) == (1, 2)


# -- values -----------------------------------------------------------------------------


def test_secrets_is_an_empty_mapping() -> None:
    at = run(
        "st.session_state.out = (len(st.secrets), dict(st.secrets), 'x' in st.secrets,\n"
        "    st.secrets.get('x', 'fallback'), st.secrets.load_if_toml_exists(),\n"
        "    st.secrets.has_key('x'), st.secrets.to_dict())"
    )
    assert at.session_state["out"] == (0, {}, False, "fallback", False, False, {})


def test_user_is_logged_out() -> None:
    at = run(
        "st.session_state.out = (st.user.is_logged_in, st.user['is_logged_in'], dict(st.user))"
    )
    assert at.session_state["out"] == (False, False, {"is_logged_in": False})


def test_options() -> None:
    at = run(
        "before = st.get_option('client.showErrorDetails')\n"
        "st.set_option('client.showErrorDetails', 'none')\n"
        "st.session_state.out = (before, st.get_option('client.showErrorDetails'),\n"
        "    st.get_option('server.baseUrlPath'), st.get_option('theme.primaryColor'))"
    )
    assert at.session_state["out"] == ("full", "none", "", None)


def test_pagination_round_trip() -> None:
    at = run("st.session_state.out = st.pagination(10, default=3, max_visible_pages=5)")
    assert at.session_state["out"] == 3
    node = at.get("pagination")[0]
    assert node.props["num_pages"] == 10 and node.props["max_visible_pages"] == 5
    node.set_value(7).run()
    assert at.session_state["out"] == 7


def test_pagination_session_state_out_of_range_falls_back() -> None:
    at = run("st.session_state.pg = 99\nst.session_state.out = st.pagination(3, key='pg')")
    assert at.session_state["out"] == 1


def test_menu_button_is_a_one_run_value() -> None:
    at = run(
        "def cb():\n    st.session_state.called = True\n"
        "st.session_state.out = st.menu_button('Export', ['CSV', 'JSON'], on_click=cb,"
        " format_func=str.lower)"
    )
    assert at.session_state["out"] is None
    assert at.get("menu_button")[0].props["options"] == ["csv", "json"]
    at.get("menu_button")[0].set_value("JSON").run()
    assert at.session_state["out"] == "JSON"
    assert at.session_state["called"] is True
    at.run()
    assert at.session_state["out"] is None


def test_audio_input_returns_uploaded_file() -> None:
    at = run("f = st.audio_input('Say')\nst.session_state.out = f and (f.name, f.read())")
    assert at.session_state["out"] is None
    assert at.get("audio_input")[0].props["sample_rate"] == 16000
    wav = UploadedFile(b"RIFF0000WAVE", file_id="a1", name="audio.wav", type="audio/wav")
    at.get("audio_input")[0].set_value(wav).run()
    assert at.session_state["out"] == ("audio.wav", b"RIFF0000WAVE")


def test_skeleton_is_replaced_by_what_is_written_into_it() -> None:
    at = run("a = st.skeleton(height=120)\nb = st.skeleton()\nb.write('loaded')")
    assert [c.type for c in at.main.children] == ["skeleton", "markdown"]
    assert at.get("skeleton")[0].props["height"] == 120


def test_grid_cells_are_its_children() -> None:
    at = run("g = st.grid(2, gap=('small', 'large'))\ng.write('a')\nwith g:\n    st.write('b')")
    grid = at.main.children[0]
    assert grid.type == "grid" and len(grid.children) == 2
    assert (grid.props["columns"], grid.props["row_gap"], grid.props["column_gap"]) == (
        2,
        "small",
        "large",
    )


def test_bottom_sits_beside_main_and_logo_is_a_prop_of_the_root() -> None:
    at = run(
        "st.bottom.write('pinned')\nwith st.bottom:\n    st.button('go')\n"
        "st.logo('https://x.test/l.png', link='https://x.test', size='large')"
    )
    # The logo is no element: Streamlit sends it in a page-level message.
    kinds = [c.type for c in at._tree.children]
    assert kinds == ["main", "sidebar", "event", "bottom"]  # Streamlit's root containers
    bottom = at._tree.children[3]
    assert [c.type for c in bottom.children] == ["markdown", "button"]
    logo = at._tree.props["logo"]
    assert logo["image"] == {"url": "https://x.test/l.png"}
    assert (logo["size"], logo["link"], logo["icon_image"]) == ("large", "https://x.test", None)
    assert at.main.children == []
