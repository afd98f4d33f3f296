// The page side of an stc site: reads the boot config, starts the worker that runs
// Python, shows boot progress, renders each `render` message, sends user input.
//
// index.html provides <div id="stc-root" data-stc-status="loading"> and
// <script type="application/json" id="stc-config">; this module is loaded as
// <script type="module" src="stc/page.mjs">. Status on #stc-root (and
// window.stc.status): loading | running | idle | error.
//
// Stop (run_control.mjs) first asks the worker: a run that awaits ends at once and the
// session carries on. A worker busy in Python cannot answer, so after STOP_ANSWER_MS
// the page terminates it and starts a new one in the same page: what the run drew
// stays, dimmed, until the new worker's first render, and the bar says the session
// state was lost.
//
// A page `stc run` serves (PageConfig.dev) also follows its rebuilds (dev_events.mjs):
// an app-only change goes to the worker as `reload`, which reruns the new code in the
// same session; anything else reloads the page.

import { createAppMenu } from "./app_menu.mjs";
import { h } from "./dom.mjs";
import { dialogFrame } from "./elements/dialog.mjs";
import { MSG, PROTOCOL_VERSION, STAGE } from "./protocol.mjs";
import { pageConfig } from "./page_config.mjs";
import { addMedia } from "./elements/lib/media_store.mjs";
import { render } from "./render.mjs";
import { initRouter, pageFromUrl, pageUrl } from "./router.mjs";
import { createRunControl } from "./run_control.mjs";

const root = document.getElementById("stc-root");

let status = "loading";
let fatalError = null;
/** @type {Array<{resolve: () => void, reject: (e: Error) => void}>} */
let idleWaiters = [];

function setStatus(next) {
  status = next;
  root.dataset.stcStatus = next;
  if (next === "idle" || next === "error") runControl?.ended();
  if (next === "idle") {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w.resolve();
  }
}

window.stc = {
  /** Resolves now when the app is idle, else at the next idle render; rejects on a fatal error. */
  whenIdle() {
    if (fatalError) return Promise.reject(fatalError);
    if (status === "idle") return Promise.resolve();
    return new Promise((resolve, reject) => idleWaiters.push({ resolve, reject }));
  },
  get status() {
    return status;
  },
};

// ---- loading and fatal screens ----------------------------------------------------

const STAGE_TEXT = {
  [STAGE.DOWNLOAD]: "Downloading Python\u2026",
  [STAGE.PYTHON]: "Starting Python\u2026",
  [STAGE.PACKAGES]: "Loading packages\u2026",
  [STAGE.RUN]: "Running app\u2026",
};

let loadingText = null;
let loadingBar = null;

function showLoading() {
  loadingText = document.createElement("div");
  loadingText.className = "stc-loading-text";
  loadingText.setAttribute("role", "status");
  loadingText.textContent = "Loading\u2026";
  const bar = document.createElement("div");
  bar.className = "stc-progress";
  loadingBar = document.createElement("div");
  bar.append(loadingBar);
  const spinner = document.createElement("div");
  spinner.className = "stc-spinner";
  const box = document.createElement("div");
  box.className = "stc-loading";
  box.append(spinner, loadingText, bar);
  root.replaceChildren(box);
}

function showProgress({ stage, loaded = 0, total = 0 }) {
  if (!loadingText) return;
  let text = STAGE_TEXT[stage] ?? "Loading\u2026";
  let fraction = null;
  if (total > 0) {
    fraction = Math.min(loaded / total, 1);
    text += ` ${Math.floor(fraction * 100)}%`;
  } else if (stage === STAGE.DOWNLOAD && loaded > 0) {
    text += ` ${(loaded / 1e6).toFixed(1)} MB`;
  }
  loadingText.textContent = text;
  if (fraction !== null) loadingBar.style.width = `${(fraction * 100).toFixed(1)}%`;
  else if (stage !== STAGE.DOWNLOAD) loadingBar.style.width = "100%";
}

