// The one message protocol between the page and the worker, JavaScript side.
//
// Mirror of runtime_wasm/_protocol.py (the declaration this file follows); change
// both together and bump PROTOCOL_VERSION. Messages travel as JSON strings.

/** Checked by the worker against the version the page sends in `init`. */
export const PROTOCOL_VERSION = 1;

/** Message `type` tags. */
export const MSG = Object.freeze({
  // page -> worker
  INIT: "init",
  WIDGET: "widget",
  // worker -> page
  PROGRESS: "progress",
  RENDER: "render",
  FATAL: "fatal",
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
 * What the page tells the worker at boot (URLs already absolute).
 * @typedef {object} BootConfig
 * @property {number} protocol
 * @property {string} pyodide  folder URL of the Pyodide core, ending in "/"
 * @property {string} runtime  URL of runtime.zip (the runtime_wasm package)
 * @property {string} app      URL of app.zip (the user's files)
 * @property {string} entry    the main script, relative to the app folder
 * @property {string} url      the page's URL at boot
 */

/**
 * @typedef {{id: string, value: any}} WidgetUpdate
 */

/**
 * One element of the tree. `children` only on blocks; `id` is stable across
 * reruns (widget id, or position path like "main/2/0").
 * @typedef {object} Node
 * @property {string} id
 * @property {string} kind
 * @property {Object<string, any>} props
 * @property {Node[]} [children]
 */

/**
 * @typedef {{type: "init", protocol: number, config: BootConfig}} InitMessage
 * @typedef {{type: "widget", updates: WidgetUpdate[]}} WidgetMessage
 * @typedef {{type: "progress", stage: "download"|"python"|"packages"|"run", loaded: number, total: number}} ProgressMessage
 * @typedef {{type: "render", run: number, status: "running"|"idle", tree: Node}} RenderMessage
 * @typedef {{type: "fatal", message: string, detail: string}} FatalMessage
 * @typedef {InitMessage|WidgetMessage} PageMessage
 * @typedef {ProgressMessage|RenderMessage|FatalMessage} WorkerMessage
 */
