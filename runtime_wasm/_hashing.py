"""Stable hashes for the caches: of a cached function (its identity and code) and of
the arguments of one call.

Streamlit's rules (``streamlit/runtime/caching/hashing.py``), kept to what a browser
app passes to a cached function: primitives, containers, dates, enums, dataclasses,
numpy and pandas objects, and, as a last resort, an object's ``__reduce__``. What
none of these cover (functions, locks, instances of most user classes) raises
:class:`UnhashableTypeError`, which the caller turns into Streamlit's
``UnhashableParamError`` with its "add a leading underscore" guidance.

Unlike Python's ``hash``, the result does not change between processes, which
matters here: keys outlive the page (the data cache is kept in IndexedDB), so sets
are hashed in sorted order instead of iteration order.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import functools
import hashlib
import inspect
import io
import pickle
import re
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from types import MappingProxyType
from typing import Any, cast

__all__ = ["HashFuncs", "UnhashableTypeError", "fqn_type", "function_key", "hash_args"]

HashFuncs = Mapping[type | str, Callable[[Any], Any]]

_CYCLE = b"stc-cycle"


class UnhashableTypeError(Exception):
    """An argument has no stable hash."""


def fqn_type(obj: object) -> str:
    """``module.QualName`` of the object's type, as in Streamlit's messages."""
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def _fqn(cls: type | str) -> str:
    return cls if isinstance(cls, str) else f"{cls.__module__}.{cls.__qualname__}"


class _Hasher:
    def __init__(self, hash_funcs: HashFuncs | None) -> None:
        self.hash_funcs = {_fqn(k): v for k, v in (hash_funcs or {}).items()}
        self.stack: list[int] = []

    def to_bytes(self, obj: Any) -> bytes:
        if id(obj) in self.stack:
            return _CYCLE
        self.stack.append(id(obj))
        try:
            return type(obj).__qualname__.encode() + b":" + self._to_bytes(obj)
        finally:
            self.stack.pop()

    def _digest(self, *parts: Any) -> bytes:
        h = hashlib.sha256()
        for part in parts:
            h.update(self.to_bytes(part))
        return h.digest()

    def _to_bytes(self, obj: Any) -> bytes:
        name = fqn_type(obj)
        if name in ("unittest.mock.Mock", "unittest.mock.MagicMock"):
            return str(id(obj)).encode()
        if name in self.hash_funcs:
            return self.to_bytes(self.hash_funcs[name](obj))
        if obj is None or isinstance(obj, bool):
            return repr(obj).encode()
        if isinstance(obj, bytes | bytearray):
            return bytes(obj)
        if isinstance(obj, str):
            return obj.encode()
        if isinstance(obj, int | float | complex | Decimal):
            return repr(obj).encode()
        if isinstance(obj, uuid.UUID):
            return obj.bytes
        if isinstance(obj, datetime | date | time):
            return obj.isoformat().encode()
        if isinstance(obj, timedelta | PurePath):
            return repr(obj).encode()
        if isinstance(obj, list | tuple):
            return self._digest(*obj)
        if isinstance(obj, dict | MappingProxyType | collections.abc.ItemsView):
            return self._digest(*(list(dict(obj).items())))
        if isinstance(obj, set | frozenset):
            return b"".join(sorted(self.to_bytes(item) for item in obj))
        if not isinstance(obj, type) and dataclasses.is_dataclass(obj):
            return self.to_bytes(dataclasses.asdict(cast(Any, obj)))
        if isinstance(obj, Enum):
            return str(obj).encode()
        if name == "numpy.ndarray":
            array: Any = obj
            return self._digest(array.shape, str(array.dtype), array.tobytes())
        if name in ("pandas.core.frame.DataFrame", "pandas.core.series.Series"):
            return _pandas_bytes(obj)
        if isinstance(obj, re.Pattern):
            return self._digest(obj.pattern, obj.flags)
        if isinstance(obj, io.StringIO | io.BytesIO):
            return self._digest(obj.tell(), obj.getvalue())
        if inspect.isbuiltin(obj) or inspect.ismodule(obj) or inspect.isclass(obj):
            return str(obj.__name__).encode()
        if isinstance(obj, functools.partial):
            return self._digest(obj.args, obj.func, obj.keywords)
        try:
            reduced = obj.__reduce__()
        except Exception as exc:
            raise UnhashableTypeError() from exc
        if isinstance(reduced, str):  # a global, pickled by name
            return reduced.encode()
        return self._digest(*reduced)


def _pandas_bytes(obj: Any) -> bytes:
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        return bytes(pd.util.hash_pandas_object(obj).values.tobytes())
    except TypeError:
        return pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)


def _positional_name(func: Callable[..., Any], index: int) -> str | None:
    try:
        params = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return None
    if index >= len(params):
        return None
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return params[index].name if params[index].kind in kinds else None


def hash_args(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: Mapping[str, Any],
    hash_funcs: HashFuncs | None,
    on_unhashable: Callable[[str | None, Any, BaseException], Exception],
) -> str:
    """The key of one call: every argument except those named with a leading ``_``."""
    pairs: list[tuple[str | None, Any]] = [
        (_positional_name(func, i), value) for i, value in enumerate(args)
    ]
    pairs.extend(kwargs.items())
    h = hashlib.sha256()
    hasher = _Hasher(hash_funcs)
    for name, value in pairs:
        if name is not None and name.startswith("_"):
            continue
        try:
            h.update(_Hasher(None).to_bytes(name))
            h.update(hasher.to_bytes(value))
        except UnhashableTypeError as exc:
            raise on_unhashable(name, value, exc) from None
    return h.hexdigest()


def function_key(func: Callable[..., Any], salt: str) -> tuple[str, str]:
    """``(identity, key)`` of a cached function.

    ``identity`` names the function (module and qualified name); ``key`` adds its
    source code (bytecode when there is no source) and ``salt`` (the runtime's
    version), so an edited function or a rebuilt runtime starts a fresh cache.
    """
    module = getattr(func, "__module__", "") or ""
    qualname = getattr(func, "__qualname__", repr(func))
    identity = hashlib.sha256(f"{module}\0{qualname}".encode()).hexdigest()[:32]
    source: bytes
    try:
        source = inspect.getsource(func).encode()
    except (OSError, TypeError):
        code = getattr(func, "__code__", None)
        source = code.co_code if code is not None else repr(func).encode()
    h = hashlib.sha256(identity.encode())
    h.update(source)
    h.update(salt.encode())
    return identity, h.hexdigest()[:32]
