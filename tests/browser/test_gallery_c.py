"""sites/gallery_inputs in Chromium: every part C input, driven as a visitor would,
with its echo checked after each interaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import ROOT, PageGuard, wait_idle

GALLERY = ROOT / "sites" / "gallery_inputs" / "app.py"


def test_every_input_echoes_its_value(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(GALLERY))
    wait_idle(page)
    main = page.locator('[data-stc-kind="main"]')

    def echo(text: str) -> None:
        expect(main.get_by_text(text, exact=True)).to_be_visible()

    echo("select_slider: M")
    page.get_by_role("slider", name="Size").fill("3")
    echo("select_slider: XL")

    echo("date_input: 2024-05-01")
    page.get_by_label("Day").fill("2024-06-15")
    echo("date_input: 2024-06-15")
    page.get_by_label("Trip end").fill("2024-05-09")
    echo("date_range: 2024-05-01 to 2024-05-09")

    page.get_by_label("Alarm").fill("07:45")
    echo("time_input: 07:45:00")
    page.get_by_label("Meeting").fill("2024-07-01T10:15")
    echo("datetime_input: 2024-07-01 10:15:00")

    page.get_by_label("Color").fill("#00ff00")
    echo("color_picker: #00ff00")

    page.get_by_role("button", name="Banana").click()
    echo("pills: Banana")
    page.get_by_role("button", name="blue").click()
    echo("pills_multi: ['red', 'blue']")
    page.get_by_role("button", name="Grid").click()
    echo("segmented_control: Grid")
    page.get_by_role("button", name="4 stars").click()
    echo("feedback: 3")

    link = page.get_by_role("link", name="Streamlit docs")
    expect(link).to_have_attribute("href", "https://docs.streamlit.io")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download notes").click()
    assert download.value.suggested_filename == "notes.txt"
    saved = tmp_path / "notes.txt"
    download.value.save_as(saved)
    assert saved.read_text() == "hello from stc"
    echo("download_button: True")

    page.get_by_label("Upload a text file").set_input_files(
        files=[{"name": "hello.txt", "mimeType": "text/plain", "buffer": b"hi there"}]
    )
    echo("file_uploader: hello.txt hi there")

    page.get_by_label("Quantity, row 2").fill("7")
    page.get_by_label("Quantity, row 2").press("Enter")
    echo("data_editor: {'item': ['pen', 'ink'], 'qty': [1, 7], 'ok': [True, False]}")
    page.get_by_role("button", name="Add row").click()
    page.get_by_label("item, new row 1").fill("nib")
    page.get_by_label("item, new row 1").press("Enter")
    echo(
        "data_editor: {'item': ['pen', 'ink', 'nib'], 'qty': [1, 7, None], "
        "'ok': [True, False, None]}"
    )

    chat = page.get_by_role("textbox", name="Say something")
    chat.fill("hello")
    chat.press("Enter")
    echo("chat: hello")
    expect(main.get_by_text("echo hello", exact=True)).to_be_visible()
    chat.fill("again")
    chat.press("Enter")
    echo("chat: again")
    expect(page.locator('[data-stc-kind="chat_message"]')).to_have_count(4)


def test_camera_input_handles_a_denied_permission(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.goto(serve_app(GALLERY))
    wait_idle(page)
    camera = page.locator('[data-stc-kind="camera_input"]')
    expect(camera.get_by_text("Take a picture")).to_be_visible()
    camera.get_by_role("button", name="Take Photo").click()
    expect(camera.get_by_role("status")).to_contain_text("Camera not available")
    expect(page.locator('[data-stc-kind="main"]').get_by_text("camera_input: None")).to_be_visible()
