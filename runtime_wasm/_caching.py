"""``st.cache_data`` and ``st.cache_resource``: Streamlit 1.67's decorators.

Every rerun defines the cached function anew, so a cache belongs to the function's
*key* (module, qualified name, source code and the runtime version; see
``_hashing.function_key``), never to a function object. Within it, a value's key is
the hash of the call's arguments, leaving out those whose name starts with ``_``.

``cache_data`` pickles each value into a :class:`~runtime_wasm._cache_store.CacheStore`
(written behind to IndexedDB in the browser) and returns a fresh unpickled copy on
every call, so callers can mutate what they get. ``cache_resource`` keeps the object
itself, in memory for the life of the page.

Not covered: replaying ``st.*`` elements drawn inside a cached function on a hit
(Streamlit does); ``refresh_mode="background"`` refreshes in the foreground;
``max_size`` is accepted and not enforced.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import math
import pickle
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from . import __version__
from ._cache_store import default_store
from ._context import maybe_current
from ._errors import (
    StreamlitBadTimeStringError,
    StreamlitValueError,
    UnserializableReturnValueError,
)
from ._hashing import HashFuncs, function_key, hash_args

__all__ = [
    "CacheDataAPI",
    "CacheResourceAPI",
    "CachedFunc",
    "Spinner",
    "clear_all",
    "clock",
    "set_spinner",
    "ttl_seconds",
]

clock: Callable[[], float] = time.time  # wall clock: ttl must hold across reloads

_UNITS = {
    "w": 604800.0, "week": 604800.0, "weeks": 604800.0,
    "d": 86400.0, "day": 86400.0, "days": 86400.0,
    "h": 3600.0, "hr": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "m": 60.0, "t": 60.0, "min": 60.0, "minute": 60.0, "minutes": 60.0,
    "s": 1.0, "sec": 1.0, "second": 1.0, "seconds": 1.0,
    "ms": 1e-3, "l": 1e-3, "milli": 1e-3, "millis": 1e-3, "millisecond": 1e-3,
    "milliseconds": 1e-3, "us": 1e-6, "u": 1e-6, "micro": 1e-6, "micros": 1e-6,
    "microsecond": 1e-6, "microseconds": 1e-6, "ns": 1e-9, "n": 1e-9, "nano": 1e-9,
    "nanos": 1e-9, "nanosecond": 1e-9, "nanoseconds": 1e-9,
}  # fmt: skip
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-zA-Z]+)\s*,?")
_CLOCK = re.compile(r"^\s*(?:(\d+)\s*days?,?\s*)?(\d+):(\d\d):(\d\d(?:\.\d+)?)\s*$")


def ttl_seconds(ttl: float | timedelta | str | None) -> float | None:
    """Streamlit's ``time_to_seconds``: seconds, a ``timedelta`` or a string that
    pandas' ``Timedelta`` reads (``"1h"``, ``"30m"``, ``"1d2h34m"``, ``"2 days"``,
    ``"00:30:00"``)."""
    if ttl is None:
        return None
    if isinstance(ttl, timedelta):
        return ttl.total_seconds()
    if not isinstance(ttl, str):
        return float(ttl)
    text = ttl.strip()
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    if match := _CLOCK.match(text):
        days, hours, minutes, seconds = match.groups()
        total = float(int(days or 0) * 86400 + int(hours) * 3600 + int(minutes) * 60)
        return sign * (total + float(seconds))
    total, pos = 0.0, 0
    while pos < len(text):
        part = _PART.match(text, pos)
        if part is None or part.group(2).lower() not in _UNITS:
            raise StreamlitBadTimeStringError(ttl)
        total += float(part.group(1)) * _UNITS[part.group(2).lower()]
        pos = part.end()
    if pos == 0:
        raise StreamlitBadTimeStringError(ttl)
    return sign * total


@dataclass(frozen=True, slots=True)
class _Options:
    kind: str  # "cache_data" | "cache_resource"
    ttl: float | None
    max_entries: int | None
    show_spinner: bool | str
    show_time: bool
    hash_funcs: HashFuncs | None
    persist: bool = True  # cache_data with scope="global": written to IndexedDB
    validate: Callable[[Any], bool] | None = None
    on_release: Callable[[Any], Any] | None = None


_computing = 0  # depth of cached functions computing: only the outermost shows a spinner

# (message, show_time) -> the context manager that shows a spinner while a cached
# function computes: the API's (st.spinner in the area in use), given by set_spinner,
# so this core module does not import the API above it
Spinner = Callable[[str, bool], contextlib.AbstractContextManager[object]]
_show_spinner: Spinner | None = None


def set_spinner(spinner: Spinner | None) -> None:
    """How cached functions show that they compute (``runtime_wasm.streamlit`` sets it)."""
    global _show_spinner
    _show_spinner = spinner


@contextlib.contextmanager
def _spinner(message: str | None, show_time: bool) -> Iterator[None]:
    global _computing
    show = _computing == 0 and maybe_current() is not None
    _computing += 1
    try:
        if show and message is not None and _show_spinner is not None:
            with _show_spinner(message, show_time):
                yield
        else:
            yield
    finally:
        _computing -= 1


@dataclass
class _Resource:
    value: Any
    created: float


@dataclass
class _ResourceCache:
    """The in-memory cache of one ``cache_resource`` function key."""

    entries: dict[str, _Resource] = field(default_factory=dict)
    on_release: Callable[[Any], Any] | None = None  # of the latest definition

    def release(self, key: str) -> None:
        entry = self.entries.pop(key, None)
        if entry is not None and self.on_release is not None:
            self.on_release(entry.value)


_resource_caches: dict[str, _ResourceCache] = {}


class CachedFunc:
    """A function wrapped by ``st.cache_data`` or ``st.cache_resource``."""

    def __init__(self, func: Callable[..., Any], options: _Options) -> None:
        self._func = func
        self._options = options
        self._name, self._key = function_key(func, __version__)
        functools.update_wrapper(self, func)

    def __repr__(self) -> str:
        return f"<CachedFunc: {self._func}>"

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        bound = functools.partial(self.__call__, instance)
        bound.clear = functools.partial(self.clear, instance)  # type: ignore[attr-defined]
        return bound

    # -- calling ----------------------------------------------------------------------
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        message = self._spinner_message(args, kwargs)
        if inspect.iscoroutinefunction(self._func):
            return self._call_async(message, args, kwargs)
        value_key = self._value_key(args, kwargs)
        found, value = self._read(value_key)
        if found:
            return value
        with _spinner(message, self._options.show_time):
            return self._write(value_key, self._func(*args, **kwargs))

    async def _call_async(self, message: str | None, args: Any, kwargs: Any) -> Any:
        value_key = self._value_key(args, kwargs)
        found, value = self._read(value_key)
        if found:
            return value
        with _spinner(message, self._options.show_time):
            return self._write(value_key, await self._func(*args, **kwargs))

    def _spinner_message(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
        show = self._options.show_spinner
        if isinstance(show, str):
            return show
        if show is not True:
            return None
        name = getattr(self._func, "__qualname__", "func")
        return f"Running `{name}()`." if not args and not kwargs else f"Running `{name}(...)`."

    def _value_key(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        options = self._options
        return hash_args(self._func, args, kwargs, options.hash_funcs, options.kind)

    def _read(self, value_key: str) -> tuple[bool, Any]:
        if self._options.kind == "cache_resource":
            return self._read_resource(value_key)
        store = default_store()
        store_key = f"{self._key}:{value_key}"
        entry = store.get(store_key)
        if entry is None:
            return False, None
        ttl = self._options.ttl
        if ttl is not None and clock() - entry.created >= ttl:
            store.delete(store_key)
            return False, None
        try:
            return True, pickle.loads(entry.data())
        except Exception:  # a corrupted or unloadable entry is a miss
            store.delete(store_key)
            return False, None

    def _write(self, value_key: str, value: Any) -> Any:
        if self._options.kind == "cache_resource":
            return self._write_resource(value_key, value)
        try:
            data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            raise UnserializableReturnValueError(self._func, value) from exc
        store = default_store()
        store.retire_other_versions(self._name, self._key)
        store.put(
            f"{self._key}:{value_key}",
            self._key,
            self._name,
            data,
            clock(),
            persist=self._options.persist,
        )
        limit = self._options.max_entries
        if limit is not None:
            entries = store.entries(func=self._key)
            for entry in entries[: max(len(entries) - limit, 0)]:
                store.delete(entry.key)
        return pickle.loads(data)  # a copy, like every hit

    def _resource_cache(self) -> _ResourceCache:
        cache = _resource_caches.setdefault(self._key, _ResourceCache())
        cache.on_release = self._options.on_release
        return cache

    def _read_resource(self, value_key: str) -> tuple[bool, Any]:
        cache = self._resource_cache()
        entry = cache.entries.get(value_key)
        if entry is None:
            return False, None
        ttl, opts = self._options.ttl, self._options
        expired = ttl is not None and clock() - entry.created >= ttl
        if expired or (opts.validate is not None and not opts.validate(entry.value)):
            cache.release(value_key)
            return False, None
        return True, entry.value

    def _write_resource(self, value_key: str, value: Any) -> Any:
        cache = self._resource_cache()
        cache.release(value_key)
        cache.entries[value_key] = _Resource(value, clock())
        limit = self._options.max_entries
        if limit is not None:
            for key in list(cache.entries)[: max(len(cache.entries) - limit, 0)]:
                cache.release(key)
        return value

    # -- clearing ---------------------------------------------------------------------
    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Clear this function's cache; with arguments, only the value for those."""
        value_key = self._value_key(args, kwargs) if args or kwargs else None
        if self._options.kind == "cache_resource":
            cache = self._resource_cache()
            keys = [value_key] if value_key is not None else list(cache.entries)
            for key in keys:
                cache.release(key)
            return
        store = default_store()
        if value_key is not None:
            store.delete(f"{self._key}:{value_key}")
            return
        for entry in store.entries(func=self._key):
            store.delete(entry.key)


