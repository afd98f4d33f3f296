// Components v2 (runtime_wasm/streamlit/components/v2): the app's own HTML, CSS and
// JavaScript, mounted in the page as Streamlit's BidiComponent does.
//
// The HTML and a <style> of the CSS go in a shadow root (isolate_styles, the default:
// the component's CSS cannot reach the app and the app's cannot reach it) or in a
// plain <div>. The JavaScript is an ES module, loaded from a Blob URL of its text
// (one per distinct text), whose default export is called with
//
//   {name, data, key, parentElement, setStateValue(name, value), setTriggerValue(name, value)}
//
// when the element appears and again whenever its data (or code) changes; what it
// returns (or resolves to), if a function, is called once the element leaves the
// page. setStateValue replaces the state widget's value with the state plus that
// name; setTriggerValue adds {event, value} to the events widget's list (ignored in
// a form, as in Streamlit). Calls of one task go to the worker as one update, so
// one rerun sees them all. `data` arrives as Streamlit gives it: JSON as is, bytes
// and Arrow tables as Uint8Arrays (see _data.py for the mixed form). CSS and JS
// files of a package's asset_dir (props css_src, js_src) load from the site, which
// carries the folder, so a module's relative imports resolve as in Streamlit.

import { h } from "./dom.mjs";
import { base64ToBytes } from "./elements/lib/files.mjs";
import { siteUrl } from "./router.mjs";

const ARROW_REF_KEY = "__streamlit_arrow_ref__";
const moduleUrls = new Map(); // module text -> Blob URL
let instances = 0;

function moduleUrl(js, name) {
  let url = moduleUrls.get(js);
  if (!url) {
    // The sourceURL names the component in the developer tools' stack traces.
    const text = `${js}\n//# sourceURL=st-bidi-${name}.js`;
    url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
    moduleUrls.set(js, url);
  }
  return url;
}

/** The `data` the component receives, from the props' form (_data.py). */
export function dataOf(sent) {
  if (sent == null) return null;
  if ("json" in sent) return sent.json;
  if ("bytes" in sent) return base64ToBytes(sent.bytes);
  if ("arrow" in sent) return base64ToBytes(sent.arrow);
  const mixed = sent.mixed;
  if (mixed && typeof mixed === "object" && !Array.isArray(mixed)) {
    const out = {};
    for (const [name, value] of Object.entries(mixed)) {
      const ref = value && typeof value === "object" ? value[ARROW_REF_KEY] : undefined;
      out[name] = typeof ref === "string" ? (sent.blobs?.[ref] ? base64ToBytes(sent.blobs[ref]) : null) : value;
    }
    return out;
  }
  return mixed ?? null;
}

function cssSize(value, stretch, content) {
  if (typeof value === "number") return `${value}px`;
  return value === "stretch" ? stretch : content;
}

function showError(el, err) {
  const message = err?.message ?? String(err);
  el._v2.host.replaceChildren(h("div", { class: "stc-bidi-error", role: "alert" }, `BidiComponent Error: ${message}`));
  el._v2.root = null;
  el._v2.look = null;
}

function flush(el) {
  const c = el._v2;
  c.flushScheduled = false;
  if (c.gone) return;
  const { id, props } = el._stc;
  const updates = [];
  if (c.pendingState) {
    c.lastSent = c.pendingState;
    if (props.form_id) c.ctx.emit(el, c.pendingState); // held until the form's submit
    else updates.push({ id, value: c.pendingState });
  }
  if (c.pendingEvents.length) updates.push({ id: props.events_id, value: c.pendingEvents });
  c.pendingState = null;
  c.pendingEvents = [];
  if (updates.length) c.ctx.send(updates);
}

function schedule(el) {
  if (el._v2.flushScheduled) return;
  el._v2.flushScheduled = true;
  setTimeout(() => flush(el), 0);
}

/** What Streamlit's widget manager keeps of a value: its JSON (so `undefined` and
 * functions drop out, typed arrays become objects), not the live object. */
