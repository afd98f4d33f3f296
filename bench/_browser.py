"""What bench/run.py and bench/growth.py share: timing scripts run in the page, and a
``streamlit run`` server to compare with.

Times are taken inside the page (``performance.now()``), so the Playwright round trip
is not in them: an init script records when the counter text first appears, from
navigation start; a MutationObserver times a click until the count changes.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page

__all__ = [
    "CLICK_SCRIPT",
    "FIRST_TEXT_SCRIPT",
    "click_latencies",
    "first_text_ms",
    "free_port",
    "streamlit_server",
    "summarise",
    "summarise_fine",
]

# Records when text matching the counter first shows up, from navigation start.
FIRST_TEXT_SCRIPT = """
(() => {
  const seen = () => document.body && /Count: \\d+/.test(document.body.innerText);
  const obs = new MutationObserver(() => {
    if (window.__firstText === undefined && seen()) {
      window.__firstText = performance.now();
      obs.disconnect();
    }
  });
  document.addEventListener("DOMContentLoaded", () => {
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
})();
"""

# Clicks the button labelled *label* and resolves with the ms until the count text changes.
CLICK_SCRIPT = """
async (label) => {
  const read = () => (document.body.innerText.match(/Count: (\\d+)/) || [])[1];
  const before = read();
  const button = [...document.querySelectorAll("button")]
    .find((b) => b.innerText.trim() === label);
  return await new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      if (read() !== before) { obs.disconnect(); resolve(performance.now() - t0); }
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    const t0 = performance.now();
    button.click();
  });
}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def first_text_ms(browser: Browser, url: str, ready: str) -> tuple[float, Page]:
    context = browser.new_context()
    context.add_init_script(FIRST_TEXT_SCRIPT)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.__firstText !== undefined", timeout=120_000)
    if ready:
        page.wait_for_function(ready, timeout=60_000)
    return float(page.evaluate("window.__firstText")), page


def click_latencies(page: Page, clicks: int, settle: str, label: str = "Increment") -> list[float]:
    times = []
    for _ in range(clicks):
        times.append(float(page.evaluate(CLICK_SCRIPT, label)))
        if settle:
            page.wait_for_function(settle, timeout=30_000)
    return times


@contextmanager
def streamlit_server(app: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(app),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "_stcore/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def summarise(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"{statistics.median(values):.0f} ms ({min(values):.0f}-{max(values):.0f})"


def summarise_fine(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ms (p90 {sorted(values)[int(len(values) * 0.9)]:.1f})"
