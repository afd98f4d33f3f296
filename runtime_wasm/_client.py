"""What the browser tells the runtime about its visitor: the data behind ``st.context``.

The page takes a small snapshot (``ClientSnapshot`` in ``_protocol.py``) when it
boots the worker and with every ``widget`` and ``url`` message, so cookies and the
URL are current at each run. There is no server and no HTTP request: ``headers`` are
the few a browser script can know (``User-Agent``, ``Accept-Language``, ``Host``,
``Referer``); the rest of a real request's headers do not exist on a static site.
``ip_address`` is always ``None`` for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = ["ClientInfo", "StreamlitCookies", "StreamlitHeaders", "StreamlitTheme", "parse_cookies"]


def _normalize_header(name: str) -> str:
    return "-".join(word.capitalize() for word in name.split("-"))


class StreamlitHeaders(Mapping[str, str]):
    """Read-only headers; case-insensitive keys, repeated keys kept (``get_all``)."""

    def __init__(self, headers: Iterable[tuple[str, str]]) -> None:
        grouped: dict[str, list[str]] = {}
        for key, value in headers:
            grouped.setdefault(_normalize_header(key), []).append(value)
        self._headers = grouped

    def get_all(self, key: str) -> list[str]:
        return list(self._headers.get(_normalize_header(key), []))

    def __getitem__(self, key: str) -> str:
        try:
            return self._headers[_normalize_header(key)][0]
        except LookupError:
            raise KeyError(key) from None

    def __len__(self) -> int:
        return len(self._headers)

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}


class StreamlitCookies(Mapping[str, str]):
    """Read-only cookies of the page (``document.cookie``; HttpOnly ones are hidden
    from scripts by the browser)."""

    def __init__(self, cookies: Mapping[str, str]) -> None:
        self._cookies = MappingProxyType(dict(cookies))

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __len__(self) -> int:
        return len(self._cookies)

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)


class StreamlitTheme(dict[str, Any]):
    """``{"type": "light" | "dark" | None}`` with attribute access, as Streamlit's."""

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError as err:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{key}'"
            ) from err

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


_QUOTED = re.compile(r'^"(.*)"$')


def parse_cookies(text: str) -> dict[str, str]:
    """``document.cookie`` as a dict, the way Tornado parses a ``Cookie`` header."""
    cookies: dict[str, str] = {}
    for chunk in text.split(";"):
        key, sep, value = chunk.partition("=")
        if not sep:
            key, value = "", chunk
        key, value = key.strip(), value.strip()
        if key or value:
            match = _QUOTED.match(value)
            cookies[key] = match.group(1) if match else value
    return cookies


def _without_query(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


@dataclass
class ClientInfo:
    """The visitor's browser, as of the latest snapshot the page sent."""

    url: str | None = None
    cookies: dict[str, str] = field(default_factory=dict)
    headers: list[tuple[str, str]] = field(default_factory=list)
    locale: str | None = None
    timezone: str | None = None
    timezone_offset: int | None = None
    color_scheme: str | None = None
    is_embedded: bool | None = None

    def update(self, snapshot: Mapping[str, Any] | None) -> None:
        """Take a snapshot from the page; absent fields keep their value."""
        if not snapshot:
            return
        if isinstance(snapshot.get("url"), str):
            self.url = _without_query(snapshot["url"])
        if isinstance(snapshot.get("cookies"), str):
            self.cookies = parse_cookies(snapshot["cookies"])
        for name in ("locale", "timezone"):
            if isinstance(snapshot.get(name), str):
                setattr(self, name, snapshot[name])
        if isinstance(snapshot.get("timezone_offset"), int | float):
            self.timezone_offset = int(snapshot["timezone_offset"])
        if snapshot.get("color_scheme") in ("light", "dark"):
            self.color_scheme = snapshot["color_scheme"]
        if isinstance(snapshot.get("is_embedded"), bool):
            self.is_embedded = snapshot["is_embedded"]
        headers = [
            ("User-Agent", snapshot.get("user_agent")),
            ("Accept-Language", snapshot.get("accept_language")),
            ("Host", snapshot.get("host")),
            ("Referer", snapshot.get("referrer")),
        ]
        if any(isinstance(v, str) for _, v in headers):
            self.headers = [(k, v) for k, v in headers if isinstance(v, str) and v]
