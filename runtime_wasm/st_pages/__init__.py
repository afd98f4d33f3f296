"""``st_pages`` for stc: the st-pages package's API over stc's own navigation.

Apps written for st-pages run unmodified: ``import st_pages`` resolves here (see
``runtime_wasm._alias``), and the compiler counts it as provided by the runtime,
never as a requirement. Both APIs of the package are here:

* 0.x: ``show_pages([Page(...), Section(...), ...])`` and
  ``show_pages_from_config()`` replace the app's pages (as the ``pages/`` folder
  would: the selected page runs instead of the main script), ``add_page_title()``
  sets the tab title and shows the page's icon and name, ``hide_pages([...])``
  takes pages out of the menu, ``add_indentation()`` is not needed (sections are
  drawn as sections).
* 1.x: ``get_nav_from_toml(path)`` reads ``.streamlit/pages.toml`` into what
  ``st.navigation`` takes, ``add_page_title(page)`` shows a page's title,
  ``hide_pages([...])`` filters ``get_nav_from_toml``.

Written from the package's documented behaviour (st-pages 0.5.0 and 1.0.1); icon
short codes (``":books:"``) are translated for a common set only.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from .. import streamlit as st
from .._context import current
from .._pagefiles import page_icon_and_name
from ..streamlit.elements._pages import Page as StreamlitPage

__all__ = [
    "Page",
    "Section",
    "add_indentation",
    "add_page_title",
    "get_nav_from_toml",
    "get_pages_from_config",
    "hide_pages",
    "show_pages",
    "show_pages_from_config",
    "translate_icon",
]

HIDE_PAGES_KEY = "_st_pages_pages_to_hide"

# GitHub short codes people use in pages.toml that are not Unicode character names.
_SHORT_CODES = {
    "house": "🏠", "books": "📚", "book": "📖", "chart": "💹", "bar_chart": "📊",
    "chart_with_upwards_trend": "📈", "chart_with_downwards_trend": "📉", "gear": "⚙️",
    "wrench": "🔧", "hammer": "🔨", "rocket": "🚀", "star": "⭐", "fire": "🔥",
    "memo": "📝", "pencil": "📝", "pencil2": "✏️", "mag": "🔍", "bulb": "💡",
    "tada": "🎉", "balloon": "🎈", "sparkles": "✨", "heart": "❤️", "warning": "⚠️",
    "white_check_mark": "✅", "x": "❌", "question": "❓", "information_source": "\u2139\ufe0f",
    "dog": "🐶", "cat": "🐱", "snake": "🐍", "computer": "💻", "globe_with_meridians": "🌐",
    "earth_americas": "🌎", "world_map": "🗺️", "calendar": "📆", "clipboard": "📋",
    "file_folder": "📁", "open_file_folder": "📂", "lock": "🔒", "key": "🔑",
    "bust_in_silhouette": "👤", "busts_in_silhouette": "👥", "wave": "👋", "eyes": "👀",
    "thumbsup": "👍", "+1": "👍", "100": "💯", "1234": "🔢", "abc": "🔤", "link": "🔗",
    "email": "📧", "envelope": "✉️", "bell": "🔔", "moneybag": "💰", "dollar": "💵",
    "shopping_cart": "🛒", "package": "📦", "microscope": "🔬", "test_tube": "🧪",
    "robot": "🤖", "brain": "🧠", "speech_balloon": "💬", "camera": "📷", "movie_camera": "🎥",
    "musical_note": "🎵", "art": "🎨", "home": "🏠", "notebook": "📓", "newspaper": "📰",
}  # fmt: skip


def translate_icon(icon: str | None) -> str | None:
    """``":books:"`` → ``"📚"``; emoji, ``:material/...:`` and unknown codes unchanged."""
    if icon is None or not (icon.startswith(":") and icon.endswith(":")) or len(icon) < 3:
        return icon
    if icon.startswith(":material/"):
        return icon
    code = icon[1:-1]
    if code in _SHORT_CODES:
        return _SHORT_CODES[code]
    try:
        return unicodedata.lookup(code.replace("_", " "))
    except KeyError:
        return code


@dataclass
class Page:
    """A page of ``show_pages`` (0.x) or of ``pages.toml`` (both)."""

    path: str
    name: str | None = None
    icon: str | None = None
    is_section: bool = False
    in_section: bool = True
    use_relative_hash: bool = False
    url_path: str | None = field(default=None, kw_only=True)

    @property
    def page_path(self) -> Path:
        return Path(str(self.path))

    @property
    def page_name(self) -> str:
        """The name shown in the menu: given, or from the file name in title case."""
        if self.name is not None:
            return self.name
        return page_icon_and_name(PurePath(self.path))[1].replace("_", " ").title()

    @property
    def page_icon(self) -> str:
        standard = page_icon_and_name(PurePath(self.path))[0] if self.path else ""
        return translate_icon(self.icon or standard or "") or ""


class Section(Page):
    """A heading in the menu; the pages after it are in its section."""

    def __init__(self, name: str, icon: str | None = None, url_path: str | None = None) -> None:
        super().__init__(path="", name=name, icon=icon, is_section=True, url_path=url_path)


def _section_header(section: Page) -> str:
    icon = translate_icon(section.icon)
    return f"{icon} {section.name}" if icon else str(section.name)


def show_pages(pages: list[Page]) -> None:
    """Make *pages* the app's pages (0.x); the first one is the home page."""
    specs: list[dict[str, Any]] = []
    header = ""
    for page in pages:
        if page.is_section:
            header = _section_header(page)
            continue
        if not page.in_section:
            header = ""
        url_path = page.url_path or page_icon_and_name(PurePath(page.path))[1]
        specs.append(
            {
                "path": page.path,
                "title": page.page_name,
                "icon": page.page_icon,
                "section": header,
                "url_path": url_path,
            }
        )
    if not specs:
        raise ValueError("Must pass at least one page to show_pages")
    nav = current().navigation
    if nav.v1_pages != specs:
        nav.v1_pages = specs
        st.rerun()  # the selected page runs from now on, under its menu


