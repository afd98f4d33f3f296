"""sites/packages in Chromium: the app's own modules, a data file and a PyPI package.

The site is built offline from the cache after the first run; the page must not
make a single request off localhost (the ``guard`` fixture), so the vendored
wheel really comes from the site's ``packages/`` folder through its own lock file.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from compiler import BuildOptions, NullReporter, build, serving
from compiler.analyse._analyse import analyse
from compiler.analyse._parse import parse

from .conftest import ROOT, PageGuard, wait_idle

PACKAGES = ROOT / "sites" / "packages" / "app.py"


# Records every value the page's progress bar shows, as the page shows it.
RECORD_PROGRESS = """
window.__progress = [];
new MutationObserver(() => {
  const bar = document.querySelector('[role="progressbar"]');
  const value = bar && Number(bar.getAttribute("aria-valuenow"));
  if (bar && window.__progress.at(-1) !== value) window.__progress.push(value);
}).observe(document, { subtree: true, childList: true, attributes: true });
"""


def test_packages_site_runs_offline(
    page: Page, guard: PageGuard, serve_app: Callable[[Path], str]
) -> None:
    page.add_init_script(RECORD_PROGRESS)
    page.goto(serve_app(PACKAGES))
    wait_idle(page)
    # time.sleep became await asyncio.sleep: the bar moved while the script ran.
    expect(page.get_by_text("All steps done")).to_be_visible()
    seen = page.evaluate("window.__progress")
    assert seen[-1] == 100
    assert any(0 < v < 100 for v in seen), seen
    assert seen == sorted(seen), seen
    main = page.locator('[data-stc-kind="main"]')
    expect(page.get_by_role("heading", name="Packages")).to_be_visible()
    expect(main).to_contain_text("Hello from helpers.py, running in the browser")
    expect(main).to_contain_text("3 cities, warmest Cairo at 35.0 °C")
    table = page.locator('[data-stc-kind="table"]')
    expect(table).to_contain_text("Lima")
    expect(table).to_contain_text("24.0")  # mylib.units.to_celsius(75.2)
    expect(table).to_contain_text("10.1 million")  # humanize.intword, from the wheel
    expect(table).to_contain_text("22.2 million")
    expect(main).to_contain_text("13.5 MB")  # humanize.naturalsize


def test_an_import_alone_brings_its_package(page: Page, guard: PageGuard, tmp_path: Path) -> None:
    """No requirements.txt: the import of ``tabulate`` is enough (needs the analysis)."""
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    app.write_text(
        "import streamlit as st\nfrom tabulate import tabulate\n\n"
        "st.text(tabulate([[1, 2]], headers=['a', 'b'], tablefmt='psql'))\n",
        encoding="utf-8",
    )
    assert analyse(parse(app, tmp_path / "site")).imports, "the import pass finds tabulate"
    build(BuildOptions(app=app, out_dir=tmp_path / "site"), NullReporter())
    config = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '"packages": ["tabulate"]' in config
    with serving(tmp_path / "site") as url:
        page.goto(url)
        wait_idle(page)
        expect(page.locator('[data-stc-kind="text"]')).to_contain_text("| a   | b   |")


def test_a_missing_wheel_is_a_clear_error(page: Page, guard: PageGuard, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(BuildOptions(app=PACKAGES, out_dir=site), NullReporter())
    lock = json.loads((site / "packages" / "pyodide-lock.json").read_text(encoding="utf-8"))
    (site / "packages" / lock["packages"]["humanize"]["file_name"]).unlink()
    guard.allowed_errors.append("404")
    with serving(site) as url:
        page.goto(url)
        fatal = page.locator(".stc-fatal")
        expect(fatal).to_be_visible(timeout=60_000)
        expect(fatal).to_contain_text("humanize")


def test_streamlit_pydantic_0_6_runs_on_the_pydantic_1_it_asks_for(
    page: Page, guard: PageGuard, tmp_path: Path
) -> None:
    """PyPI's streamlit-pydantic 0.6.0 imports pydantic 1's ``BaseSettings``; Pyodide
    ships pydantic 2. ``pydantic<2`` in requirements.txt makes the site ship PyPI's
    pure-Python pydantic 1 (STC405 info), and the form runs in the page offline. The
    package imports pandas (for its output tables), which only the Pyodide CDN has:
    the app folder carries the test-only stand-in ``standins/pandas.py``."""
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir()
    form = ROOT / "tests" / "unit" / "fixtures" / "streamlit_pydantic_apps" / "pydantic1"
    app.write_text((form / "order_form.py").read_text(encoding="utf-8"), encoding="utf-8")
    (app.parent / "requirements.txt").write_text("streamlit-pydantic==0.6.0\npydantic<2\n")
    shutil.copy(Path(__file__).parent / "standins" / "pandas.py", app.parent / "pandas.py")
    build(BuildOptions(app=app, out_dir=tmp_path / "site"), NullReporter())
    shipped = sorted(p.name for p in (tmp_path / "site" / "packages").glob("pydantic*.whl"))
    assert len(shipped) == 1 and shipped[0].startswith("pydantic-1."), shipped
    with serving(tmp_path / "site") as url:
        page.goto(url)
        wait_idle(page)
        page.get_by_label("Name").fill("Ada")
        page.get_by_role("button", name="Submit").click()
        wait_idle(page)
        main = page.locator('[data-stc-kind="main"]')
        expect(main).to_contain_text('"name": "Ada"')
        expect(main).to_contain_text('"street": "Main Street"')
