"""What goes into a build and what comes out: frozen, keyword-only values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from compiler._diagnostics import Diagnostic

__all__ = [
    "BuildOptions",
    "BuildResult",
    "BundledPackage",
    "Category",
    "Chosen",
    "RemoteFetch",
    "WrittenFile",
]

Category = Literal["page", "runtime", "app", "pyodide", "packages"]


@dataclass(frozen=True, kw_only=True)
class Chosen:
    """A setting not left at its default: its key, its value as shown, and where it
    came from (``command line``, ``$STC_PROXY_URL``, ``pyproject.toml:4``...)."""

    key: str
    value: str
    source: str


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """Inputs of :func:`compiler.build`.

    ``app`` is the entry script; its folder is the app folder. ``pyodide_url``
    (a folder URL) makes the page load Pyodide from there instead of vendoring it.
    ``include_assets`` is ``"auto"`` (optional libraries such as vega only when the
    analysis sees the app use them, see :mod:`compiler.resolve._assets`) or ``"all"``.
    ``proxy_url`` is where ``stc proxy`` answers for an app that uses a connection;
    without it ``STC_PROXY_URL``, then ``[tool.stc] proxy_url`` in the app folder's
    ``pyproject.toml``, are asked. ``bake`` runs the statements that take no
    parameters at build time with the connections of ``secrets`` (default:
    ``.streamlit/secrets.toml`` in the app folder) and ships their answers (see
    :mod:`compiler.emit._bake`). ``cache_dir`` defaults to ``$STC_CACHE_DIR``,
    ``$XDG_CACHE_HOME/stc`` or ``~/.cache/stc``; ``runtime_dir`` defaults to the
    installed ``runtime_wasm``. ``snapshot=False`` keeps visitors' browsers from storing a
    start-up snapshot for their next visit (``runtime_wasm/js/snapshot.mjs``).
    ``service_worker=True`` ships ``sw.js``, which keeps the site working offline and
    answers repeat visits from the browser (``templates/sw.js``). ``dev=True`` (only
    ``stc run`` sets it) makes the page follow the development server's events
    (``runtime_wasm/js/dev_events.mjs``): never for a site that is published.
    """

    app: Path
    out_dir: Path = Path("site")
    pyodide_url: str | None = None
    force: bool = False
    cache_dir: Path | None = None
    runtime_dir: Path | None = None
    include_assets: Literal["auto", "all"] = "auto"
    proxy_url: str | None = None
    bake: bool = False
    secrets: Path | None = None
    snapshot: bool = True
    service_worker: bool = False
    dev: bool = False


@dataclass(frozen=True, kw_only=True)
class WrittenFile:
    """One file of the site: its path relative to the output folder (``/``-separated)."""

    path: str
    category: Category
    size: int
    sha256: str


@dataclass(frozen=True, kw_only=True)
class BundledPackage:
    """A package the site loads: from its own ``packages/`` folder, or from the CDN.

    ``location`` is the path in the site (``packages/x.whl``) or the absolute URL.
    """

    name: str
    version: str
    in_site: bool
    location: str
    origin: Literal["pyodide", "pypi"]


@dataclass(frozen=True, kw_only=True)
class RemoteFetch:
    """A URL on another host the page will fetch, seen in the app's code: ``command``
    (``"st.image"``) at ``where`` (``"app.py:12:5"``) gives it to the page."""

    url: str
    host: str
    command: str
    where: str


@dataclass(frozen=True, kw_only=True)
class BuildResult:
    """What :func:`compiler.build` wrote, and what it found along the way."""

    out_dir: Path
    files: tuple[WrittenFile, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    totals: Mapping[Category, int] = field(default_factory=dict)
    packages: tuple[BundledPackage, ...] = ()
    remote: tuple[RemoteFetch, ...] = ()
