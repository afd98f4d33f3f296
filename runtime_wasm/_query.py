"""``st.query_params``: the page URL's query string as a dict-like object.

Streamlit 1.67's semantics (``streamlit/runtime/state/query_params.py``): keys and
values are strings; a repeated key reads as its last value (``get_all`` gives all);
setting an iterable gives a repeated key; ``embed`` and ``embed_options`` are hidden
and cannot be set. The page reads it from its real URL at boot and when the browser
goes back or forward; writes made during a run mark it ``changed`` and the bridge
sends the new query string to the page, which puts it in the address bar.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any
from urllib import parse

from ._errors import StreamlitAPIException, StreamlitQueryParamDictValueError

__all__ = ["QueryParams", "missing_attr_message", "missing_key_message"]

EMBED_KEYS = ("embed", "embed_options")
MAX_LENGTH = 512 * 1024  # Streamlit ignores longer query strings
MAX_FIELDS = 1000


def missing_key_message(key: str) -> str:
    return f'st.query_params has no key "{key}".'


def missing_attr_message(key: str) -> str:
    return f'st.query_params has no attribute "{key}".'


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

    # -- the page's side -----------------------------------------------------------
    def populate(self, query_string: str) -> None:
        """Replace everything with what the page's URL says (no message back)."""
        self._params = _parse(query_string)

    def take_change(self) -> str | None:
        """The query string to show in the address bar, if the app changed it."""
        if not self.changed:
            return None
        self.changed = False
        return self.query_string()

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
        self._set(key, value)
        self.changed = True

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
        if key.lower() in EMBED_KEYS or key not in self._params:
            raise KeyError(missing_key_message(key))
        del self._params[key]
        self.changed = True

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
        for key, value in [*pairs, *kwds.items()]:
            self._set(key, value)
        self.changed = True

    def get_all(self, key: str) -> list[str]:
        if key not in self._params or key.lower() in EMBED_KEYS:
            return []
        value = self._params[key]
        return list(value) if isinstance(value, list) else [value]

    def clear(self) -> None:
        self._params = {k: v for k, v in self._params.items() if k.lower() in EMBED_KEYS}
        self.changed = True

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
