"""Module-level commands that are not elements: stop, rerun, set_page_config,
connection, and the ``st.session_state`` proxy that follows the session of the run in progress."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any, NoReturn

from .._context import current
from .._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from .._fragments import by_keys
from .._script import RerunRequested, StopRequested
from .._sentinels import TTL_NOT_SPECIFIED
from .._state import WIDGET_ID_PREFIX

__all__ = ["SessionStateProxy", "connection", "rerun", "set_page_config", "stop"]


def stop() -> NoReturn:
    """Stop the run here; what was drawn so far stays on the page."""
    raise StopRequested


_SCOPES = ["'app'", "'fragment'", "a fragment key", "a list of keys"]
_SCOPE_TYPES = ["str", "int", "list[str | int]"]


def rerun(scope: Any = "app") -> NoReturn:
    """Stop the run and start again at once: the app, the fragment running now
    (``"fragment"``), or, from a widget callback, the fragments with these keys."""
    keys = _scope_keys(scope)
    ctx = current()
    if keys is None:
        raise RerunRequested
    if keys == ["fragment"]:
        if ctx.fragment_run is None or not ctx.fragment_stack:
            raise StreamlitAPIException(
                'scope="fragment" can only be specified from `@st.fragment`-decorated '
                "functions during fragment reruns."
            )
        raise RerunRequested((ctx.fragment_stack[-1].fragment.id,))
    if not ctx.in_callback:
        raise StreamlitAPIException(
            "Passing a fragment key to `st.rerun()` is only allowed from a widget callback "
            "(e.g. `on_change` / `on_click`). Calling it from the main script body or a "
            "fragment body would abort the current run. If you meant to rerun the whole "
            "app or the current fragment, use `scope='app'` or `scope='fragment'`."
        )
    try:
        raise RerunRequested(tuple(by_keys(ctx.fragments.values(), keys)))
    except KeyError as missing:
        raise StreamlitAPIException(
            f"st.rerun(scope={missing.args[0]!r}): no fragment with this key is on the page."
        ) from None


def _scope_keys(scope: Any) -> list[str] | None:
    """Streamlit's checks of ``st.rerun(scope=...)``: None for the app, ["fragment"],
    or the fragment keys named."""
    if isinstance(scope, int) and not isinstance(scope, bool):
        scope = str(scope)
    if isinstance(scope, bytes | bytearray) or not isinstance(scope, str | Sequence):
        raise StreamlitInvalidParameterTypeError("scope", type(scope).__name__, _SCOPE_TYPES)
    if scope == "":
        raise StreamlitValueError("scope", _SCOPES, detail="Got an empty string.")
    if isinstance(scope, str):
        return None if scope == "app" else [scope]
    if len(scope) == 0:
        raise StreamlitValueError("scope", _SCOPES, detail="Got an empty list.")
    keys: list[str] = []
    for name in scope:
        if isinstance(name, int):
            name = str(name)
        elif not isinstance(name, str):
            raise StreamlitInvalidParameterTypeError(
                "scope list items", type(name).__name__, ["str", "int"]
            )
        elif name == "":
            raise StreamlitValueError(
                "scope list items",
                ["non-empty strings or ints"],
                detail="Found an empty string in the list.",
            )
        if name in ("app", "fragment"):
            raise StreamlitValueError(
                "scope",
                ["fragment keys"],
                detail=f"'{name}' is a reserved scope name and cannot appear inside a list. "
                f"Pass '{name}' directly as a string.",
            )
        keys.append(name)
    return keys


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: str | None = None,
    initial_sidebar_state: Any = None,
    menu_items: Any = None,
) -> None:
    """Title, icon, layout and sidebar state of the page; the page applies them."""
    if layout not in (None, "centered", "wide"):
        raise StreamlitAPIException(f'`layout` must be "centered" or "wide" (got "{layout}")')
    config = current().page_config
    for name, value in (
        ("page_title", page_title),
        ("page_icon", page_icon),
        ("layout", layout),
        ("initial_sidebar_state", initial_sidebar_state),
    ):
        if value is not None:
            config[name] = value if isinstance(value, str | int | float) else str(value)


def _user_key(key: Any) -> str:
    """Streamlit's ``require_valid_user_key``: any key becomes a string; empty keys and
    keys in the widget-id namespace are refused."""
    text = str(key)
    if text == "":
        raise StreamlitValueError("key", ["a non-empty string"])
    if text.startswith(WIDGET_ID_PREFIX):
        raise StreamlitAPIException(f"Keys beginning with {WIDGET_ID_PREFIX} are reserved.")
    return text


class SessionStateProxy(MutableMapping[str, Any]):
    """``st.session_state``: item and attribute access to the current session."""

    def __getitem__(self, key: str) -> Any:
        return current().state[_user_key(key)]

    def __setitem__(self, key: str, value: Any) -> None:
        current().state[_user_key(key)] = value

    def __delitem__(self, key: str) -> None:
        del current().state[_user_key(key)]

    def __iter__(self) -> Iterator[str]:
        return iter(current().state)

    def __len__(self) -> int:
        return len(current().state)

    def __contains__(self, key: object) -> bool:
        return key in current().state

    def __getattr__(self, name: str) -> Any:
        return getattr(current().state, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(current().state, name, value)

    def __delattr__(self, name: str) -> None:
        delattr(current().state, name)

    def __repr__(self) -> str:
        return repr(current().state)

    def to_dict(self) -> dict[str, Any]:
        return current().state.to_dict()


def connection(
    name: str,
    type: Any = None,
    max_entries: int | None = None,
    ttl: Any = TTL_NOT_SPECIFIED,
    **kwargs: Any,
) -> Any:
    """``st.connection``: a connection through ``stc proxy`` (see runtime_wasm.connections,
    imported on the first call: most apps never open one, and every site boots this)."""
    from runtime_wasm.connections import connection_factory

    return connection_factory(name, type, max_entries, ttl, **kwargs)
