// The one message protocol between the page and the worker, JavaScript side.
//
// Mirror of runtime_wasm/_protocol.py (the declaration this file follows); change
// both together and bump PROTOCOL_VERSION. Messages travel as JSON strings.

/** Checked by the worker against the version the page sends in `init`. */
export const PROTOCOL_VERSION = 11;

/**
 * Not a message: where the worker writes runtime.zip in Pyodide's file system, first
 * on sys.path (imported from, not unpacked; its bytecode was compiled for this path).
 */
export const RUNTIME_ZIP = "/stc/runtime.zip";

/** Not a message: where the worker writes a rebuilt app.zip (`reload`) for the runtime. */
export const RELOAD_ZIP = "/stc/app.zip";

/**
 * Not a message: where stc run's server streams its development events (Server-Sent
 * Events: `build`, `failed`; see dev_events.mjs), relative to the site's root.
 */
export const DEV_EVENTS = "__stc/events";

/**
 * Not a message: the signal number the worker's busy clock delivers to Python while a
 * run is in progress (busy_signal.mjs); the runtime's handler posts the partial page.
 * SIGUSR1 in Emscripten's numbering.
 */
export const BUSY_SIGNAL = 10;

/** Message `type` tags. */
export const MSG = Object.freeze({
  // page -> worker
  INIT: "init",
  WIDGET: "widget",
  URL: "url", // the address changed (back/forward, a page link): new page and query params, rerun
  STOP: "stop", // the visitor pressed Stop: handled at once when the worker is not busy
  RELOAD: "reload", // stc run rebuilt the app: fetch app.zip again, rerun keeping the session
  CLEAR_CACHE: "clear_cache", // the app menu's Clear cache: empty st.cache_data and st.cache_resource
  // worker -> page
  PROGRESS: "progress",
  RENDER: "render",
  FATAL: "fatal",
  STOPPING: "stopping", // the answer to stop: {running}: a run will end with its idle render
  QUERY: "query", // the run changed st.query_params: pushState(search), replaceState when replace
  NAVIGATE: "navigate", // the run moved to another page: pushState(root + page + "/" + search)
  MEDIA: "media", // bytes an element shows, once per id: {id, mime, data (base64)}
});

/** Boot stages reported by `progress`. */
export const STAGE = Object.freeze({
  DOWNLOAD: "download",
  PYTHON: "python",
  PACKAGES: "packages",
  RUN: "run",
});

/** Run status carried by `render`. */
export const RUN_STATUS = Object.freeze({ RUNNING: "running", IDLE: "idle" });

/**
 * What the build writes into each page (<script id="stc-config">, read by
 * page_config.mjs); paths are relative to that page.
 * @typedef {object} PageConfig
 * @property {number} protocol
 * @property {string} pyodide  folder of the Pyodide core
 * @property {string} runtime  runtime.zip.gz
 * @property {string} app      app.zip
 * @property {string} entry    the main script, relative to the app folder
 * @property {string[]} assets  the optional assets this build kept (compiler/resolve/_assets.py)
 * @property {string[]} [packages]  Pyodide packages loaded at boot (absent: none)
 * @property {string} [lock]   the site's package lock, with packages
 * @property {Object<string, string>} [lock_info]  without packages: the "info" of Pyodide's
 *   lock, handed to Pyodide as a lock of no packages instead of its 120 kB file
 * @property {string} [stdlib] the site's stdlib.zip.gz (absent: Pyodide's own stdlib)
 * @property {boolean} [snapshot]  false: never keep a start-up snapshot (absent: keep one)
 * @property {boolean} [service_worker]  true: register the site's sw.js (templates/sw.js)
 * @property {DataConfig} [data]  st.connection and st.secrets (absent: none)
 * @property {string[]} [pages]  a multipage app's url paths with an entry of their own
 * @property {string} [root]   the site's root, relative to a page's own entry ("../")
 * @property {Object<string, FileDigest>} [integrity]  of "runtime", "app" and "stdlib"
 * @property {boolean} [dev]  true: stc run's server; follow its DEV_EVENTS (absent: never)
 */

/**
 * What the page tells the worker at boot (URLs already absolute).
 * @typedef {object} BootConfig
 * @property {number} protocol
 * @property {string} pyodide  folder URL of the Pyodide core, ending in "/"
 * @property {string} runtime  URL of runtime.zip.gz (the runtime_wasm package)
 * @property {string} app      URL of app.zip (the user's files)
 * @property {string} entry    the main script, relative to the app folder
 * @property {string[]} packages  Pyodide packages to load before the first run
 * @property {string|null} lock  URL of the site's package lock (null: no packages)
 * @property {Object<string, string>|null} lock_info  see PageConfig (null: Pyodide fetches its lock)
 * @property {string|null} stdlib  URL of the site's stdlib.zip.gz (null: Pyodide's own stdlib)
 * @property {boolean} snapshot  keep a start-up snapshot in Cache Storage (snapshot.mjs)
 * @property {string} url      the page's URL at boot
 * @property {string} [page]   the url path of the app page the URL names ("" = default)
 * @property {ClientSnapshot} [context]  the visitor's browser at boot
 * @property {string} [site]   the site's root folder URL, to name its files in messages
 * @property {Object<string, FileDigest>} [integrity]  for "runtime" and "app": checked before use
 * @property {DataConfig} [data]  st.connection and st.secrets (absent: none)
 */

