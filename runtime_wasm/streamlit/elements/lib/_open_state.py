"""The open state of ``st.tabs``, ``st.expander`` and ``st.popover`` (Streamlit 1.67).

By default which tab is selected, or whether an expander or popover is open, is the
page's business: Python never learns it and every container's content runs. With
``on_change="rerun"`` or a callback (or ``bind="query-params"`` for tabs and
expanders) the container *tracks its state*: it is a widget whose value (the open
tab's label, or a bool) lives in session state under its key, the page reports a
switch or a toggle as a widget update, and ``.open`` on what the command returned
says whether that container is open, so ``if tab.open:`` runs only the open tab.

The three commands share the checks and the registration here; each builds its own
block (``_layouts``) and gives it the widget id, which the page reports against.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...._errors import StreamlitMissingRequiredParameterError, StreamlitValueError
from ..._base import DGBase
from ..._url_binding import BIND_NEEDS_KEY, UrlCodec
from ..._widget import Key, register_widget
from ..._widget_state import check_callback_mode

__all__ = ["check_bind", "check_on_change", "register_open_state", "tracks_state"]


def check_bind(bind: Any) -> None:
    """Refuse a ``bind`` other than ``"query-params"`` or ``None`` up front: an invalid
    one would otherwise leave the container untracked and go unnoticed."""
    if bind is not None and bind != "query-params":
        raise StreamlitValueError("bind", ["'query-params'", "None"])


def check_on_change(on_change: Any) -> None:
    """Streamlit's check of ``on_change``: ``"rerun"``, ``"ignore"`` or a callable."""
    check_callback_mode(on_change, "on_change")


def tracks_state(on_change: Any, bind: Any = None) -> bool:
    """Whether the container is a widget: ``on_change`` set, or bound to the URL.
    Call after ``check_on_change`` (so ``on_change`` is a mode or a callable)."""
    return bool(callable(on_change) or on_change != "ignore" or bind == "query-params")


def _as_is(value: Any) -> Any:
    return value


def register_open_state(
    dg: DGBase,
    kind: str,
    *,
    key: Key | None,
    default: Any,
    identity: Mapping[str, Any],
    coerce: Callable[[Any], Any] | None = None,
    on_change: Any,
    args: Any,
    kwargs: Any,
    bind: Any = None,
    url: UrlCodec | None = None,
) -> tuple[str, Any]:
    """Register a tracking container; return ``(widget_id, open state)``.

    The state is *default* until the page or ``st.session_state[key]`` changes it; a
    stored value *coerce* rejects (a tab label no longer among the tabs) falls back to
    *default*, in session state too. Without *coerce* a value the app stored is taken
    as it is (``1`` for an expander is truthy, and Streamlit keeps it). The page sends
    a switch at once even in a form (``in_form=False``), as Streamlit's does. With
    ``bind="query-params"`` the state follows the URL through *url*."""
    if bind == "query-params" and key is None:
        raise StreamlitMissingRequiredParameterError("key", detail=BIND_NEEDS_KEY)
    return register_widget(
        dg,
        kind,
        key=key,
        default=default,
        identity=identity,
        deserialize=lambda raw: default if raw is None else raw,
        coerce=coerce or _as_is,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        in_form=False,
        bind=bind,
        url=url,
    )
