"""The worker's entry into Python: ``boot`` once, then ``handle`` per page message.

The worker (``js/worker.mjs``) calls these two coroutines with JSON strings and a
``send`` function; everything crossing the edge is a ``str``, so this module needs
no ``js`` import and runs (and is tested) on CPython too. Browser-only services
(IndexedDB, the page's URL) will enter here as well, behind the same edge.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import _alias
from ._protocol import PROTOCOL_VERSION, BootConfig, Node, WidgetUpdate
from ._script import Script
from ._session import AppSession
from ._tree import to_node

__all__ = ["APP_DIR", "ProtocolError", "boot", "handle"]

APP_DIR = "/home/pyodide/app"

Send = Callable[[str], Any]


class ProtocolError(RuntimeError):
    """The page and the runtime come from different builds, or a message is malformed."""


# While a run takes longer than this, the page gets the partial tree this often, so
# st.progress, st.empty updates and slow loops show up before the run ends.
PROGRESS_SECONDS = 0.05


class _Bridge:
    def __init__(self, session: AppSession, send: Send) -> None:
        self.session = session
        self.send = send
        self._flushed_at = 0.0
        self._flushed: tuple[int, int] | None = None  # (run, version) last posted
        self._timer: asyncio.TimerHandle | None = None
        session.on_enqueue = self._maybe_flush

    async def run(self, updates: list[WidgetUpdate] | None) -> None:
        """One rerun; the idle render at the end is the one the page settles on."""
        self._flushed_at = time.monotonic()
        self._flushed = None
        loop = asyncio.get_running_loop()
        # A timer, not a task: a run that never awaits costs nothing extra, and one
        # that awaits (asyncio.sleep in a loop) gets progress renders meanwhile.
        self._timer = loop.call_later(PROGRESS_SECONDS, self._tick)
        try:
            await self.session.rerun(updates)
        finally:
            self._timer.cancel()
            self._timer = None
        self._post_render("idle", self.session.tree)

    def _tick(self) -> None:
        self._maybe_flush()
        if self._timer is not None:
            self._timer = asyncio.get_running_loop().call_later(PROGRESS_SECONDS, self._tick)

    def _maybe_flush(self) -> None:
        """Post the partial tree of the run in progress, at most every PROGRESS_SECONDS."""
        ctx = self.session.running
        if ctx is None or time.monotonic() - self._flushed_at < PROGRESS_SECONDS:
            return
        marker = (self.session.run_count, ctx.version)
        if marker == self._flushed:
            return
        self._flushed, self._flushed_at = marker, time.monotonic()
        self._post_render("running", to_node(ctx.root))

    def _post_render(self, status: str, tree: Node) -> None:
        self.post({"type": "render", "run": self.session.run_count, "status": status, "tree": tree})

    def post(self, message: dict[str, Any]) -> None:
        self.send(json.dumps(message, separators=(",", ":"), default=str))


_bridge: _Bridge | None = None


async def boot(config_json: str, send: Send, app_dir: str = APP_DIR) -> None:
    """Start the session and run the script for the first time."""
    global _bridge
    config: BootConfig = json.loads(config_json)
    if config.get("protocol") != PROTOCOL_VERSION:
        raise ProtocolError(
            f"The page speaks protocol {config.get('protocol')}, the runtime speaks "
            f"{PROTOCOL_VERSION}: the site mixes files from two builds. Rebuild it."
        )
    os.chdir(app_dir)
    if app_dir not in sys.path:
        sys.path.insert(0, app_dir)
    _alias.install()
    script = Script(Path(app_dir) / config["entry"])
    _bridge = _Bridge(AppSession(script, app_dir=Path(app_dir)), send)
    await _bridge.run(None)


async def handle(message_json: str) -> None:
    """Handle one message from the page."""
    if _bridge is None:
        raise ProtocolError("handle() called before boot()")
    message = json.loads(message_json)
    if message.get("type") == "widget":
        await _bridge.run(message["updates"])
    else:
        raise ProtocolError(f"Unknown message type {message.get('type')!r}")
