"""Session state: the values of widgets and of the app's own keys, across reruns.

Streamlit's model, kept small: one dict of values addressed by *state key* (the
widget's user ``key`` when it has one, else its internal widget id, which starts with
``$$ID`` and is hidden from the app). Widget metadata says how to turn the page's
JSON value into a Python value and which callback to run when it changes.

Lifecycle of one interaction (``AppSession.rerun``):
  1. ``apply_updates`` stores the page's new values and queues callbacks of widgets
     whose value changed; buttons set a one-run trigger instead.
  2. callbacks run (``run_callbacks``), before the script, in the order widgets were
     rendered in the previous run, as in Streamlit;
  3. the script runs; each widget call ``register``s itself and reads its value;
  4. ``finish_run`` drops the state of widgets that were not rendered this run and
     resets triggers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from ._errors import (
    StreamlitDuplicateElementId,
    StreamlitDuplicateElementKey,
    StreamlitValueAssignmentNotAllowedError,
    StreamlitWidgetAlreadyInstantiatedError,
)

__all__ = ["SessionState", "WidgetMeta", "missing_attr_message", "missing_key_message"]

WIDGET_ID_PREFIX = "$$ID"


def missing_key_message(key: str) -> str:
    return (
        f'st.session_state has no key "{key}". Did you forget to initialize it? '
        "More info: https://docs.streamlit.io/develop/concepts/architecture/"
        "session-state#initialization"
    )


def missing_attr_message(name: str) -> str:
    return (
        f'st.session_state has no attribute "{name}". Did you forget to initialize it? '
        "More info: https://docs.streamlit.io/develop/concepts/architecture/"
        "session-state#initialization"
    )


@dataclass(slots=True)
class WidgetMeta:
    """How a widget's value travels between the page and Python."""

    kind: str
    widget_id: str
    user_key: str | None
    deserialize: Callable[[Any], Any]
    serialize: Callable[[Any], Any] = lambda value: value
    callback: Callable[..., Any] | None = None
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    trigger: bool = False  # one run: the page's value (a button's True), then the default
    writable: bool = True  # buttons and submit buttons refuse st.session_state writes
    form_id: str | None = None
    default: Any = None
    fragment_id: str | None = None  # the fragment that drew it (its changes rerun only that)
    # What ``st.session_state[key]`` shows of the stored value, when that differs (a
    # component's state with its triggers of this run: components.v2).
    present: Callable[[Any], Any] | None = None

    @property
    def state_key(self) -> str:
        return self.user_key if self.user_key is not None else self.widget_id


