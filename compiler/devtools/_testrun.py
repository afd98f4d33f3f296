"""``stc test``: open every page of a site in headless Chromium, the way a visitor
would, and fail on what a visitor would see go wrong.

A page passes when it reaches ``idle`` through the page contract (``#stc-root``'s
``data-stc-status``, ``window.stc.whenIdle()``, see ``runtime_wasm/js/page.mjs``)
within the timeout (then settles: requests an element starts after the run count
too), and shows no ``[data-stc-kind="exception"]`` element, logs no
console error, has no failed request and makes no request that leaves the local
server, except to the hosts ``--allow-host`` names, which get a placeholder answer
(:mod:`compiler.devtools._hosts` says why). The browser is Playwright's sync API
driving the Chromium of :func:`compiler.devtools._chromium.chromium_path` with the same
offline flags as stc's own browser tests. Playwright is imported only when a browser
is needed, so the compiler (and the pytest plugin, which shares :func:`wait_idle`)
works without it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compiler._build import build
from compiler._exceptions import StcError, ToolError
from compiler._options import BuildOptions
from compiler._progress import NullReporter, Reporter
from compiler.devtools._chromium import LAUNCH_ARGS, chromium_path
from compiler.devtools._hosts import HostPolicy, placeholder
from compiler.devtools._serve import serving
from compiler.emit._plan import MANIFEST

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = ["PageNotIdle", "PageResult", "prepare_site", "run_in_browser", "site_pages", "wait_idle"]

# Folders of a site that hold assets, never pages.
_ASSET_DIRS = ("pyodide/", "stc/", "packages/")

_MISSING_PLAYWRIGHT = (
    "stc test needs Playwright for Python: pip install playwright "
    "(no browser download is needed; stc drives the system Chromium)"
)
_MISSING_CHROMIUM = (
    "stc test needs Chromium and found none at {path}. Install Debian's "
    "chromium-headless-shell (apt-get install chromium-headless-shell; the chromium "
    "package works too), or set STC_CHROMIUM to a Chromium binary"
)

# Resolves to null when the app is idle, else to why it is not.
_IDLE_JS = """async (ms) => {
  const deadline = Date.now() + ms;
  while (!window.stc) {
    if (Date.now() >= deadline) return "no window.stc: not an stc page, or page.mjs did not run";
    await new Promise((r) => setTimeout(r, 20));
  }
  let timer;
  const late = new Promise((r) => {
    const why = () => `not idle after ${(ms / 1000).toFixed(1)} s (status: ${window.stc.status})`;
    timer = setTimeout(() => r(why()), Math.max(deadline - Date.now(), 0));
  });
  try {
    return await Promise.race([window.stc.whenIdle().then(() => null), late]);
  } catch (e) {
    return `the app failed: ${e && e.message ? e.message : e}`;
  } finally {
    clearTimeout(timer);
  }
}"""

_EXCEPTIONS_JS = """() => Array.from(
  document.querySelectorAll('#stc-root [data-stc-kind="exception"]'),
  (el) => (el.querySelector(".stc-exception-title") ?? el).textContent.trim(),
)"""


class PageNotIdle(StcError):
    """The page did not become idle: a timeout, or the app failed to start."""


def wait_idle(page: Page, timeout: float = 60_000) -> None:
    """Wait until the stc app in *page* finished its current run (``window.stc.whenIdle()``).

    *timeout* is in milliseconds, as everywhere in Playwright. Raises
    :class:`PageNotIdle` on a timeout or when the page ends in ``error`` status.
    """
    problem = page.evaluate(_IDLE_JS, timeout)
    if problem:
        raise PageNotIdle(str(problem))


@dataclass(frozen=True, kw_only=True)
class PageResult:
    """One page of the site in the browser: its path, load time and what went wrong."""

    path: str
    seconds: float
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def line(self) -> str:
        """``ok   /            1.9 s`` or ``FAIL /  ZeroDivisionError: division by zero``."""
        if self.ok:
            return f"ok   {self.path:<12} {self.seconds:.1f} s"
        more = "".join(f"\n     {p}" for p in self.problems[1:])
        return f"FAIL {self.path}  {self.problems[0]}{more}"


def prepare_site(target: Path, workdir: Path, reporter: Reporter) -> Path:
    """The site folder for *target*: a built site as is, an app built into *workdir*."""
    if target.is_dir() and (target / MANIFEST).is_file():
        return target
    if target.suffix == ".py" or not target.exists():
        site = workdir / "site"
        build(BuildOptions(app=target, out_dir=site), reporter)
        return site
    raise StcError(
        f"{target} is neither an app script (.py) nor a built site (a folder with {MANIFEST})"
    )


def site_pages(site: Path) -> tuple[str, ...]:
    """The URL paths of the site's pages (``/`` first), from its ``stc-build.json``.

    Every ``index.html`` outside the asset folders is a page.
    """
    try:
        manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
        paths = [str(f["path"]) for f in manifest["files"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StcError(f"cannot read the page list of {site / MANIFEST}: {error}") from error
    pages = {
        "/" + path.removesuffix("index.html")
        for path in paths
        if (path == "index.html" or path.endswith("/index.html"))
        and not path.startswith(_ASSET_DIRS)
    }
    return tuple(sorted(pages, key=lambda p: (p != "/", p)))


def run_in_browser(
    target: Path,
    *,
    port: int = 0,
    timeout: float = 60.0,
    reporter: Reporter | None = None,
    on_page: Callable[[PageResult], None] | None = None,
    hosts: HostPolicy | None = None,
) -> tuple[PageResult, ...]:
    """Build *target* if it is an app, serve it on 127.0.0.1 and check every page.

    *timeout* (seconds) bounds each page's load to idle. *hosts* are the hosts beside
    127.0.0.1 a page may reach (default: none). *on_page* sees each result
    as soon as it is known. Raises :class:`ToolError` when Playwright or Chromium
    is missing, :class:`StcError` (and the build's errors) otherwise.
    """
    reporter = reporter or NullReporter()
    hosts = hosts or HostPolicy()
    results: list[PageResult] = []
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="stc-test-")))
        site = prepare_site(target, workdir, reporter)
        pages = site_pages(site)
        reporter.stage("test")
        browser = stack.enter_context(_chromium())
        url = stack.enter_context(serving(site, port=port))
        reporter.info(f"{len(pages)} page(s) at {url} in Chromium {browser.version}")
        for path in pages:
            result = _check_page(browser, url, path, timeout, hosts)
            results.append(result)
            if on_page is not None:
                on_page(result)
    return tuple(results)


@contextmanager
def _chromium() -> Iterator[Browser]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as error:
        raise ToolError(_MISSING_PLAYWRIGHT) from error
    path = chromium_path()
    executable = path if Path(path).is_file() else shutil.which(path)
    if executable is None:
        raise ToolError(_MISSING_CHROMIUM.format(path=path), path=path)
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        except Error as error:
            first = str(error.message).strip().splitlines()[0]
            raise ToolError(f"cannot start Chromium at {executable}: {first}") from error
        try:
            yield browser
        finally:
            browser.close()


class _Watch:
    """What must never happen on a page: outside requests, failures, console errors;
    and when the page last started or ended a request, to let it settle."""

    def __init__(self, hosts: HostPolicy) -> None:
        self.hosts = hosts
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.console: list[tuple[str, str]] = []  # (text, the resource it is about)
        self.in_flight = 0
        self.last_activity = time.monotonic()

    def on_request(self, request: Any) -> None:
        self.in_flight += 1
        self.last_activity = time.monotonic()

    def on_done(self, request: Any) -> None:
        self.in_flight = max(self.in_flight - 1, 0)
        self.last_activity = time.monotonic()

    def route(self, route: Any) -> None:
        url = route.request.url
        verdict = self.hosts.verdict(url)
        if verdict == "local":
            route.continue_()
        elif verdict == "allowed":
            answer = placeholder(route.request.resource_type)
            route.fulfill(status=answer.status, headers=answer.headers, body=answer.body)
        else:
            self.outside.append(url)
            route.abort()

    def on_failed(self, request: Any) -> None:
        self.on_done(request)
        if request.url not in self.outside:
            self.failed.append(f"{request.url} ({request.failure})")

    def on_response(self, response: Any) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def on_console(self, message: Any) -> None:
        if message.type == "error":
            self.console.append((message.text, str(message.location.get("url", ""))))

    def problems(self) -> list[str]:
        # Chromium logs each aborted request ("Failed to load resource"): said above.
        return [
            *(self.hosts.refusal(u) for u in dict.fromkeys(self.outside)),
            *(f"request failed: {f}" for f in self.failed),
            *(f"console error: {text}" for text, url in self.console if url not in self.outside),
        ]

    def settle(self, page: Page, quiet: float = 0.5, limit: float = 3.0) -> None:
        """Wait until no request has started or ended for *quiet* seconds, counted from
        now at the earliest (at most *limit*): images and media a run drew start
        loading after it is idle."""
        started = time.monotonic()
        while time.monotonic() < started + limit:
            since = max(self.last_activity, started)
            if self.in_flight == 0 and time.monotonic() - since >= quiet:
                return
            page.wait_for_timeout(50)


def _check_page(
    browser: Browser, base_url: str, path: str, timeout: float, hosts: HostPolicy
) -> PageResult:
    from playwright.sync_api import Error

    watch = _Watch(hosts)
    context = browser.new_context()
    try:
        context.route("**/*", watch.route)
        context.on("request", watch.on_request)
        context.on("requestfinished", watch.on_done)
        context.on("requestfailed", watch.on_failed)
        context.on("response", watch.on_response)
        context.on("console", watch.on_console)
        page = context.new_page()
        page.on("pageerror", lambda error: watch.console.append((str(error), "")))
        started = time.monotonic()
        problems: list[str] = []
        try:
            page.goto(base_url + path.lstrip("/"), timeout=timeout * 1000)
            wait_idle(page, max(timeout - (time.monotonic() - started), 0) * 1000)
        except PageNotIdle as error:
            problems.append(error.message)
        except Error as error:
            problems.append(str(error.message).strip().splitlines()[0])
        seconds = time.monotonic() - started
        if not problems:
            with suppress(Error):  # closed meanwhile: the checks below say why
                watch.settle(page)
        with suppress(Error):  # the page is gone; a problem above says why
            problems[:0] = page.evaluate(_EXCEPTIONS_JS)
        problems += watch.problems()
    finally:
        context.close()
    return PageResult(path=path, seconds=seconds, problems=tuple(problems))
