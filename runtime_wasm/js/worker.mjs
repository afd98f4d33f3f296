// The module worker that runs Python: boots Pyodide, unpacks the runtime and the
// app, hands control to runtime_wasm/_bridge.py, then feeds it page messages one
// at a time. Python posts its own `render` messages through `send`.
//
// Boot: init -> (fetch runtime.zip + app.zip) || (import pyodide.mjs, loadPyodide)
//       -> runtime.zip on sys.path [-> loadPackage(config.packages)] -> unpack app.zip
//       -> bridge.boot(config, send)
// Standard library: a site built with Node has its own stdlib.zip (config.stdlib), the
// bytecode of what its first run imports, in place of Pyodide's zip of sources;
// runtime_wasm/_stdlib_fallback.py imports anything else from Pyodide's full zip.
// Snapshots (snapshot.mjs): a repeat visit restores the memory of the first visit's
// Pyodide, taken once the runtime was imported, instead of starting CPython again.
// Packages: when config.packages is non-empty, Pyodide reads the site's own lock
// (config.lock, written by compiler/resolve/_sitelock.py) instead of its default one, and
// loadPackage resolves dependencies and checks each wheel's sha256. With no
// packages nothing extra is fetched.
// st.cache_data: the site's IndexedDB entries are read while Pyodide boots
// (cache_store.mjs) and handed to bridge.attach_cache just before bridge.boot.
// Download progress comes from wrapping `fetch`: Pyodide 314 loads
// pyodide.asm.wasm and python_stdlib.zip with the global fetch of this worker
// (browser_getBinaryResponse in pyodide.mjs), so counting streams see them too.
// The site's runtime.zip and app.zip are checked against the sizes and sha256s the
// build recorded (config.integrity, site_files.mjs) before they are unpacked.
// While Python runs the app, the busy clock (busy_signal.mjs) lets a run that never
// yields still post its partial page.

import { installBusySignal } from "./busy_signal.mjs";
import { cacheNamespace, openCacheStore } from "./cache_store.mjs";
import { MSG, PROTOCOL_VERSION, RELOAD_ZIP, RUNTIME_ZIP, STAGE } from "./protocol.mjs";
import { downloadError, fetchSiteFile, gunzippedResponse, siteFileName } from "./site_files.mjs";
import { dropSnapshot, readSnapshot, snapshotKey, storeSnapshot } from "./snapshot.mjs";

const APP_DIR = "/home/pyodide/app";
const PROGRESS_INTERVAL_MS = 100;
const SNAPSHOT_STORE_DELAY_MS = 1000;

function post(message) {
  self.postMessage(JSON.stringify(message));
}

function postFatal(message, detail) {
  post({ type: MSG.FATAL, message, detail: detail ?? "" });
}

/** A PythonError's message is its traceback; show its last line as the headline. */
function describeError(err) {
  if (err && typeof err.detail === "string") return { message: err.message, detail: err.detail };
  if (err && err.constructor?.name === "PythonError") {
    const lines = String(err.message).trim().split("\n");
    return { message: lines[lines.length - 1], detail: String(err.message) };
  }
  return { message: String(err?.message ?? err), detail: String(err?.stack ?? "") };
}

// ---- download progress ------------------------------------------------------------

/**
 * Wrap the worker's fetch so the bodies of `urls` are counted as they stream.
 * The wrapped Response keeps status and headers (instantiateStreaming needs
 * Content-Type: application/wasm). Those of `inflated` (url -> digest: the site's
 * stdlib.zip.gz, which Pyodide's loader fetches) are checked and handed over
 * inflated. Returns `allDone`, resolved when every tracked body has been read to the end.
 */
