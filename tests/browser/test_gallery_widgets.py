"""sites/gallery in Chromium, part two: the widget families (inputs, buttons and files,
chat) and app structure (layout, status, state), each driven as a visitor would,
with the value the app echoes checked after each interaction."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import PageGuard, wait_idle
from .test_gallery import GALLERY, echo, kinds_present, open_page

pytestmark = pytest.mark.long  # about 1.5 minutes


def test_every_input_echoes_its_value(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    main = open_page(page, serve_app, "inputs/")
    kinds_present(page, "button", "checkbox", "toggle", "radio", "selectbox", "multiselect")
    kinds_present(page, "pills", "segmented_control", "feedback", "slider", "select_slider")
    kinds_present(page, "number_input", "text_input", "text_area", "date_input", "time_input")
    kinds_present(page, "datetime_input", "color_picker", "form", "form_submit_button")

    echo(main, "button: False")
    page.get_by_role("button", name="Press me").click()
    echo(main, "button: True")
    page.get_by_role("checkbox", name="I agree").check()
    echo(main, "checkbox: True")
    echo(main, "button: False")  # a button is True for one run only
    page.get_by_role("switch", name="Dark mode").check()
    echo(main, "toggle: True")
    page.get_by_role("radio", name="Chocolate").check()
    echo(main, "radio: Chocolate")
    page.get_by_label("City").select_option("Lima")
    echo(main, "selectbox: Lima")
    page.get_by_label("Colours").select_option(["Red", "Blue"])
    echo(main, "multiselect: Red, Blue")
    page.get_by_role("slider", name="Level").fill("8")
    echo(main, "slider: 8")
    page.get_by_role("slider", name="Range end").fill("0.9")
    echo(main, "range: 0.25-0.90")
    name = page.get_by_role("textbox", name="Name")
    name.fill("Ada")
    name.press("Enter")
    echo(main, "text_input: Ada")
    bio = page.get_by_role("textbox", name="Bio")
    bio.fill("Hello")
    bio.blur()
    echo(main, "text_area: 5 characters")
    quantity = page.locator('[data-stc-kind="number_input"]')
    quantity.get_by_role("button", name="Increment").click()
    echo(main, "number_input: 2")

    # the newer inputs: select_slider, dates and times, colour, pills, feedback
    echo(main, "select_slider: M")
    page.get_by_role("slider", name="Size").fill("3")
    echo(main, "select_slider: XL")
    delivery = page.locator('[data-stc-kind="slider"]').filter(has_text="Delivery")
    expect(delivery.locator(".stc-slider-value")).to_have_text("Mon 6 May")  # its format
    echo(main, "date_slider: 2024-05-06")
    page.get_by_role("slider", name="Delivery").focus()
    page.keyboard.press("ArrowRight")  # a day
    echo(main, "date_slider: 2024-05-07")
    expect(delivery.locator(".stc-slider-value")).to_have_text("Tue 7 May")
    echo(main, "date_input: 2024-05-01")
    page.get_by_label("Day").fill("2024-06-15")
    echo(main, "date_input: 2024-06-15")
    page.get_by_label("Trip end").fill("2024-05-09")
    echo(main, "date_range: 2024-05-01 to 2024-05-09")
    page.get_by_label("Alarm").fill("07:45")
    echo(main, "time_input: 07:45:00")
    page.get_by_label("Meeting").fill("2024-07-01T10:15")
    echo(main, "datetime_input: 2024-07-01 10:15:00")
    page.get_by_label("Color").fill("#00ff00")
    echo(main, "color_picker: #00ff00")
    page.get_by_role("button", name="Banana").click()
    echo(main, "pills: Banana")
    page.get_by_role("button", name="blue").click()
    echo(main, "pills_multi: ['red', 'blue']")
    page.get_by_role("button", name="Grid").click()
    echo(main, "segmented_control: Grid")
    page.get_by_role("button", name="4 stars").click()
    echo(main, "feedback: 3")


def test_form_waits_for_submit(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_page(page, serve_app, "inputs/")
    form = page.locator('[data-stc-kind="form"]')
    form.get_by_role("textbox", name="Dish").fill("Soup")
    form.get_by_role("checkbox", name="Spicy").check()
    expect(page.get_by_text("form: none False False", exact=True)).to_be_visible()
    form.get_by_role("button", name="Order").click()
    expect(page.get_by_text("form: Soup True True", exact=True)).to_be_visible()


def test_focus_and_dom_nodes_survive_a_rerun(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_page(page, serve_app, "inputs/")
    name = page.get_by_role("textbox", name="Name")
    name.evaluate("el => { el.__tag = 'kept'; }")
    page.locator('[data-stc-kind="title"]').evaluate("el => { el.__tag = 'kept'; }")
    name.fill("Grace")
    name.press("Enter")  # reruns while the input keeps focus
    expect(page.get_by_text("text_input: Grace")).to_be_visible()
    assert name.evaluate("el => el.__tag") == "kept"
    assert name.evaluate("el => document.activeElement === el")
    assert page.locator('[data-stc-kind="title"]').evaluate("el => el.__tag") == "kept"


def test_buttons_and_files(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    main = open_page(page, serve_app, "buttons/")
    kinds_present(page, "link_button", "page_link", "download_button", "menu_button")
    kinds_present(page, "pagination", "file_uploader", "camera_input", "audio_input")

    link = page.get_by_role("link", name="Streamlit docs")
    expect(link).to_have_attribute("href", "https://docs.streamlit.io")
    external = page.get_by_role("link", name="Streamlit on GitHub")
    expect(external).to_have_attribute("href", "https://github.com/streamlit/streamlit")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download notes").click()
    assert download.value.suggested_filename == "notes.txt"
    saved = tmp_path / "notes.txt"
    download.value.save_as(saved)
    assert saved.read_text() == "hello from stc"
    echo(main, "download_button: True")

    echo(main, "menu_button: None")
    page.get_by_role("button", name="Export").click()
    page.get_by_role("menuitem", name="JSON").click()
    echo(main, "menu_button: JSON")

    echo(main, "pagination: 1")
    page.get_by_role("button", name="Page 3").click()
    echo(main, "pagination: 3")
    page.get_by_role("button", name="Next page").click()
    echo(main, "pagination: 4")

    page.get_by_label("Upload a text file").set_input_files(
        files=[{"name": "hello.txt", "mimeType": "text/plain", "buffer": b"hi there"}]
    )
    echo(main, "file_uploader: hello.txt hi there")


def test_camera_and_microphone_handle_a_denied_permission(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    main = open_page(page, serve_app, "buttons/")
    camera = page.locator('[data-stc-kind="camera_input"]')
    expect(camera.get_by_text("Take a picture")).to_be_visible()
    camera.get_by_role("button", name="Take Photo").click()
    expect(camera.get_by_role("status")).to_contain_text("Camera not available")
    echo(main, "camera_input: None")

    echo(main, "audio_input: None")
    page.get_by_role("button", name="Record").click()
    expect(page.locator(".stc-audio-status")).to_contain_text("Microphone not available")
    wait_idle(page)
    guard.check()


def test_chat_echoes_and_streams(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    main = open_page(page, serve_app, "chat/")
    kinds_present(page, "chat_message", "chat_input")
    messages = page.locator('[data-stc-kind="chat_message"]')
    expect(messages).to_have_count(1)  # the greeting
    chat = page.get_by_role("textbox", name="Say something")
    chat.fill("hello")
    chat.press("Enter")
    echo(main, "chat: hello")
    expect(main.get_by_text("echo hello", exact=True)).to_be_visible()  # st.write_stream
    chat.fill("again")
    chat.press("Enter")
    echo(main, "chat: again")
    expect(messages).to_have_count(5)


def test_layout_blocks(page: Page, guard: PageGuard, serve_app: Callable[[Path], str]) -> None:
    main = open_page(page, serve_app, "layout/")
    kinds_present(page, "sidebar", "columns", "column", "tabs", "tab", "expander", "container")
    kinds_present(page, "grid", "empty", "skeleton", "popover", "bottom")
    sidebar = page.locator('[data-stc-kind="sidebar"]')
    expect(sidebar.get_by_role("heading", name="Sidebar")).to_be_visible()
    sidebar.get_by_role("radio", name="Expert").check()
    expect(page.get_by_text("sidebar mode: Expert")).to_be_visible()
    page.get_by_text("Details").click()
    expect(page.locator('[data-stc-kind="json"]')).to_contain_text('"count": 3')
    page.get_by_role("tab", name="Second").click()
    expect(page.get_by_text("In the second tab")).to_be_visible()
    expect(page.get_by_text("placeholder after")).to_be_visible()
    expect(page.locator('[data-stc-kind="column"]')).to_have_count(3)

    scroller = page.locator('[data-stc-kind="container"]').filter(has_text="Scrolling line 8")
    assert scroller.evaluate("el => el.scrollHeight > el.clientHeight")

    # Streamlit 1.67's newer blocks
    echo(main, "Loaded into the skeleton")
    expect(page.locator('[data-stc-kind="skeleton"]')).to_have_count(1)
    grid = page.locator('[data-stc-kind="grid"]')
    expect(grid.get_by_text("Cell Delta")).to_be_visible()
    columns = grid.evaluate("el => getComputedStyle(el).gridTemplateColumns.split(' ').length")
    assert columns == 3
    expect(page.locator(".stc-bottom").get_by_text("Pinned to the bottom")).to_be_visible()

    expect(page.get_by_text("Inside the popover")).to_be_hidden()
    page.get_by_role("button", name="Settings").click()
    expect(page.get_by_text("Inside the popover")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_text("Inside the popover")).to_be_hidden()


def test_fragment_reruns_alone(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    main = open_page(page, serve_app, "layout/")
    echo(main, "fragment body")
    echo(main, "fragment runs: 1")
    echo(main, "page runs: 1")
    page.get_by_role("button", name="Rerun the fragment").click()
    wait_idle(page)
    echo(main, "fragment runs: 2")
    echo(main, "page runs: 1")  # the rest of the page did not run
    page.get_by_role("button", name="Rerun the page").click()
    wait_idle(page)
    echo(main, "fragment runs: 3")
    echo(main, "page runs: 2")


def test_dialog_opens_survives_input_and_closes(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    open_page(page, serve_app, "layout/")
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
    open_page(page, serve_app, "layout/")
    page.get_by_role("button", name="Open dialog").click()
    expect(page.get_by_role("dialog", name="Vote")).to_be_visible()
    wait_idle(page)  # the run that opened it is over: its last render cannot reopen it
    page.keyboard.press("Escape")
    wait_idle(page)
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.get_by_role("button", name="Rerun the page").click()  # another rerun: stays closed
    wait_idle(page)
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_dialog_closed_without_a_cancel_event_is_dismissed(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    # Chrome closes a modal dialog on Esc without firing `cancel` when the page had no
    # user activation since it opened; the app must still hear of the dismissal, or
    # the next render of the dialog would open it again.
    open_page(page, serve_app, "layout/")
    page.get_by_role("button", name="Open dialog").click()
    expect(page.get_by_role("dialog", name="Vote")).to_be_visible()
    wait_idle(page)
    page.evaluate("document.querySelector('dialog.stc-dialog').close()")  # no cancel
    page.wait_for_function(
        "window.stc.status === 'running' || !document.querySelector('dialog.stc-dialog')"
    )
    wait_idle(page)
    expect(page.locator("dialog.stc-dialog")).to_have_count(0)  # the dismissal reran the app


def test_status_family(page: Page, guard: PageGuard, serve_app: Callable[[Path], str]) -> None:
    main = open_page(page, serve_app, "status/")
    kinds_present(page, "success", "info", "warning", "error", "progress", "status")
    expect(page.locator('[data-stc-kind="success"]')).to_contain_text("Saved")
    expect(page.get_by_role("progressbar", name="Loading 100%")).to_have_attribute(
        "aria-valuenow", "100"
    )
    expect(main.get_by_text(re.compile(r"^spinner: done"))).to_be_visible()
    status = page.locator('[data-stc-kind="status"]')
    expect(status).to_have_attribute("data-state", "complete")
    expect(status.get_by_role("img", name="complete")).to_be_visible()
    expect(status).to_contain_text("Crunched")
    expect(status.get_by_text("step one")).to_be_visible()

    page.get_by_role("button", name="Celebrate").click()
    wait_idle(page)
    expect(page.get_by_role("status").filter(has_text="Done!")).to_be_visible()

    expect(page.locator('[data-stc-kind="exception"]')).to_have_count(0)
    page.get_by_role("button", name="Catch an exception").click()
    wait_idle(page)
    exc = page.locator('[data-stc-kind="exception"]')
    expect(exc).to_contain_text("ValueError")
    expect(exc).to_contain_text("invalid literal for int() with base 10: 'forty-two'")


def test_state_family(page: Page, guard: PageGuard, serve_app: Callable[[Path], str]) -> None:
    url = serve_app(GALLERY)
    main = open_page(page, serve_app, "state/")
    echo(main, "count: 0")
    page.get_by_role("button", name="Add one").click()
    echo(main, "count: 1")

    echo(main, "query_params: {'flavour': 'vanilla'}")
    page.get_by_label("Flavour in the URL").select_option("mint")
    echo(main, "query_params: {'flavour': 'mint'}")
    page.wait_for_url(f"{url}state/?flavour=mint")

    echo(main, f"context.url: {url}state/")  # without the query, as in Streamlit
    echo(main, "context.is_embedded: False")
    echo(main, "cache_data: [0, 1, 4, 9, 16]")
    echo(main, "secrets: 0 entries")
    echo(main, "user.is_logged_in: False")
    echo(main, "client.toolbarMode: auto")

    # Session state is one for all pages: it survives a trip to another page.
    nav = page.get_by_role("navigation", name="Pages")
    nav.get_by_role("link", name="Chat").click()
    wait_idle(page)
    nav.get_by_role("link", name="State").click()
    wait_idle(page)
    echo(main, "count: 1")
