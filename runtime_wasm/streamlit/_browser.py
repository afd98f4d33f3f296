"""``st.query_params`` and ``st.context``: module-level proxies that follow the
session of the run in progress, as ``st.session_state`` does."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

from .._client import StreamlitCookies, StreamlitHeaders, StreamlitTheme
from .._context import current
from .._query import QueryParams, missing_attr_message, missing_key_message

__all__ = ["ContextProxy", "QueryParamsProxy"]


def _qp() -> QueryParams:
    return current().query_params


class QueryParamsProxy(MutableMapping[str, str]):
    """``st.query_params``: the URL's query string; string keys and values."""

    def __iter__(self) -> Iterator[str]:
        return iter(_qp())

    def __len__(self) -> int:
        return len(_qp())

    def __str__(self) -> str:
        return str(_qp())

    def __repr__(self) -> str:
        return repr(_qp())

    def __getitem__(self, key: str) -> str:
        try:
            return _qp()[key]
        except KeyError:
            raise KeyError(missing_key_message(key)) from None

    def __setitem__(self, key: str, value: str | Iterable[str]) -> None:
        _qp()[key] = value

    def __delitem__(self, key: str) -> None:
        del _qp()[key]

    def __getattr__(self, key: str) -> str:
        try:
            return _qp()[key]
        except KeyError:
            raise AttributeError(missing_attr_message(key)) from None

    def __setattr__(self, key: str, value: str | Iterable[str]) -> None:
        _qp()[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del _qp()[key]
        except KeyError:
            raise AttributeError(missing_key_message(key)) from None

    def update(self, params: Any = (), /, **kwds: Any) -> None:
        """Set several query parameters at once, as ``dict.update`` does."""
        _qp().update(params, **kwds)

    def get_all(self, key: str) -> list[str]:
        """Every value of a repeated key (dict-like access gives the last one)."""
        return _qp().get_all(key)

    def clear(self) -> None:
        _qp().clear()

    def to_dict(self) -> dict[str, str]:
        """The parameters as a dict (the last value of a repeated key)."""
        return _qp().to_dict()

    def from_dict(self, params: Any) -> None:
        """Replace every parameter; an iterable value gives a repeated key."""
        _qp().from_dict(params)


_CONTEXT_KEYS = frozenset(
    {
        "headers",
        "cookies",
        "theme",
        "timezone",
        "timezone_offset",
        "locale",
        "url",
        "ip_address",
        "is_embedded",
    }
)


class ContextProxy:
    """``st.context``: read-only facts about the visitor's browser, read at every run.

    On a static site there is no server: ``headers`` holds only what a page can know
    (``User-Agent``, ``Accept-Language``, ``Host``, ``Referer``), ``cookies`` are
    the page's ``document.cookie``, ``ip_address`` is always ``None``, and
    ``is_embedded`` is true when the page runs inside a frame.
    """

    __iter__ = None  # not a dict: iter(st.context) is a TypeError, as in Streamlit

    @property
    def headers(self) -> StreamlitHeaders:
        return StreamlitHeaders(current().client.headers)

    @property
    def cookies(self) -> StreamlitCookies:
        return StreamlitCookies(current().client.cookies)

    @property
    def theme(self) -> StreamlitTheme:
        return StreamlitTheme({"type": current().client.color_scheme})

    @property
    def timezone(self) -> str | None:
        return current().client.timezone

    @property
    def timezone_offset(self) -> int | None:
        return current().client.timezone_offset

    @property
    def locale(self) -> str | None:
        return current().client.locale

    @property
    def url(self) -> str | None:
        return current().client.url

    @property
    def ip_address(self) -> str | None:
        """Always ``None``: a static site never sees the visitor's connection."""
        return None

    @property
    def is_embedded(self) -> bool | None:
        return current().client.is_embedded

    def __getitem__(self, key: str) -> Any:
        if key not in _CONTEXT_KEYS:
            raise KeyError(
                f'st.context has no key "{key}". '
                f"Valid keys are: {', '.join(sorted(_CONTEXT_KEYS))}."
            )
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in _CONTEXT_KEYS
