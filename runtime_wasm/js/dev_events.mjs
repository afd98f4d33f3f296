// stc run's development loop, page side: follow the dev server's events (DEV_EVENTS,
// Server-Sent Events) and act on each rebuild. Loaded only by a page whose config says
// `dev` (PageConfig.dev), which only stc run sets: a published site never imports it.
//
// Events (runtime_wasm/_protocol.py, "Development events"; compiler/devtools/_events.py):
//   build  {change, app}  a rebuild succeeded: the banner goes; "reload" reloads the
//          page (the runtime or the page config changed); otherwise, when the app.zip
//          it names is not the one this page runs, `reloadApp(app)`: the worker reruns
//          the new code keeping the session. The server replays the last build (as
//          "none") on every connection, so a page that missed one catches up.
//   failed {diagnostics}  a rebuild failed: the diagnostics as `stc build` prints them,
//          in a banner above the app, which goes on running the last good build.

import { h } from "./dom.mjs";
import { DEV_EVENTS } from "./protocol.mjs";

const BANNER_ID = "stc-dev";

/**
 * Open the event stream of the site at `site`. `appDigest()` is the FileDigest of the
 * app.zip the page runs; `reloadApp(digest)` hands the worker a rebuilt one.
 */
export function followDevEvents(site, { appDigest, reloadApp }) {
  const source = new EventSource(new URL(DEV_EVENTS, site));
  source.addEventListener("build", (event) => {
    const { change, app } = JSON.parse(event.data);
    hideBanner();
    if (change === "reload") location.reload();
    else if (app && app.sha256 !== appDigest()?.sha256) reloadApp(app);
  });
  source.addEventListener("failed", (event) => showBanner(JSON.parse(event.data).diagnostics));
  return source;
}

function showBanner(diagnostics) {
  let banner = document.getElementById(BANNER_ID);
  if (!banner) {
    banner = h("div", { id: BANNER_ID, class: "stc-dev-banner", role: "alert" });
    document.body.prepend(banner);
  }
  banner.replaceChildren(
    h("div", { class: "stc-dev-title" }, "The app did not build: the page runs the last build that did."),
    h("pre", {}, diagnostics),
  );
}

function hideBanner() {
  document.getElementById(BANNER_ID)?.remove();
}