function trackDownloads(urls, inflated, site, onFailure) {
  const entries = new Map(Array.from(urls, (u) => [u, { loaded: 0, total: 0, seen: false, done: false }]));
  let lastPost = 0;
  let finished = false;
  let resolveAllDone;
  const allDone = new Promise((r) => (resolveAllDone = r));

  const report = (force) => {
    if (finished) return;
    const now = performance.now();
    if (!force && now - lastPost < PROGRESS_INTERVAL_MS) return;
    lastPost = now;
    let loaded = 0;
    let total = 0;
    let allKnown = true;
    for (const e of entries.values()) {
      loaded += e.loaded;
      total += Math.max(e.total, e.loaded);
      if (!e.seen || (!e.total && !e.done)) allKnown = false;
    }
    post({ type: MSG.PROGRESS, stage: STAGE.DOWNLOAD, loaded, total: allKnown ? total : 0 });
    if (Array.from(entries.values()).every((e) => e.done)) {
      finished = true;
      resolveAllDone();
    }
  };

  const originalFetch = globalThis.fetch;
  globalThis.fetch = async function stcFetch(input, init) {
    const response = await originalFetch.call(globalThis, input, init);
    const url = typeof input === "string" ? new URL(input, self.location.href).href : input instanceof URL ? input.href : input.url;
    const entry = entries.get(url);
    if (entry && !response.ok) {
      // Pyodide's loader can wait forever on a missing core file: fail the boot here.
      onFailure(downloadError(siteFileName(url, site), response.status));
      return response;
    }
    const handOver = (r) => {
      if (!inflated.has(url)) return r;
      return gunzippedResponse(r, inflated.get(url)).catch((err) => {
        onFailure(err); // Pyodide's loader would only say that the stdlib failed to load
        throw err;
      });
    };
    // Fetched again (a snapshot that did not restore, then a normal start): not counted.
    if (!entry || entry.seen || !response.body) return handOver(response);
    entry.seen = true;
    // With Content-Encoding the length is the compressed size; count it as unknown.
    const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
    entry.total = encoded ? 0 : Number(response.headers.get("content-length") ?? 0);
    const counter = new TransformStream({
      transform(chunk, controller) {
        entry.loaded += chunk.byteLength;
        report(false);
        controller.enqueue(chunk);
      },
      flush() {
        entry.done = true;
        report(true);
      },
    });
    const counted = new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    return handOver(counted);
  };
  return { allDone };
}

// ---- Pyodide --------------------------------------------------------------------------

/**
 * Pyodide restored from this build's snapshot when one is stored and restores, else
 * started normally (able to make a snapshot when `key` says this site keeps one).
 */
async function startPyodide(loadPyodide, options, key, stored) {
  if (stored) {
    try {
      return { pyodide: await loadPyodide({ ...options, _loadSnapshot: stored }), restored: true };
    } catch (err) {
      await dropSnapshot(key);
      console.info(`stc: the start-up snapshot did not restore (${err?.message ?? err}); starting normally.`);
    }
  }
  const pyodide = await loadPyodide(key ? { ...options, _makeSnapshot: true } : options);
  return { pyodide, restored: false };
}

// ---- packages ---------------------------------------------------------------------

/** Load `names` from the site's lock; throws naming the packages that did not load. */
async function loadPackages(pyodide, names) {
  // loadPackage reports per call ("Loaded a, b"), not per wheel: show the stage only.
  post({ type: MSG.PROGRESS, stage: STAGE.PACKAGES, loaded: 0, total: 0 });
  const { loaded, errors } = await loadQuietly(pyodide, names);
  const got = new Set(loaded.map((p) => String(p.name).toLowerCase().replace(/[-_.]+/g, "-")));
  const missing = names.filter((n) => !got.has(n));
  if (missing.length > 0 || errors.length > 0) {
    const which = missing.length > 0 ? missing.join(", ") : "some packages";
    const error = new Error(`Could not load the package${missing.length === 1 ? "" : "s"} ${which}`);
    error.stack = errors.join("\n") || error.message;
    throw error;
  }
}

/** Pyodide's loadPackage with its messages kept out of the console: what loaded, and the errors. */
async function loadQuietly(pyodide, names) {
  const errors = [];
  const loaded = await pyodide.loadPackage(names, {
    messageCallback: () => {},
    errorCallback: (text) => errors.push(text),
  });
  return { loaded: loaded ?? [], errors };
}

/** A package a run asks for (runtime_wasm/_packages.py), from the same lock: did it load? */
async function loadDuringRun(pyodide, name) {
  const { errors } = await loadQuietly(pyodide, [name]);
  if (errors.length > 0) console.error(`Could not load the package ${name}:\n${errors.join("\n")}`);
  return errors.length === 0;
}

// ---- st.cache_data storage (IndexedDB, see cache_store.mjs) -----------------------

/** Start reading the site's cached values; runs while Pyodide boots. */
function startCacheStore(config) {
  return openCacheStore(cacheNamespace(config.url ?? self.location.href));
}

/** Hand the entries and the write-behind `persist` to Python, before bridge.boot. */
async function attachCacheStore(mod, cacheStore) {
  const { entriesJson, persist } = await cacheStore;
  mod.attach_cache(entriesJson, persist ?? undefined); // JS null would reach Python as jsnull
}

// ---- boot -------------------------------------------------------------------------

let bridge = null; // runtime_wasm._bridge once its first run is done
let booted = null; // {pyodide, config} once booted: `reload` fetches the app again
let runtime = null; // the same module from its import on, for stop during the first run
let busy = null; // the busy clock, started around each call into the app's Python
let booting = false;
const queue = [];
let pumping = false;

