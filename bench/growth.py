"""How the cost of a rerun grows with the app, stc against ``streamlit run`` (issue 17).

Generates apps of growing size (bench/_apps.py: ``elements-N`` with N simple
elements, ``dataframe-R`` with an R-row ``st.dataframe``), builds each with stc and
starts ``streamlit run`` on each, then times in headless Chromium, interleaved (run by
run, app by app, the contenders' order flipping each run) so machine noise hits all
alike:

- rerun: click "Rerun" -> the counter near the top shows the new count, and -> the
  ``Done:`` caption at the end of the page does (Streamlit draws elements as they
  arrive, so only the second is the whole rerun there);
- first render, for context: from navigation start, in a fresh browser context, until
  the counter first shows.

A MutationObserver times each click inside the page, as bench/run.py does, but it
reads only the text of the nodes that changed rather than ``document.body.innerText``:
that lays out the whole page at every change, so the probe's own cost would grow
with the page it measures (within noise up to 10,000 table rows here, but never
zero), and one pass over the changes finds both texts. Prints one Markdown table
(medians, p90) and how each family's cost grows.

    python bench/growth.py [--runs 3] [--clicks 15] [--no-streamlit] [--sizes elements-10 ...]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, redirect_stderr
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from _apps import COUNTER_LABEL, app_source
from _browser import streamlit_server
from _growth_report import Samples, report
from playwright.sync_api import Browser, Error, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compiler import serving  # noqa: E402
from compiler.cli import main as stc_main  # noqa: E402
from compiler.devtools._chromium import LAUNCH_ARGS, chromium_path  # noqa: E402

DEFAULT_APPS = [
    "elements-10",
    "elements-100",
    "elements-1000",
    "dataframe-1000",
    "dataframe-10000",
    "dataframe-100000",
]
TIMEOUT_MS = 180_000

# Records when "Count: n" first shows up, from navigation start, reading only the text
# of what changed (added subtrees, changed text nodes).
FIRST_SCRIPT = """
(() => {
  const obs = new MutationObserver((records) => {
    for (const r of records) {
      const texts = r.type === "characterData" ? [r.target.data]
        : [...r.addedNodes].map((n) => n.textContent ?? "");
      if (texts.some((t) => /Count: \\d+/.test(t))) {
        window.__firstText = performance.now();
        obs.disconnect();
        return;
      }
    }
  });
  document.addEventListener("DOMContentLoaded", () => {
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
})();
"""

# Clicks the button labelled *label*; resolves with [ms to "Count: n+1", ms to "Done: n+1"].
CLICK_SCRIPT = """
async (label) => {
  const text = document.body.textContent;
  const next = String(Number((text.match(/Count: (\\d+)/) || [])[1]) + 1);
  const wanted = { count: `Count: ${next}`, done: `Done: ${next}` };
  const button = [...document.querySelectorAll("button")]
    .find((b) => b.textContent.trim() === label);
  const at = {};
  return await new Promise((resolve, reject) => {
    const look = (t) => {
      for (const key in wanted) {
        if (at[key] === undefined && t.includes(wanted[key])) at[key] = performance.now() - t0;
      }
    };
    const obs = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "characterData") look(r.target.data);
        else for (const n of r.addedNodes) look(n.textContent ?? "");
      }
      if (at.count !== undefined && at.done !== undefined) {
        obs.disconnect();
        resolve([at.count, at.done]);
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    const fail = () => { obs.disconnect(); reject(new Error(`no ${wanted.done} after 120 s`)); };
    setTimeout(fail, 120000);
    const t0 = performance.now();
    button.click();
  });
}
"""

# True once a run has ended: stc's root goes idle, Streamlit's app says notRunning.
STC_IDLE = "document.getElementById('stc-root')?.dataset.stcStatus === 'idle'"
STREAMLIT_IDLE = (
    "document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'"
)

HAS_BUTTON = (
    "(label) => [...document.querySelectorAll('button')]"
    ".some((b) => b.textContent.trim() === label)"
)


@dataclass
class Contender:
    name: str
    urls: dict[str, str]
    idle: str
    samples: dict[str, Samples] = field(default_factory=dict)


def build_sites(apps: list[str], work: Path) -> dict[str, Path]:
    """Write each app and build it with stc; the build's progress shows only on failure."""
    sites = {}
    for name in apps:
        folder = work / name
        folder.mkdir()
        (folder / "app.py").write_text(app_source(name), encoding="utf-8")
        started, log = time.monotonic(), io.StringIO()
        with redirect_stderr(log):
            code = stc_main(["build", str(folder / "app.py"), "-o", str(folder / "site")])
        if code != 0:
            sys.stderr.write(log.getvalue())
            raise SystemExit(f"stc build of {name} failed")
        print(f"built {name} in {time.monotonic() - started:.0f} s", file=sys.stderr)
        sites[name] = folder / "site"
    return sites


def measure(browser: Browser, who: Contender, app: str, clicks: int) -> None:
    """One cold load of *app*, then one warm-up click and *clicks* timed ones."""
    samples = who.samples.setdefault(app, Samples())
    count: list[float] = []
    done: list[float] = []
    samples.count.append(count)  # one list per run, even an empty one: ratios pair runs
    samples.done.append(done)
    context = browser.new_context()
    try:
        context.add_init_script(FIRST_SCRIPT)
        page = context.new_page()
        page.goto(who.urls[app], timeout=TIMEOUT_MS)
        page.wait_for_function("window.__firstText !== undefined", timeout=TIMEOUT_MS)
        page.wait_for_function(who.idle, timeout=TIMEOUT_MS)
        # Streamlit draws its button after the rest of the first run (a lazy chunk).
        page.wait_for_function(HAS_BUTTON, arg=COUNTER_LABEL, timeout=TIMEOUT_MS)
        samples.first.append(float(page.evaluate("window.__firstText")))
        for i in range(clicks + 1):
            at_count, at_done = page.evaluate(CLICK_SCRIPT, COUNTER_LABEL)
            page.wait_for_function(who.idle, timeout=TIMEOUT_MS)
            if i:  # the first click warms up: its run is not timed
                count.append(float(at_count))
                done.append(float(at_done))
        print(
            f"  {app:>18} {who.name:>9}: first {samples.first[-1]:.0f} ms, rerun "
            f"{statistics.median(count):.1f} / {statistics.median(done):.1f} ms",
            file=sys.stderr,
        )
    except Error as exc:  # a timeout or a page error: that sample is missing, the run goes on
        print(f"  {app:>18} {who.name:>9}: failed: {exc}".splitlines()[0], file=sys.stderr)
    finally:
        context.close()


def _streamlit_urls(apps: list[str], work: Path, stack: ExitStack) -> Iterator[tuple[str, str]]:
    for name in apps:
        yield name, stack.enter_context(streamlit_server(work / name / "app.py"))


def _app_name(value: str) -> str:
    app_source(value)  # raises ValueError, which argparse shows, for a name it cannot make
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold loads per app and contender")
    parser.add_argument("--clicks", type=int, default=15, help="timed clicks per cold load")
    parser.add_argument("--no-streamlit", action="store_true", help="time stc only")
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=_app_name,
        default=DEFAULT_APPS,
        metavar="APP",
        help="apps to time, as family-size (default: %(default)s)",
    )
    args = parser.parse_args()
    if args.runs < 1 or args.clicks < 1:
        parser.error("--runs and --clicks take a number from 1")
    args.sizes = list(dict.fromkeys(args.sizes))

    with tempfile.TemporaryDirectory(prefix="stc-growth-") as tmp, ExitStack() as stack:
        work = Path(tmp)
        sites = build_sites(args.sizes, work)
        stc = Contender(
            "stc", {n: stack.enter_context(serving(s)) for n, s in sites.items()}, STC_IDLE
        )
        contenders = [stc]
        if not args.no_streamlit:
            urls = dict(_streamlit_urls(args.sizes, work, stack))
            contenders.append(Contender("streamlit", urls, STREAMLIT_IDLE))
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        stack.callback(browser.close)
        print(f"Chromium {browser.version}, streamlit {version('streamlit')}", file=sys.stderr)
        for run in range(args.runs):
            print(f"run {run + 1}/{args.runs}", file=sys.stderr)
            for app in args.sizes:
                for who in contenders if run % 2 == 0 else contenders[::-1]:
                    measure(browser, who, app, args.clicks)
    print(report(args.sizes, {who.name: who.samples for who in contenders}, args.runs, args.clicks))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
