"""stc's speed benchmark: cold start and rerun latency, side by side in headless Chromium.

Measures, interleaved in one run so machine noise hits all of them alike:

  (a) raw Pyodide boot in a module worker on a blank page, same vendored core;
  (b) cold first render of the stc-built counter app (fresh browser context);
  (c) rerun latency on that app: click "Increment" -> DOM shows the new count;
  (d) the same app under ``streamlit run`` (pip-installed Streamlit): first render
      and rerun latency, measured the same way.

Times are taken inside the page: an init script records when the counter text first
appears (performance.now(), i.e. from navigation start), and a MutationObserver times
each click until the count changes. Prints a Markdown table (medians, with min-max).

    python bench/run.py [--runs 5] [--clicks 25] [--no-streamlit]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from _browser import (
    click_latencies,
    first_text_ms,
    streamlit_server,
    summarise,
    summarise_fine,
)
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compiler import serving  # noqa: E402
from compiler.cli import main as stc_main  # noqa: E402
from compiler.devtools._chromium import LAUNCH_ARGS, chromium_path  # noqa: E402

APP = ROOT / "sites" / "counter" / "app.py"


def raw_boot_ms(browser: Browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.rawBootMs !== undefined", timeout=120_000)
    value = float(page.evaluate("window.rawBootMs"))
    context.close()
    return value


def site_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold loads per contender")
    parser.add_argument("--clicks", type=int, default=25, help="clicks per rerun sample")
    parser.add_argument("--no-streamlit", action="store_true", help="skip (d)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="stc-bench-"))
    site = work / "site"
    if stc_main(["build", str(APP), "-o", str(site)]) != 0:
        print("stc build failed", file=sys.stderr)
        return 1
    shutil.copy(ROOT / "bench" / "raw.html", site / "raw.html")
    shutil.copy(ROOT / "bench" / "raw_worker.mjs", site / "raw_worker.mjs")

    raw, stc_cold, st_cold = [], [], []
    stc_clicks: list[float] = []
    st_clicks: list[float] = []
    stc_idle = "document.getElementById('stc-root').dataset.stcStatus === 'idle'"
    with sync_playwright() as pw, serving(site) as base:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        st_ctx = streamlit_server(APP) if not args.no_streamlit else None
        st_url = st_ctx.__enter__() if st_ctx else None
        try:
            for i in range(args.runs):
                raw.append(raw_boot_ms(browser, base + "raw.html"))
                ms, page = first_text_ms(browser, base, stc_idle)
                stc_cold.append(ms)
                if i == 0:
                    stc_clicks = click_latencies(page, args.clicks, stc_idle)
                page.context.close()
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

    ratio = statistics.median(stc_cold) / statistics.median(raw)
    rows = [
        ("(a) raw Pyodide boot, worker, blank page", summarise(raw)),
        ("(b) stc cold first render (counter app)", summarise(stc_cold)),
        ("    ratio (b)/(a)", f"{ratio:.2f}x"),
        ("(c) stc rerun, click -> DOM updated", summarise_fine(stc_clicks)),
    ]
    if st_url:
        rows += [
            ("(d) streamlit run: first render", summarise(st_cold)),
            ("(d) streamlit run: rerun, click -> DOM updated", summarise_fine(st_clicks)),
        ]
    rows.append(("stc site size on disk", f"{site_bytes(site) / 1e6:.1f} MB"))
    print(f"\n| measure (median of {args.runs} cold loads, {args.clicks} clicks) | value |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