def _check_common(ttl: Any, scope: Any, refresh_mode: Any) -> float | None:
    seconds = ttl_seconds(ttl)
    if scope not in ("global", "session"):
        raise StreamlitValueError("scope", ["'global'", "'session'"])
    if refresh_mode not in ("foreground", "background"):
        raise StreamlitValueError("refresh_mode", ["foreground", "background"])
    return None if seconds is None or math.isinf(seconds) else seconds


class CacheDataAPI:
    """``st.cache_data``: cache what a function returns, as a pickled copy.

    In the browser the values are kept in IndexedDB for this site, so they survive
    reloads and are shared by the site's tabs (``persist`` is accepted; storage is
    always on). A changed function or a rebuilt runtime gets a fresh cache.
    ``scope="session"`` keeps values in memory for this tab only.
    """

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: str | bool | None = None,
        hash_funcs: HashFuncs | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Any:
        if persist is not True and persist is not False and persist not in (None, "disk"):
            raise StreamlitValueError("persist", ["'disk'", "None"])
        options = _Options(
            kind="cache_data",
            ttl=_check_common(ttl, scope, refresh_mode),
            max_entries=max_entries,
            show_spinner=show_spinner,
            show_time=show_time,
            hash_funcs=hash_funcs,
            persist=scope == "global",
        )
        if func is None:
            return lambda f: CachedFunc(f, options)
        return CachedFunc(func, options)

    def clear(self) -> None:
        """Clear every data cache of this site, IndexedDB included."""
        default_store().clear()


class CacheResourceAPI:
    """``st.cache_resource``: cache a shared object (a connection, a model, a client).

    The very object is returned on every call, never a copy, and it lives in memory
    for the life of the page (one tab): such objects hold sockets, file handles or
    native state that pickle cannot write to IndexedDB, and sharing one live object
    between tabs is impossible anyway (each tab runs its own Python).
    """

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], Any] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Any:
        options = _Options(
            kind="cache_resource",
            ttl=_check_common(ttl, scope, refresh_mode),
            max_entries=max_entries,
            show_spinner=show_spinner,
            show_time=show_time,
            hash_funcs=hash_funcs,
            persist=False,
            validate=validate,
            on_release=on_release,
        )
        if func is None:
            return lambda f: CachedFunc(f, options)
        return CachedFunc(func, options)

    def clear(self) -> None:
        """Clear every resource cache, calling ``on_release`` for each object."""
        for cache in list(_resource_caches.values()):
            for key in list(cache.entries):
                cache.release(key)
        _resource_caches.clear()


def clear_all() -> None:
    """Empty every cache of both kinds: the app menu's "Clear cache" (as Streamlit's)."""
    CacheDataAPI().clear()
    CacheResourceAPI().clear()
