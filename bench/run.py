"""stc's start-up benchmark: cold start, repeat visit, slow network, bytes, and rerun
latency, side by side in headless Chromium (issue 17's goals 1-4).

Measured in one run, interleaved so machine noise hits every contender alike:

  (a) raw Pyodide boot in a module worker on a blank page, the same vendored core
      with Pyodide's own stdlib: the floor stc's start is compared with;
  (b) stc's first render of ``sites/counter`` (the text "Count: 0" shows);
each of them
  - cold: a new browser profile, empty HTTP cache;
  - repeat: a new tab in the same profile, HTTP cache warm (for stc, once the first
    visit has stored its start-up snapshot);
  - throttled: cold again under Chromium's network emulation (20 Mbit/s down,
    40 ms latency), so bytes and CPU are weighed together;
and
  (c) stc rerun latency: click "Increment" -> the DOM shows the new count;
  (d) the same app under ``streamlit run`` (pip-installed Streamlit): first render and
      rerun latency, measured the same way.

The sites are served the way GitHub Pages serves them (bench/_pages_server.py: gzip
for text, JSON and wasm; max-age=600 with ETags), which also counts the bytes each
cold load downloads. Times are taken inside the page from navigation start
(performance.now()). Prints one Markdown table: medians, with min-max.

    python bench/run.py [--runs 5] [--clicks 25] [--no-streamlit] [--no-throttle]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _browser import (
    FIRST_TEXT_SCRIPT,
    click_latencies,
    first_text_ms,
    streamlit_server,
    summarise,
    summarise_fine,
)
from _pages_server import PagesServer, pages_server
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compiler.cli import main as stc_main  # noqa: E402
from compiler.devtools._chromium import LAUNCH_ARGS, chromium_path  # noqa: E402

APP = ROOT / "sites" / "counter" / "app.py"
STC_IDLE = "document.getElementById('stc-root').dataset.stcStatus === 'idle'"
# Chromium's network emulation for goal 3: 20 Mbit/s down, 40 ms latency.
THROTTLE = {
    "offline": False,
    "latency": 40,
    "downloadThroughput": 20e6 / 8,
    "uploadThroughput": 5e6 / 8,
}


class Contender:
    """How to open one contender's page and read when it first showed."""

    def __init__(self, name: str, path: str, done: str, init_script: str = "") -> None:
        self.name, self.path, self.done, self.init_script = name, path, done, init_script

    def load(
        self, context: BrowserContext, base: str, throttle: bool = False
    ) -> tuple[float, Page]:
        page = context.new_page()
        if throttle:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", THROTTLE)
        page.goto(base + self.path)
        page.wait_for_function(f"({self.done}) !== undefined", timeout=180_000)
        return float(page.evaluate(self.done)), page


RAW = Contender("raw Pyodide boot", "raw.html", "window.rawBootMs")
STC = Contender("stc first render", "", "window.__firstText", FIRST_TEXT_SCRIPT)


def new_context(browser: Browser, contender: Contender) -> BrowserContext:
    context = browser.new_context()
    if contender.init_script:
        context.add_init_script(contender.init_script)
    return context


def measure_visits(
    browser: Browser, server: PagesServer, base: str, contender: Contender,
    results: dict[str, list[float]], on_page: Callable[[Page], None] | None = None,
) -> None:  # fmt: skip
    """One cold load (with its bytes), then a repeat visit in a new tab."""
    context = new_context(browser, contender)
    sent = server.sent
    ms, page = contender.load(context, base)
    if contender is STC:
        page.wait_for_function(STC_IDLE, timeout=60_000)
    page.wait_for_timeout(300)  # late requests (lazy modules) belong to the first load
    results["cold"].append(ms)
    results["bytes"].append(server.sent - sent)
    if on_page is not None:
        on_page(page)
    if contender is STC:
        wait_for_snapshot(page)  # a visitor's next visit comes later than a bench's
    page.close()
    ms, page = contender.load(context, base)
    results["repeat"].append(ms)
    if contender is STC:
        page.wait_for_function(STC_IDLE, timeout=60_000)
        restored = page.evaluate("document.getElementById('stc-root').dataset.stcBoot")
        results["restored"].append(float(restored == "snapshot"))
    context.close()


def wait_for_snapshot(page: Page, seconds: float = 20) -> None:
    """Until the first visit has stored its start-up snapshot (js/snapshot.mjs)."""
    stored = "async () => (await (await caches.open('stc-snapshots')).keys()).length"
    for _ in range(int(seconds * 10)):
        if page.evaluate(stored):
            return
        page.wait_for_timeout(100)


