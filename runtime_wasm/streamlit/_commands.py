"""Module-level commands that are not elements: stop, rerun, set_page_config, and
the ``st.session_state`` proxy that follows the session of the run in progress."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any, NoReturn

from .._context import current
from .._errors import StreamlitAPIException, StreamlitValueError
from .._script import RerunRequested, StopRequested
from .._state import WIDGET_ID_PREFIX

__all__ = ["SessionStateProxy", "rerun", "set_page_config", "stop"]


def stop() -> NoReturn:
    """Stop the run here; what was drawn so far stays on the page."""
    raise StopRequested


def rerun(scope: Any = "app") -> NoReturn:
    """Stop the run and start the script again at once."""
    if scope not in ("app", "fragment"):
        raise StreamlitAPIException(
            f"'{scope}' is not a valid rerun scope. Valid scopes are 'app' and 'fragment'."
        )
    raise RerunRequested


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
