"""Start-up snapshots (runtime_wasm/js/snapshot.mjs) in Chromium: a first visit stores
one, a repeat visit in the same browser restores it and the app works as before; a
snapshot that does not restore is replaced by a normal start; a site built with
--no-snapshot stores none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from compiler import BuildOptions, NullReporter, build, serving

from .conftest import ROOT, PageGuard, poll, wait_idle, write_app

pytestmark = pytest.mark.fresh_boot  # they make and restore snapshots themselves

APP = """
import random

import js
import streamlit as st

st.caption(f"dice {[random.randint(1, 6) for _ in range(12)]}")
st.caption(f"isolated {js.crossOriginIsolated}, in {js.navigator.userAgent[:7]}")
st.session_state.visits = st.session_state.get("visits", 0) + 1
name = st.text_input("Name", "snap")
if st.button("Greet"):
    st.write(f"hello {name}")
st.write(f"runs {st.session_state.visits}")
"""

KEYS = """async () => {
  const cache = await caches.open("stc-snapshots");
  return (await cache.keys()).map((r) => r.url);
}"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_app(tmp_path_factory.mktemp("apps"), APP, "snapshot")


def _visit(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    wait_idle(page)
    return page


def _stored(page: Page) -> list[str]:
    """The snapshot URLs in the cache, once the first visit's store has finished."""
    keys = poll(page, KEYS)
    assert keys, "no snapshot was stored within 30 s"
    return list(keys)


def _dice(page: Page) -> str:
    return page.get_by_text("dice [").inner_text()


def test_a_repeat_visit_restores_the_snapshot(
    page: Page, guard: PageGuard, app: Path, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(app)
    page.goto(url)
    wait_idle(page)
    root = page.locator("#stc-root")
    expect(root).to_have_attribute("data-stc-boot", "fresh")
    # The page's globals read as they are, also on the visit that makes the snapshot.
    expect(page.get_by_text("isolated False, in Mozilla")).to_be_visible()
    (key,) = _stored(page)
    assert key.startswith(url + "stc/snapshot/")

    again = _visit(page.context, url)  # a new tab: a new session, from the snapshot
    expect(again.locator("#stc-root")).to_have_attribute("data-stc-boot", "snapshot")
    expect(again.get_by_text("runs 1")).to_be_visible()
    expect(again.get_by_text("isolated False, in Mozilla")).to_be_visible()
    third = _visit(page.context, url)
    expect(third.locator("#stc-root")).to_have_attribute("data-stc-boot", "snapshot")
    # The snapshot holds the random state of the visit that made it: each visit draws
    # its own (12 dice alike by chance: 6**-12).
    assert len({_dice(page), _dice(again), _dice(third)}) == 3
    third.close()
    again.get_by_label("Name").fill("again")
    again.get_by_label("Name").press("Enter")
    again.get_by_role("button", name="Greet").click()
    expect(again.get_by_text("hello again")).to_be_visible()
    expect(again.get_by_text("runs 3")).to_be_visible()
    assert again.evaluate(KEYS) == [key]  # restored, not stored again


def test_a_snapshot_that_does_not_restore_is_replaced(
    page: Page, guard: PageGuard, app: Path, serve_app: Callable[[Path], str]
) -> None:
    url = serve_app(app)
    page.goto(url)
    wait_idle(page)
    (key,) = _stored(page)
    # A damaged entry under this build's key, and an older build's entry beside it.
    page.evaluate(
        """async ([key, old]) => {
          const cache = await caches.open("stc-snapshots");
          await cache.put(key, new Response(new Uint8Array(4096).fill(7)));
          await cache.put(old, new Response("an older build's"));
        }""",
        [key, url + "stc/snapshot/older-build"],
    )
    again = _visit(page.context, url)
    expect(again.locator("#stc-root")).to_have_attribute("data-stc-boot", "fresh")
    expect(again.get_by_text("runs 1")).to_be_visible()
    stored_afresh = """async (key) => {
      const cache = await caches.open("stc-snapshots");
      const found = await cache.match(key);
      const keys = await cache.keys();
      return Boolean(found) && (await found.arrayBuffer()).byteLength > 1e6 && keys.length === 1;
    }"""
    # stored afresh, and the older build's entry is gone
    assert poll(again, stored_afresh, key), "the damaged snapshot was not replaced"
    third = _visit(page.context, url)
    expect(third.locator("#stc-root")).to_have_attribute("data-stc-boot", "snapshot")


def test_a_site_built_without_snapshots_keeps_none(
    page: Page, guard: PageGuard, tmp_path: Path, app: Path
) -> None:
    site = tmp_path / "site"
    build(BuildOptions(app=app, out_dir=site, snapshot=False), NullReporter())
    with serving(site) as url:
        page.goto(url)
        wait_idle(page)
        expect(page.get_by_text("runs 1")).to_be_visible()
        page.wait_for_timeout(1000)
        assert page.evaluate(KEYS) == []
        again = _visit(page.context, url)
        expect(again.locator("#stc-root")).to_have_attribute("data-stc-boot", "fresh")


def test_a_site_with_packages_restores_and_loads_them_again(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    """sites/packages loads humanize (a pure-Python wheel of its own) at boot: the
    snapshot is taken before it, and a restored visit installs it again."""
    url = serve_app(ROOT / "sites" / "packages" / "app.py")
    page.goto(url)
    wait_idle(page)
    expect(page.locator("#stc-root")).to_have_attribute("data-stc-boot", "fresh")
    _stored(page)
    again = _visit(page.context, url)
    expect(again.locator("#stc-root")).to_have_attribute("data-stc-boot", "snapshot")
    table = again.locator('[data-stc-kind="table"]')
    expect(table).to_contain_text("10.1 million")  # humanize.intword, from the wheel
    expect(again.get_by_text("All steps done")).to_be_visible()
