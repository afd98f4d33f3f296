"""A site whose files are cut short, altered or missing says so, naming the file,
instead of failing inside Pyodide ("/tmp/tmpab12 is not a zip file").

The damage is done on the way to the browser (Playwright routes), so the one built
site of ``busy_app`` stays intact for the other tests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.request import urlopen

import pytest
from playwright.sync_api import Page, Route, expect

from .conftest import PageGuard


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _one_bit_flipped(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]


@pytest.mark.parametrize(
    ("file", "damage", "problem"),
    [
        ("stc/runtime.zip.gz", _truncated, "bytes instead of"),
        ("stc/app.zip", _one_bit_flipped, "differs from the file the build wrote"),
        ("stc/app.zip", None, "is missing (HTTP 404)"),
        ("stc/stdlib.zip.gz", None, "is missing (HTTP 404)"),
        ("stc/stdlib.zip.gz", _truncated, "bytes instead of"),
    ],
    ids=[
        "truncated runtime",
        "corrupted app",
        "missing app",
        "missing stdlib (Pyodide loads it)",
        "truncated stdlib (checked as Pyodide loads it)",
    ],
)
def test_a_damaged_file_is_named(
    page: Page,
    guard: PageGuard,
    serve_app: Callable[[Path], str],
    busy_app: Path,
    file: str,
    damage: Callable[[bytes], bytes] | None,
    problem: str,
) -> None:
    url = serve_app(busy_app)
    if damage is None:
        if file == "stc/stdlib.zip.gz":  # Pyodide's loader fetches it, and logs its failure
            guard.allowed_errors.append(f"Failed to load '{url}{file}'")

        def serve(route: Route) -> None:
            route.fulfill(status=404, body="not found")
    else:
        if file == "stc/stdlib.zip.gz":  # Pyodide's loader logs the error it was handed
            guard.allowed_errors.append(f"This site is damaged or only partly uploaded: {file}")
        with urlopen(url + file) as response:
            body = damage(response.read())

        def serve(route: Route) -> None:
            route.fulfill(status=200, body=body, content_type="application/zip")

    page.route(f"**/{file}", serve)
    page.goto(url)
    expect(page.locator("#stc-root")).to_have_attribute("data-stc-status", "error", timeout=60_000)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(f"This site is damaged or only partly uploaded: {file} ")
    expect(alert).to_contain_text(problem)
    expect(alert).to_contain_text("upload the whole folder again")
    expect(alert).not_to_contain_text("zip file")  # not Pyodide's traceback
