"""Render messages that leave out what the page already has.

A rerun rebuilds the whole element tree, and most of it is what the page already
shows: a 100,000-row table, a chart's spec, a long markdown. Sending those props
again means megabytes through ``postMessage``, parsed by the page, and compared there
with what it drew, on every click. Streamlit's server keeps a message cache for the
same reason. Here each props object is serialised once, and a large one's digest
is compared with what the same element had in the previous render message. When it is
unchanged, the node goes as ``{"id", "kind", "same": true}`` and the page reuses the
props it kept (``js/render.mjs``). Small props go as they are: a digest would cost
more than it saves.

The page applies every render message in order, so "the previous message" is what it
holds; a new worker starts with a new encoder, and so with full messages.

Data an element may send again unchanged (a table's rows) can be an
:class:`EncodedList`: its JSON and digest are computed once, however many render
messages (progress renders, reruns) carry it.
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
import re
import secrets
from collections.abc import Mapping
from typing import Any

from ._protocol import Node

__all__ = ["LARGE_PROPS", "EncodedList", "RenderEncoder"]

LARGE_PROPS = 1024  # characters of JSON from which props are sent once


class EncodedList(list[Any]):
    """A list nobody changes once made, whose JSON is computed once: large data an
    element can send again (a converted table kept by content), so neither the
    progress renders of a run nor the next reruns encode and hash it again."""

    __slots__ = ("_digest", "_json")

    def __init__(self, items: Any = ()) -> None:
        super().__init__(items)
        self._json: str | None = None
        self._digest: str | None = None

    @property
    def json(self) -> str:
        if self._json is None:
            self._json = _dumps(self)  # the C encoder takes a list subclass as a list
        return self._json

    @property
    def digest(self) -> str:
        if self._digest is None:
            self._digest = _digest(self.json)
        return self._digest


class RenderEncoder:
    """Encodes the messages of one worker; remembers the large props it sent last."""

    def __init__(self) -> None:
        self._sent: dict[str, str] = {}  # "kind\0id" -> digest, of the last render message
        # Stands for a props object in the message until its JSON is put in: JSON
        # escapes the NULs, and the random part keeps app text from reading as one.
        self._token = f"\x00stc-props-{secrets.token_hex(8)}-"
        self._placeholder = re.compile(re.escape(_dumps(self._token)[:-1]) + r"(\d+)\\u0000\"")

    def encode(self, message: Mapping[str, Any]) -> str:
        """*message* as JSON; its ``tree`` (if any) with unchanged large props left out.

        Each props object is serialised once: the tree goes out with a placeholder in
        its place, and one pass over the text puts the JSON in."""
        if "tree" not in message:
            return _dumps(message)
        raw: list[str] = []
        sent: dict[str, str] = {}
        tree = self._node(message["tree"], raw, sent)
        self._sent = sent
        text = _dumps({**message, "tree": tree})
        return self._placeholder.sub(lambda found: raw[int(found.group(1))], text)

    def _node(self, node: Node, raw: list[str], sent: dict[str, str]) -> Node:
        out: Node = {"id": node["id"], "kind": node["kind"]}
        props = node.get("props", {})
        digest: str | None
        values: list[EncodedList] = []
        if EncodedList in map(type, props.values()):  # a scan in C: most props have none
            encoded = [name for name, value in props.items() if type(value) is EncodedList]
            values = [props[name] for name in encoded]
            text, digest = self._with_placeholders(props, encoded)
        else:
            text = _dumps(props)
            digest = _digest(text) if len(text) >= LARGE_PROPS else None
        if digest is not None:
            key = f"{node['kind']}\x00{node['id']}"
            sent[key] = digest
            if self._sent.get(key) == digest:
                out["same"] = True
        if not out.get("same"):
            if values:  # the lists' JSON, made once each, into their placeholders
                text = self._placeholder.sub(lambda found: values[int(found.group(1))].json, text)
            out["props"] = f"{self._token}{len(raw)}\x00"  # type: ignore[typeddict-item]
            raw.append(text)
        if "children" in node:
            out["children"] = [self._node(child, raw, sent) for child in node["children"]]
        return out

    def _with_placeholders(self, props: Mapping[str, Any], names: list[str]) -> tuple[str, str]:
        """*props* as JSON with a placeholder for each EncodedList, and a digest made
        of that text and the lists' own digests: the rest of the props is small, and
        the lists' JSON goes in only if the node is sent (``_node``)."""
        placed = {**props, **{name: f"{self._token}{i}\x00" for i, name in enumerate(names)}}
        text = _dumps(placed)
        return text, _digest(text + "".join(props[name].digest for name in names))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _json_default(value: Any) -> str:
    return str(value)


# One C encoder for every props object of every message: json.dumps builds a new one
# per call, which for the small props of a 1,000-element page cost about as much as
# the encoding itself. Same output as json.dumps(value, separators=(",", ":"),
# default=str), less its cycle check (props are trees the runtime built).
_make_encoder = getattr(json.encoder, "c_make_encoder", None)  # None without _json
_C_ENCODER = (
    None
    if _make_encoder is None
    else _make_encoder(
        None,
        _json_default,
        json.encoder.encode_basestring_ascii,
        None,
        ":",
        ",",
        False,
        False,
        True,
    )
)


def _dumps(value: Any) -> str:
    if _C_ENCODER is None:
        return json.dumps(value, separators=(",", ":"), default=str)
    return "".join(_C_ENCODER(value, 0))
