"""stc's pytest plugin: test a built stc site with pytest-playwright.

Registered through the ``pytest11`` entry point, so it is active wherever stc is
installed; it does nothing until one of its fixtures is used.

- ``--stc-app PATH`` (or ``stc_app = PATH`` in the ini file, relative to it): the
  app's entry script, or a built site folder.
- ``stc_site`` (session): the app built once and served on 127.0.0.1; ``.url``,
  ``.path``.
- ``stc_page``: pytest-playwright's ``page``, opened at ``stc_site.url`` and waited
  to idle.
- :func:`wait_idle`: wait for the app's current run to finish after an interaction.
- ``--stc-chromium`` (or ``stc_chromium = true``): launch pytest-playwright's
  Chromium from ``STC_CHROMIUM`` (default: Debian's chromium-headless-shell) with
  stc's offline flags, as ``stc test`` does, instead of Playwright's download.

Playwright is imported only by the fixtures, so merely installing stc never
breaks a test run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from compiler._diagnostics import render_diagnostic
from compiler._exceptions import CompileError, StcError
from compiler._progress import NullReporter
from compiler.devtools._chromium import LAUNCH_ARGS, chromium_path
from compiler.devtools._serve import serving
from compiler.devtools._testrun import prepare_site, wait_idle

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["StcSite", "wait_idle"]

_NO_APP = (
    "the stc_site and stc_page fixtures need an app: pass --stc-app PATH "
    "(an app's .py or a built site) or set stc_app = PATH in pytest.ini"
)


@dataclass(frozen=True, kw_only=True)
class StcSite:
    """A built site being served: its base ``url`` (ending in ``/``) and folder ``path``."""

    url: str
    path: Path


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("stc", "stc: test a built Streamlit site")
    group.addoption(
        "--stc-app",
        metavar="PATH",
        help="the app (.py) or built site that stc_site / stc_page serve",
    )
    group.addoption(
        "--stc-chromium",
        action="store_true",
        default=None,
        help="launch pytest-playwright's Chromium from STC_CHROMIUM (default: Debian's "
        "chromium-headless-shell) with stc's offline flags",
    )
    parser.addini("stc_app", "the app (.py) or built site for stc_site, relative to this file")
    parser.addini("stc_chromium", "true: as --stc-chromium", type="bool", default=False)


def pytest_configure(config: pytest.Config) -> None:
    use = config.getoption("stc_chromium")
    if use if use is not None else config.getini("stc_chromium"):
        config.pluginmanager.register(_SystemChromium(), "stc-system-chromium")


class _SystemChromium:
    """Overrides pytest-playwright's launch arguments (and keeps the user's others)."""

    @pytest.fixture(scope="session")
    def browser_type_launch_args(self, browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
        args = [*browser_type_launch_args.get("args", []), *LAUNCH_ARGS]
        return {**browser_type_launch_args, "executable_path": chromium_path(), "args": args}


def _app_path(config: pytest.Config) -> Path | None:
    option = config.getoption("stc_app")
    if option:
        return Path(option).resolve()
    ini = config.getini("stc_app")
    if not ini:
        return None
    base = config.inipath.parent if config.inipath else config.rootpath
    return (base / str(ini)).resolve()


@pytest.fixture(scope="session")
def stc_site(
    pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[StcSite]:
    """The app of ``--stc-app`` / ``stc_app``, built once and served on 127.0.0.1."""
    app = _app_path(pytestconfig)
    if app is None:
        pytest.fail(_NO_APP, pytrace=False)
    failure: str | None = None
    try:
        site = prepare_site(app, tmp_path_factory.mktemp("stc"), NullReporter())
    except StcError as error:
        failure = _build_failure(app, error)
    if failure is not None:  # outside the except: no chained traceback in the report
        pytest.fail(failure, pytrace=False)
    with serving(site) as url:
        yield StcSite(url=url, path=site)


def _build_failure(app: Path, error: StcError) -> str:
    if isinstance(error, CompileError):
        shown = "\n".join(render_diagnostic(d) for d in error.diagnostics)
        return f"stc could not build {app}:\n{shown}\n{error.message}"
    return f"stc could not build {app}: {error.format_message()}"


@pytest.fixture
def stc_page(stc_site: StcSite, request: pytest.FixtureRequest) -> Page:
    """pytest-playwright's ``page``, opened at the site and waited until the app is idle."""
    try:
        page: Page = request.getfixturevalue("page")
    except pytest.FixtureLookupError:
        pytest.fail("stc_page needs pytest-playwright: pip install pytest-playwright", False)
    page.goto(stc_site.url)
    wait_idle(page)
    return page
