"""How much stc's pages look like Streamlit's: the gallery side by side (issue 19).

Builds ``sites/gallery`` with stc and starts ``streamlit run`` on it, opens every page
of both at the same viewport in headless Chromium, and pairs each stc element with
the Streamlit element that shows the same first line of text (a label, a heading, a
button's caption), in page order. Each pair is compared on:

- type: the computed font family (first name), size, weight and colour of the
  element that holds that first line of text;
- box: the element's height;
- pixels: the two elements' screenshots, the smaller one's size, the share of pixels
  whose colour differs by more than a few levels.

Prints one Markdown table, one row per element kind (its worst pair), and how many
kinds are within tolerance of all kinds paired. Elements without text (charts,
images, dividers) cannot be paired this way and are not counted.

    python bench/parity.py [--pages text inputs ...] [--show-pairs]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from contextlib import ExitStack, redirect_stderr
from dataclasses import dataclass, field
from pathlib import Path

from _browser import streamlit_server
from _parity_compare import Sample, compare, pixel_difference
from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compiler import serving  # noqa: E402
from compiler.cli import main as stc_main  # noqa: E402
from compiler.devtools._chromium import LAUNCH_ARGS, chromium_path  # noqa: E402

GALLERY = ROOT / "sites" / "gallery"
PAGES = ["text", "data", "inputs", "buttons", "chat", "layout", "status", "state"]
VIEWPORT = {"width": 1280, "height": 1000}

# Every element of the page with its first line of text, its box and the type of the
# node that holds that text. `selector` picks the elements; nested ones are skipped
# (a container's label belongs to the container, its children are paired alone).
SAMPLE_SCRIPT = """
(selector) => {
  const HIDDEN = "[hidden], .stc-sr-only, [aria-hidden='true']";
  const firstText = (el) => {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.textContent.trim() && !n.parentElement.closest(HIDDEN)
          ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
    });
    return walk.nextNode();
  };
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.parentElement.closest(selector)) continue;
    const node = firstText(el);
    const box = el.getBoundingClientRect();
    if (!node || box.width === 0 || box.height === 0) continue;
    const holder = node.parentElement;
    const style = getComputedStyle(holder);
    out.push({
      kind: el.dataset.stcKind || el.querySelector("[data-testid]")?.dataset.testid || "?",
      text: node.textContent.trim().split("\\n")[0].slice(0, 60),
      family: style.fontFamily.split(",")[0].replaceAll('"', "").trim(),
      size: parseFloat(style.fontSize),
      weight: Number(style.fontWeight),
      color: style.color,
      width: box.width,
      height: box.height,
      index: out.length,
    });
  }
  return out;
}
"""
STC_ELEMENTS = "#stc-root .stc-main .stc-element:not(.stc-kind-container):not(.stc-kind-column)"
ST_ELEMENTS = '[data-testid="stMain"] [data-testid="stElementContainer"]'
STC_IDLE = "window.stc && window.stc.status === 'idle'"
ST_IDLE = "!document.querySelector('[data-testid=\"stStatusWidget\"]')"


@dataclass
class KindRow:
    kind: str
    pairs: int = 0
    worst: list[str] = field(default_factory=list)  # what was out of tolerance
    pixels: float = 0.0  # the worst pair's share of differing pixels


def _settle(page: Page, ready: str, elements: str) -> None:
    page.wait_for_selector(elements, state="attached", timeout=120_000)
    page.wait_for_function(ready, timeout=120_000)
    time.sleep(2.0)  # Streamlit draws as elements arrive; fonts and images load
    page.evaluate("document.fonts.ready")


def _samples(page: Page, selector: str) -> list[Sample]:
    return [Sample(**s) for s in page.evaluate(SAMPLE_SCRIPT, selector)]


def _shot(page: Page, selector: str, index: int) -> bytes | None:
    """The element's screenshot; None when it cannot be taken (hidden since sampled)."""
    try:
        return page.locator(selector).nth(index).screenshot(animations="disabled", timeout=5_000)
    except PlaywrightTimeout:
        return None


