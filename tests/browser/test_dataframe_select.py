"""st.dataframe selections in Chromium: rows, columns and cells picked by clicking and
by keyboard come back to the app as Streamlit's selection state, survive reruns
without redrawing the table, and a selection the app sets shows on the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from .conftest import PageGuard, wait_idle, write_app

# Records and a dict of lists: the browser has no pandas.
APP = """
import streamlit as st

animals = [{"name": "ant", "legs": 6}, {"name": "bee", "legs": 6}, {"name": "cat", "legs": 4}]
if st.button("Pick legs"):
    st.session_state.animals = {"selection": {"columns": ["legs"]}}
event = st.dataframe(
    animals, key="animals", on_select="rerun", selection_mode=["multi-row", "multi-column"]
)
st.text(f"animals: {event.selection}")

def picked():
    st.session_state.calls = st.session_state.get("calls", 0) + 1

one = st.dataframe(
    {"x": [10, 20, 30]},
    key="one",
    on_select=picked,
    selection_mode="single-row",
    selection_default={"selection": {"rows": [1]}},
)
st.text(f"one: {one.selection.rows} calls: {st.session_state.get('calls', 0)}")

cells = st.dataframe(
    {"a": [1, 2], "b": [3, 4], "c": [5, 6]},
    key="cells",
    on_select="rerun",
    selection_mode="multi-cell",
    column_order=["c", "a"],
)
st.text(f"cells: {cells.selection.cells}")
st.button("Rerun")
"""


def _frame(page: Page, key: str) -> Locator:
    return page.locator(f'[data-stc-kind="dataframe"][data-stc-id$="-{key}"]')


def test_selections_round_trip(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(write_app(tmp_path, APP, "dataframe_select")))
    wait_idle(page)
    animals = _frame(page, "animals")
    expect(page.get_by_text("animals: {'rows': [], 'columns': [], 'cells': []}")).to_be_visible()
    expect(animals.get_by_role("grid", name="Dataframe")).to_have_attribute(
        "aria-multiselectable", "true"
    )
    # Tag the table: a redraw would replace it.
    animals.locator("table").evaluate("t => { t.dataset.probe = 'kept'; }")

    animals.get_by_role("checkbox", name="Select row 3").check()
    expect(page.get_by_text("animals: {'rows': [2], 'columns': [], 'cells': []}")).to_be_visible()
    animals.get_by_role("checkbox", name="Select row 1").check()
    animals.get_by_role("button", name="Select column name").click()
    expect(
        page.get_by_text("animals: {'rows': [0, 2], 'columns': ['name'], 'cells': []}")
    ).to_be_visible()
    wait_idle(page)
    rows = animals.locator("tbody tr")
    expect(rows.nth(0)).to_have_attribute("aria-selected", "true")
    expect(rows.nth(1)).to_have_attribute("aria-selected", "false")
    expect(animals.get_by_role("button", name="Select column name")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(animals.get_by_role("checkbox", name="Select all rows")).to_have_js_property(
        "indeterminate", True
    )

    # Another widget's rerun keeps the selection, and the table is not redrawn.
    page.get_by_role("button", name="Rerun").click()
    wait_idle(page)
    expect(
        page.get_by_text("animals: {'rows': [0, 2], 'columns': ['name'], 'cells': []}")
    ).to_be_visible()
    expect(animals.get_by_role("checkbox", name="Select row 3")).to_be_checked()
    expect(animals.locator("table")).to_have_attribute("data-probe", "kept")

    # Unchecking and select-all.
    animals.get_by_role("checkbox", name="Select row 1").uncheck()
    expect(
        page.get_by_text("animals: {'rows': [2], 'columns': ['name'], 'cells': []}")
    ).to_be_visible()
    animals.get_by_role("checkbox", name="Select all rows").check()
    expect(
        page.get_by_text("animals: {'rows': [0, 1, 2], 'columns': ['name'], 'cells': []}")
    ).to_be_visible()

    # A selection the app sets replaces the page's.
    page.get_by_role("button", name="Pick legs").click()
    expect(
        page.get_by_text("animals: {'rows': [], 'columns': ['legs'], 'cells': []}")
    ).to_be_visible()
    wait_idle(page)
    expect(animals.get_by_role("button", name="Select column legs")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(animals.get_by_role("checkbox", name="Select row 3")).not_to_be_checked()


def test_single_row_default_and_callback(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(write_app(tmp_path, APP, "dataframe_select")))
    wait_idle(page)
    one = _frame(page, "one")
    expect(page.get_by_text("one: [1] calls: 0")).to_be_visible()
    expect(one.get_by_role("checkbox", name="Select row 2")).to_be_checked()
    # A range index is hidden when rows are selectable, as in Streamlit.
    expect(one.locator("th.stc-index")).to_have_count(0)
    one.get_by_role("checkbox", name="Select row 3").check()
    expect(page.get_by_text("one: [2] calls: 1")).to_be_visible()
    wait_idle(page)
    expect(one.get_by_role("checkbox", name="Select row 2")).not_to_be_checked()
    one.get_by_role("checkbox", name="Select row 3").uncheck()
    expect(page.get_by_text("one: [] calls: 2")).to_be_visible()


def test_cells_by_click_and_keyboard(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(write_app(tmp_path, APP, "dataframe_select")))
    wait_idle(page)
    grid = _frame(page, "cells")
    expect(grid.locator("thead th")).to_have_text(["c", "a"])  # column_order
    cells = grid.get_by_role("gridcell")
    expect(cells).to_have_count(4)
    cells.nth(0).click()  # row 0, column "c"
    expect(page.get_by_text("cells: [(0, 'c')]")).to_be_visible()
    cells.nth(3).click(modifiers=["Shift"])  # to row 1, column "a": the rectangle
    expect(page.get_by_text("cells: [(0, 'c'), (0, 'a'), (1, 'c'), (1, 'a')]")).to_be_visible()
    wait_idle(page)
    expect(grid.locator('td[aria-selected="true"]')).to_have_count(4)
    cells.nth(1).click()  # toggles (0, "a") off
    expect(page.get_by_text("cells: [(0, 'c'), (1, 'c'), (1, 'a')]")).to_be_visible()
    wait_idle(page)

    # Keyboard: the focused cell moves with the arrows; Enter toggles it.
    expect(cells.nth(1)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(cells.nth(3)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("cells: [(0, 'c'), (1, 'c')]")).to_be_visible()
    wait_idle(page)
    expect(cells.nth(3)).to_be_focused()  # the rerun kept the focus
    expect(cells.nth(3)).to_have_attribute("aria-selected", "false")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press(" ")
    expect(page.get_by_text("cells: [(0, 'c')]")).to_be_visible()


BIG = """
import streamlit as st

