"""The worker's entry into Python: ``boot`` once, then ``handle`` per page message.

The worker (``js/worker.mjs``) calls these two coroutines with JSON strings and a
``send`` function; everything crossing the edge is a ``str``, so this module needs
no ``js`` import and runs (and is tested) on CPython too. Browser-only services
enter behind the same edge: IndexedDB as a JSON preload plus a ``persist(journal)``
function (``attach_cache``), the page's URL and client snapshot in the messages,
and HTTP for ``st.connection`` as a synchronous ``post(url, body)`` (``attach_http``).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import _alias, _app_reload, _busy, _cache_store, _caching, _entropy, _media_store, _packages
from . import http as _http
from ._protocol import (
    PROTOCOL_VERSION,
    RELOAD_ZIP,
    BootConfig,
    NavigateMessage,
    Node,
    WidgetUpdate,
)
from ._script import Script
from ._session import AppSession
from ._tree import to_node
from ._unchanged import RenderEncoder
from .auth import _session as auth_session
from .connections import _transport

__all__ = ["APP_DIR", "ProtocolError", "attach_cache", "boot", "handle", "reload_app", "stop"]

APP_DIR = "/home/pyodide/app"

Send = Callable[[str], Any]


class ProtocolError(RuntimeError):
    """The page and the runtime come from different builds, or a message is malformed."""


# While a run takes longer than this, the page gets the partial tree this often, so
# st.progress, st.empty updates and slow loops show up before the run ends.
PROGRESS_SECONDS = 0.05


class _Bridge:
    def __init__(self, session: AppSession, send: Send, persist: Send | None = None) -> None:
        self.session = session
        self.send = send
        self.persist = persist
        self._encoder = RenderEncoder()  # large props the page already has are left out
        self._flushed_at = 0.0
        self._flushed: tuple[int, int] | None = None  # (run, version) last posted
        self._timer: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[Any] | None = None  # running the run in progress
        self._cancelled = False  # stop() cancelled _task
        session.on_enqueue = self._maybe_flush

    async def run(self, updates: list[WidgetUpdate] | None) -> None:
        """One rerun; the idle render at the end is the one the page settles on."""
        self._flushed_at = time.monotonic()
        self._flushed = None
        loop = asyncio.get_running_loop()
        # A timer, not a task: a run that never awaits costs nothing extra, and one
        # that awaits (asyncio.sleep in a loop) gets progress renders meanwhile.
        self._timer = loop.call_later(PROGRESS_SECONDS, self._tick)
        self._task = asyncio.current_task()
        self._cancelled = False
        try:
            await self.session.rerun(updates)
        finally:
            if self._cancelled and self._task is not None:
                self._task.uncancel()  # the stop is handled: the task carries on
            self._task = None
            self._timer.cancel()
            self._timer = None
            self._flush_state()
        self._post_render("idle", self.session.tree)

    def _flush_state(self) -> None:
        """After a run: the new query string to the page, cache writes to IndexedDB.

        Both go out before the idle render, so once the page is idle its address bar
        is current and the cache's write transaction has been created."""
        change = self.session.query_params.take_change()
        moved = self.session.navigation.take_navigation()
        if moved is not None:  # another page: its URL, with the query string as it is now
            query = self.session.query_params.query_string()
            page, not_found = moved
            search = f"?{query}" if query else ""
            message: NavigateMessage = {
                "type": "navigate", "page": page, "search": search,
                "replace": not_found is not None,
            }  # fmt: skip
            if not_found is not None:
                message["not_found"] = not_found
            self.post(message)
        elif change is not None:
            search = f"?{change.search}" if change.search else ""
            self.post({"type": "query", "search": search, "replace": change.replace})
        self.persist_cache()

    def persist_cache(self) -> None:
        """Send the cache's changes since the last call to IndexedDB, if any."""
        store = _cache_store.default_store()
        if self.persist is not None and store.journaled:
            journal = store.take_journal()
            if journal:
                self.persist(json.dumps(journal, separators=(",", ":")))

    def stop(self) -> bool:
        """End the run in progress at its next element or ``await`` (see
        ``AppSession.request_stop``); False when there is none."""
        if not self.session.request_stop():
            return False
        if self._task is not None:
            self._cancelled = self._task.cancel()
        return True

    def take_url(self, url: str, page: str | None = None, *, link: bool = False) -> None:
        """The page's address changed (back, forward, a link): new page and query params."""
        self.session.query_params.populate(urlsplit(url).query, history=not link, link=link)
        if page is not None:
            self.session.navigation.request_url(page)

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
        # Media first: the page needs an id's bytes before the element that shows it.
        for media_id, mime, data in _media_store.session_store(self.session.state).take_unsent():
            encoded = base64.b64encode(data).decode("ascii")
            self.post({"type": "media", "id": media_id, "mime": mime, "data": encoded})
        self.post({"type": "render", "run": self.session.run_count, "status": status, "tree": tree})

    def post(self, message: Mapping[str, Any]) -> None:
        self.send(self._encoder.encode(message))


