"""sites/gallery_more in Chromium: Streamlit 1.67's newer elements render and answer
a visitor (pagination, menu_button; a denied microphone is a message, not an error)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, wait_idle

GALLERY = ROOT / "sites" / "gallery_more" / "app.py"


def test_more_elements_render_and_answer(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.goto(serve_app(GALLERY))
    wait_idle(page)
    main = page.locator('[data-stc-kind="main"]')

    def echo(text: str) -> None:
        expect(main.get_by_text(text, exact=True)).to_be_visible()

    expect(page.locator(".stc-logo img")).to_be_visible()
    echo("Loaded into the skeleton")
    expect(page.locator('[data-stc-kind="skeleton"]')).to_have_count(1)
    grid = page.locator('[data-stc-kind="grid"]')
    expect(grid.get_by_text("Cell Delta")).to_be_visible()
    columns = grid.evaluate("el => getComputedStyle(el).gridTemplateColumns.split(' ').length")
    assert columns == 3
    echo("secrets: 0 entries")
    echo("user.is_logged_in: False")
    echo("client.toolbarMode: auto")
    expect(page.locator(".stc-bottom").get_by_text("Pinned to the bottom")).to_be_visible()

    echo("pagination: 1")
    page.get_by_role("button", name="Page 3").click()
    echo("pagination: 3")
    page.get_by_role("button", name="Next page").click()
    echo("pagination: 4")

    echo("menu_button: None")
    page.get_by_role("button", name="Export").click()
    page.get_by_role("menuitem", name="JSON").click()
    echo("menu_button: JSON")

    echo("audio_input: None")
    page.get_by_role("button", name="Record").click()
    expect(page.locator(".stc-audio-status")).to_contain_text("Microphone not available")
    wait_idle(page)
    guard.check()
