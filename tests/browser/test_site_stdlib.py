"""The site's own stdlib.zip in Chromium: the first run imports from it alone, and a
module it left out (imported by a name only known at run time) still imports, from
Pyodide's full zip, downloaded once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import PageGuard, wait_idle, write_app

APP = """
import difflib
import importlib
import streamlit as st

st.write(f"ratio {difflib.SequenceMatcher(None, 'abcd', 'abce').ratio():.2f}")
if st.button("Import at run time"):
    minidom = importlib.import_module("xml.dom." + "minidom")
    doc = minidom.parseString("<a><b>deep</b></a>")
    st.write("parsed", doc.getElementsByTagName("b")[0].firstChild.data)
    st.write("encoded", "é".encode("cp" + "1250").hex())
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_app(tmp_path_factory.mktemp("apps"), APP, "stdlib")


def test_left_out_modules_import_from_the_full_stdlib_fetched_once(
    page: Page, guard: PageGuard, app: Path, serve_app: Callable[[Path], str]
) -> None:
    stdlib_requests: list[str] = []
    page.on(
        "request",
        lambda r: (
            r.url.endswith(("stdlib.zip.gz", "python_stdlib.zip")) and stdlib_requests.append(r.url)
        ),
    )
    page.goto(serve_app(app))
    wait_idle(page)
    expect(page.get_by_text("ratio 0.75")).to_be_visible()  # difflib: the app imports it
    assert [u.rsplit("/", 2)[-2:] for u in stdlib_requests] == [["stc", "stdlib.zip.gz"]]

    page.get_by_role("button", name="Import at run time").click()
    expect(page.get_by_text("parsed deep")).to_be_visible()
    expect(page.get_by_text("encoded e9")).to_be_visible()  # encodings.cp1250, left out too
    assert [u.rsplit("/", 2)[-2:] for u in stdlib_requests] == [
        ["stc", "stdlib.zip.gz"],
        ["pyodide", "python_stdlib.zip"],
    ]
    page.get_by_role("button", name="Import at run time").click()  # nothing fetched again
    wait_idle(page)
    expect(page.get_by_text("parsed deep")).to_be_visible()
    assert len(stdlib_requests) == 2