def site_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="loads per contender and kind")
    parser.add_argument("--clicks", type=int, default=25, help="clicks per rerun sample")
    parser.add_argument("--no-streamlit", action="store_true", help="skip (d)")
    parser.add_argument("--no-throttle", action="store_true", help="skip the throttled loads")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="stc-bench-"))
    site = work / "site"
    if stc_main(["build", str(APP), "-o", str(site)]) != 0:
        print("stc build failed", file=sys.stderr)
        return 1
    shutil.copy(ROOT / "bench" / "raw.html", site / "raw.html")
    shutil.copy(ROOT / "bench" / "raw_worker.mjs", site / "raw_worker.mjs")

    kinds = ("cold", "repeat", "throttled", "bytes", "restored")
    results = {c.name: {k: [] for k in kinds} for c in (RAW, STC)}
    stc_clicks: list[float] = []
    st_cold: list[float] = []
    st_clicks: list[float] = []

    def clicks(page: Page) -> None:
        if not stc_clicks:
            stc_clicks.extend(click_latencies(page, args.clicks, STC_IDLE))

    with sync_playwright() as pw, pages_server(site) as (server, base):
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        st_ctx = streamlit_server(APP) if not args.no_streamlit else None
        st_url = st_ctx.__enter__() if st_ctx else None
        try:
            for i in range(args.runs):
                order = (RAW, STC) if i % 2 == 0 else (STC, RAW)
                for contender in order:
                    measure_visits(browser, server, base, contender, results[contender.name],
                                   clicks if contender is STC else None)  # fmt: skip
                if not args.no_throttle:
                    for contender in order:
                        context = new_context(browser, contender)
                        ms, _ = contender.load(context, base, throttle=True)
                        results[contender.name]["throttled"].append(ms)
                        context.close()
                if st_url:
                    ms, page = first_text_ms(browser, st_url, "")
                    st_cold.append(ms)
                    if i == 0:
                        page.wait_for_timeout(500)
                        st_clicks = click_latencies(page, args.clicks, "")
                    page.context.close()
        finally:
            if st_ctx:
                st_ctx.__exit__(None, None, None)
            browser.close()

    print(table(results, stc_clicks, st_cold, st_clicks, site, args))
    shutil.rmtree(work, ignore_errors=True)
    return 0


def table(
    results: dict[str, dict[str, list[float]]], stc_clicks: list[float],
    st_cold: list[float], st_clicks: list[float], site: Path, args: argparse.Namespace,
) -> str:  # fmt: skip
    raw, stc = results[RAW.name], results[STC.name]
    median = statistics.median

    def ratio(a: list[float], b: list[float]) -> str:
        return f"{median(a) / median(b):.2f}x" if a and b else "n/a"

    def mb(values: list[float]) -> str:
        return f"{median(values) / 1e6:.2f} MB" if values else "n/a"

    rows = [
        ("(a) raw Pyodide boot, cold", summarise(raw["cold"]), ""),
        ("(b) stc first render, cold", summarise(stc["cold"]), ""),
        ("    goal 1: (b)/(a) cold", ratio(stc["cold"], raw["cold"]), "<= 0.6x"),
        ("(a) raw Pyodide boot, repeat visit", summarise(raw["repeat"]), ""),
        (
            f"(b) stc first render, repeat visit ({sum(stc['restored']):.0f} of "
            f"{len(stc['restored'])} from the snapshot)",
            summarise(stc["repeat"]),
            "",
        ),
        ("    goal 2: (b) repeat / (a) cold", ratio(stc["repeat"], raw["cold"]), "<= 0.4x"),
    ]
    if not args.no_throttle:
        rows += [
            ("(a) raw Pyodide boot, 20 Mbit/s + 40 ms", summarise(raw["throttled"]), ""),
            ("(b) stc first render, 20 Mbit/s + 40 ms", summarise(stc["throttled"]), ""),
            ("    goal 3: (b)/(a) throttled", ratio(stc["throttled"], raw["throttled"]), "<= 1.0x"),
        ]
    rows += [
        ("(a) raw Pyodide: bytes downloaded, cold", mb(raw["bytes"]), ""),
        ("(b) stc: bytes downloaded, cold (goal 4)", mb(stc["bytes"]), "<= 6.0 MB"),
        ("(c) stc rerun, click -> DOM updated", summarise_fine(stc_clicks), ""),
    ]
    if st_cold:
        rows += [
            ("(d) streamlit run: first render", summarise(st_cold), ""),
            ("(d) streamlit run: rerun, click -> DOM updated", summarise_fine(st_clicks), ""),
        ]
    rows.append(("stc site size on disk", f"{site_bytes(site) / 1e6:.1f} MB", ""))
    lines = [
        f"| measure (medians of {args.runs} loads each, {args.clicks} clicks) | value | goal |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {value} | {goal} |" for name, value, goal in rows]
    return "\n" + "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