function showFatal(message, detail = "") {
  if (followingDev && siteConfig?.integrity?.app?.sha256 !== bootedApp) {
    location.reload(); // stc run rebuilt the app while this worker booted the one before
    return;
  }
  const error = new Error(message);
  fatalError = error;
  const waiters = idleWaiters;
  idleWaiters = [];
  for (const w of waiters) w.reject(error);

  const box = document.createElement("div");
  box.className = "stc-fatal";
  box.setAttribute("role", "alert");
  const title = document.createElement("div");
  title.className = "stc-fatal-title";
  title.textContent = message || "The app failed to start.";
  box.append(title);
  if (detail) {
    const pre = document.createElement("pre");
    pre.textContent = detail;
    box.append(pre);
  }
  if (restarting) {
    restarting = false;
    root.inert = false;
    root.classList.remove("stc-restarting");
    runControl.clearNotice();
  }
  if (loadingText || !root.firstChild) root.replaceChildren(box);
  else root.prepend(box);
  loadingText = null;
  setStatus("error");
}

// ---- the worker -------------------------------------------------------------------

/** The site's sw.js (templates/sw.js): offline and repeat visits; never required. */
function registerServiceWorker(site) {
  if (!navigator.serviceWorker) return;
  navigator.serviceWorker.register(new URL("sw.js", site), { scope: site.href }).catch((err) => {
    console.info(`stc: the service worker was not registered (${err?.message ?? err}).`);
  });
}

let followingDev = false; // stc run's page
let bootedApp = null; // the sha256 of the app.zip the current worker booted with

/** stc run's page (PageConfig.dev): follow the dev server's rebuilds (dev_events.mjs). */
function followDev(site) {
  followingDev = true;
  import("./dev_events.mjs").then(({ followDevEvents }) =>
    followDevEvents(site, { appDigest: () => siteConfig?.integrity?.app, reloadApp }),
  );
}

/** stc run rebuilt the app alone: the worker reruns the new code, keeping the session. */
function reloadApp(digest) {
  if (!worker || fatalError) {
    location.reload(); // nothing running to keep: start the new build
    return;
  }
  // A worker started later (after Stop) checks the app.zip the server now has.
  siteConfig = { ...siteConfig, integrity: { ...siteConfig.integrity, app: digest } };
  runStarted();
  worker.postMessage(JSON.stringify({ type: MSG.RELOAD, integrity: digest }));
}

/** The BootConfig this page's PageConfig makes (protocol.mjs): URLs made absolute. */
function readConfig() {
  const raw = pageConfig();
  const base = document.baseURI;
  const abs = (u) => new URL(u, base).href;
  // A page's own entry (<root>/charts/index.html) says where the site's root is.
  const site = new URL(raw.root || "./", base);
  if (raw.service_worker) registerServiceWorker(site);
  if (raw.dev) followDev(site);
  initRouter(site, followPage);
  askedPage = takeMissingPage();
  let pyodide = abs(raw.pyodide);
  if (!pyodide.endsWith("/")) pyodide += "/";
  return {
    protocol: raw.protocol ?? PROTOCOL_VERSION,
    pyodide,
    runtime: abs(raw.runtime),
    app: abs(raw.app),
    entry: raw.entry,
    packages: raw.packages ?? [],
    lock: raw.lock ? abs(raw.lock) : null,
    lock_info: raw.lock_info ?? null,
    stdlib: raw.stdlib ? abs(raw.stdlib) : null,
    snapshot: raw.snapshot !== false,
    site: site.href,
    integrity: raw.integrity ?? null,
    data: raw.data ?? null,
  };
}

/** The boot config for a new worker: the site's, plus where the visitor is now. */
function bootConfig() {
  const page = askedPage ?? pageFromUrl(location.href);
  askedPage = null; // said once: a worker started after Stop runs where the visitor is
  bootedApp = siteConfig.integrity?.app?.sha256;
  return { ...siteConfig, url: location.href, page, context: clientSnapshot() };
}

// 404.html keeps the address the host did not have while it climbs to the app (the
// same key there); the app runs its main page and says "Page not found", as Streamlit.
const MISSING_ADDRESS = "stc-missing-address";
let askedPage = null;

/** The app page a visitor asked for at an address the host did not have, once. */
function takeMissingPage() {
  let missing = null;
  try {
    missing = sessionStorage.getItem(MISSING_ADDRESS);
    sessionStorage.removeItem(MISSING_ADDRESS);
  } catch {
    return null; // storage blocked: the main page runs, without the notice
  }
  const page = missing ? pageFromUrl(missing) : "";
  return page && page !== pageFromUrl(location.href) ? page : null;
}

// ---- what the page owns for the worker: URL, cookies, the visitor's browser -------

