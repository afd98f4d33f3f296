"""The registry: what the runtime implements, read from the runtime itself."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import runtime_wasm.streamlit as st
from runtime_wasm import _registry
from runtime_wasm._errors import StreamlitAPIException
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
    assert "connection" in _registry.NOT_YET
    assert not {"runtime", "proto", "elements", "util", "dg"} & _registry.NOT_YET


@pytest.mark.parametrize("name", ["connection", "App"])
def test_runtime_names_a_not_yet_command(run_app: RunApp, name: str) -> None:
    at = run_app(f"import streamlit as st\nst.{name}('x')\n")
    assert at.exception[0].value.startswith(f"`st.{name}` is not available in stc yet")
    at = run_app(f"import streamlit as st\nst.sidebar.{name}('x')\n")
    assert at.exception[0].value.startswith(f"`st.{name}` is not available in stc yet")


def test_not_yet_is_an_api_error_and_an_attribute_error() -> None:
    with pytest.raises(StreamlitAPIException, match="not available in stc yet"):
        st.connection  # noqa: B018
    assert not hasattr(st, "connection")
    assert not hasattr(st.sidebar, "connection")
    with pytest.raises(AttributeError, match="has no attribute 'nonsense'"):
        st.nonsense  # noqa: B018


def test_signatures_are_read_from_the_runtime() -> None:
    signatures = _registry.signatures()
    assert signatures is _registry.signatures()  # computed once
    assert {"write", "column_config.TextColumn", "components.v1.html", "Page"} <= set(signatures)
    assert {f"DeltaGenerator.{name}" for name in ("write", "columns", "button")} <= set(signatures)
    assert "DeltaGenerator" not in signatures  # a class of the runtime, not a command
    assert "components.v1.CustomComponent" not in signatures  # ours only, not Streamlit's
    assert not [key for key, sig in signatures.items() if "self" in sig.parameters]
    assert str(signatures["write"]).startswith("(*args: 'Any', unsafe_allow_html")
    # every element method containers offer has one (status.update is StatusContainer's)
    methods = {f"DeltaGenerator.{name}" for name in _registry.element_methods()}
    assert methods - set(signatures) == {"DeltaGenerator.update", "DeltaGenerator.open"}
