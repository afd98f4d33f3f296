"""``st.query_params``: the page URL's query string as a dict-like object.

Streamlit 1.67's semantics (``streamlit/runtime/state/query_params.py``): keys and
values are strings; a repeated key reads as its last value (``get_all`` gives all);
setting an iterable gives a repeated key; ``embed`` and ``embed_options`` are hidden
and cannot be set. The page reads it from its real URL at boot and when the browser
goes back or forward; writes made during a run mark it ``changed`` and the bridge
sends the new query string to the page, which puts it in the address bar.

A widget with ``bind="query-params"`` owns the parameter named by its key
(``streamlit/_url_binding.py``): the app can read it but not set or
delete it, and the widget's own writes are marked ``replace`` (Streamlit's page
rewrites the current history entry when the visitor moves a bound widget) unless
something in the same run wanted a new entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any, NamedTuple
from urllib import parse

from ._errors import StreamlitAPIException, StreamlitQueryParamDictValueError

__all__ = ["QueryChange", "QueryParams", "missing_attr_message", "missing_key_message"]

EMBED_KEYS = ("embed", "embed_options")
MAX_LENGTH = 512 * 1024  # Streamlit ignores longer query strings
MAX_FIELDS = 1000


def missing_key_message(key: str) -> str:
    return f'st.query_params has no key "{key}".'


def missing_attr_message(key: str) -> str:
    return f'st.query_params has no attribute "{key}".'


def _bound_error(key: str, verb: str) -> StreamlitAPIException:
    return StreamlitAPIException(
        f"Cannot directly {verb} query parameter '{key}' - "
        "it is bound to a widget. Modify the widget value instead."
    )


class QueryChange(NamedTuple):
    """What a run did to the address bar: the new query string (no ``?``), and
    whether it replaces the current history entry (only bound widgets wrote)."""

    search: str
    replace: bool


def _parse(query_string: str) -> dict[str, list[str] | str]:
    text = query_string.removeprefix("?")
    if not text or len(text) > MAX_LENGTH or text.count("&") + 1 > MAX_FIELDS:
        return {}
    parsed = parse.parse_qs(text, keep_blank_values=True)
    return {k: v[0] if len(v) == 1 else v for k, v in parsed.items()}


class QueryParams(MutableMapping[str, str]):
    """The session's query parameters; ``changed`` after a write in this run."""

    def __init__(self, query_string: str = "") -> None:
        self._params: dict[str, list[str] | str] = _parse(query_string)
        self.changed = False
        self._pushed = False  # a change of this run wants a new history entry
        self._bound: dict[str, str] = {}  # parameter -> id of the widget bound to it
        self._initial: dict[str, list[str] | str] = dict(self._params)  # at run start
        self._from_history = False  # populate(history=True) since the last run began
        self.history_run = False  # this run follows Back/Forward: the URL wins

    # -- the page's side -----------------------------------------------------------
    def populate(self, query_string: str, *, history: bool = False, link: bool = False) -> None:
        """Replace everything with what the page's URL says (no message back).

        *history*: the browser went Back or Forward, so bound widgets take their
        values from the URL in the next run, as on a first load. *link*: the visitor
        followed a page link, whose address keeps no parameters; the bound ones are
        carried over (Streamlit's page adds them to the link's address), so a widget
        common to the pages keeps its value, and the address bar is told."""
        old = self._params
        self._params = _parse(query_string)
        self._from_history = self._from_history or history
        if link:
            carried = {k: old[k] for k in self._bound if k in old and k not in self._params}
            if carried:
                self._params.update(carried)
                self._mark(replace=True)

    def begin_run(self) -> None:
        """A full run starts: bound widgets seed from the parameters as they are now."""
        self._initial = dict(self._params)
        self.history_run, self._from_history = self._from_history, False

    def take_change(self) -> QueryChange | None:
        """The query string to show in the address bar, if the run changed it."""
        if not self.changed:
            return None
        change = QueryChange(self.query_string(), replace=not self._pushed)
        self.changed = self._pushed = False
        return change

    def _mark(self, *, replace: bool = False) -> None:
        self.changed = True
        self._pushed = self._pushed or not replace

    # -- bound widgets (the runtime's side) ----------------------------------------
    def bind(self, key: str, widget_id: str) -> None:
        """Give the parameter *key* to a widget; the embed ones are Streamlit's own."""
        if key.lower() in EMBED_KEYS:
            raise StreamlitAPIException(
                f"Cannot bind to reserved query parameter '{key}'. 'embed' and "
                "'embed_options' are used internally for Streamlit's embed functionality."
            )
        self._bound[key] = widget_id

    def is_bound(self, key: str) -> bool:
        return key in self._bound

    def initial(self, key: str) -> list[str] | str | None:
        """The parameter as the run found it (what a bound widget seeds from)."""
        return self._initial.get(key)

    def set_bound(self, key: str, value: list[str] | str | None, *, replace: bool) -> None:
        """A bound widget's write (``None`` removes the parameter); nothing when the
        address already says so."""
        if value is None:
            if key not in self._params:
                return
            del self._params[key]
        elif self._params.get(key) == value:
            return
        else:
            self._params[key] = value
        self._mark(replace=replace)

    def drop_unbound(self, active: set[str]) -> None:
        """Forget bindings of widgets no longer drawn, and their parameters: a widget
        that went away takes its value out of the address bar, as in Streamlit."""
        for key, widget_id in list(self._bound.items()):
            if widget_id not in active:
                del self._bound[key]
                self.set_bound(key, None, replace=False)

    def query_string(self) -> str:
        return parse.urlencode(self._params, doseq=True)

    # -- the mapping the app sees --------------------------------------------------
    def __iter__(self) -> Iterator[str]:
        return iter([k for k in self._params if k.lower() not in EMBED_KEYS])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __getitem__(self, key: str) -> str:
        if key.lower() in EMBED_KEYS or key not in self._params:
            raise KeyError(missing_key_message(key))
        value = self._params[key]
        if isinstance(value, list):
            return value[-1] if value else ""
        return value

    def __setitem__(self, key: str, value: str | Iterable[str]) -> None:
        if self.is_bound(key):
            raise _bound_error(key, "set")
        self._set(key, value)
        self._mark()

    def _set(self, key: str, value: Any) -> None:
        if isinstance(value, dict):
            raise StreamlitQueryParamDictValueError(key)
        if key.lower() in EMBED_KEYS:
            raise StreamlitAPIException(
                "Query param embed and embed_options (case-insensitive) cannot be set "
                "programmatically."
            )
        if isinstance(value, Iterable) and not isinstance(value, str):
            self._params[key] = [str(item) for item in value]
        else:
            self._params[key] = str(value)

    def __delitem__(self, key: str) -> None:
        if key.lower() in EMBED_KEYS:
            raise KeyError(missing_key_message(key))
        if self.is_bound(key):
            raise _bound_error(key, "delete")
        if key not in self._params:
            raise KeyError(missing_key_message(key))
        del self._params[key]
        self._mark()

    def __str__(self) -> str:
        return str(self._params)

    def __repr__(self) -> str:
        return repr(self._params)

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        """Set several parameters at once, as ``dict.update`` does."""
        if hasattr(other, "keys") and hasattr(other, "__getitem__"):
            pairs = [(k, other[k]) for k in list(other.keys())]
        else:
            pairs = list(other)
        pairs = [*pairs, *kwds.items()]
        for key, _ in pairs:
            if self.is_bound(key):
                raise _bound_error(key, "set")
        for key, value in pairs:
            self._set(key, value)
        self._mark()

    def get_all(self, key: str) -> list[str]:
        if key not in self._params or key.lower() in EMBED_KEYS:
            return []
        value = self._params[key]
        return list(value) if isinstance(value, list) else [value]

    def clear(self) -> None:
        bound = [key for key in self._params if self.is_bound(key)]
        if bound:
            raise StreamlitAPIException(
                "Cannot clear query parameters - the following are bound to widgets: "
                f"{', '.join(repr(k) for k in bound)}. Modify the widget values instead, "
                "or remove the bind parameter."
            )
        self._params = {k: v for k, v in self._params.items() if k.lower() in EMBED_KEYS}
        self._mark()

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}

    def from_dict(self, params: Any) -> None:
        """Replace every parameter (keeps the old ones if a value is refused)."""
        old = dict(self._params)
        self._params = {k: v for k, v in self._params.items() if k.lower() in EMBED_KEYS}
        try:
            self.update(params)
        except StreamlitAPIException:
            self._params = old
            raise