/** The source of st.context, read afresh for every message (ClientSnapshot in protocol.mjs). */
function clientSnapshot() {
  let embedded = false;
  try {
    embedded = window.top !== window.self;
  } catch {
    embedded = true; // a cross-origin parent
  }
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return {
    url: location.href,
    cookies: document.cookie,
    locale: navigator.language,
    accept_language: languages.map((l, i) => (i === 0 ? l : `${l};q=${Math.max(1 - i / 10, 0.1).toFixed(1)}`)).join(","),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    timezone_offset: new Date().getTimezoneOffset(),
    color_scheme: window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light",
    is_embedded: embedded,
    user_agent: navigator.userAgent,
    host: location.host,
    referrer: document.referrer,
  };
}

/**
 * The run changed st.query_params: a new history entry, same path and hash, no reload.
 * `replace`: only widgets bound to the URL moved, so the current entry is rewritten.
 */
function applyQuery(search, replace) {
  if (search === location.search || (search === "" && location.search === "?")) return;
  const url = new URL(location.href);
  url.search = search;
  if (replace) history.replaceState(history.state, "", url);
  else history.pushState(history.state, "", url);
}

/**
 * Back or forward: the worker takes the URL's page and query params and reruns.
 * `link`: a page link instead, after which widgets bound to the URL keep their values.
 */
function onPopState(link = false) {
  if (!worker || fatalError) return;
  runStarted();
  const page = pageFromUrl(location.href);
  const message = { type: MSG.URL, url: location.href, page, context: clientSnapshot() };
  if (link === true) message.link = true;
  worker.postMessage(JSON.stringify(message));
}

/** The menu or a page link: a new history entry for the page, then the worker runs it. */
function followPage(page, search) {
  if (!worker || fatalError) return;
  const url = pageUrl(page, search);
  if (url.href !== location.href) history.pushState(null, "", url);
  onPopState(true);
}

/** The run moved to another page (st.switch_page): its address, without a reload. */
function applyNavigate({ page, search, replace, not_found: notFound }) {
  const url = pageUrl(page, search);
  if (notFound !== undefined) showPageNotFound(notFound);
  if (url.href === location.href) return;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
}

/** The address named no page: Streamlit's "Page not found" dialog, same words. */
function showPageNotFound(name) {
  const said = name
    ? `You have requested page /${name}, but no corresponding file was found in the app's pages/ directory`
    : "The page that you have requested does not seem to exist";
  const { el: dialog, title, close, body } = dialogFrame();
  dialog.classList.add("stc-page-not-found");
  title.textContent = "Page not found";
  body.append(h("p", {}, `${said}. Running the app's main page.`));
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => dialog.remove());
  document.querySelector(".stc-page-not-found")?.remove();
  document.body.append(dialog);
  dialog.showModal();
}

/** A worker that is not busy answers `stop` within a few ms; allow for a slow machine. */
const STOP_ANSWER_MS = 500;
/** Once it answered, its run ends at its next await; a run still going then is replaced. */
const STOP_END_MS = 3000;

let worker = null;
let siteConfig = null;
let runControl = null;
let stopTimer = null; // Stop was pressed: replace the worker when this fires
let restarting = false; // Stop replaced the worker; its first render is still to come

/** The visitor acted: a new run, and any notice about an earlier Stop is old news. */
function runStarted() {
  setStatus("running");
  runControl.clearNotice();
  runControl.started();
}

/** The app menu's Rerun (or R): a run with no new widget values. */
function rerunApp() {
  if (!worker || fatalError) return;
  runStarted();
  worker.postMessage(JSON.stringify({ type: MSG.WIDGET, updates: [], context: clientSnapshot() }));
}

function clearCache() {
  if (worker && !fatalError) worker.postMessage(JSON.stringify({ type: MSG.CLEAR_CACHE }));
}

function sendUpdates(updates) {
  if (!worker || fatalError || updates.length === 0) return;
  runStarted();
  worker.postMessage(JSON.stringify({ type: MSG.WIDGET, updates, context: clientSnapshot() }));
}

