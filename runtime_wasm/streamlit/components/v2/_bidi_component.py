"""Mounting a components v2 component: Streamlit's ``_bidi_component``.

A mount is two widgets, as in Streamlit:

- the *state* widget (the element's id; the ``key``'s state in session state): a
  flat dict the page replaces whole when the component calls ``setStateValue``.
  Each ``on_<name>_change`` callback runs when its name's value changed.
- the *events* widget (hidden, its id in the element's props): a trigger holding the
  ``[{"event", "value"}, ...]`` the component sent with ``setTriggerValue`` since
  the last run, for one run; each event runs its ``on_<event>_change`` callback.

The result holds every state value and, for each callback's name, that event's value
of this run (``None`` otherwise). The page side is runtime_wasm/js/components_v2.mjs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...._context import current, maybe_current
from ...._errors import StreamlitAPIException
from ...._tree import Element
from ..._base import DGBase
from ..._widget import Key, register_widget, to_key
from ...elements.lib._diagram_props import check_size
from ._data import UnserializableData, digest, payload
from ._definitions import ComponentDefinition
from ._result import ComponentResult, ComponentStateView

__all__ = ["EVENT_DELIM", "KIND", "mount"]

KIND = "bidi_component"
EVENT_DELIM = "__"


def _callbacks(kwargs: Mapping[str, Any]) -> dict[str, Callable[..., Any]]:
    """``on_<name>_change`` callables by name; other keywords are ignored, as in
    Streamlit (it accepts and drops them)."""
    found: dict[str, Callable[..., Any]] = {}
    for kwarg, value in kwargs.items():
        if not callable(value) or not (kwarg.startswith("on_") and kwarg.endswith("_change")):
            continue
        name = kwarg[3:-7]
        if not name or name == "_":
            raise StreamlitAPIException(
                f"The callback name `'{kwarg}'` is not allowed. Callback names must follow "
                "the pattern `on_{event_name}_change` where `event_name` is not empty."
            )
        found[name] = value
    return found


def _check_default(default: Mapping[str, Any] | None, names: Mapping[str, Any]) -> None:
    for state_key in default or {}:
        if state_key not in names:
            raise StreamlitAPIException(
                f"Key `'{state_key}'` in `default` is not a valid state name. Valid state "
                "names are those with corresponding `on_{state_name}_change` callbacks. "
                f"Available state names: `{list(names) or 'none'}`"
            )


def _events(stored: Any) -> dict[str, Any]:
    """The last value of each event among the payloads the page sent."""
    found: dict[str, Any] = {}
    for item in stored if isinstance(stored, list) else []:
        if isinstance(item, dict) and isinstance(item.get("event"), str):
            found[item["event"]] = item.get("value")
    return found


def _run_all(callbacks: list[Callable[..., Any]]) -> None:
    for callback in callbacks:
        callback()


def mount(
    dg: DGBase,
    found: ComponentDefinition,
    *,
    key: Key | None,
    isolate_styles: bool,
    data: Any,
    default: dict[str, Any] | None,
    width: Any,
    height: Any,
    kwargs: Mapping[str, Any],
) -> ComponentResult:
    """Mount *found* where *dg* writes; its state and this run's trigger values."""
    if maybe_current() is None:  # bare Python, as Streamlit without a script run
        return ComponentResult({}, {})
    ctx = current()
    user_key = to_key(key)
    names = _callbacks(kwargs)
    _check_default(default, names)
    check_size("width", width)
    try:
        sent = payload(data)
    except UnserializableData:
        raise StreamlitAPIException(
            "The `data` provided to the bidirectional component could not be serialized. "
            "Please ensure the data is JSON-serializable, or is a supported data structure "
            "like a pandas DataFrame."
        ) from None
    defaults = dict(default or {})
    state = ctx.state
    seen: dict[str, Any] = {}  # the state this run's script sees: what callbacks diff
    ids: dict[str, str] = {}  # "state_key" and "events" (a widget id), once registered

    def on_state_change() -> None:
        now = state.raw_widget_value(ids["state_key"])
        now = now if isinstance(now, dict) else {}
        changed = {k for k in seen.keys() | now.keys() if seen.get(k) != now.get(k)}
        _run_all([callback for name, callback in names.items() if name in changed])

    def on_events() -> None:  # one call per payload, in order, as Streamlit's dispatch
        stored = state.raw_widget_value(ids["events"])
        sent_events = [p.get("event") for p in stored if isinstance(p, dict)] if isinstance(
            stored, list) else []  # fmt: skip
        _run_all([names[e] for e in sent_events if isinstance(e, str) and e in names])

    def mounted() -> bool:
        return user_key is not None and state.key_registered_this_run(user_key)

    def present(base: Any) -> Any:
        if not isinstance(base, dict) or "events" not in ids:
            return base
        flat = {**_events(state.raw_widget_value(ids["events"])), **base}
        allowed = frozenset(names) if names else None
        return ComponentStateView(flat, base=base, key=str(user_key), allowed=allowed,
                                  mounted=mounted)  # fmt: skip

    def coerce(stored: Any) -> dict[str, Any]:
        value = dict(stored) if isinstance(stored, dict) else {}  # not the app's own dict
        for name, fallback in defaults.items():
            value.setdefault(name, fallback)
        return value

    identity = {
        "component_name": found.name,
        "isolate_styles": isolate_styles,
        "width": width,
        "height": height,
        "default": default,
        "data": digest(sent),
    }
    widget_id, value = register_widget(
        dg, KIND, key=key, default=dict(defaults), identity=identity,
        deserialize=lambda raw: {**defaults, **raw} if isinstance(raw, dict) else dict(defaults),
        coerce=coerce, on_change=on_state_change if names else None, present=present,
    )  # fmt: skip
    ids["state_key"] = user_key if user_key is not None else widget_id
    seen.update(value)
    events_id, events = register_widget(
        dg, f"{KIND}{EVENT_DELIM}events", key=None, default=None, identity={"state": widget_id},
        on_change=on_events if names else None, trigger=True, in_form=False,
    )  # fmt: skip
    ids["events"] = events_id
    triggers = _events(events)
    form_id = dg._active(ctx)._form_id
    props = {
        "name": found.name,
        "html": found.html,
        "css": found.css,
        "js": found.js,
        "css_src": found.css_src,
        "js_src": found.js_src,
        "isolate_styles": isolate_styles,
        "data": sent,
        "width": width,
        "height": height,
        "value": dict(value),
        "events_id": events_id,
        "form_id": form_id,
        "key": user_key,
    }
    dg._enqueue(Element(KIND, props, widget_id=widget_id))
    return ComponentResult(dict(value), {name: triggers.get(name) for name in names})
