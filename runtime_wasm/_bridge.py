"""The worker's entry into Python: ``boot`` once, then ``handle`` per page message.

The worker (``js/worker.mjs``) calls these two coroutines with JSON strings and a
``send`` function; everything crossing the edge is a ``str``, so this module needs
no ``js`` import and runs (and is tested) on CPython too. Browser-only services
(IndexedDB, the page's URL) will enter here as well, behind the same edge.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import _alias
from ._protocol import PROTOCOL_VERSION, BootConfig, WidgetUpdate
from ._script import Script
from ._session import AppSession

__all__ = ["APP_DIR", "ProtocolError", "boot", "handle"]

APP_DIR = "/home/pyodide/app"

Send = Callable[[str], Any]


class ProtocolError(RuntimeError):
    """The page and the runtime come from different builds, or a message is malformed."""


class _Bridge:
    def __init__(self, session: AppSession, send: Send) -> None:
        self.session = session
        self.send = send

    async def run(self, updates: list[WidgetUpdate] | None) -> None:
        await self.session.rerun(updates)
        self.post(
            {
                "type": "render",
                "run": self.session.run_count,
                "status": "idle",
                "tree": self.session.tree,
            }
        )

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
