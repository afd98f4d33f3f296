"""A component's ``data`` on its way to the page, in the shapes Streamlit sends.

Streamlit's ``BidiComponent`` proto holds one of: JSON; raw bytes; one Arrow table
(a DataFrame-like ``data``); or "mixed", JSON whose top-level dict values that are
DataFrames are ``{"__streamlit_arrow_ref__": ref}`` placeholders, plus the Arrow
blobs by ref. The props carry the same, bytes as base64 (the page turns them back
into ``Uint8Array``s: runtime_wasm/js/components_v2.mjs). Streamlit hands a mixed
blob to the frontend as an Apache Arrow ``Table``; the page has no Arrow library,
so there it is the IPC bytes, as a top-level table is in Streamlit too.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from ..._types import is_dataframe_like
from ..v1.component_arrow import ipc_stream

__all__ = ["ARROW_REF_KEY", "Payload", "UnserializableData", "digest", "payload"]

ARROW_REF_KEY = "__streamlit_arrow_ref__"

Payload = dict[str, Any]


class UnserializableData(Exception):
    """``data`` is neither JSON, bytes nor a table (the caller raises Streamlit's error)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _json(value: Any) -> Any:
    """*value* as JSON text and back: what the page receives (tuples become lists)."""
    return json.loads(json.dumps(value))


def _mixed(data: Any) -> Payload:
    """Streamlit's ``serialize_mixed_data``: DataFrames one level deep in a dict become
    Arrow blobs; what JSON cannot hold becomes its ``str`` (Streamlit's fallback)."""
    blobs: dict[str, str] = {}
    processed = data
    if isinstance(data, dict):
        processed = {}
        for name, value in data.items():
            if is_dataframe_like(value):
                stream = ipc_stream(value)
                ref = hashlib.md5(stream, usedforsecurity=False).hexdigest()
                blobs[ref] = _b64(stream)
                processed[name] = {ARROW_REF_KEY: ref}
            else:
                processed[name] = value
    try:
        value = _json(processed)
    except (TypeError, ValueError):
        value = str(processed)
    return {"mixed": value, "blobs": blobs} if blobs else {"json": value}


def payload(data: Any) -> Payload | None:
    """The page's form of *data*: ``{"json"}``, ``{"bytes"}``, ``{"arrow"}`` or
    ``{"mixed", "blobs"}``; ``None`` for no data."""
    if data is None:
        return None
    try:
        if isinstance(data, bytes | bytearray):
            return {"bytes": _b64(bytes(data))}
        if isinstance(data, Mapping | list | tuple):
            return _mixed(dict(data) if isinstance(data, Mapping) else data)
        if is_dataframe_like(data):
            return {"arrow": _b64(ipc_stream(data))}
        return {"json": _json(data)}
    except Exception:
        try:
            return {"json": _json(data)}
        except (TypeError, ValueError):
            raise UnserializableData from None


def digest(found: Payload | None) -> str:
    """What identifies *found* among a component's mounts without a key."""
    text = json.dumps(found, sort_keys=True)
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