def _pairs(ours: list[Sample], theirs: list[Sample]) -> list[tuple[Sample, Sample]]:
    """Pair elements showing the same first line, in page order (each used once)."""
    pairs, start = [], 0
    for mine in ours:
        for j in range(start, len(theirs)):
            if theirs[j].text == mine.text:
                pairs.append((mine, theirs[j]))
                start = j + 1
                break
    return pairs


def run(pages: list[str], show_pairs: bool) -> dict[str, KindRow]:
    rows: dict[str, KindRow] = {}
    with sync_playwright() as playwright, ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        with redirect_stderr(io.StringIO()):
            code = stc_main(["build", str(GALLERY / "app.py"), "-o", str(folder / "site")])
        if code != 0:
            raise SystemExit(f"stc build failed ({code})")
        stc_url = stack.enter_context(serving(folder / "site"))
        st_url = stack.enter_context(streamlit_server(GALLERY / "app.py"))
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        stack.callback(browser.close)
        ours_page = browser.new_page(viewport=VIEWPORT)
        theirs_page = browser.new_page(viewport=VIEWPORT)
        for name in pages:
            ours_page.goto(f"{stc_url}{name}/")
            theirs_page.goto(f"{st_url}{name}")
            try:
                contender = "stc"
                _settle(ours_page, STC_IDLE, STC_ELEMENTS)
                contender = "streamlit run"
                _settle(theirs_page, ST_IDLE, ST_ELEMENTS)
            except PlaywrightTimeout as err:
                print(f"{name}: skipped, {contender}'s page did not settle ({err.message[:80]})")
                continue
            ours, theirs = _samples(ours_page, STC_ELEMENTS), _samples(theirs_page, ST_ELEMENTS)
            for mine, other in _pairs(ours, theirs):
                faults = compare(mine, other)
                shots = (
                    _shot(ours_page, STC_ELEMENTS, mine.index),
                    _shot(theirs_page, ST_ELEMENTS, other.index),
                )
                if shots[0] is None or shots[1] is None:
                    continue
                pixels = pixel_difference(*shots)
                row = rows.setdefault(mine.kind, KindRow(mine.kind))
                row.pairs += 1
                if len(faults) > len(row.worst) or (faults == row.worst and pixels > row.pixels):
                    row.worst = faults
                row.pixels = max(row.pixels, pixels)
                if show_pairs:
                    print(f"{name:8} {mine.kind:16} {mine.text[:28]!r:30} {pixels:6.1%} {faults}")
    return rows


PIXELS_TOLERANCE = 0.15


def report(rows: dict[str, KindRow], pages: list[str]) -> str:
    lines = [
        "| element kind | pairs | type and box (worst pair) | pixels differing (worst) | within |",
        "|---|---|---|---|---|",
    ]
    within = 0
    for row in sorted(rows.values(), key=lambda r: (-len(r.worst), -r.pixels, r.kind)):
        ok = not row.worst and row.pixels <= PIXELS_TOLERANCE
        within += ok
        faults = "; ".join(row.worst) or "same"
        lines.append(
            f"| {row.kind} | {row.pairs} | {faults} | {row.pixels:.0%} | {'yes' if ok else 'no'} |"
        )
    lines += [
        "",
        f"Kinds within tolerance: {within} / {len(rows)} (gallery pages: {', '.join(pages)}; "
        f"viewport {VIEWPORT['width']}x{VIEWPORT['height']}; pixels within "
        f"{PIXELS_TOLERANCE:.0%}).",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=PAGES, choices=PAGES, metavar="PAGE")
    parser.add_argument("--show-pairs", action="store_true", help="print every pair compared")
    args = parser.parse_args()
    print(report(run(args.pages, args.show_pairs), args.pages))


if __name__ == "__main__":
    main()
