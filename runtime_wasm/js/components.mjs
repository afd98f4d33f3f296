// Custom components (Streamlit's components v1): the component's own frontend, from
// the site's stc/components/ folder, in a sandboxed iframe that speaks Streamlit's
// component protocol (what streamlit-component-lib's Streamlit.ts sends and expects):
//
//   frame -> page  {isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion}
//                  {…, type: "streamlit:setFrameHeight", height}
//                  {…, type: "streamlit:setComponentValue", value, dataType}
//   page -> frame  {type: "streamlit:render", args, dfs, disabled, theme}
//
// The page renders the frame once it is ready and after every rerun; a value the
// frame sets is the widget's new value (runtime_wasm/streamlit/components/v1): sent
// now, or at its form's submit. Bytes and DataFrames (Arrow IPC: the cells, the index
// and the labels, as streamlit-component-lib's ArrowTable reads and serializes them)
// travel to and from the worker as base64: props.bytes_args and props.dfs one way,
// {__stc_bytes__} and {__stc_arrow__: {data, index, columns}} the other.

import { h } from "./dom.mjs";
import { base64ToBytes, bytesToBase64 } from "./elements/lib/files.mjs";
import { siteUrl } from "./router.mjs";

// Streamlit's DEFAULT_IFRAME_SANDBOX_POLICY: a component is the app author's code
// (a CookieManager reads the site's cookies), isolated from the page's DOM.
const SANDBOX =
  "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-downloads";

/** The theme a component styles itself with, from the page's own colours. */
function theme() {
  const css = getComputedStyle(document.documentElement);
  const v = (name) => css.getPropertyValue(name).trim();
  const bg = v("--stc-bg") || "#ffffff";
  return {
    base: isDark(bg) ? "dark" : "light",
    primaryColor: v("--stc-primary"),
    backgroundColor: bg,
    secondaryBackgroundColor: v("--stc-bg-2"),
    textColor: v("--stc-text"),
    font: v("--stc-font"),
  };
}

function isDark(color) {
  const probe = h("div", { style: `color: ${color}; display: none` });
  document.body.append(probe);
  const rgb = getComputedStyle(probe).color.match(/\d+/g)?.map(Number) ?? [255, 255, 255];
  probe.remove();
  return rgb[0] * 0.299 + rgb[1] * 0.587 + rgb[2] * 0.114 < 128;
}

function asBytes(value) {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/** The render message Streamlit sends: bytes arguments among the args as
 * Uint8Arrays, DataFrame arguments in `dfs` as ArrowDataframe protos. */
export function renderMessage(p, theme) {
  const args = { ...(p.args ?? {}) };
  for (const [key, text] of Object.entries(p.bytes_args ?? {})) args[key] = base64ToBytes(text);
  const dfs = (p.dfs ?? []).map((df) => ({
    key: df.key,
    value: { data: { data: base64ToBytes(df.data), index: base64ToBytes(df.index), columns: base64ToBytes(df.columns) } },
  }));
  return { type: "streamlit:render", args, dfs, disabled: Boolean(p.disabled), theme };
}

/** What a frame's setComponentValue becomes on its way to the worker. */
export function sentValue(value, dataType) {
  if (value == null) return null;
  if (dataType === "dataframe" && typeof value === "object") {
    const streams = {};
    for (const part of ["data", "index", "columns"]) streams[part] = bytesToBase64(asBytes(value[part]));
    return { __stc_arrow__: streams };
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return { __stc_bytes__: bytesToBase64(asBytes(value)) };
  return value;
}

/** Send the frame its render message, once it said it is ready. */
function renderFrame(el) {
  const c = el._component;
  if (!c.ready || !c.frame.contentWindow) return;
  c.frame.contentWindow.postMessage(renderMessage(el._stc.props, theme()), "*");
}

function received(el, data) {
  const c = el._component;
  if (data.type === "streamlit:componentReady") {
    c.ready = true;
    renderFrame(el);
  } else if (data.type === "streamlit:setFrameHeight") {
    const height = Number(data.height);
    if (Number.isFinite(height)) c.frame.style.height = `${Math.max(0, height)}px`;
  } else if (data.type === "streamlit:setComponentValue") {
    c.ctx.emit(el, sentValue(data.value, data.dataType));
  }
}

// One listener for every component: a message is its frame's when it comes from it
// (a frame's window exists only once it is in the document, and its script may speak
// before the frame's load event, so the owner is looked up when a message comes).
if (typeof window !== "undefined") {
  window.addEventListener("message", (event) => {
    if (!event.data?.isStreamlitMessage || !event.source) return;
    for (const frame of document.querySelectorAll(".stc-component > iframe")) {
      if (frame.contentWindow === event.source) received(frame.parentElement, event.data);
    }
  });
}

function mount(el, p) {
  const c = el._component;
  const src = siteUrl(p.src);
  src.searchParams.set("streamlitUrl", location.href);
  c.src = p.src;
  c.ready = false;
  c.frame = h("iframe", {
    src: src.href,
    title: p.name,
    sandbox: SANDBOX,
    allow: "clipboard-read; clipboard-write",
    style: "width: 100%; height: 0; border: 0; display: block",
    tabindex: p.tab_index ?? null,
  });
  el.replaceChildren(c.frame);
}

export const COMPONENTS = {
  component_instance: {
    create(p, ctx) {
      const el = h("div", { class: "stc-component" });
      el._component = { ctx, frame: null, ready: false, src: null };
      return el;
    },
    update(el, p) {
      if (el._component.src !== p.src) mount(el, p);
      else renderFrame(el);
    },
  },
};
