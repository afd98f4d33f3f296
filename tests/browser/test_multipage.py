"""Multipage apps with real URLs (sites/multipage, sites/navigation, sites/st_pages),
served under a subpath as GitHub Pages serves a project site: the sidebar menu,
st.page_link and st.switch_page change the address; Back and Forward switch pages;
a reload or a fresh visit on a page's address opens that page; session state is one
for all pages; an unknown address climbs back to the app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from playwright.sync_api import Browser, Page, expect

from compiler import BuildOptions, NullReporter, build, serving

from .conftest import ROOT, PageGuard, wait_idle

SUBPATH = "my-repo/"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Each site built into <root>/my-repo/ and <root> served: the site's URL."""
    urls: dict[str, str] = {}
    with ExitStack() as stack:
        for name in ("multipage", "navigation", "st_pages"):
            root = tmp_path_factory.mktemp(f"root-{name}")
            build(
                BuildOptions(app=ROOT / "sites" / name / "app.py", out_dir=root / SUBPATH),
                NullReporter(),
            )
            urls[name] = stack.enter_context(serving(root)) + SUBPATH
        yield urls


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)


def follow(page: Page, name: str, role: str = "link") -> None:
    page.get_by_role(role, name=name, exact=True).click()  # type: ignore[arg-type]
    wait_idle(page)


def heading(page: Page) -> str:
    return page.locator(".stc-main h1").first.inner_text()


def menu(page: Page) -> list[str]:
    return page.get_by_role("navigation", name="Pages").get_by_role("link").all_inner_texts()


def test_pages_folder_menu_links_back_forward_reload(
    page: Page, guard: PageGuard, sites: dict[str, str]
) -> None:
    url = sites["multipage"]
    open_app(page, url)
    assert heading(page) == "Home"
    nav = page.get_by_role("navigation", name="Pages")
    names = [nav.get_by_role("link").nth(i).get_attribute("href") for i in range(3)]
    assert names == [url, f"{url}Charts/", f"{url}Settings/"]
    expect(
        nav.get_by_role("link", name="Charts", exact=True)
    ).to_be_visible()  # icon is aria-hidden
    expect(page.get_by_text("Visits: 1")).to_be_visible()

    follow(page, "Charts")
    assert page.url == f"{url}Charts/"
    assert heading(page) == "Charts"
    expect(page.get_by_text("Visits so far: 1")).to_be_visible()  # one session state
    expect(nav.get_by_role("link", name="Charts")).to_have_attribute("aria-current", "page")

    page.go_back()
    wait_idle(page)
    assert page.url == url and heading(page) == "Home"
    page.go_forward()
    wait_idle(page)
    assert page.url == f"{url}Charts/" and heading(page) == "Charts"

    page.reload()
    wait_idle(page)
    assert heading(page) == "Charts"

    follow(page, "Back home", role="button")  # st.switch_page("app.py")
    assert page.url == url and heading(page) == "Home"
    follow(page, "Go to settings")  # st.page_link("pages/2_Settings.py")
    assert page.url == f"{url}Settings/" and heading(page) == "Settings"


def test_deep_link_in_a_new_context_and_query_params(
    browser: Browser, sites: dict[str, str]
) -> None:
    url = sites["multipage"]
    context = browser.new_context()
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        open_app(page, f"{url}Settings/?tab=2")
        assert heading(page) == "Settings"
        expect(page.get_by_text("Query: {'tab': '2'}")).to_be_visible()
        follow(page, "app")  # a page switch clears the query string, as in Streamlit
        assert page.url == url
    finally:
        context.close()
    assert not errors


def test_widget_state_is_per_page(page: Page, guard: PageGuard, sites: dict[str, str]) -> None:
    url = sites["multipage"]
    open_app(page, f"{url}Settings/")
    page.get_by_role("checkbox", name="Dark mode").check()
    wait_idle(page)
    expect(page.get_by_text("Dark mode: True")).to_be_visible()


def test_navigation_sections_page_link_and_switch_page(
    page: Page, guard: PageGuard, sites: dict[str, str]
) -> None:
    url = sites["navigation"]
    open_app(page, url)
    assert heading(page) == "Home page"
    assert menu(page) == ["🏠Home", "Counter", "about"] or [
        t.replace("\n", "") for t in menu(page)
    ] == ["🏠Home", "Counter", "about"]
    expect(page.locator(".stc-nav-header")).to_have_text(["Main", "More"])

    follow(page, "Open the counter")  # st.page_link("counter.py") → url_path "count"
    assert page.url == f"{url}count/" and heading(page) == "Counter page"
    follow(page, "Add one", role="button")
    follow(page, "Add one", role="button")
    expect(page.get_by_text("Counter: 2")).to_be_visible()

    follow(page, "about")
    assert page.url == f"{url}about/"
    expect(page.get_by_text("Counter is 2")).to_be_visible()  # session state across pages
    follow(page, "To the counter", role="button")  # st.switch_page(page object)
    assert page.url == f"{url}count/" and heading(page) == "Counter page"

    page.reload()
    wait_idle(page)
    assert heading(page) == "Counter page"


def test_unknown_address_climbs_back_to_the_app(
    page: Page, guard: PageGuard, sites: dict[str, str]
) -> None:
    guard.allowed_errors.append("status of 404")  # the host's answer to each missing folder
    url = sites["navigation"]
    page.goto(f"{url}no/such/page/")
    page.wait_for_url(url)
    wait_idle(page)
    assert heading(page) == "Home page"


@pytest.mark.parametrize(
    ("site", "said"),
    [
        (
            "multipage",
            "You have requested page /nope, but no corresponding file was found in the "
            "app's pages/ directory",
        ),
        ("navigation", "The page that you have requested does not seem to exist"),
    ],
)
def test_an_unknown_page_says_page_not_found_and_runs_the_main_page(
    page: Page, guard: PageGuard, sites: dict[str, str], site: str, said: str
) -> None:
    guard.allowed_errors.append("status of 404")  # the host's answer to the missing folder
    url = sites[site]
    page.goto(f"{url}nope/")
    dialog = page.get_by_role("dialog", name="Page not found")
    expect(dialog).to_contain_text(f"{said}. Running the app's main page.")
    page.wait_for_url(url)
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)


def test_st_pages_sections_and_titles(page: Page, guard: PageGuard, sites: dict[str, str]) -> None:
    url = sites["st_pages"]
    open_app(page, url)
    expect(page.locator(".stc-nav-header")).to_have_text([re.compile("Tools")])
    assert heading(page) == "🏠 Home"
    follow(page, "Numbers")
    assert page.url == f"{url}numbers/"
    assert heading(page) == "🔢 Numbers"
    page.reload()
    wait_idle(page)
    assert heading(page) == "🔢 Numbers"
