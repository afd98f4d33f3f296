"""Shared fixtures of the unit tests."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable, Iterator

import pytest

from runtime_wasm import _alias, _bridge, _cache_store, _caching
from runtime_wasm._protocol import BUSY_SIGNAL
from runtime_wasm.testing import AppTest


@pytest.fixture(autouse=True)
def no_browser_loop() -> Iterator[None]:
    """Unit tests run event loops of their own (``asyncio.run``). Under xdist a worker
    may have run browser tests first, and Playwright's sync API marks its loop as
    running in this thread between its calls, for as long as its session lives
    (playwright/_impl/_greenlets.py), so ``asyncio.run`` would refuse to start. The
    mark is lifted for the test and put back after it."""
    browser_loop = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(browser_loop)


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Every test starts with empty ``st.cache_data`` / ``st.cache_resource`` caches."""
    _cache_store.set_default_store(_cache_store.CacheStore())
    _caching._resource_caches.clear()
    yield
    _cache_store.set_default_store(_cache_store.CacheStore())
    _caching._resource_caches.clear()


@pytest.fixture
def run_app() -> Callable[[str], AppTest]:
    """Run an app given as source text once and return its ``AppTest``."""

    def run(source: str) -> AppTest:
        return AppTest.from_string(source).run()

    return run


@pytest.fixture
def clean_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Put back what ``boot`` changes: cwd, sys.path, the alias, the bridge, the busy
    signal's handler; and forget the app's own modules (a ``helpers.py`` in a
    temporary app folder), so the next test's app imports its own."""
    cwd, path = os.getcwd(), list(sys.path)
    before = set(sys.modules)
    handler = signal.getsignal(BUSY_SIGNAL)
    modules = {
        n: m for n, m in sys.modules.items() if n == "streamlit" or n.startswith("streamlit.")
    }
    meta_path = list(sys.meta_path)
    try:
        yield
    finally:
        os.chdir(cwd)
        sys.path[:] = path
        sys.meta_path[:] = meta_path
        _alias.uninstall()
        sys.modules.update(modules)
        temporary = str(tmp_path_factory.getbasetemp())
        for name in set(sys.modules) - before:
            where = getattr(sys.modules[name], "__file__", None) or ""
            if where.startswith(temporary):
                del sys.modules[name]
        _bridge._bridge = None
        _bridge._persist = None
        signal.signal(BUSY_SIGNAL, signal.SIG_DFL if handler is None else handler)