_bridge: _Bridge | None = None
_persist: Send | None = None


def attach_cache(entries_json: str, persist: Send | None) -> None:
    """Give ``st.cache_data`` the site's stored entries (``_cache_store`` wire
    format) and the worker's ``persist(journal_json)``; call before :func:`boot`.
    Without it, or with ``persist=None``, the cache lives in memory only."""
    global _persist
    _persist = persist
    store = _cache_store.CacheStore.from_json(entries_json, journaled=persist is not None)
    _cache_store.set_default_store(store)


def attach_http(
    post: Callable[[str, str, str], str], probe: Callable[[str], Any] | None = None
) -> None:
    """Give ``st.connection`` the worker's synchronous ``post(url, body, session)``
    (*session*: the login's token for ``Stc-Session``, or ""), which answers
    ``{"status": int, "body": str}`` as JSON (status 0: no answer), and route the app's
    own HTTP libraries through the browser's fetch (``runtime_wasm.http``); *probe*
    (``url → Promise<bool>``: did any server answer?) tells a CORS refusal from a
    server that is down. Call before :func:`boot`. Without it (CPython), queries go
    through ``urllib`` and the libraries are left alone."""

    def poster(url: str, body: str) -> tuple[int, str]:
        answer = json.loads(post(url, body, auth_session.token() or ""))
        return int(answer.get("status") or 0), str(answer.get("body") or "")

    _transport.set_poster(poster)
    if probe is not None:
        _http.set_probe(_synchronous(probe))
    _http.install_adapters()


def attach_packages(load: Callable[[str], Any]) -> None:
    """Let a run load a Pyodide package it needs (``runtime_wasm._packages``): *load*
    (``name → Promise<bool>``: did it load?) from the worker."""
    _packages.set_loader(_synchronous(load))


def _synchronous(call: Callable[[str], Any]) -> Callable[[str], bool | None]:
    """*call*'s promise awaited in place (JSPI), or ``None`` where the browser cannot:
    the one place the runtime reaches into Pyodide's FFI."""

    def answered(arg: str) -> bool | None:
        from pyodide.ffi import can_run_sync, run_sync  # type: ignore[import-not-found]

        return bool(run_sync(call(arg))) if can_run_sync() else None

    return answered


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
    _entropy.renew()  # a snapshot holds the random state of the visit that made it
    _alias.install()
    data = config.get("data") or {}
    _transport.configure(
        _transport.DataConfig(
            proxy_url=data.get("proxy_url", ""),
            connections=data.get("connections", {}),
            public_secrets=data.get("public_secrets", {}),
            app_dir=app_dir,
        )
    )
    http = data.get("http") or {}
    _http.configure(
        _http.HttpSettings.make(
            data.get("proxy_url", ""),
            tuple(http.get("secrets", ())),
            tuple(http.get("hosts", ())),
        )
    )
    script = Script(Path(app_dir) / config["entry"])
    session = AppSession(script, app_dir=Path(app_dir))
    url = config.get("url") or ""
    session.query_params.populate(urlsplit(url).query)
    session.navigation.request_url(config.get("page"))
    session.client.update({"url": url, **(config.get("context") or {})})
    _bridge = _Bridge(session, send, _persist)
    # A run that never yields is flushed from a signal handler (see _busy).
    _busy.install(_bridge._maybe_flush, app_dir)
    await _bridge.run(None)


def stop() -> bool:
    """The visitor pressed Stop and the worker read it at once, not queued: the run in
    progress is awaiting, so it can end gracefully, keeping the session. Returns
    whether a run was in progress. (A run that never yields cannot read the message:
    the page replaces the worker instead.)"""
    return _bridge is not None and _bridge.stop()


def reload_app(archive: str) -> None:
    """``stc run`` rebuilt the app (``reload``): its files from *archive* in place of
    the old ones, its own modules and scripts forgotten, the session kept."""
    assert _bridge is not None
    session = _bridge.session
    _app_reload.replace_app_files(archive, session.app_dir)
    _app_reload.forget_app_modules(session.app_dir)
    session.reload_script()


async def handle(message_json: str) -> None:
    """Handle one message from the page."""
    if _bridge is None:
        raise ProtocolError("handle() called before boot()")
    message = json.loads(message_json)
    kind = message.get("type")
    _bridge.session.client.update(message.get("context"))
    if kind == "widget":
        await _bridge.run(message["updates"])
    elif kind == "url":
        _bridge.take_url(message["url"], message.get("page"), link=bool(message.get("link")))
        _bridge.session.client.update({"url": message["url"]})
        await _bridge.run(None)
    elif kind == "reload":
        reload_app(RELOAD_ZIP)
        await _bridge.run(None)
    elif kind == "clear_cache":
        _caching.clear_all()
        _bridge.persist_cache()
    else:
        raise ProtocolError(f"Unknown message type {message.get('type')!r}")
