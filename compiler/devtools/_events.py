"""``stc run``'s event stream: Server-Sent Events telling open pages of each rebuild.

A page whose config says ``dev`` (only ``stc run`` writes it) opens an
``EventSource`` on :data:`runtime_wasm._protocol.DEV_EVENTS`; the dev server hands
that request to :meth:`EventHub.stream`, which writes every event the hub
sends until the page goes or the hub closes. The events and what the page does with
them are declared in ``runtime_wasm/_protocol.py`` ("Development events") and
followed by ``runtime_wasm/js/dev_events.mjs``.

A page that connects (or reconnects, after ``stc run`` restarted) first gets the last
build, as ``change: "none"`` (never a ``reload``, which would reload it in a loop),
and the failure after it if the last rebuild failed: it catches up with what it
missed. Only the standard library: the dev server is ``http.server``'s.
"""

from __future__ import annotations

import json
import queue
import threading
from io import BufferedIOBase
from typing import Literal, TypedDict

from runtime_wasm._protocol import FileDigest

__all__ = ["BuildEvent", "Change", "EventHub", "FailedEvent"]

KEEPALIVE_SECONDS = 15.0  # a comment line: a page that went is noticed when it fails
RETRY_MS = 1000  # how soon a page reconnects when the stream ends (stc run restarted)

# What an open page must do about a rebuild (compiler/devtools/_rebuild.py decides).
Change = Literal["app", "reload", "none"]


class BuildEvent(TypedDict):
    """``build``: a rebuild succeeded (``runtime_wasm/js/dev_events.mjs`` mirrors it)."""

    change: Change
    app: FileDigest


class FailedEvent(TypedDict):
    """``failed``: a rebuild failed; *diagnostics* as ``stc build`` prints them."""

    diagnostics: str


_Event = tuple[str, str]  # (name, JSON data)
_CLOSED: _Event = ("", "")


class EventHub:
    """Fans the events of one ``stc run`` out to every page connected."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: list[queue.SimpleQueue[_Event]] = []
        self._last_build: BuildEvent | None = None
        self._failure: FailedEvent | None = None
        self._closed = False

    def build(self, change: Change, app: FileDigest) -> None:
        """A rebuild succeeded; *app* is the digest of the new ``stc/app.zip``."""
        event: BuildEvent = {"change": change, "app": app}
        with self._lock:
            self._last_build, self._failure = event, None
        self._publish("build", json.dumps(event))

    def failed(self, diagnostics: str) -> None:
        """A rebuild failed: the pages keep the last good build and show *diagnostics*."""
        event: FailedEvent = {"diagnostics": diagnostics}
        with self._lock:
            self._failure = event
        self._publish("failed", json.dumps(event))

    def close(self) -> None:
        """End every stream (``stc run`` stops); later subscribers end at once."""
        with self._lock:
            self._closed = True
            queues, self._queues = self._queues, []
        for waiting in queues:
            waiting.put(_CLOSED)

    def stream(self, out: BufferedIOBase) -> None:
        """Write the events to *out* (a response body, headers sent) as Server-Sent
        Events until the hub closes or the page goes (a write fails)."""
        waiting = self._subscribe()
        try:
            out.write(f"retry: {RETRY_MS}\n\n".encode())
            while True:
                try:
                    name, data = waiting.get(timeout=KEEPALIVE_SECONDS)
                except queue.Empty:
                    out.write(b": keep-alive\n\n")
                    continue
                if (name, data) == _CLOSED:
                    return
                out.write(f"event: {name}\ndata: {data}\n\n".encode())
        except OSError:
            return  # the page closed or reloaded
        finally:
            self._unsubscribe(waiting)

    @property
    def listeners(self) -> int:
        with self._lock:
            return len(self._queues)

    def _subscribe(self) -> queue.SimpleQueue[_Event]:
        """A queue of events for one page, starting with what it missed."""
        waiting: queue.SimpleQueue[_Event] = queue.SimpleQueue()
        with self._lock:
            if self._closed:
                waiting.put(_CLOSED)
                return waiting
            if self._last_build is not None:
                replay: BuildEvent = {**self._last_build, "change": "none"}
                waiting.put(("build", json.dumps(replay)))
            if self._failure is not None:
                waiting.put(("failed", json.dumps(self._failure)))
            self._queues.append(waiting)
        return waiting

    def _unsubscribe(self, waiting: queue.SimpleQueue[_Event]) -> None:
        with self._lock:
            if waiting in self._queues:
                self._queues.remove(waiting)

    def _publish(self, name: str, data: str) -> None:
        with self._lock:
            queues = list(self._queues)
        for waiting in queues:
            waiting.put((name, data))
