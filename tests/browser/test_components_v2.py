"""``st.components.v2`` in Chromium (issue 18): the app's inline module runs in a
shadow root with its CSS, its button sends a trigger value and a state value in one
update, the app shows both after that one rerun, the trigger lasts one run, and the
module's cleanup runs when the element leaves the page. Styles do not cross the
shadow root either way; ``isolate_styles=False`` mounts in the page's own DOM.

The app is sites/components_v2; the Python half (callbacks, session state, errors) is
tests/unit/test_components_v2.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, poll, wait_idle

APP = ROOT / "sites" / "components_v2" / "app.py"


def _runs(page: Page) -> int:
    text = page.get_by_text("runs: ").inner_text()
    return int(text.removeprefix("runs: "))


def test_a_component_sends_trigger_and_state_in_one_rerun_and_cleans_up(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.goto(serve_app(APP))
    wait_idle(page)
    # Playwright's CSS locators pierce open shadow roots.
    button = page.locator(".press")
    expect(button).to_have_text("Press me")
    expect(page.locator(".info")).to_have_text("counter shadow=true st-bidi-component-1")
    expect(page.get_by_text("clicked: None, count: 0")).to_be_visible()
    before = _runs(page)

    button.click()
    expect(page.get_by_text("clicked: yes, count: 1")).to_be_visible()
    wait_idle(page)
    assert _runs(page) == before + 1  # both values in one update: one rerun

    page.get_by_role("button", name="Rerun").click()
    expect(page.get_by_text("clicked: None, count: 1")).to_be_visible()  # a trigger: one run
    button.click()
    expect(page.get_by_text("clicked: yes, count: 2")).to_be_visible()
    # new data calls the module again, in the same root; its cleanup waits for the end
    assert poll(page, "() => window.__mounts") >= 2
    assert page.evaluate("() => window.__cleanups ?? 0") == 0

    page.get_by_text("Hide the counter").click()
    expect(button).to_have_count(0)
    assert poll(page, "() => window.__cleanups") == 1


def test_styles_do_not_cross_the_shadow_root(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.goto(serve_app(APP))
    wait_idle(page)
    expect(page.locator(".press")).to_have_text("Press me")
    colors = page.evaluate(
        """() => {
        const color = (el) => getComputedStyle(el).color;
        const host = document.querySelector('[data-stc-kind="bidi_component"] .stc-bidi-host');
        const root = host.shadowRoot;
        const light = [...document.querySelectorAll('[data-stc-kind="bidi_component"]')]
            .map((el) => el.querySelector('.stc-bidi-host')).find((el) => !el.shadowRoot);
        const outside = [...document.querySelectorAll('[data-stc-kind="markdown"] p')]
            .find((p) => p.textContent === 'outside paragraph');
        return {
            inButton: color(root.querySelector('.press')),
            inLeaky: color(root.querySelector('.leaky')),
            outsideP: color(outside),
            plainLeaky: color(light.querySelector('.leaky')),
            plainLight: light.dataset.light,
            plainBytes: light.dataset.bytes,
            primary: getComputedStyle(host).getPropertyValue('--st-primary-color').trim(),
        };
    }"""
    )
    assert colors["inButton"] == "rgb(1, 2, 3)"  # its own CSS applies inside
    assert colors["outsideP"] != "rgb(1, 2, 3)"  # and not to the app's paragraphs
    assert colors["plainLeaky"] == "rgb(4, 5, 6)"  # a plain component's CSS is the page's
    assert colors["inLeaky"] != "rgb(4, 5, 6)"  # which does not reach into the shadow root
    assert colors["plainLight"] == "true"  # isolate_styles=False: parentElement is the div
    assert colors["plainBytes"] == "Uint8Array 1,2,255"  # data=bytes
    assert colors["primary"]  # the theme as --st-* properties, inherited inside
