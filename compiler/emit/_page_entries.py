"""Multipage apps in the site: one static entry per page, and a 404 page.

A page of the app has its own address, ``<site>/<url_path>/``. For a reload or a
deep link to work on a static host with no server rules, that folder holds an
``index.html``: the same page as the root's, whose relative URLs climb back to the
root (``../stc/page.mjs``) and whose boot config says where the root is
(``"root": "../"``), so the page can tell the worker which app page the address
names. Url paths are single segments (Streamlit refuses nested ones), so every
entry is exactly one level deep.

The pages come from the ``pages/`` folder (named as Streamlit names them) and from
what the analysis found (:class:`compiler.analyse._facts.PageRef`). A page the compiler
cannot see (a computed ``url_path``) still works from the app's menu; only a reload
on it lands on ``404.html``, which goes up one folder at a time until it reaches
the site (GitHub Pages serves the site's ``404.html`` for any missing path under
it, whatever the depth), so no base URL is needed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import PurePosixPath

from compiler.analyse._analyse import Analysis
from compiler.analyse._parse import ParsedApp
from runtime_wasm._pagefiles import is_page_script, page_icon_and_name, pages_folder_scripts

__all__ = ["URL_KEYS", "entry_config", "page_routes"]

# boot config keys holding URLs relative to the site's root
URL_KEYS = ("pyodide", "runtime", "app", "lock", "stdlib")
PAGES_TOML = ".streamlit/pages.toml"
_RESERVED = frozenset(
    {"", ".", "..", "stc", "pyodide", "packages", "index.html", "404.html", "__stc"}
)  # __stc: stc run's server answers there (runtime_wasm._protocol.DEV_EVENTS)


def page_routes(parsed: ParsedApp, analysis: Analysis) -> tuple[str, ...]:
    """The url paths that get a static entry, in navigation order, each once."""
    names = [f.rel.partition("/")[2] for f in parsed.files if is_page_script(f.rel)]
    folder = [page_icon_and_name(PurePosixPath(n))[1] for n in pages_folder_scripts(names)]
    declared = [
        p.url_path
        for p in analysis.pages
        if p.url_path is not None and not p.default and p.script != parsed.entry
    ]
    routes: list[str] = []
    for path in [*folder, *declared, *_pages_toml(parsed)]:
        if path not in routes and path not in _RESERVED and "/" not in path:
            routes.append(path)
    return tuple(routes)


def entry_config(config: Mapping[str, object], root: str) -> dict[str, object]:
    """The boot config of an entry *root* below the site's root (``"../"``)."""
    moved = dict(config)
    for key in URL_KEYS:
        value = moved.get(key)
        if isinstance(value, str) and "://" not in value and not value.startswith("/"):
            moved[key] = root + value
    moved["root"] = root
    return moved


def _pages_toml(parsed: ParsedApp) -> list[str]:
    """The url paths of ``.streamlit/pages.toml`` (st-pages' ``show_pages_from_config``
    and ``get_nav_from_toml``), when the app ships one."""
    text = parsed.text(PAGES_TOML)
    if text is None:
        return []
    try:
        entries = tomllib.loads(text).get("pages", [])
    except (tomllib.TOMLDecodeError, RecursionError):
        return []  # the shim shows st-pages' own error at run time
    paths: list[str] = []
    for entry in entries if isinstance(entries, list) else []:
        if (
            not isinstance(entry, dict)
            or entry.get("is_section")
            or entry.get("path") == parsed.entry
        ):
            continue
        path = entry.get("path")
        if isinstance(path, str) and path:
            explicit = entry.get("url_path")
            paths.append(
                explicit
                if isinstance(explicit, str)
                else page_icon_and_name(PurePosixPath(path))[1]
            )
    return paths