function asJson(value) {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

function api(el) {
  const c = el._v2;
  return {
    setStateValue(name, value) {
      const base = c.pendingState ?? c.lastSent ?? el._stc.props.value ?? {};
      c.pendingState = asJson({ ...base, [name]: value });
      schedule(el);
    },
    setTriggerValue(name, value) {
      if (el._stc.props.form_id) {
        console.warn("BidiComponent: setTriggerValue ignored inside st.form. Triggers are not allowed in forms; use setStateValue and form submit instead.");
        return;
      }
      c.pendingEvents.push(asJson({ event: name, value }));
      schedule(el);
    },
  };
}

async function invoke(el, p, token) {
  const c = el._v2;
  const mod = await import(p.js_src ? siteUrl(p.js_src).href : moduleUrl(p.js, p.name));
  if (token !== c.token) return;
  if (typeof mod.default !== "function") throw new Error("JS module does not have a default export function.");
  const cleanup = await mod.default({ name: p.name, data: dataOf(p.data), key: c.key, parentElement: c.root, ...api(el) });
  if (typeof cleanup !== "function") return;
  if (token === c.token && !c.gone) c.cleanup = cleanup; // the last call's cleanup, as Streamlit keeps
  else runCleanup(cleanup);
}

function runCleanup(cleanup) {
  Promise.resolve()
    .then(cleanup)
    .catch((err) => console.warn("Failed to run custom component cleanup", err));
}

/** The element left the page: its module's cleanup runs once. */
function unmount(el) {
  const c = el._v2;
  if (!c || c.gone) return;
  c.gone = true;
  c.token += 1;
  if (c.cleanup) runCleanup(c.cleanup);
  c.cleanup = null;
}

// Rerenders move elements (disconnect, then connect again in the same task) and
// remove whole blocks; a custom element hears both, so cleanup waits a microtask and
// runs only if the element really left.
if (typeof customElements !== "undefined" && !customElements.get("stc-bidi-component")) {
  customElements.define(
    "stc-bidi-component",
    class extends HTMLElement {
      disconnectedCallback() {
        queueMicrotask(() => {
          if (!this.isConnected) unmount(this);
        });
      }
    },
  );
}

/** The HTML and CSS, in a fresh root when isolation changed or after an error. */
function mountMarkup(el, p) {
  const c = el._v2;
  const look = JSON.stringify([p.html ?? "", p.css ?? "", p.css_src ?? "", Boolean(p.isolate_styles)]);
  if (c.root && c.look === look) return false;
  const host = h("div", { class: "stc-bidi-host" });
  c.host.replaceChildren(host);
  c.root = p.isolate_styles ? host.attachShadow({ mode: "open" }) : host;
  const box = document.createElement("div");
  if (p.html?.trim()) {
    const inner = document.createElement("div");
    inner.append(document.createRange().createContextualFragment(p.html));
    box.append(inner);
  }
  if (p.css?.trim()) box.append(h("style", {}, p.css));
  else if (p.css_src) box.append(h("link", { rel: "stylesheet", href: siteUrl(p.css_src).href }));
  c.root.append(box);
  c.look = look;
  return true;
}

export const COMPONENTS_V2 = {
  bidi_component: {
    create(_p, ctx) {
      const el = h("stc-bidi-component", { class: "stc-bidi-component" });
      instances += 1;
      el._v2 = {
        ctx, host: el, root: null, look: null, call: null, token: 0, key: `st-bidi-component-${instances}`,
        cleanup: null, gone: false, pendingState: null, pendingEvents: [], lastSent: null, flushScheduled: false,
      };
      return el;
    },
    update(el, p, prev) {
      const c = el._v2;
      el.style.width = cssSize(p.width, "100%", "fit-content");
      el.style.height = cssSize(p.height, "100%", "auto");
      el.style.overflow = typeof p.height === "number" ? "auto" : "";
      if (JSON.stringify(p.value) !== JSON.stringify(prev?.value)) c.lastSent = null; // Python's state is newer
      const fresh = mountMarkup(el, p);
      const call = JSON.stringify([p.js ?? "", p.js_src ?? "", p.data ?? null, p.name, p.form_id ?? null]);
      if ((!p.js?.trim() && !p.js_src) || (!fresh && call === c.call)) return;
      c.call = call;
      const token = ++c.token;
      invoke(el, p, token).catch((err) => {
        if (token === c.token) showError(el, err);
      });
    },
  },
};
