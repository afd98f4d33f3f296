// The page config: what the build wrote into this page's <script id="stc-config">
// (PageConfig in protocol.mjs and runtime_wasm/_protocol.py, written by
// compiler/emit/_plan.py), read once. It also says which optional assets (Vega, Plotly,
// ECharts, KaTeX…: compiler/resolve/_assets.py) this build kept, so the elements that need
// one ask here instead of each reading the page.

import { h } from "./dom.mjs";

let config = null;

/** This page's PageConfig; throws when the page has none (not a page stc built). */
export function pageConfig() {
  if (config === null) {
    const el = typeof document === "undefined" ? null : document.getElementById("stc-config");
    if (!el) throw new Error('No <script id="stc-config"> in the page.');
    config = JSON.parse(el.textContent);
  }
  return config;
}

/** Whether the build kept the optional asset `name` (PageConfig.assets). */
export function hasAsset(name) {
  try {
    const assets = pageConfig().assets;
    return !Array.isArray(assets) || assets.includes(name);
  } catch {
    return true;
  }
}

/** The in-page note for an element whose library this build left out. */
export function missingAsset(what, name) {
  return h("div", { class: "stc-alert stc-alert-warning", role: "note" },
    `This ${what} needs ${name}, which this build did not include; rebuild with \`stc build --include-assets all\`.`);
}
