"""Browser tier: built sites served on 127.0.0.1, driven by Playwright in Debian's
Chromium. Any request that leaves localhost, and any console error, fails the test.

``STC_TEST_BOOT=snapshot`` runs the tier on the other start-up path: before a test's
page first opens a site, a scratch page of the same browser context visits it and
waits until the start-up snapshot is stored (runtime_wasm/js/snapshot.mjs), so the
test's own page restores from it (``data-stc-boot="snapshot"``) instead of starting
Pyodide afresh. Tests of the snapshot itself are marked ``fresh_boot`` and left as
they are. Every test boots fresh by default, which is also the path that makes a
snapshot.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, Request, expect

from compiler import BuildOptions, NullReporter, build, serving
from compiler.devtools._chromium import LAUNCH_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[2]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

# Playwright's default of 5 s for an assertion is the time a page may take to draw
# what a test waits for. With a worker a core (scripts/test.sh), a Pyodide boot or
# plotly.js can take longer than that; a passing assertion returns as soon as it holds.
expect.set_options(timeout=15_000)


def write_app(tmp_path: Path, source: str, name: str) -> Path:
    """A one-file app written for a test: ``tmp_path/<name>/app.py`` (the folder names
    the built site)."""
    app = tmp_path / name / "app.py"
    app.parent.mkdir()
    app.write_text(source, encoding="utf-8")
    return app


# An app whose run can be made to never end, busy or sleeping, and that counts its runs
# in session state so a test can tell a restarted session from the same one. The loops
# sit behind buttons, so the app restarted after Stop does not loop again. One site,
# built once, serves the Stop tests and the damaged-site tests.
BUSY_APP = """
import time
import streamlit as st

st.session_state.runs = st.session_state.get("runs", 0) + 1
st.write(f"runs: {st.session_state.runs}")
st.button("Rerun")  # above the loops, so it is there when one was stopped
if st.button("Loop forever"):
    st.write("before")
    while True:
        pass
if st.button("Sleep forever"):
    st.write("sleeping")
    while True:
        time.sleep(0.1)
"""


@pytest.fixture(scope="session")
def busy_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_app(tmp_path_factory.mktemp("apps"), BUSY_APP, "busy")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": LAUNCH_ARGS}


def _fingerprint(app: Path) -> str:
    """The app's folder and script names and every file of the folder: tests that write
    the same app into their own tmp_path share its build."""
    digest = hashlib.sha256(f"{app.parent.name}/{app.name}".encode())
    for file in sorted(f for f in app.parent.rglob("*") if f.is_file()):
        digest.update(file.relative_to(app.parent).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return f"{app.parent.name}-{digest.hexdigest()[:16]}"


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's folder of sites built by ``serve_app``: under xdist, the one folder
    all workers share (each worker's base temp is a folder of the run's)."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "built-sites"
    folder.mkdir(exist_ok=True)
    return folder


def build_once(app: Path, built_sites: Path) -> Path:
    """The site of *app*, built by the first test (of any worker) that needs it; the
    others wait on its lock, then read the same folder. Tests must not change it."""
    key = _fingerprint(app)
    site, done = built_sites / key / "site", built_sites / key / "built"
    site.parent.mkdir(exist_ok=True)
    with (built_sites / f"{key}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            build(BuildOptions(app=app, out_dir=site), NullReporter())
            done.touch()
    return site


@pytest.fixture(scope="session")
def serve_app(built_sites: Path) -> Iterator[Callable[[Path], str]]:
    """Build an app once per run and serve it; returns the site's base URL."""
    urls: dict[str, str] = {}
    with ExitStack() as stack:

        def _serve(app: Path) -> str:
            key = _fingerprint(app)
            if key not in urls:
                urls[key] = stack.enter_context(serving(build_once(app, built_sites)))
            return urls[key]

        yield _serve


SNAPSHOT_KEYS = """async () => {
  const cache = await caches.open("stc-snapshots");
  return (await cache.keys()).length;
}"""


# What the worker decides (runtime_wasm/js/snapshot.mjs: snapshotKey): no snapshot for
# a build with --no-snapshot or a native package (config.snapshot false), and
# a page that is not a built app's (a test's own harness) has none to keep either.
KEEPS_SNAPSHOT = """() => {
  const tag = document.getElementById("stc-config");
  const config = tag ? JSON.parse(tag.textContent) : {};
  return Boolean(config.integrity?.runtime) && config.snapshot !== false;
}"""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "fresh_boot: test a first visit even under STC_TEST_BOOT=snapshot"
    )


