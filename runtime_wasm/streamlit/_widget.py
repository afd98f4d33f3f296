"""What every widget does: compute its id, register with session state, read its
value, and put its element in the tree, in that order (as Streamlit does, so that
writing ``st.session_state[key]`` after the widget exists in this run is an error).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .._context import current
from .._errors import FORM_DOCS_INFO, StreamlitAPIException
from .._ids import compute_widget_id
from .._state import WidgetMeta
from .._tree import Element
from ._base import DGBase
from ._url_binding import UrlCodec, check_bind, follow_url

__all__ = ["Key", "check_label_visibility", "register_widget", "to_key", "widget"]

Key = str | int


def to_key(key: Key | None) -> str | None:
    return None if key is None else str(key)


def check_label_visibility(label_visibility: str) -> None:
    if label_visibility not in ("visible", "hidden", "collapsed"):
        raise StreamlitAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. "
            "Valid values are 'visible', 'hidden' or 'collapsed'."
        )


def _identity(value: Any) -> Any:
    return value


def widget(
    dg: DGBase,
    kind: str,
    *,
    key: Key | None,
    default: Any,
    shared: Mapping[str, Any] | None = None,
    identity: Mapping[str, Any] | None = None,
    props: Mapping[str, Any] | None = None,
    serialize: Callable[[Any], Any] = _identity,
    deserialize: Callable[[Any], Any] = _identity,
    coerce: Callable[[Any], Any] = _identity,
    on_change: Any = None,
    args: Any = None,
    kwargs: Any = None,
    trigger: bool = False,
    read_only: bool = False,
    bind: Any = None,
    url: UrlCodec | None = None,
) -> Any:
    """Register one widget in the run in progress and return its value.

    What the widget is made of comes in three mappings, so that each parameter is
    named once: *shared* defines the widget (its id, when it has no key) and goes to
    the page (``label``, ``options``…); *identity* only defines it (a default value);
    *props* only goes to the page (``disabled``…). The id is the same whichever of
    *shared* and *identity* a parameter is in.

    A ``read_only`` widget (a chart selection) refuses ``st.session_state[key]``
    assignments, as buttons do: only the page sets its value. With
    ``bind="query-params"``, *url* says how the value reads from and writes to the
    query parameter named by *key* (``_url_binding``)."""
    form_id = dg._active(current())._form_id
    if trigger and kind != "form_submit_button" and form_id is not None:
        raise StreamlitAPIException(
            f"`st.{kind}()` can't be used in an `st.form()`. Use "
            f"`st.form_submit_button()` instead to submit the form.{FORM_DOCS_INFO}"
        )
    widget_id, value = register_widget(
        dg,
        kind,
        key=key,
        default=default,
        identity={**(shared or {}), **(identity or {})},
        serialize=serialize,
        deserialize=deserialize,
        coerce=coerce,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        trigger=trigger,
        read_only=read_only,
        bind=bind,
        url=url,
    )
    element_props = {**(shared or {}), **(props or {}), "form_id": form_id, "key": to_key(key)}
    if not trigger:
        element_props["value"] = serialize(value)
    dg._enqueue(Element(kind, element_props, widget_id=widget_id))
    return value


def register_widget(
    dg: DGBase,
    kind: str,
    *,
    key: Key | None,
    default: Any,
    identity: Mapping[str, Any],
    serialize: Callable[[Any], Any] = _identity,
    deserialize: Callable[[Any], Any] = _identity,
    coerce: Callable[[Any], Any] = _identity,
    on_change: Any = None,
    args: Any = None,
    kwargs: Any = None,
    trigger: bool = False,
    read_only: bool = False,
    in_form: bool = True,
    present: Callable[[Any], Any] | None = None,
    bind: Any = None,
    url: UrlCodec | None = None,
) -> tuple[str, Any]:
    """Register a widget and return ``(widget_id, value)``, leaving its element to the
    caller: a widget that is a block (``st.tabs(on_change=...)``) puts it itself.

    *identity* is everything that defines the widget when it has no key. A widget
    with ``in_form=False`` still counts its form in its id, but its changes are not
    held for the form's submit button nor cleared by ``clear_on_submit``: Streamlit's
    page sends a tab switch or an expander toggle at once, in a form or not. *present*
    is what ``st.session_state[key]`` shows of the stored value (``WidgetMeta``).
    *bind* and *url*: see ``widget``."""
    ctx = current()
    form_id = dg._active(ctx)._form_id
    user_key = to_key(key)
    bound = check_bind(bind, user_key)
    widget_id = compute_widget_id(
        kind,
        user_key,
        page=ctx.active_page,
        form_id=form_id,
        container=dg._active(ctx)._container,
        **identity,
    )
    callback = on_change if callable(on_change) else None
    meta = WidgetMeta(
        kind=kind,
        widget_id=widget_id,
        user_key=user_key,
        deserialize=deserialize,
        serialize=serialize,
        callback=callback,
        args=tuple(args or ()),
        kwargs=dict(kwargs or {}),
        trigger=trigger,
        writable=not (trigger or read_only),
        form_id=form_id if in_form else None,
        default=default,
        fragment_id=ctx.fragment_stack[-1].fragment.id if ctx.fragment_stack else None,
        present=present,
    )
    value = ctx.state.register(meta, default, coerce)
    if bound and url is not None:
        drawn_before = ctx.state.drawn_last_run(widget_id)
        value = follow_url(ctx, meta, url, value, coerce, drawn_before=drawn_before)
    return widget_id, value
