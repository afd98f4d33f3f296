"""Stable hashes for the caches: of a cached function (its identity and code) and of
the arguments of one call.

The rules are Streamlit 1.67's (``streamlit/runtime/caching/hashing.py``), so a
cached function accepts exactly the arguments it accepts there and hits or misses
alike: ``None``, bools, numbers, strings, bytes, UUIDs, datetimes, lists, tuples
(namedtuples too), dicts, sets, dataclasses, enums, regex patterns, in-memory and
on-disk files, modules, classes, built-in functions, ``functools.partial`` of
hashable parts, pydantic models, the data objects of ``_hash_data`` (pandas, polars,
numpy, PIL) and, as a last resort, whatever an object's ``__reduce__`` gives
(dates, times, ``Decimal``, paths, numpy scalars, exceptions). ``hash_funcs`` maps a
type, or its fully qualified name, to a function whose result is hashed instead.
What none of these cover raises Streamlit's ``UnhashableParamError`` with its "add a
leading underscore" guidance: Python functions and lambdas, locks, ``complex``,
``pandas.Index``, pyarrow tables and instances of most user classes, whose
``__reduce__`` names a function. The last resort keeps Streamlit's blind spot: a
``deque`` reduces to an iterator over itself, so its items are never seen.

Unlike Python's ``hash``, the result does not change between processes, which
matters here: keys outlive the page (the data cache is kept in IndexedDB). Sets are
therefore hashed in sorted order; Streamlit hashes them in iteration order, which
string hashing randomises per process.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import inspect
import io
import os
import re
import struct
from collections.abc import Callable, ItemsView, Mapping
from datetime import datetime
from enum import Enum
from types import MappingProxyType
from typing import Any, cast
from uuid import UUID

from ._errors import UnhashableParamError, UserHashError
from ._hash_data import data_bytes

__all__ = ["HashFuncs", "UnhashableTypeError", "fqn_type", "function_key", "hash_args"]

HashFuncs = Mapping[type | str, Callable[[Any], Any]]

_CYCLE = b"stc-cycle"  # stands for an object met again inside itself


class UnhashableTypeError(Exception):
    """An argument has no stable hash."""


class _HashFuncFailed(Exception):
    """A ``hash_funcs`` function raised; carries what ``UserHashError`` shows."""

    def __init__(self, exc: Exception, hash_func: object, chain: list[object]) -> None:
        super().__init__(str(exc))
        self.exc, self.hash_func, self.chain = exc, hash_func, chain


def fqn_type(obj: object) -> str:
    """``module.QualName`` of the object's type, as in Streamlit's messages."""
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def _fqn(cls: type | str) -> str:
    return cls if isinstance(cls, str) else f"{cls.__module__}.{cls.__qualname__}"


def _int_bytes(value: int) -> bytes:
    return value.to_bytes((value.bit_length() + 8) // 8, "little", signed=True)


def _is_pydantic_model(obj: object) -> bool:
    return not isinstance(obj, type) and any(
        _fqn(cls) == "pydantic.main.BaseModel" for cls in type(obj).__mro__
    )


class _Hasher:
    def __init__(self, hash_funcs: HashFuncs | None) -> None:
        self.hash_funcs = {_fqn(k): v for k, v in (hash_funcs or {}).items()}
        self.stack: dict[int, Any] = {}  # what is being hashed, by id (cycles, messages)

    def to_bytes(self, obj: Any) -> bytes:
        if id(obj) in self.stack:
            return _CYCLE
        self.stack[id(obj)] = obj
        try:
            return type(obj).__qualname__.encode() + b":" + self._to_bytes(obj)
        finally:
            self.stack.popitem()

    def _digest(self, *parts: Any) -> bytes:
        h = hashlib.sha256()
        for part in parts:
            h.update(self.to_bytes(part))
        return h.digest()

    def _to_bytes(self, obj: Any) -> bytes:
        name = fqn_type(obj)
        if name in ("unittest.mock.Mock", "unittest.mock.MagicMock"):
            return self.to_bytes(id(obj))  # a mock seems infinitely deep
        if isinstance(obj, bytes | bytearray):
            return bytes(obj)
        if name in self.hash_funcs:
            return self.to_bytes(self._user_hash(obj, self.hash_funcs[name]))
        found = self._builtin_bytes(obj)
        if found is None:
            found = data_bytes(obj, name, self.to_bytes)
        if found is None:
            found = self._object_bytes(obj, name)
        return found

    def _user_hash(self, obj: Any, hash_func: Callable[[Any], Any]) -> Any:
        try:
            return hash_func(obj)
        except Exception as exc:
            raise _HashFuncFailed(exc, hash_func, list(reversed(self.stack.values()))) from exc

    def _builtin_bytes(self, obj: Any) -> bytes | None:
        if obj is None:
            return b"0"
        if isinstance(obj, str):
            return obj.encode()
        if isinstance(obj, float):
            return struct.pack("<d", obj)
        if isinstance(obj, int):  # bools too: their type name keeps them apart
            return _int_bytes(obj)
        if isinstance(obj, UUID):
            return obj.bytes
        if isinstance(obj, datetime):
            return obj.isoformat().encode()
        if isinstance(obj, list | tuple):
            return self._digest(*obj)
        if isinstance(obj, dict):  # in insertion order, as Streamlit
            return self._digest(*obj.items())
        if isinstance(obj, MappingProxyType | ItemsView):
            return self.to_bytes(dict(obj))
        if isinstance(obj, set | frozenset):
            return b"".join(sorted(self.to_bytes(item) for item in obj))
        if not isinstance(obj, type) and dataclasses.is_dataclass(obj):
            return self.to_bytes(dataclasses.asdict(cast(Any, obj)))
        if isinstance(obj, Enum):
            return str(obj).encode()
        if isinstance(obj, re.Pattern):
            return self.to_bytes([obj.pattern, obj.flags])
        return None

    def _object_bytes(self, obj: Any, name: str) -> bytes:
        if inspect.isbuiltin(obj) or name == "numpy.ufunc":
            return str(obj.__name__).encode()
        if name == "builtins.getset_descriptor":
            return str(obj.__qualname__).encode()
        if isinstance(obj, io.BytesIO | io.StringIO):
            # an uploaded file (a named BytesIO) or an in-memory buffer: its contents
            named = [obj.name] if hasattr(obj, "name") else []
            return self._digest(*named, obj.tell(), obj.getvalue())
        on_disk = isinstance(obj, io.IOBase) or name == "tempfile._TemporaryFileWrapper"
        if on_disk and hasattr(obj, "name"):
            # a file on disk (a temporary one known by its type's name: importing tempfile
            # would cost the browser a module): its name, when it last changed, where it is
            path = getattr(obj, "name")  # noqa: B009 - IOBase declares no name
            return self._digest(path, os.path.getmtime(path), obj.tell())
        if inspect.ismodule(obj) or inspect.isclass(obj):
            return self.to_bytes(obj.__name__)
        if isinstance(obj, functools.partial):
            return self._digest(obj.args, obj.func, obj.keywords)
        if _is_pydantic_model(obj):
            try:
                dump = obj.model_dump_json() if hasattr(obj, "model_dump_json") else obj.json()
            except Exception as exc:  # a member pydantic cannot write, such as a function
                raise UnhashableTypeError() from exc
            return self._digest(dump)
        try:
            reduced = obj.__reduce__()
        except Exception as exc:
            raise UnhashableTypeError() from exc
        # a string names a global (pickled by name); a tuple, how to rebuild the object
        return self._digest(*((reduced,) if isinstance(reduced, str) else reduced))


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
    decorator: str,
) -> str:
    """The key of one call of ``func`` (decorated by ``st.<decorator>``): every
    argument except those named with a leading ``_``.

    Raises ``UnhashableParamError`` for an argument without a hash and
    ``UserHashError`` when a function of ``hash_funcs`` raises, both as Streamlit.
    """
    pairs: list[tuple[str | None, Any]] = [
        (_positional_name(func, i), value) for i, value in enumerate(args)
    ]
    pairs.extend(kwargs.items())
    h = hashlib.sha256()
    for name, value in pairs:
        if name is not None and name.startswith("_"):
            continue
        try:
            h.update(_Hasher(None).to_bytes(name))  # hash_funcs are for values only
            h.update(_Hasher(hash_funcs).to_bytes(value))
        except UnhashableTypeError:
            raise UnhashableParamError(decorator, func, name, value) from None
        except _HashFuncFailed as failed:
            raise UserHashError(
                failed.exc, decorator, func, failed.hash_func, failed.chain
            ) from failed.exc
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