async function boot(msg) {
  if (booting) return;
  booting = true;
  const config = msg.config ?? {};
  if (msg.protocol !== PROTOCOL_VERSION || config.protocol !== PROTOCOL_VERSION) {
    postFatal(
      "This page and its runtime come from different builds.",
      `The page speaks protocol ${msg.protocol} (config ${config.protocol}), the worker speaks ${PROTOCOL_VERSION}. ` +
        "Reload the page; if it persists, rebuild the site.",
    );
    return;
  }
  let failed = false;
  const fail = (err) => {
    if (failed) return;
    failed = true;
    const { message, detail } = describeError(err);
    postFatal(message, detail);
  };
  try {
    const stdlib = config.stdlib ?? config.pyodide + "python_stdlib.zip";
    const { allDone } = trackDownloads(
      [config.pyodide + "pyodide.asm.wasm", stdlib, config.runtime, config.app],
      new Map(config.stdlib ? [[config.stdlib, config.integrity?.stdlib]] : []),
      config.site,
      fail,
    );
    post({ type: MSG.PROGRESS, stage: STAGE.DOWNLOAD, loaded: 0, total: 0 });
    let starting = false;
    allDone.then(() => {
      if (!starting) post({ type: MSG.PROGRESS, stage: STAGE.PYTHON, loaded: 0, total: 0 });
    });

    const cacheStore = startCacheStore(config);
    // The zips download while Pyodide boots; a failed download fails the boot at once.
    const packages = config.packages ?? [];
    const options = { indexURL: config.pyodide };
    if (packages.length > 0) options.lockFileURL = config.lock;
    else if (config.lock_info) options.lockFileContents = { info: config.lock_info, packages: {} };
    if (config.stdlib) options.stdLibURL = config.stdlib; // bytecode, made by the build
    const snapKey = snapshotKey(config);
    const [{ pyodide, restored }, runtimeBuf, appBuf] = await Promise.all([
      Promise.all([import(config.pyodide + "pyodide.mjs"), readSnapshot(snapKey)]).then(
        ([{ loadPyodide }, stored]) => startPyodide(loadPyodide, options, snapKey, stored),
      ),
      fetchSiteFile(config.runtime, siteFileName(config.runtime, config.site), config.integrity?.runtime),
      fetchSiteFile(config.app, siteFileName(config.app, config.site), config.integrity?.app),
    ]);
    starting = true;
    // The runtime is imported from its zip (zipimport reads only what is imported);
    // the app's files are unpacked, as the app opens them by path.
    pyodide.FS.mkdirTree(RUNTIME_ZIP.slice(0, RUNTIME_ZIP.lastIndexOf("/")));
    pyodide.FS.writeFile(RUNTIME_ZIP, runtimeBuf);
    let snapshot = null; // this visit's, stored once the first run is drawn
    if (!restored) {
      const sys = pyodide.pyimport("sys");
      sys.path.insert(0, RUNTIME_ZIP);
      sys.destroy();
      if (snapKey) {
        // Before any JS callback enters Python: what a snapshot may hold.
        pyodide.runPython("import runtime_wasm._bridge, runtime_wasm.streamlit");
        snapshot = pyodide.makeMemorySnapshot();
        // `js` was Pyodide's recording proxy of globalThis, whose getters throw
        // "Illegal invocation": the real one from now on (runtime_wasm/_js_module.py).
        pyodide.registerJsModule("js", globalThis);
        const jsModule = pyodide.pyimport("runtime_wasm._js_module");
        jsModule.use_real_globals(globalThis);
        jsModule.destroy();
      }
    }
    if (config.stdlib) {
      // Modules the site's stdlib.zip left out come from Pyodide's full zip, on demand:
      // installed before the packages, whose installation imports from the stdlib too.
      const fallback = pyodide.pyimport("runtime_wasm._stdlib_fallback");
      fallback.install(config.pyodide + "python_stdlib.zip", getBytesSync);
      fallback.destroy();
    }
    if (packages.length > 0) await loadPackages(pyodide, packages);
    post({ type: MSG.PROGRESS, stage: STAGE.RUN, loaded: 0, total: 0, boot: restored ? "snapshot" : "fresh" });
    pyodide.unpackArchive(appBuf, "zip", { extractDir: APP_DIR });

    const mod = pyodide.pyimport("runtime_wasm._bridge");
    runtime = mod;
    const send = (s) => self.postMessage(s);
    await attachCacheStore(mod, cacheStore);
    mod.attach_http(postSync, answers);
    mod.attach_packages((name) => loadDuringRun(pyodide, name));
    busy = installBusySignal(pyodide);
    await inRun(() => mod.boot(JSON.stringify(config), send));
    booted = { pyodide, config };
    bridge = mod;
    if (snapshot) {
      // Copying 31 MB into Cache Storage competes with the first render: wait for it.
      setTimeout(() => storeSnapshot(snapKey, snapshot), SNAPSHOT_STORE_DELAY_MS);
    }
  } catch (err) {
    fail(err);
    return;
  }
  if (!failed) pump();
}

