"""Bytes of images, audio, video and PDFs, sent to the page once per content.

An element that shows bytes carries only ``{"media": id, "mime": ...}`` in its props;
the bytes go to the page in a separate ``media`` message (see ``_protocol``) the
first time that content appears, and the page keeps one object URL per id. A rerun
that shows the same image again therefore costs a few bytes of JSON, not the image,
and the page's reconciler sees unchanged props and leaves the ``<img>`` alone.

The id is a hash of the MIME type and the bytes, so equal content is stored once.
Plain Python: the bridge drains :meth:`MediaStore.take_unsent` of its session's
store; ``AppTest`` reads :meth:`MediaStore.get`.
"""

from __future__ import annotations

import hashlib
import weakref
from typing import Any

__all__ = ["MediaStore", "session_store"]


class MediaStore:
    def __init__(self) -> None:
        self._blobs: dict[str, tuple[str, bytes]] = {}
        self._unsent: list[str] = []
        self._sent: set[str] = set()

    def add(self, data: bytes, mime: str) -> str:
        """Store ``data`` (if new) and return its id."""
        digest = hashlib.sha256(mime.encode() + b"\0" + data).hexdigest()[:32]
        if digest not in self._blobs and digest not in self._sent:
            self._blobs[digest] = (mime, data)
            self._unsent.append(digest)
        return digest

    def get(self, media_id: str) -> tuple[str, bytes]:
        """``(mime, bytes)`` of a stored id."""
        return self._blobs[media_id]

    def take_unsent(self) -> list[tuple[str, str, bytes]]:
        """``(id, mime, bytes)`` of everything the page has not received yet."""
        # The page holds sent bytes from now on; keeping them here too would double
        # the memory of an app that shows many images.
        out = [(i, *self._blobs.pop(i)) for i in self._unsent]
        self._sent.update(self._unsent)
        self._unsent.clear()
        return out


# One store per session (keyed by id of its SessionState, a mapping and so not
# hashable), dropped with the session: what one page has received says nothing
# about another, and AppTest sessions stay apart from the browser's.
_stores: dict[int, MediaStore] = {}


def session_store(state: Any) -> MediaStore:
    """The media store of the session whose state is ``state``."""
    key = id(state)
    if key not in _stores:
        _stores[key] = MediaStore()
        weakref.finalize(state, _stores.pop, key, None)
    return _stores[key]
