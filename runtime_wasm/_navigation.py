"""Multipage apps: which page a run executes, and the session's page registry.

Streamlit 1.67's model (``streamlit/runtime/pages_manager.py``,
``commands/navigation.py``, ``runtime/scriptrunner/script_runner.py``), kept in one
object per session:

* Every run executes the main script. When it calls ``st.navigation(pages)``, the
  pages are registered and the one the visitor asked for is resolved: by page hash
  (``st.switch_page``, a link, the page of the previous run) or by url path (the
  address bar at boot, Back/Forward); an unknown one falls back to the default
  page. ``page.run()`` then executes it in its own ``__main__``.
* An app with a ``pages/`` folder that never calls ``st.navigation`` runs as
  Streamlit's "v1" multipage apps: the main script and each ``pages/*.py`` are
  pages (ordered and named from their file names), and the selected one runs
  *instead of* the main script. ``st_pages.show_pages`` sets such a list too.

Widgets of a page get the page's hash in their id (``RunContext.active_page``), so
the same widget on two pages does not collide; the main script of a
``st.navigation`` app runs with ``""``, so its widgets keep their state on every
page. Session state itself is one for all pages.

The page's URL belongs to the page (JS): it tells :meth:`Navigation.request_url`
which url path its address names, and after a run :meth:`take_navigation` says
whether the run moved to another page, so the page pushes that URL.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._pagefiles import pages_folder_scripts
from ._script import Script

if TYPE_CHECKING:
    from ._context import RunContext

__all__ = [
    "Navigation",
    "PageEntry",
    "duplicate_url_path_message",
    "run_page_script",
    "set_v1_runner",
]

# Streamlit's _mpa_v1 (the pages/ folder as pages): the API's, which builds st.Page
# objects (runtime_wasm.streamlit.elements._pages gives it), so this core module does not
# import the API above it.
_run_v1: Callable[[Navigation], None] | None = None


def set_v1_runner(run_v1: Callable[[Navigation], None]) -> None:
    global _run_v1
    _run_v1 = run_v1


@dataclass(frozen=True, kw_only=True)
class PageEntry:
    """One registered page (Streamlit's ``PageInfo`` plus what the menu shows)."""

    hash: str
    url_path: str  # "" for the default page
    title: str
    icon: str
    script: str  # resolved path of a file page, "" for a callable
    section: str
    hidden: bool
    default: bool
    external: str | None = None
    help: str = ""


def duplicate_url_path_message(
    url_path: str, first: PageEntry, second: PageEntry, main_dir: Path
) -> str:
    """Streamlit 1.67's error for two pages of one ``st.navigation`` (or of the
    ``pages/`` folder) whose URL pathnames are the same (``commands/navigation.py``,
    ``_duplicate_url_pathname_error``)."""
    default_note = (
        " The default page is served at the app root, but it still reserves this pathname."
        if first.default or second.default
        else ""
    )
    return (
        f"Two pages resolve to the URL pathname `/{url_path}`: "
        f"{_describe(first, main_dir)} and {_describe(second, main_dir)}. Each page passed "
        "to `st.navigation` needs a unique URL pathname, including pages in different "
        "sections, hidden pages, and external URL pages. Streamlit infers the pathname "
        "from the filename, callable name, or the title of an external URL page."
        f"{default_note} Set a unique `url_path` in `st.Page` for one of these pages."
    )


def _describe(entry: PageEntry, main_dir: Path) -> str:
    if entry.external is not None:
        description = f"external URL `{entry.external}`"
    elif entry.script:
        script = Path(entry.script)
        shown = script.relative_to(main_dir) if script.is_relative_to(main_dir) else script
        description = f"`{shown.as_posix()}`"
    else:
        description = f'callable titled "{entry.title}"'
    context = [f'section "{entry.section}"'] if entry.section else []
    context += ["hidden"] if entry.hidden else []
    context += ["default page"] if entry.default else []
    return description + (f" ({', '.join(context)})" if context else "")


class Navigation:
    """The session's pages, the page the visitor asked for, and the one that ran."""

    def __init__(self, main_script: Path) -> None:
        self.main_script = Path(main_script).resolve()
        self.main_dir = self.main_script.parent
        self.uses_pages_directory = (self.main_dir / "pages").is_dir()
        # st_pages.show_pages: the v1 list that replaces the pages/ folder's
        self.v1_pages: list[Any] | None = None
        self.hidden_titles: frozenset[str] = frozenset()  # st_pages.hide_pages
        self.pages: dict[str, PageEntry] | None = None  # the last st.navigation's
        self.current: PageEntry | None = None
        self.intended_hash: str | None = None
        self.intended_name: str | None = None
        self.url_page: str | None = None  # the url path the address bar names
        # The address named no page: the name Streamlit's PageNotFound carries (the one
        # asked for in a pages/ folder app, "" under st.navigation); replace, not push.
        self.not_found: str | None = None
        self._scripts: dict[Path, Script] = {}
        self._deferred: list[tuple[Awaitable[Any], str]] = []

    @property
    def runs_pages_folder(self) -> bool:
        """Streamlit's v1 multipage app: the pages/ folder (or st_pages' list) are the
        pages, and the selected one runs instead of the main script."""
        return self.v1_pages is not None or self.uses_pages_directory

    # -- the page's side ------------------------------------------------------------
    def request_url(self, url_path: str | None) -> None:
        """The address bar names *url_path* (boot, Back/Forward, a link followed)."""
        self.intended_name = (url_path or "").strip("/")
        self.intended_hash = None
        self.url_page = self.intended_name

    def request_page(self, page_hash: str) -> None:
        """``st.switch_page``: run that page next."""
        self.intended_hash = page_hash
        self.intended_name = None

    def take_navigation(self) -> tuple[str, str | None] | None:
        """``(url_path, not_found)`` when the address bar must change after this run;
        *not_found* (see ``self.not_found``) when the address named no page: the page
        replaces its URL and says so, as Streamlit's "Page not found" dialog does."""
        if self.current is None or self.pages is None:
            return None
        if self.url_page is None or self.url_page == self.current.url_path:
            self.url_page = self.current.url_path
            return None
        self.url_page = self.current.url_path
        not_found, self.not_found = self.not_found, None
        return self.current.url_path, not_found

    # -- registry -------------------------------------------------------------------
    def registered(self) -> dict[str, PageEntry]:
        """The pages ``st.switch_page`` and ``st.page_link`` may name."""
        if self.pages is not None:
            return dict(self.pages)
        main = PageEntry(
            hash="", url_path="", title="", icon="", script=str(self.main_script),
            section="", hidden=False, default=True,
        )  # fmt: skip
        return {"": main}

    def set_pages_and_resolve(self, pages: dict[str, PageEntry], fallback: str) -> PageEntry:
        """Register *pages*; the page to run (``PagesManager.set_pages_and_resolve``)."""
        self.pages = pages
        found: PageEntry | None = None
        if self.intended_hash:
            found = pages.get(self.intended_hash)
        elif self.intended_name:
            found = next((p for p in pages.values() if p.url_path == self.intended_name), None)
        if found is None or found.external:
            if self.intended_hash or self.intended_name:
                self.not_found = (self.intended_name or "") if self.runs_pages_folder else ""
            found = pages[fallback]
        self.current = found
        self.intended_hash, self.intended_name = found.hash, None
        return found

    def pages_folder(self) -> list[Path]:
        """The main script, then ``pages/*.py`` in Streamlit's order."""
        folder = self.main_dir / "pages"
        names = [p.name for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
        return [self.main_script, *(folder / name for name in pages_folder_scripts(names))]

    def script_for(self, path: Path) -> Script:
        """The compiled script of a file page (compiled once per session)."""
        path = path.resolve()
        if path not in self._scripts:
            self._scripts[path] = Script(path)
        return self._scripts[path]

    def forget_scripts(self) -> None:
        """The app's files were replaced (``stc run``): compile pages again, and look
        again whether a ``pages/`` folder exists."""
        self._scripts.clear()
        self.uses_pages_directory = (self.main_dir / "pages").is_dir()

    # -- running --------------------------------------------------------------------
    async def execute(self, main: Script, ctx: RunContext) -> None:
        """One run: the main script, or in v1 mode the selected page instead."""
        self._scripts.setdefault(self.main_script, main)
        self._deferred.clear()
        ctx.navigation = self
        if self.runs_pages_folder:
            if _run_v1 is None:
                raise RuntimeError("import runtime_wasm.streamlit before running a multipage app")
            _run_v1(self)  # the API layer builds the Page objects
        else:
            await main.execute()
        while self._deferred:  # pages whose top level awaits (see run_page_script)
            awaitable, page = self._deferred.pop(0)
            previous, ctx.active_page = ctx.active_page, page
            try:
                await awaitable
            finally:
                ctx.active_page = previous

    def defer(self, awaitable: Awaitable[Any], page: str) -> None:
        self._deferred.append((awaitable, page))


def run_page_script(script: Script) -> Awaitable[Any] | None:
    """Execute a page's file in a fresh ``__main__``, synchronously as ``page.run()`` is.

    A page whose top level awaits cannot finish inside the synchronous ``run()``: its
    coroutine is returned, and the run awaits it right after the main script (see
    :meth:`Navigation.defer`)."""
    return script.start()


def call_page(function: Callable[[], Any]) -> Awaitable[Any] | None:
    """Run a callable page; an ``async def`` page is awaited after the main script."""
    result = function()
    return result if inspect.isawaitable(result) else None