/**
 * What the build tells the site about its data (runtime_wasm/connections).
 * @typedef {object} DataConfig
 * @property {string} [proxy_url]  where `stc proxy` answers ("" or absent: none configured)
 * @property {Object<string, string>} [connections]  connection name -> type, from secrets.toml
 * @property {Object<string, *>} [public_secrets]  the keys of secrets.toml marked public, only those
 * @property {HttpConfig} [http]  web requests through `stc proxy` (absent: none)
 */

/**
 * Which requests go through `stc proxy` (runtime_wasm/http).
 * @typedef {object} HttpConfig
 * @property {string[]} [secrets]  secrets held by the proxy: st.secrets gives placeholders for them
 * @property {string[]} [hosts]  hosts reached through the proxy with no secret (no CORS there)
 */

/**
 * A file of the site as the build wrote it (stc-build.json lists every file's).
 * @typedef {object} FileDigest
 * @property {string} file    its path in the site ("stc/runtime.zip.gz")
 * @property {number} size
 * @property {string} sha256  hex
 */

/**
 * What the page knows about the visitor (the source of st.context), attached to
 * `init` (config.context), `widget` and `url`. Every field is optional.
 * @typedef {object} ClientSnapshot
 * @property {string} [url]              location.href
 * @property {string} [cookies]          document.cookie
 * @property {string} [locale]           navigator.language
 * @property {string} [accept_language]  navigator.languages as an Accept-Language header
 * @property {string} [timezone]         Intl.DateTimeFormat().resolvedOptions().timeZone
 * @property {number} [timezone_offset]  new Date().getTimezoneOffset(), minutes
 * @property {"light"|"dark"} [color_scheme]  prefers-color-scheme
 * @property {boolean} [is_embedded]     window.top !== window
 * @property {string} [user_agent]       navigator.userAgent
 * @property {string} [host]             location.host
 * @property {string} [referrer]         document.referrer
 */

/**
 * @typedef {{id: string, value: any}} WidgetUpdate
 */

/**
 * One element of the tree. `children` only on blocks; `id` is stable across
 * reruns (widget id, or position path like "main/2/0"). A node with `same` has no
 * `props`: they are the ones this id had in the previous render message. The
 * navigation menu is the `navigation` prop of the sidebar (of main for position
 * "top"), not an element (see runtime_wasm/_protocol.py).
 * @typedef {object} Node
 * @property {string} id
 * @property {string} kind
 * @property {Object<string, any>} [props]
 * @property {boolean} [same]
 * @property {Node[]} [children]
 */

/**
 * @typedef {{type: "init", protocol: number, config: BootConfig}} InitMessage
 * @typedef {{type: "widget", updates: WidgetUpdate[], context?: ClientSnapshot}} WidgetMessage
 * @typedef {{type: "url", url: string, page: string, context?: ClientSnapshot, link?: boolean}} UrlMessage  link: a page link, not Back/Forward
 * @typedef {{type: "progress", stage: "download"|"python"|"packages"|"run", loaded: number, total: number, boot?: "snapshot"|"fresh"}} ProgressMessage  boot: with stage "run"
 * @typedef {{type: "render", run: number, status: "running"|"idle", tree: Node}} RenderMessage
 * @typedef {{type: "fatal", message: string, detail: string}} FatalMessage
 * @typedef {{type: "query", search: string, replace: boolean}} QueryMessage  "?a=1&b=2" or ""; replace: only bound widgets changed it; sent before the idle render
 * @typedef {{type: "stop"}} StopMessage
 * @typedef {{type: "stopping", running: boolean}} StoppingMessage
 * @typedef {{type: "reload", integrity: FileDigest}} ReloadMessage  only from a page stc run serves
 * @typedef {{type: "clear_cache"}} ClearCacheMessage  the app menu's Clear cache; no rerun
 * @typedef {InitMessage|WidgetMessage|UrlMessage|StopMessage|ReloadMessage|ClearCacheMessage} PageMessage
 * @typedef {{type: "navigate", page: string, search: string, replace: boolean, not_found?: string}} NavigateMessage  sent instead of query; not_found: the address named no page
 * @typedef {{type: "media", id: string, mime: string, data: string}} MediaMessage  base64 data, once per id
 * @typedef {ProgressMessage|RenderMessage|FatalMessage|QueryMessage|NavigateMessage|StoppingMessage|MediaMessage} WorkerMessage
 */