@pytest.fixture(autouse=True)
def _boot_from_snapshot(request: pytest.FixtureRequest) -> None:
    """Under ``STC_TEST_BOOT=snapshot``: each site a test's page opens was visited once
    in the same browser context, so the page restores Pyodide from a snapshot."""
    if os.environ.get("STC_TEST_BOOT") != "snapshot" or "page" not in request.fixturenames:
        return
    if request.node.get_closest_marker("fresh_boot"):
        return
    page: Page = request.getfixturevalue("page")
    goto = page.goto
    primed: set[str] = set()

    def goto_restored(url: str, **options: Any) -> Any:
        origin = "{0.scheme}://{0.netloc}".format(urlparse(url))
        if urlparse(url).hostname in LOCAL_HOSTS and origin not in primed:
            primed.add(origin)
            _store_snapshot(page, url, origin)
        return goto(url, **options)

    page.goto = goto_restored  # type: ignore[method-assign]


def _store_snapshot(page: Page, url: str, origin: str) -> None:
    """Visit *url* in a scratch page of *page*'s context until its snapshot is stored
    (sites that keep none: until it is idle), then clear *origin*'s other storage."""
    scratch = page.context.new_page()
    try:
        scratch.goto(url)
        if not scratch.evaluate(KEEPS_SNAPSHOT):
            return
        scratch.wait_for_function(
            "window.stc && ['idle', 'error'].includes(window.stc.status)", timeout=60_000
        )
        # a site that fails to start (what some tests are about) stores nothing
        if scratch.evaluate("window.stc.status === 'idle'"):
            assert poll(scratch, SNAPSHOT_KEYS), f"no snapshot of {url} was stored within 30 s"
    finally:
        scratch.close()
        # The test's page meets the site as a first visit would, but for the snapshot
        # (Cache Storage): no st.cache_data entries, cookies or service worker.
        cdp = page.context.new_cdp_session(page)
        cdp.send(
            "Storage.clearDataForOrigin",
            {"origin": origin, "storageTypes": "cookies,indexeddb,local_storage,service_workers"},
        )
        cdp.detach()


class PageGuard:
    """Collects what must never happen on a page: outside requests, console errors."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.allowed_errors: list[str] = []

    def check(self) -> None:
        assert not self.outside, f"requests left localhost: {self.outside}"
        errors = [e for e in self.errors if not any(a in e for a in self.allowed_errors)]
        assert not errors, f"console errors: {errors}"


@pytest.fixture
def guard(page: Page) -> Iterator[PageGuard]:
    page_guard = PageGuard()

    def route(route: Any, request: Request) -> None:
        if urlparse(request.url).hostname in LOCAL_HOSTS or request.url.startswith(
            ("data:", "blob:")
        ):
            route.continue_()
        else:
            page_guard.outside.append(request.url)
            route.abort()

    page.context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page_guard.errors.append(m.text))
    page.on("pageerror", lambda e: page_guard.errors.append(str(e)))
    yield page_guard
    page_guard.check()


def poll(page: Page, script: str, arg: Any = None, seconds: float = 30) -> Any:
    """Evaluate *script* (which may be async: ``wait_for_function`` does not await a
    promise) every 0.1 s until it answers something truthy; that answer, else the last."""
    answer = None
    for _ in range(int(seconds * 10)):
        answer = page.evaluate(script, arg)
        if answer:
            return answer
        page.wait_for_timeout(100)
    return answer


def wait_idle(page: Page, timeout: float = 60_000) -> None:
    """Wait until the app finished its current run (the page contract's status)."""
    page.wait_for_function("window.stc && window.stc.status === 'idle'", timeout=timeout)


_QUIET_WATCH = """() => {
  if (window.__stcQuiet) return;
  window.__stcQuiet = { last: performance.now() };
  new MutationObserver(() => { window.__stcQuiet.last = performance.now(); }).observe(
    document.getElementById("stc-root"),
    { subtree: true, childList: true, attributes: true, characterData: true },
  );
}"""


def wait_settled(page: Page, quiet_ms: float = 750, timeout: float = 60_000) -> None:
    """Wait until the app is idle, every component frame has loaded, and nothing was
    drawn for *quiet_ms*. A component's first value (streamlit-authenticator's
    CookieManager) reruns the app a moment after its first idle render, and that
    rerun may rebuild a form: text typed before it is lost, in Streamlit too."""
    wait_idle(page, timeout)
    page.wait_for_load_state("load", timeout=timeout)  # the iframes of components too
    page.evaluate(_QUIET_WATCH)
    page.wait_for_function(
        "(quiet) => window.stc.status === 'idle'"
        " && performance.now() - window.__stcQuiet.last > quiet",
        arg=quiet_ms,
        timeout=timeout,
    )
