"""``st.Page``, ``st.navigation``, ``st.switch_page`` and ``st.page_link``.

Streamlit 1.67's ``navigation/page.py``, ``commands/navigation.py``,
``commands/execution_control.py`` (``switch_page``) and
``elements/widgets/button.py`` (``page_link``), over the session's
:class:`runtime_wasm._navigation.Navigation`. The menu is the ``navigation`` prop of
the sidebar block (of the main block with ``position="top"``), which the page draws
above that block's elements: not an element of the tree, as Streamlit sends the pages
in a message of their own that its AppTest does not show. Its pages are links; a page
link is a ``page_link`` element. Following either is the page's business (JS): it
pushes the page's URL and tells the worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, NoReturn

from ..._context import RunContext, current, maybe_current
from ..._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from ..._navigation import (
    Navigation,
    PageEntry,
    call_page,
    duplicate_url_path_message,
    run_page_script,
    set_v1_runner,
)
from ..._pagefiles import page_hash, page_icon_and_name, sanitize_url_path
from ..._script import RerunRequested
from ..._tree import Element
from .._base import DGBase

__all__ = [
    "Page",
    "PagesMixin",
    "StreamlitPage",
    "StreamlitPageNotFoundError",
    "navigation",
    "run_v1",
    "switch_page",
]

Position = Literal["sidebar", "hidden", "top"]


class StreamlitPageNotFoundError(StreamlitAPIException):
    """A page path that is not a page of the app (Streamlit's message)."""

    def __init__(self, page: str, main_dir: Path | None = None, pages_dir: bool = False) -> None:
        if main_dir is None:
            message = f"Unable to create Page. The file `{page}` could not be found."
        elif pages_dir:
            message = (
                f"Could not find page: `{page}`. You must provide a file path relative to "
                f"the entrypoint file (from the directory `{main_dir.name}`). Only the "
                "entrypoint file and files in the `pages/` directory are supported."
            )
        else:
            message = (
                f"Could not find page: `{page}`. You must provide a `Page` object or file "
                "path relative to the entrypoint file. Only pages previously defined by "
                "`st.Page` and passed to `st.navigation` are allowed."
            )
        super().__init__(message)


def _nav(ctx: RunContext) -> Navigation:
    nav = ctx.navigation
    if nav is None:  # a run context made outside AppSession (unit tests of elements)
        nav = ctx.navigation = Navigation(Path(ctx.script_path))
    return nav  # type: ignore[no-any-return]


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


class Page:
    """A page of a multipage app: a file, a callable, or an external URL."""

    def __init__(
        self,
        page: str | Path | Callable[[], None],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: Literal["visible", "hidden"] = "visible",
        help: str | None = None,
    ) -> None:
        self._default = default
        self._external_url: str | None = None
        if visibility not in ("visible", "hidden"):
            raise StreamlitValueError("visibility", ["visible", "hidden"])
        self._visibility = visibility
        self._help = (help or "").strip() and str(help)
        self._can_be_called = False
        self._page: Path | Callable[[], None] | None = None
        ctx = maybe_current()
        if isinstance(page, str) and _is_url(page):
            if not title or not title.strip():
                raise StreamlitAPIException(
                    "`title` is required: External URL pages require a non-empty title. "
                    f"Please provide a title for the URL: {page}"
                )
            if default:
                raise StreamlitAPIException("External URL pages cannot be set as the default page.")
            self._external_url = page
            self._title = title
            self._icon = icon or ""
            self._url_path = (sanitize_url_path(title) if url_path is None else url_path).strip("/")
            return
        inferred_icon = inferred_name = ""
        if isinstance(page, str | Path):
            if "\x00" in str(page):
                raise StreamlitAPIException(
                    "Unable to create Page. Page paths must not contain null bytes."
                )
            main_dir = _nav(ctx).main_dir if ctx is not None else Path.cwd()
            page = (main_dir / page).resolve()
            if not page.is_file():
                raise StreamlitPageNotFoundError(page.name)
            inferred_icon, inferred_name = page_icon_and_name(page)
        elif hasattr(page, "__name__"):
            inferred_name = str(page.__name__)
        elif title is None:
            raise StreamlitAPIException(
                "`title` is required: Streamlit cannot infer a title from this callable."
            )
        self._page = page
        self._title = title or inferred_name.replace("_", " ")
        self._icon = inferred_icon if icon is None else icon
        if not self._title.strip():
            raise StreamlitAPIException(
                "`title` is required: It cannot be empty or consist of underscores/spaces only."
            )
        self._url_path = inferred_name
        if url_path is not None:
            stripped = url_path.strip().strip("/")
            if not stripped and not default:
                raise StreamlitAPIException(
                    "`url_path` is required: It can only be empty for the default page."
                )
            if "/" in stripped:
                raise StreamlitAPIException(
                    f"The `url_path` `{stripped}` cannot include `/`. Streamlit does not "
                    "support nested URL pathnames yet, so use a single path segment."
                )
            self._url_path = stripped

    # -- what st.navigation and the menu read ------------------------------------------
    @property
    def title(self) -> str:
        return self._title

    @property
    def icon(self) -> str:
        return self._icon

    @property
    def help(self) -> str:
        return self._help

    @property
    def url_path(self) -> str:
        return "" if self._default else self._url_path

    @property
    def visibility(self) -> Literal["visible", "hidden"]:
        return self._visibility

    @property
    def is_external(self) -> bool:
        return self._external_url is not None

    @property
    def external_url(self) -> str | None:
        return self._external_url

    @property
    def _script_hash(self) -> str:
        return page_hash(self._url_path)

    def __repr__(self) -> str:
        return f"StreamlitPage(title={self._title!r}, url_path={self.url_path!r})"

    def run(self) -> None:
        """Execute the page; only the page ``st.navigation`` returned, once per run."""
        if not self._can_be_called:
            raise StreamlitAPIException(
                "This page cannot be called directly. Only the page returned from "
                "st.navigation can be called once."
            )
        self._can_be_called = False
        if self.is_external:
            return
        ctx = current()
        nav = _nav(ctx)
        previous, ctx.active_page = ctx.active_page, self._script_hash
        try:
            if isinstance(self._page, Path):
                pending = run_page_script(nav.script_for(self._page))
            else:
                assert self._page is not None
                pending = call_page(self._page)
        finally:
            ctx.active_page = previous
        if pending is not None:
            nav.defer(pending, self._script_hash)


StreamlitPage = Page


def _to_page(page: Any) -> Page:
    if isinstance(page, Page):
        return page
    if isinstance(page, str | Path) or callable(page):
        return Page(page)
    raise StreamlitInvalidParameterTypeError(
        "pages", type(page).__name__, ["str", "Path", "callable", "st.Page"]
    )


def navigation(
    pages: Sequence[Any] | Mapping[str, Sequence[Any]],
    *,
    position: Position = "sidebar",
    expanded: bool | int = False,
) -> Page:
    """Declare the app's pages; returns the page to run (call its ``.run()``)."""
    if not isinstance(position, str) or position not in ("sidebar", "hidden", "top"):
        raise StreamlitValueError("position", ["'sidebar'", "'hidden'", "'top'"])
    ctx = current()
    _nav(ctx).uses_pages_directory = False  # as Streamlit: st.navigation ends pages/ mode
    if isinstance(pages, Mapping):
        sections = [(str(header), [_to_page(p) for p in group]) for header, group in pages.items()]
    else:
        sections = [("", [_to_page(p) for p in pages])]
    return _navigation(ctx, sections, position=position, expanded=expanded)


def _navigation(
    ctx: RunContext,
    sections: list[tuple[str, list[Page]]],
    *,
    position: Position,
    expanded: bool | int,
) -> Page:
    nav = _nav(ctx)
    page_list = [page for _, group in sections for page in group]
    if not page_list:
        raise StreamlitAPIException("`pages` is required: Provide at least one `st.Page`.")
    defaults = [p for p in page_list if p._default]
    if len(defaults) > 1:
        raise StreamlitAPIException(
            "Multiple Pages specified with `default=True`. At most one Page can be set to default."
        )
    if not defaults:
        internal = [p for p in page_list if not p.is_external]
        if not internal:
            raise StreamlitAPIException(
                "At least one non-external page is required. External URL pages cannot be "
                "the default page."
            )
        internal[0]._default = True
        defaults = internal[:1]
    entries: dict[str, PageEntry] = {}
    for header, group in sections:
        for page in group:
            entry = PageEntry(
                hash=page._script_hash,
                url_path=page.url_path,
                title=page.title,
                icon=page.icon,
                script=str(page._page) if isinstance(page._page, Path) else "",
                section=header,
                hidden=page.visibility == "hidden" or page.title in nav.hidden_titles,
                default=page._default,
                external=page.external_url,
                help=page.help,
            )
            first = entries.setdefault(page._script_hash, entry)
            if first is not entry:  # the hash is the url path's: two pages share it
                message = duplicate_url_path_message(page._url_path, first, entry, nav.main_dir)
                raise StreamlitAPIException(message)
    found = nav.set_pages_and_resolve(entries, fallback=defaults[0]._script_hash)
    chosen = next(p for p in page_list if p._script_hash == found.hash)
    chosen._can_be_called = True
    if found.title:
        ctx.page_config.setdefault("page_title", found.title)
    if found.icon:
        ctx.page_config.setdefault("page_icon", found.icon)
    _show_menu(ctx, entries, position, expanded, found)
    return chosen


def _show_menu(
    ctx: RunContext,
    entries: dict[str, PageEntry],
    position: Position,
    expanded: bool | int,
    found: PageEntry,
) -> None:
    for block in (ctx.sidebar, ctx.main):  # a second st.navigation replaces the first menu
        block.props.pop("navigation", None)
    visible = [e for e in entries.values() if not e.hidden]
    if position == "hidden" or len(entries) < 2:
        return
    sections: list[dict[str, Any]] = []
    for entry in visible:
        if not sections or sections[-1]["header"] != entry.section:
            sections.append({"header": entry.section, "pages": []})
        sections[-1]["pages"].append(
            {
                "title": entry.title,
                "icon": entry.icon,
                "url_path": entry.url_path,
                "hash": entry.hash,
                "external": entry.external,
                "help": entry.help,
                "current": entry.hash == found.hash,
            }
        )
    block = ctx.main if position == "top" else ctx.sidebar
    block.props["navigation"] = {"position": position, "expanded": expanded, "sections": sections}
    ctx.version += 1


def run_v1(nav: Navigation) -> None:
    """Streamlit's ``_mpa_v1``: the ``pages/`` folder (or ``st_pages.show_pages``'s
    list) as pages, and the selected one run in place of the main script."""
    ctx = current()
    sections: list[tuple[str, list[Page]]] = []
    specs = nav.v1_pages or [{"path": path} for path in nav.pages_folder()]
    for index, spec in enumerate(specs):
        page = Page(
            spec["path"],
            title=spec.get("title"),
            icon=spec.get("icon"),
            url_path=spec.get("url_path"),
            default=index == 0,
        )
        header = spec.get("section", "")
        if not sections or sections[-1][0] != header:
            sections.append((header, []))
        sections[-1][1].append(page)
    _navigation(ctx, sections, position="sidebar", expanded=False).run()


def _find_by_path(nav: Navigation, page: str | Path) -> PageEntry:
    text = str(page)
    if "\x00" in text:
        raise StreamlitAPIException("Page paths must not contain null bytes.")
    requested = os.path.realpath(nav.main_dir / text)
    for entry in nav.registered().values():
        if entry.script and os.path.realpath(entry.script) == requested:
            return entry
    raise StreamlitPageNotFoundError(text, nav.main_dir, nav.uses_pages_directory)


def _registered(nav: Navigation, page: Page) -> PageEntry | None:
    entry = nav.registered().get(page._script_hash)
    if entry is not None and isinstance(page._page, Path) and entry.script != str(page._page):
        raise StreamlitAPIException(
            f"The page references `{page._page}`, but a different page is registered with "
            f"`st.navigation` for URL pathname `/{page.url_path}` "
            f"(`{entry.script or 'a callable'}`)."
        )
    return entry


def switch_page(page: str | Path | Page, *, query_params: Any = None) -> NoReturn:
    """Stop this run and run *page* (a path relative to the main script, or a Page)."""
    ctx = current()
    nav = _nav(ctx)
    if isinstance(page, Page):
        if page.is_external:
            raise StreamlitAPIException(
                "Cannot use st.switch_page with external URL pages. Use st.page_link "
                "instead to create a link to external pages."
            )
        _registered(nav, page)
        target = page._script_hash
    else:
        target = _find_by_path(nav, page).hash
    if query_params is None:
        ctx.query_params.clear()
    elif isinstance(query_params, Mapping) or (
        isinstance(query_params, Iterable) and not isinstance(query_params, str | bytes)
    ):
        ctx.query_params.from_dict(query_params)
    else:
        raise StreamlitInvalidParameterTypeError(
            "query_params",
            type(query_params).__name__,
            ["mapping", "iterable of (key, value) pairs"],
        )
    nav.request_page(target)
    raise RerunRequested


def _query_string(query_params: Any) -> str:
    from urllib.parse import urlencode

    if not query_params:
        return ""
    pairs = query_params.items() if isinstance(query_params, Mapping) else query_params
    flat: list[tuple[str, str]] = []
    for key, value in pairs:
        values = value if isinstance(value, Iterable) and not isinstance(value, str) else [value]
        flat += [(str(key), str(v)) for v in values]
    return urlencode(flat)


class PagesMixin:
    """``st.page_link`` (a method of every container, as in Streamlit)."""

    def page_link(
        self,
        page: str | Path | Page,
        *,
        label: str | None = None,
        icon: str | None = None,
        icon_position: Literal["left", "right"] = "left",
        help: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: int | str = "content",
        query_params: Any = None,
    ) -> Any:
        """A link to another page of the app, or to an external URL."""
        nav = _nav(current())
        props: dict[str, Any] = {
            "label": label or "",
            "icon": icon or "",
            "icon_position": icon_position,
            "help": help or "",
            "disabled": disabled,
            "width": "stretch" if use_container_width else width,
            "query_string": _query_string(query_params),
            "external": False,
            "page": "",
            "page_hash": "",
        }
        if isinstance(page, Page):
            props["label"] = page.title if label is None else label
            props["icon"] = page.icon if icon is None else icon
            props["help"] = page.help if help is None else help
            if page.is_external:
                props.update(page=page.external_url or "", external=True)
            else:
                _registered(nav, page)
                props.update(page=page.url_path, page_hash=page._script_hash)
        elif _is_url(str(page)):
            if not label:
                raise StreamlitAPIException(
                    "`label` is required: Streamlit cannot infer a label for an external URL."
                )
            props.update(page=str(page), external=True)
        else:
            entry = _find_by_path(nav, page)
            if label is None:
                props["label"] = entry.title
            props.update(page=entry.url_path, page_hash=entry.hash)
        assert isinstance(self, DGBase)
        return self._enqueue(Element("page_link", props))


set_v1_runner(run_v1)  # the navigation runs the pages/ folder through it