def get_pages_from_config(path: str = ".streamlit/pages.toml") -> list[Page] | None:
    """The pages of a ``pages.toml`` file; ``None`` (and an error shown) when invalid."""
    file = Path(path)
    if not file.is_absolute() and not file.exists():  # AppTest runs from elsewhere
        file = current().navigation.main_dir / path
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))["pages"]
    except (OSError, tomllib.TOMLDecodeError, KeyError):
        st.error(
            f"Could not find a valid {path} file. Please create one with the following "
            'format:\n\n```toml\n[[pages]]\npath = "example_app/streamlit_app.py"\n'
            'name = "Home"\nicon = ":house:"\n\n[[pages]]\npath = "example_app/example_one.py"\n```'
        )
        return None
    pages: list[Page] = []
    for entry in raw:
        if entry.get("is_section"):
            pages.append(Section(entry["name"], entry.get("icon"), entry.get("url_path")))
        else:
            fields = {k: v for k, v in entry.items() if k in Page.__dataclass_fields__}
            pages.append(Page(**fields))
    return pages


_get_pages_from_config = get_pages_from_config


def show_pages_from_config(path: str = ".streamlit/pages.toml") -> None:
    """``show_pages`` with the pages of a ``pages.toml`` file (0.x)."""
    pages = get_pages_from_config(path)
    if pages is not None:
        show_pages(pages)


def get_nav_from_toml(
    path: str = ".streamlit/pages.toml",
) -> list[StreamlitPage] | dict[str, list[StreamlitPage]]:
    """What ``st.navigation`` takes, from a ``pages.toml`` file (1.x): a dict of
    sections when the file has sections, else a list."""
    pages = get_pages_from_config(path)
    if pages is None:
        return []
    hidden = st.session_state.get(HIDE_PAGES_KEY, [])
    pages = [
        p
        for p in pages
        if p.is_section or (p.name not in hidden and str(p.name).replace("_", " ") not in hidden)
    ]

    def to_page(page: Page) -> StreamlitPage:
        return StreamlitPage(
            page.path, title=page.name, icon=translate_icon(page.icon), url_path=page.url_path
        )

    if not any(p.is_section for p in pages):
        return [to_page(p) for p in pages]
    sections: dict[str, list[StreamlitPage]] = {}
    header = ""
    dropped: list[str] = []
    for page in pages:
        if page.is_section:
            header = _section_header(page)
            if page.name in hidden:
                dropped.append(header)
            continue
        sections.setdefault(header, []).append(to_page(page))
    for header in dropped:
        sections.pop(header, None)
    return sections


def hide_pages(pages: list[str]) -> None:
    """Take the pages (or sections) named *pages* out of the menu."""
    nav = current().navigation
    nav.hidden_titles = frozenset(pages)
    if st.session_state.get(HIDE_PAGES_KEY) != pages:
        st.session_state[HIDE_PAGES_KEY] = pages
        st.rerun()


def add_page_title(
    page: Any = None, also_indent: bool = True, hidden_pages: Any = None, **kwargs: Any
) -> None:
    """1.x: ``add_page_title(page)`` shows the page's icon and title as ``st.title``.

    0.x: ``add_page_title(add_icon=True, ...)`` does that for the page running, and
    sets the browser tab's title and icon (``**kwargs`` go to ``st.set_page_config``)."""
    if isinstance(page, StreamlitPage):
        icon = translate_icon(page.icon)
        if icon and "/" in icon:
            icon = None
        st.title(f"{icon} {page.title}" if icon else page.title)
        return
    add_icon = kwargs.pop("add_icon", True if page is None else bool(page))
    entry = current().navigation.current
    title = entry.title if entry is not None else ""
    icon = entry.icon if entry is not None else ""
    kwargs.setdefault("page_title", title)
    if icon:
        kwargs.setdefault("page_icon", icon)
    st.set_page_config(**kwargs)
    st.title(f"{icon} {title}" if add_icon and icon else title)
    if hidden_pages:
        hide_pages(list(hidden_pages))


def add_indentation() -> None:
    """Sections are drawn as sections in stc: nothing to indent."""
