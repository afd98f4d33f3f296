"""The registry: what the runtime implements, read from the runtime itself."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import runtime_wasm.streamlit as st
from runtime_wasm._errors import StreamlitAPIException
from runtime_wasm.streamlit import _registry
from runtime_wasm.testing import AppTest

RunApp = Callable[[str], AppTest]


def test_implemented_is_read_from_the_api() -> None:
    implemented = _registry.implemented()
    assert set(st.__all__) <= implemented
    assert {"slider", "columns", "write", "sidebar", "session_state"} <= implemented
    assert _registry.element_methods() <= implemented
    assert "rerun" not in _registry.element_methods()  # module-level only


def test_not_yet_is_disjoint_from_implemented() -> None:
    # When the runtime gains a command, remove it from NOT_YET.
    assert not (_registry.NOT_YET & _registry.implemented())


def test_not_yet_is_a_sorted_literal() -> None:
    assert "App" in _registry.NOT_YET
    assert not {"runtime", "proto", "elements", "util", "dg"} & _registry.NOT_YET


@pytest.mark.parametrize("name", ["App"])
def test_runtime_names_a_not_yet_command(run_app: RunApp, name: str) -> None:
    at = run_app(f"import streamlit as st\nst.{name}('x')\n")
    assert at.exception[0].value.startswith(f"`st.{name}` is not available in stc yet")
    at = run_app(f"import streamlit as st\nst.sidebar.{name}('x')\n")
    assert at.exception[0].value.startswith(f"`st.{name}` is not available in stc yet")


def test_not_yet_is_an_api_error_and_an_attribute_error() -> None:
    with pytest.raises(StreamlitAPIException, match="not available in stc yet"):
        st.App  # noqa: B018
    assert not hasattr(st, "App")
    assert not hasattr(st.sidebar, "App")
    with pytest.raises(AttributeError, match="has no attribute 'nonsense'"):
        st.nonsense  # noqa: B018


def test_signatures_are_read_from_the_runtime() -> None:
    signature = _registry.signature
    assert signature("write") is signature("write")  # found once, then kept
    assert str(signature("write")).startswith("(*args: 'Any', unsafe_allow_html")
    for command in ("column_config.TextColumn", "components.v1.html", "Page", "cache_data"):
        assert signature(command) is not None, command
    assert "self" not in signature("DeltaGenerator.write").parameters  # type: ignore[union-attr]
    assert signature("DeltaGenerator.write") == signature("write")
    # every callable of st, st.column_config and the element methods has one
    public = [n for n in st.__all__ if callable(getattr(st, n)) and n != "DeltaGenerator"]
    public += [f"column_config.{n}" for n in st.column_config.__all__]
    public += [f"DeltaGenerator.{n}" for n in _registry.element_methods() - {"update", "open"}]
    assert [n for n in public if signature(n) is None] == []


@pytest.mark.parametrize(
    "command",
    [
        "DeltaGenerator",  # a class of the runtime, not a command
        "components.v1.CustomComponent",  # ours only: Streamlit's v1 does not export it
        "App",  # not yet
        "session_state",  # not callable
        "column_config",  # a module
        "DeltaGenerator._main",
        "DeltaGenerator.update",  # StatusContainer's
        "nonsense",
        "session_state.get",
    ],
)
def test_no_signature(command: str) -> None:
    assert _registry.signature(command) is None