rows = [{"id": i, "name": f"row {i}"} for i in range(100_000)]
event = st.dataframe(rows, key="big", on_select="rerun", selection_mode="multi-row")
st.text(f"big: {event.selection.rows}")
"""

_DRAWN = "el => el.querySelectorAll('tbody tr[data-row]').length"


def test_a_big_dataframe_draws_only_the_rows_in_view(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str], tmp_path: Path
) -> None:
    page.goto(serve_app(write_app(tmp_path, BIG, "dataframe_big")))
    wait_idle(page)
    frame = _frame(page, "big")
    expect(frame.get_by_role("grid", name="Dataframe")).to_have_attribute("aria-rowcount", "100001")
    expect(frame.get_by_role("gridcell", name="row 0", exact=True)).to_be_visible()
    assert 0 < frame.evaluate(_DRAWN) < 150  # a window of rows, not 100,000
    box = frame.bounding_box()
    assert box is not None and box["height"] < 500  # it scrolls in its own box

    # Scrolled to the end, the last rows are drawn (and still only a window of them).
    frame.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    expect(frame.get_by_role("gridcell", name="row 99999", exact=True)).to_be_in_viewport()
    assert frame.evaluate(_DRAWN) < 150
    frame.get_by_role("checkbox", name="Select row 100000").check()
    expect(page.get_by_text("big: [99999]")).to_be_visible()
    wait_idle(page)
    expect(frame.locator('tr[data-row="99999"]')).to_have_attribute("aria-selected", "true")

    # The arrow keys walk the row checkboxes past the drawn window.
    frame.evaluate("el => { el.scrollTop = 0; }")
    expect(frame.get_by_role("gridcell", name="row 0", exact=True)).to_be_in_viewport()
    first = frame.get_by_role("checkbox", name="Select row 1", exact=True)
    first.focus()
    for _ in range(60):
        page.keyboard.press("ArrowDown")
    expect(frame.get_by_role("checkbox", name="Select row 61", exact=True)).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_text("big: [60, 99999]")).to_be_visible()
