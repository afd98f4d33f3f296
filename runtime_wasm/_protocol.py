"""The one message protocol between the page and the worker, Python side.

Mirrored once in JavaScript by ``runtime_wasm/js/protocol.mjs``; change both together
and bump :data:`PROTOCOL_VERSION`. The page sends its version in ``init``; the worker
compares it with this constant and refuses to boot on a mismatch, so a page cached
from an old build can never drive a newer runtime.

Messages travel as JSON strings (one ``JSON.parse`` on the receiving side, no
structured-clone walk of a large element tree).

Page -> worker
    ``{"type": "init", "protocol": 4, "config": BootConfig}``
    ``{"type": "widget", "updates": [{"id": str, "value": Any}, ...],
       "context": ClientSnapshot}``
        One user interaction: the new values of one or more widgets (a form submit
        carries every pending value of its form plus the submit button's ``true``).
        The worker applies them, runs callbacks, reruns the script.
    ``{"type": "url", "url": str, "page": str, "context": ClientSnapshot}``
        The address changed under the app: the browser went back or forward
        (``popstate``), or the visitor followed a page link or the navigation menu
        (the page pushed the new URL first). ``url`` is the new address, ``page``
        the url path of the app page it names (``""`` for the site's root, the
        default page); the worker takes the query string into ``st.query_params``,
        the page into the navigation, and reruns. ``link``: a page link or the menu,
        not Back or Forward: widgets bound to the URL keep their parameters (the
        worker answers with a ``query`` that replaces the entry) instead of taking
        the address's values.
    ``{"type": "stop"}``
        The visitor pressed Stop. Handled at once, not queued behind the run: a worker
        that reads it is not busy (the run awaits), so the run ends at its next
        element or ``await`` as with ``st.stop()``, keeping the session, and the
        worker answers ``stopping``. A run that never yields cannot read it; the page
        then replaces the worker (see ``js/page.mjs``).
    ``{"type": "reload", "integrity": FileDigest}``
        Only from a page ``stc run`` serves (``PageConfig.dev``): the app was rebuilt
        and only its files changed. Queued like ``widget``: between runs the worker
        fetches ``app.zip`` again, checks it against ``integrity``, writes it to
        ``RELOAD_ZIP``; the runtime makes the app folder the zip's files, forgets
        the app's own modules and reruns the new script, keeping the session
        (``st.session_state``, widget values), as ``streamlit run`` does on save.
    ``{"type": "clear_cache"}``
        The visitor chose "Clear cache" in the app menu (``js/app_menu.mjs``).
        Queued like ``widget``: between runs the worker empties ``st.cache_data``
        (IndexedDB included) and ``st.cache_resource``, as Streamlit's menu does,
        without a rerun.

Worker -> page
    ``{"type": "progress", "stage": Stage, "loaded": int, "total": int}``
    ``{"type": "render", "run": int, "status": "running" | "idle", "tree": Node}``
        The whole element tree after (or, with ``running``, during) a run.
    ``{"type": "fatal", "message": str, "detail": str}``
        Boot failed; the page shows it instead of a blank screen.
    ``{"type": "stopping", "running": bool}``
        The answer to ``stop``: ``running`` when a run was in progress and will end
        with its ``idle`` render (False: none was; a run the worker had queued but not
        begun is not stopped, and the page replaces the worker if it goes on).
    ``{"type": "query", "search": str, "replace": bool}``
        The run changed ``st.query_params``: ``search`` is the new query string
        (``"?a=1&b=2"``, or ``""`` for none). The page puts it in the address bar
        with ``history.pushState`` (a new history entry, as Streamlit does, so Back
        returns to the previous state), keeping the path and the hash; no reload.
        ``replace``: only widgets with ``bind="query-params"`` changed it, following
        the visitor; ``history.replaceState`` then, as Streamlit's page does.
        Sent before the run's ``idle`` render.
    ``{"type": "navigate", "page": str, "search": str, "replace": bool}``
        The run ended on another page of a multipage app than the address names
        (``st.switch_page``, or an unknown page that fell back to the default):
        the page puts ``<site root><page>/`` plus ``search`` in the address bar,
        with ``history.pushState`` (``replaceState`` when ``replace``); no reload.
        Sent instead of ``query``, before the run's ``idle`` render.
    ``{"type": "media", "id": str, "mime": str, "data": str}``
        Bytes an element shows (an image, audio, video, PDF), base64 in ``data``,
        sent once per content before the first render that uses ``id`` (see
        ``_media_store``). Elements carry ``{"media": id, "mime": ...}`` in their
        props; the page keeps one object URL per id.

Signal (``BUSY_SIGNAL``)
    Not a message: while a run is in progress the worker delivers this signal number
    to Python through Pyodide's interrupt buffer every quarter second, even when the
    script never yields (``js/busy_signal.mjs``); the runtime's handler posts the
    partial ``render`` (see ``_busy``).

Development events (``DEV_EVENTS``)
    Not messages of the worker: the Server-Sent Events ``stc run``'s server sends a
    page whose config says ``dev`` (``js/dev_events.mjs``; written by
    ``compiler/devtools/_events.py``). ``build``: ``{"change": "app" | "reload" |
    "none", "app": FileDigest}``: a rebuild succeeded; ``app``: only the app changed
    (the page sends ``reload``), ``reload``: the runtime or the page config did (the
    page reloads), ``none``: nothing the page has. ``failed``: ``{"diagnostics": str}``:
    a rebuild failed, rendered as ``stc build`` prints them; the last good build
    keeps running and the page shows them in a banner until the next ``build``.

Page config (``PageConfig``)
    Not a message: what the build writes into every page's ``<script
    id="stc-config">`` (``compiler/emit/_plan.py``), paths relative to that page. The page
    reads it once (``js/page_config.mjs``) and makes the ``BootConfig`` it sends in
    ``init`` from it (URLs made absolute, the visitor's URL and browser added).

Client snapshot (``ClientSnapshot``)
    What the page knows about the visitor, taken at ``init`` (``config.context``)
    and with every ``widget`` and ``url`` message; the source of ``st.context``
    (see ``_client.py``). Every field is optional.

Element tree (``Node``)
    ``{"id": str, "kind": str, "props": {...}, "children": [Node, ...]}``
    ``children`` only on blocks. ``id`` is stable across reruns: a widget's id is its
    widget id, any other element's id is its position path (``"main/2/0"``), so the
    page can keep DOM nodes whose id and kind did not change. The root is
    ``{"id": "root", "kind": "root", "children": [main, sidebar, event, ...]}`` (event:
    where ``st.toast`` goes; ``st.bottom``'s block may follow). The navigation
    menu is not an element: it is the ``navigation`` prop of the sidebar (of main for
    ``position="top"``), as Streamlit sends the pages beside its element tree.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

__all__ = [
    "BUSY_SIGNAL",
    "DEV_EVENTS",
    "MESSAGES",
    "PROTOCOL_VERSION",
    "RELOAD_ZIP",
    "RUNTIME_ZIP",
    "BootConfig",
    "ClearCacheMessage",
    "ClientSnapshot",
    "DataConfig",
    "FatalMessage",
    "FileDigest",
    "HttpConfig",
    "InitMessage",
    "MediaMessage",
    "NavigateMessage",
    "Node",
    "PageConfig",
    "ProgressMessage",
    "QueryMessage",
    "ReloadMessage",
    "RenderMessage",
    "Stage",
    "StopMessage",
    "StoppingMessage",
    "UrlMessage",
    "WidgetMessage",
    "WidgetUpdate",
]

PROTOCOL_VERSION = 11

# Where the worker writes runtime.zip in Pyodide's file system: it is imported from
# there (zipimport), not unpacked, and the build compiles its bytecode for that path.
RUNTIME_ZIP = "/stc/runtime.zip"

# Where the worker writes a rebuilt app.zip (``reload``), for the runtime to unpack.
RELOAD_ZIP = "/stc/app.zip"

# Where stc run's server streams its development events, relative to the site's root.
DEV_EVENTS = "__stc/events"

# SIGUSR1 in Emscripten's (musl's) numbering; Pyodide's Python has no other use for it.
BUSY_SIGNAL = 10

Stage = Literal["download", "python", "packages", "run"]
RunStatus = Literal["running", "idle"]


class PageConfig(TypedDict):
    """What the build writes into each page (``<script id="stc-config">``); paths are
    relative to that page."""

    protocol: int
    pyodide: str  # folder of the Pyodide core
    runtime: str  # runtime.zip.gz
    app: str  # app.zip
    entry: str  # the main script, relative to the app folder
    assets: list[str]  # the optional assets this build kept (compiler/resolve/_assets.py)
    packages: NotRequired[list[str]]  # Pyodide packages loaded at boot (absent: none)
    lock: NotRequired[str]  # the site's package lock, with packages
    # without packages: the "info" of Pyodide's lock, which the worker hands Pyodide as
    # a lock of no packages instead of its 120 kB file (absent: Pyodide fetches its own)
    lock_info: NotRequired[dict[str, str]]
    stdlib: NotRequired[str]  # the site's stdlib.zip.gz (absent: Pyodide's own stdlib)
    snapshot: NotRequired[bool]  # false: never keep a start-up snapshot (absent: keep one)
    service_worker: NotRequired[bool]  # true: register the site's sw.js (templates/sw.js)
    data: NotRequired[DataConfig]  # st.connection and st.secrets (absent: none)
    pages: NotRequired[list[str]]  # a multipage app's url paths with an entry of their own
    root: NotRequired[str]  # the site's root, relative to a page's own entry ("../")
    integrity: NotRequired[dict[str, FileDigest]]  # of "runtime", "app" and "stdlib"
    dev: NotRequired[bool]  # true: stc run's server; follow its DEV_EVENTS (absent: never)


class BootConfig(TypedDict):
    """What the page tells the worker at boot (URLs already absolute)."""

    protocol: int
    pyodide: str  # folder URL of the Pyodide core, ending in "/"
    runtime: str  # URL of runtime.zip.gz (the runtime_wasm package)
    app: str  # URL of app.zip (the user's files)
    entry: str  # the main script, relative to the app folder
    packages: list[str]  # Pyodide packages to load before the first run
    lock: str | None  # URL of the site's package lock (None: no packages)
    lock_info: dict[str, str] | None  # see PageConfig (None: Pyodide fetches its lock)
    stdlib: str | None  # URL of the site's stdlib.zip.gz (None: Pyodide's own stdlib)
    snapshot: bool  # keep a start-up snapshot in Cache Storage (js/snapshot.mjs)
    url: str  # the page's URL at boot
    page: NotRequired[str]  # the url path of the app page the URL names ("" = default)
    context: NotRequired[ClientSnapshot]  # the visitor's browser at boot
    site: NotRequired[str]  # the site's root folder URL, to name its files in messages
    # what the build wrote for "runtime" and "app", checked by the worker before use
    integrity: NotRequired[dict[str, FileDigest]]
    data: NotRequired[DataConfig]  # st.connection and st.secrets (absent: none)


class DataConfig(TypedDict, total=False):
    """What the build tells the site about its data (``runtime_wasm.connections``)."""

    proxy_url: str  # where `stc proxy` answers ("" or absent: none configured)
    connections: dict[str, str]  # connection name -> type, from secrets.toml
    public_secrets: dict[str, Any]  # the keys of secrets.toml marked public, only those
    http: HttpConfig  # web requests through `stc proxy` (absent: none)


class HttpConfig(TypedDict, total=False):
    """Which requests go through ``stc proxy`` (``runtime_wasm.http``)."""

    secrets: list[str]  # secrets held by the proxy: st.secrets gives placeholders for them
    hosts: list[str]  # hosts reached through the proxy with no secret (no CORS there)


class FileDigest(TypedDict):
    """A file of the site as the build wrote it (``stc-build.json`` has every file's)."""

    file: str  # its path in the site, for messages ("stc/runtime.zip.gz")
    size: int
    sha256: str  # hex


class ClientSnapshot(TypedDict, total=False):
    url: str  # location.href
    cookies: str  # document.cookie
    locale: str  # navigator.language
    accept_language: str  # navigator.languages, as an Accept-Language header
    timezone: str  # Intl.DateTimeFormat().resolvedOptions().timeZone
    timezone_offset: int  # new Date().getTimezoneOffset(), minutes
    color_scheme: Literal["light", "dark"]  # prefers-color-scheme
    is_embedded: bool  # window.top !== window
    user_agent: str  # navigator.userAgent
    host: str  # location.host
    referrer: str  # document.referrer


class WidgetUpdate(TypedDict):
    id: str
    value: Any


class Node(TypedDict):
    id: str
    kind: str
    # Left out, with ``same``, where they equal the props this id had in the previous
    # render message (large props only; see runtime_wasm._unchanged)
    props: NotRequired[dict[str, Any]]
    same: NotRequired[bool]
    children: NotRequired[list[Node]]  # blocks only


# -- messages: page -> worker ---------------------------------------------------------


class InitMessage(TypedDict):
    type: Literal["init"]
    protocol: int
    config: BootConfig


class WidgetMessage(TypedDict):
    type: Literal["widget"]
    updates: list[WidgetUpdate]
    context: NotRequired[ClientSnapshot]


class UrlMessage(TypedDict):
    type: Literal["url"]
    url: str
    page: str
    context: NotRequired[ClientSnapshot]
    link: NotRequired[bool]


class StopMessage(TypedDict):
    type: Literal["stop"]


class ReloadMessage(TypedDict):
    type: Literal["reload"]
    integrity: FileDigest  # of the rebuilt app.zip


class ClearCacheMessage(TypedDict):
    type: Literal["clear_cache"]


# -- messages: worker -> page ---------------------------------------------------------


class ProgressMessage(TypedDict):
    type: Literal["progress"]
    stage: Stage
    loaded: int
    total: int
    # with stage "run": Pyodide restored from a start-up snapshot, or started afresh
    boot: NotRequired[Literal["snapshot", "fresh"]]


class RenderMessage(TypedDict):
    type: Literal["render"]
    run: int
    status: RunStatus
    tree: Node


class FatalMessage(TypedDict):
    type: Literal["fatal"]
    message: str
    detail: str


class StoppingMessage(TypedDict):
    type: Literal["stopping"]
    running: bool


class QueryMessage(TypedDict):
    type: Literal["query"]
    search: str
    replace: bool


class NavigateMessage(TypedDict):
    type: Literal["navigate"]
    page: str
    search: str
    replace: bool
    # The address named no page (replace is true): the page asked for in a pages/
    # folder app, "" under st.navigation; the page says so, as Streamlit does.
    not_found: NotRequired[str]


class MediaMessage(TypedDict):
    type: Literal["media"]
    id: str
    mime: str
    data: str  # base64


# Every message, by its type tag; protocol.mjs declares the same (tests/unit/test_protocol.py).
MESSAGES: dict[str, type] = {
    "init": InitMessage,
    "widget": WidgetMessage,
    "url": UrlMessage,
    "stop": StopMessage,
    "reload": ReloadMessage,
    "clear_cache": ClearCacheMessage,
    "progress": ProgressMessage,
    "render": RenderMessage,
    "fatal": FatalMessage,
    "stopping": StoppingMessage,
    "query": QueryMessage,
    "navigate": NavigateMessage,
    "media": MediaMessage,
}