/**
 * st.connection's HTTP: Streamlit's API is synchronous, and a worker may block, so a
 * synchronous XMLHttpRequest. Answers {"status", "body"} as JSON; status 0 when no
 * answer came (the proxy is down, or CORS refused this origin: the browser does not
 * say which). `session` is the login's token (Stc-Session), "" when nobody logged in.
 */
function postSync(url, body, session) {
  const xhr = new XMLHttpRequest();
  try {
    xhr.open("POST", url, false);
    xhr.setRequestHeader("Content-Type", "application/json");
    if (session) xhr.setRequestHeader("Stc-Session", session);
    xhr.send(body);
    return JSON.stringify({ status: xhr.status, body: xhr.responseText });
  } catch (err) {
    return JSON.stringify({ status: 0, body: String(err?.message ?? err) });
  }
}

/** The bytes at `url`, or null when they did not come (a worker may wait). */
function getBytesSync(url) {
  const xhr = new XMLHttpRequest();
  try {
    xhr.open("GET", url, false);
    xhr.responseType = "arraybuffer";
    xhr.send();
    return xhr.status === 200 ? new Uint8Array(xhr.response) : null;
  } catch {
    return null;
  }
}

/**
 * Whether any server answers at `url`: a no-cors HEAD resolves (an opaque answer) when
 * a server answered, even one that refuses this page's origin, and rejects when nothing
 * did. The app's failed request cannot tell the two apart (both are "Failed to fetch").
 */
async function answers(url) {
  try {
    await fetch(url, { mode: "no-cors", method: "HEAD", cache: "no-store" });
    return true;
  } catch {
    return false;
  }
}

/** Call into the app's Python with the busy clock running (see busy_signal.mjs). */
async function inRun(call) {
  busy?.start();
  try {
    return await call();
  } finally {
    busy?.stop();
  }
}

/**
 * stc run rebuilt the app (`reload`): its new app.zip, checked against the digest the
 * dev server announced, where the runtime unpacks it (runtime_wasm/_app_reload.py).
 * False when it did not come as announced.
 */
async function fetchRebuiltApp(digest) {
  const { pyodide, config } = booted;
  try {
    const bytes = await fetchSiteFile(config.app, siteFileName(config.app, config.site), digest);
    pyodide.FS.writeFile(RELOAD_ZIP, bytes);
    return true;
  } catch (err) {
    console.warn(`stc: the rebuilt app did not load (${err?.message ?? err}).`);
    return false;
  }
}

// ---- page messages, one at a time -------------------------------------------------

async function pump() {
  if (pumping || !bridge) return;
  pumping = true;
  try {
    while (queue.length > 0) {
      let { raw, msg } = queue.shift();
      // Several widget messages waiting: one rerun with all their updates, in order.
      if (msg.type === MSG.WIDGET && queue.length > 0 && queue[0].msg.type === MSG.WIDGET) {
        const updates = [...msg.updates];
        let context = msg.context;
        while (queue.length > 0 && queue[0].msg.type === MSG.WIDGET) {
          const next = queue.shift().msg;
          updates.push(...next.updates);
          context = next.context ?? context;
        }
        msg = { type: MSG.WIDGET, updates, context };
        raw = JSON.stringify(msg);
      }
      try {
        if (msg.type === MSG.RELOAD) {
          if (queue.some((q) => q.msg.type === MSG.RELOAD)) continue; // a newer build waits
          // A build replaced by a newer one as it downloaded: rerun as is, the next comes.
          if (!(await fetchRebuiltApp(msg.integrity))) raw = JSON.stringify({ type: MSG.WIDGET, updates: [] });
        }
        await inRun(() => bridge.handle(raw));
      } catch (err) {
        const { message, detail } = describeError(err);
        postFatal(`The runtime failed: ${message}`, detail);
        bridge = null;
        queue.length = 0;
      }
    }
  } finally {
    pumping = false;
  }
}

self.addEventListener("message", (event) => {
  let msg;
  try {
    msg = JSON.parse(event.data);
  } catch (err) {
    postFatal("The worker received a malformed message.", String(err));
    return;
  }
  if (msg.type === MSG.INIT) {
    boot(msg);
  } else if (msg.type === MSG.STOP) {
    // Not queued: it is about the run in progress, which is awaiting if we are here.
    let running = false;
    try {
      running = Boolean(runtime?.stop());
    } catch (err) {
      console.error("stc: stop failed", err);
    }
    post({ type: MSG.STOPPING, running });
  } else {
    queue.push({ raw: event.data, msg });
    pump();
  }
});