function onMessage(event) {
  if (event.target !== worker) return; // a worker Stop terminated, still flushing
  let msg;
  try {
    msg = JSON.parse(event.data);
  } catch (err) {
    showFatal("The worker sent a message the page cannot read.", String(err));
    return;
  }
  switch (msg.type) {
    case MSG.PROGRESS:
      showProgress(msg);
      if (msg.stage === STAGE.RUN) {
        runControl.started(); // the first run
        root.dataset.stcBoot = msg.boot ?? "fresh"; // how Pyodide started (snapshot.mjs)
      }
      break;
    case MSG.RENDER:
      if (fatalError) return;
      loadingText = null;
      if (restarting) restarted();
      if (msg.status !== "running") clearStopTimer();
      try {
        render(root, msg.tree, sendUpdates, { keepMissing: msg.status === "running" });
      } catch (err) {
        console.error("stc: render failed", err);
        showFatal("The page could not draw the app.", String(err?.stack ?? err));
        return;
      }
      setStatus(msg.status === "running" ? "running" : "idle");
      break;
    case MSG.QUERY:
      applyQuery(msg.search, msg.replace);
      break;
    case MSG.NAVIGATE:
      applyNavigate(msg);
      break;
    case MSG.MEDIA:
      addMedia(msg.id, msg.mime, msg.data);
      break;
    case MSG.FATAL:
      clearStopTimer();
      showFatal(msg.message, msg.detail);
      break;
    case MSG.STOPPING:
      // The worker read `stop`, so it is not busy: its run ends at its next await. A
      // run it had not begun yet (running: false) is not stopped: the timer ends it.
      clearStopTimer();
      if (status !== "idle") stopTimer = setTimeout(replaceWorker, STOP_END_MS);
      break;
    default:
      console.warn("stc: unknown message from the worker", msg.type);
  }
}

function ensureStylesheet() {
  const href = new URL("./stc.css", import.meta.url).href;
  const present = Array.from(document.querySelectorAll('link[rel="stylesheet"]')).some((l) => l.href === href);
  if (!present) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.append(link);
  }
}

/** Start a worker and boot the app in it; false when the browser cannot. */
function startWorker() {
  try {
    worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
  } catch (err) {
    showFatal("This browser could not start the app's worker (module workers are required).", String(err?.stack ?? err));
    return false;
  }
  const current = worker;
  worker.addEventListener("message", onMessage);
  worker.addEventListener("messageerror", () => current === worker && showFatal("A message from the worker could not be received."));
  worker.addEventListener("error", (event) => {
    event.preventDefault?.();
    if (current !== worker) return;
    const where = event.filename ? ` (${event.filename}:${event.lineno})` : "";
    showFatal("The app's worker failed.", `${event.message || "The worker script could not be loaded."}${where}`);
  });
  worker.postMessage(JSON.stringify({ type: MSG.INIT, protocol: PROTOCOL_VERSION, config: bootConfig() }));
  return true;
}

/** Stop: ask the worker to end the run; replace the worker if it cannot answer. */
function stopRun() {
  if (!worker || fatalError || stopTimer !== null) return;
  runControl.stopping();
  worker.postMessage(JSON.stringify({ type: MSG.STOP }));
  stopTimer = setTimeout(replaceWorker, STOP_ANSWER_MS);
}

function clearStopTimer() {
  clearTimeout(stopTimer);
  stopTimer = null;
}

/**
 * End the run by replacing its worker (a busy worker reads no message). What the run
 * drew stays, dimmed and inert, until the new worker's first render.
 */
function replaceWorker() {
  clearStopTimer();
  if (!worker || fatalError) return;
  worker.terminate();
  worker = null;
  restarting = true;
  root.inert = true;
  root.classList.add("stc-restarting");
  runControl.ended();
  runControl.notice("restarting", "Stopped. Restarting the app\u2026 its session state was lost.");
  setStatus("loading");
  startWorker();
}

function restarted() {
  restarting = false;
  root.inert = false;
  root.classList.remove("stc-restarting");
  runControl.notice(
    "restarted",
    "The app was stopped and restarted: its session state (widget values, st.session_state) was lost.",
  );
}

function start() {
  ensureStylesheet();
  showLoading();
  try {
    siteConfig = readConfig();
  } catch (err) {
    showFatal("The page's stc configuration is missing or invalid.", String(err?.stack ?? err));
    return;
  }
  runControl = createRunControl(stopRun);
  createAppMenu({ rerun: rerunApp, clearCache });
  if (!startWorker()) return;
  window.addEventListener("popstate", onPopState);
}

start();
