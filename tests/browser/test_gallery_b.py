"""sites/gallery_media in Chromium: text extras, media, status and layout render, the
media pipeline serves bytes as blob URLs, KaTeX loads on demand, dialogs stay open
across reruns and close on st.rerun()."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, wait_idle

GALLERY = ROOT / "sites" / "gallery_media" / "app.py"


def open_gallery(page: Page, serve_app: Callable[[Path], str]) -> None:
    page.goto(serve_app(GALLERY))
    wait_idle(page)


def test_text_extras_render(page: Page, guard: PageGuard, serve_app: Callable[[Path], str]) -> None:
    open_gallery(page, serve_app)
    html = page.locator('[data-stc-kind="html"]')
    expect(html.locator("b")).to_have_text("HTML")
    expect(html.locator("script")).to_have_count(0)  # stripped, as in Streamlit
    expect(page.locator(".stc-latex .katex")).to_be_visible()  # KaTeX loaded lazily
    expect(page.locator(".stc-badge-green")).to_have_text("🔥 New")
    expect(page.get_by_text("Emoji 😄 and")).to_be_visible()
    expect(page.locator(".stc-bg-red")).to_have_text("highlighted")
    expect(page.locator('[data-stc-kind="code"]')).to_contain_text("answer = 6 * 7")
    expect(page.locator('[data-stc-kind="help"]')).to_contain_text("len")
    frame = page.frame_locator('[data-stc-kind="iframe"] iframe')
    expect(frame.locator("#inside")).to_have_text("In a frame")
    expect(page.locator('[data-stc-kind="space"]')).to_have_count(1)


def test_media_render_from_blob_urls(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_gallery(page, serve_app)
    square = page.get_by_role("img", name="A red square")
    expect(square).to_be_visible()
    assert square.get_attribute("src").startswith("blob:")
    page.wait_for_function(
        "[...document.querySelectorAll('.stc-image img')]"
        ".every(i => i.complete && i.naturalWidth === 8)"
    )
    expect(page.get_by_text("From a file")).to_be_visible()
    audio = page.locator('[data-stc-kind="audio"] audio')
    assert audio.get_attribute("src").startswith("blob:")
    page.wait_for_function("document.querySelector('[data-stc-kind=audio] audio').duration > 0.09")


def test_status_popover_toast(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_gallery(page, serve_app)
    status = page.locator('[data-stc-kind="status"]')
    expect(status).to_have_attribute("data-state", "complete")
    expect(status.get_by_role("img", name="complete")).to_be_visible()
    expect(status).to_contain_text("Crunched")
    expect(status.get_by_text("step one")).to_be_visible()

    expect(page.get_by_text("Inside the popover")).to_be_hidden()
    page.get_by_role("button", name="Settings").click()
    expect(page.get_by_text("Inside the popover")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_text("Inside the popover")).to_be_hidden()

    page.get_by_role("button", name="Celebrate").click()
    wait_idle(page)
    expect(page.get_by_role("status").filter(has_text="Done!")).to_be_visible()


def test_dialog_opens_survives_input_and_closes(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_gallery(page, serve_app)
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.get_by_role("button", name="Open dialog").click()
    dialog = page.get_by_role("dialog", name="Vote")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_text("Voting for A")).to_be_visible()
    box = dialog.get_by_role("textbox", name="Because")
    box.fill("it is red")
    box.press("Enter")
    wait_idle(page)
    expect(dialog).to_be_visible()  # a rerun that does not call vote() keeps it open
    dialog.get_by_role("button", name="Submit").click()
    wait_idle(page)
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_text("Vote: A: it is red")).to_be_visible()


def test_dialog_dismissed_with_escape(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_gallery(page, serve_app)
    page.get_by_role("button", name="Open dialog").click()
    expect(page.get_by_role("dialog", name="Vote")).to_be_visible()
    page.keyboard.press("Escape")
    wait_idle(page)
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.get_by_role("button", name="Celebrate").click()  # another rerun: stays closed
    wait_idle(page)
    expect(page.get_by_role("dialog")).to_have_count(0)