class SessionState(MutableMapping[str, Any]):
    """The object behind ``st.session_state`` (item and attribute access)."""

    def __init__(self) -> None:
        object.__setattr__(self, "_values", {})
        object.__setattr__(self, "_widgets", {})  # widget id -> meta, last complete run
        object.__setattr__(self, "_run_widgets", {})  # widget id -> meta, this run
        object.__setattr__(self, "_run_keys", set())  # user keys registered this run
        object.__setattr__(self, "_triggers", set())  # widget ids clicked for this run
        object.__setattr__(self, "_pending_callbacks", [])
        object.__setattr__(self, "_new_keys", set())  # keys the app assigned this run
        object.__setattr__(self, "_presenters", {})  # state key -> WidgetMeta.present
        object.__setattr__(self, "_bound", set())  # widget ids bound to the URL
        object.__setattr__(self, "_kept", set())  # their keys, kept when they went away

    _values: dict[str, Any]
    _widgets: dict[str, WidgetMeta]
    _run_widgets: dict[str, WidgetMeta]
    _run_keys: set[str]
    _triggers: set[str]
    _pending_callbacks: list[WidgetMeta]
    _new_keys: set[str]
    _presenters: dict[str, Callable[[Any], Any]]
    _bound: set[str]
    _kept: set[str]

    # -- the mapping the app sees -------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        if key not in self._values:
            raise KeyError(missing_key_message(key))
        present = self._presenters.get(key)
        return self._values[key] if present is None else present(self._values[key])

    def __setitem__(self, key: str, value: Any) -> None:
        # As in Streamlit, a read-only key (a button's) is refused when its widget
        # is created, not here: see ``register``.
        if key in self._run_keys:
            raise StreamlitWidgetAlreadyInstantiatedError(key)
        self._values[key] = value
        self._new_keys.add(key)

    def __delitem__(self, key: str) -> None:
        if key not in self._values:
            raise KeyError(missing_key_message(key))
        del self._values[key]
        self._presenters.pop(key, None)

    def __iter__(self) -> Iterator[str]:
        return (k for k in list(self._values) if not k.startswith(WIDGET_ID_PREFIX))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._values

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(missing_attr_message(name)) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError:
            raise AttributeError(missing_attr_message(name)) from None

    def __repr__(self) -> str:
        return repr(self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        return {k: self[k] for k in self}

    # -- the runtime's side -------------------------------------------------------
    def assigned_this_run(self, key: str | None) -> bool:
        """Whether the app (its script or a callback) assigned ``st.session_state[key]``
        in this run: a widget checks such a value, where it takes the page's as sent."""
        return key is not None and key in self._new_keys

    def apply_updates(self, updates: list[tuple[str, Any]]) -> None:
        """Take the page's new widget values; queue callbacks of changed widgets."""
        changed: set[str] = set()
        for widget_id, raw in updates:
            meta = self._widgets.get(widget_id)
            if meta is None:
                continue  # a widget from an older tree: nothing to update
            if meta.trigger:
                if raw:
                    self._triggers.add(widget_id)
                    # on_click sees the click (True); a component's callbacks its events
                    self._values[meta.state_key] = meta.deserialize(raw)
                    changed.add(widget_id)
                continue
            value = meta.deserialize(raw)
            key = meta.state_key
            if key not in self._values or _differs(self._values[key], value):
                self._values[key] = value
                changed.add(widget_id)
        # Callbacks run in the order the widgets were rendered (dict order).
        self._pending_callbacks.extend(m for w, m in self._widgets.items() if w in changed)

    def take_callbacks(self) -> list[WidgetMeta]:
        pending, self._pending_callbacks[:] = list(self._pending_callbacks), []
        return [m for m in pending if m.callback is not None]

    def register(self, meta: WidgetMeta, default: Any, coerce: Callable[[Any], Any]) -> Any:
        """Register a widget for this run and return its current Python value.

        ``coerce`` validates a stored value against the widget's current options and
        raises ``ValueError`` when it no longer fits, in which case the default wins.
        """
        if meta.widget_id in self._run_widgets:
            if meta.user_key is not None:
                raise StreamlitDuplicateElementKey(meta.user_key)
            raise StreamlitDuplicateElementId(meta.kind)
        if meta.user_key is not None and meta.user_key in self._run_keys:
            raise StreamlitDuplicateElementKey(meta.user_key)
        if not meta.writable and meta.user_key is not None and meta.user_key in self._new_keys:
            raise StreamlitValueAssignmentNotAllowedError(meta.user_key)
        self._run_widgets[meta.widget_id] = meta
        if meta.user_key is not None:
            self._run_keys.add(meta.user_key)
        if meta.present is not None:
            self._presenters[meta.state_key] = meta.present
        else:
            self._presenters.pop(meta.state_key, None)
        if meta.trigger:
            triggered = meta.widget_id in self._triggers
            value = self._values.get(meta.state_key) if triggered else default
            self._values[meta.state_key] = value
            return value
        key = meta.state_key
        if key in self._values:
            try:
                value = coerce(self._values[key])
            except (ValueError, TypeError, IndexError):
                value = default
        else:
            value = default
        self._values[key] = value
        return value

    def drawn_last_run(self, widget_id: str) -> bool:
        """Whether the widget was drawn by the last run (so is not new to the page)."""
        return widget_id in self._widgets

    def widget_ids(self) -> set[str]:
        """The widgets of the last run, once it has finished."""
        return set(self._widgets)

    def mark_bound(self, widget_id: str) -> None:
        """The widget follows the URL: when it stops being drawn its value stays (under
        its key) for when it comes back, as Streamlit keeps a bound widget's."""
        self._bound.add(widget_id)

    def take_kept(self, user_key: str) -> bool:
        """Whether *user_key* holds the value of a bound widget that went away."""
        if user_key in self._kept:
            self._kept.discard(user_key)
            return True
        return False

    def seed(self, state_key: str, value: Any) -> None:
        """Give a registered widget the value something outside the app decided (the
        URL, for a widget bound to it)."""
        self._values[state_key] = value

    def raw_widget_value(self, state_key: str) -> Any:
        """A widget's value as stored, not as ``st.session_state`` presents it;
        ``None`` when there is none."""
        return self._values.get(state_key)

    def key_registered_this_run(self, user_key: str) -> bool:
        """Whether a widget with this ``key`` was created in the run in progress."""
        return user_key in self._run_keys

    def fragment_of(self, widget_ids: list[str]) -> str | None:
        """The one fragment that drew all of these widgets of the last run, or None
        (a widget outside any fragment, widgets of several, or an unknown widget)."""
        found = {getattr(self._widgets.get(w), "fragment_id", None) for w in widget_ids}
        return found.pop() if len(found) == 1 else None

    def submitted_forms(self) -> set[str]:
        """Forms whose submit button triggered this run."""
        return {
            meta.form_id
            for meta in (self._widgets.get(wid) for wid in self._triggers)
            if meta is not None and meta.form_id is not None
        }

    def finish_run(
        self,
        *,
        complete: bool,
        clear_forms: frozenset[str] = frozenset(),
        fragments: frozenset[str] | None = None,
    ) -> None:
        """End a run. Only a complete run forgets widgets it did not render, and a
        fragment run (*fragments*: the fragments it ran) only widgets of those
        fragments; widgets of ``clear_forms`` (submitted with ``clear_on_submit``) go
        back to their defaults."""
        for meta in self._run_widgets.values():
            if meta.form_id in clear_forms and not meta.trigger:
                self._values[meta.state_key] = meta.default
        if complete:
            seen = self._run_widgets
            stale = [
                widget_id
                for widget_id, meta in self._widgets.items()
                if widget_id not in seen and (fragments is None or meta.fragment_id in fragments)
            ]
            for widget_id in stale:
                meta = self._widgets.pop(widget_id)
                if widget_id in self._bound and meta.user_key is not None:
                    self._bound.discard(widget_id)
                    if meta.state_key in self._values:
                        self._kept.add(meta.state_key)
                elif meta.state_key not in self._run_keys:
                    self._values.pop(meta.state_key, None)
                    self._presenters.pop(meta.state_key, None)
            if fragments is None:
                self._widgets.clear()
        self._widgets.update(self._run_widgets)
        for widget_id in self._triggers:
            if widget_id in self._widgets:
                meta = self._widgets[widget_id]
                self._values[meta.state_key] = meta.default
        self._triggers.clear()
        self._run_widgets.clear()
        self._run_keys.clear()
        self._new_keys.clear()


def _differs(old: Any, new: Any) -> bool:
    """Whether a widget's new value changed it: a table (a DataFrame a component sent)
    by its contents, where ``!=`` answers a table of booleans."""
    if type(old) is type(new) and callable(getattr(old, "equals", None)):
        return not old.equals(new)
    try:
        return bool(old != new)
    except (TypeError, ValueError):
        return old is not new
