// The element tree (see runtime_wasm/_protocol.py) to DOM, with keyed reconciliation.
//
// Every render walks the whole tree, but a DOM node is only created when an
// element's (id, kind) is new in its block, and only refilled when its props
// changed. Nodes that did not change stay in place, so focus, caret, selection,
// scroll and page-side state (an expander the user opened, the selected tab)
// survive a rerun. Wrappers carry data-stc-kind / data-stc-id; `el._stc` holds
// {id, kind, json, props} of the last render.

import { h } from "./dom.mjs";
import { drawLogo } from "./elements/media.mjs";
import { drawMenu } from "./elements/pages.mjs";
import { BLOCKS as FAMILY_BLOCKS, KINDS } from "./kinds.mjs";
import { escapeHtml } from "./markdown.mjs";

// ---- the page's own blocks; the others are drawn by their families (kinds.mjs) -------

const self = (el) => el;

function applyPageConfig(el, config) {
  el.classList.toggle("stc-wide", config.layout === "wide");
  el.dataset.stcSidebarInitial = String(config.initial_sidebar_state ?? "auto");
  if (config.page_title) document.title = String(config.page_title);
  const icon = config.page_icon ? String(config.page_icon) : "";
  if (icon && !icon.startsWith(":material/") && !/^(https?:|data:|\/|\.)/.test(icon)) {
    let link = document.querySelector('link[rel="icon"]');
    if (!link) {
      link = h("link", { rel: "icon" });
      document.head.append(link);
    }
    link.href = `data:image/svg+xml,${encodeURIComponent(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${icon.replace(/[<&]/g, "")}</text></svg>`,
    )}`;
  }
}

/**
 * Collapse or expand the sidebar, as Streamlit's button beside it does: the visitor's
 * choice once made, else st.set_page_config's initial_sidebar_state ("auto" collapses
 * it on a narrow screen). Contract: the button is named "Close sidebar" or "Open
 * sidebar", and a collapsed sidebar has the class stc-collapsed.
 */
function showSidebar(el) {
  const initial = el.parentElement?.dataset.stcSidebarInitial ?? "auto";
  const narrow = window.matchMedia("(max-width: 720px)").matches;
  const state = el._chosen ?? (initial === "auto" ? (narrow ? "collapsed" : "expanded") : initial);
  const collapsed = state === "collapsed";
  el.classList.toggle("stc-collapsed", collapsed);
  const toggle = el.firstElementChild;
  toggle.setAttribute("aria-label", collapsed ? "Open sidebar" : "Close sidebar");
  toggle.setAttribute("aria-expanded", String(!collapsed));
  toggle.textContent = collapsed ? "\u00bb" : "\u00ab";
}

/**
 * Draw the menu of a main or sidebar block at every render. During a run, a tree
 * without it (st.navigation has not run yet) keeps the one drawn, as elements not yet
 * in the tree are kept until the run finishes.
 */
function syncMenu(el, p, ctx) {
  const block = el.querySelector(":scope > .stc-main-block, :scope > .stc-sidebar-block");
  if (p.navigation || !ctx.keepMissing) drawMenu(block, p.navigation ?? null);
}

const BLOCKS = {
  root: {
    create: () => h("div", { class: "stc-app" }),
    update(el, p) {
      applyPageConfig(el, p.page_config ?? {});
    },
    host: self,
    after(el, p, ctx) {
      // st.logo is the root's prop; it goes in main, outside the block of its elements
      // (position: fixed), and stays during a run until st.logo has run again.
      const main = el.querySelector(":scope > .stc-main");
      if (main && (p.logo || !ctx.keepMissing)) drawLogo(main, p.logo ?? null);
      // Here, not in the sidebar's own `after`: on a first render the sidebar is not
      // in the app yet when that runs.
      const sidebar = el.querySelector(":scope > .stc-sidebar");
      el.classList.toggle("stc-has-sidebar", Boolean(sidebar && !sidebar.hidden));
      if (sidebar) showSidebar(sidebar);
    },
  },

  // Main and sidebar hold the navigation menu (their `navigation` prop, see drawMenu)
  // above the block of their elements.
  main: {
    create: () => h("main", { class: "stc-main" }, h("div", { class: "stc-block stc-main-block" }, h("div", { class: "stc-block stc-main-content" }))),
    update() {},
    sync: syncMenu,
    host: (el) => el.firstElementChild.lastElementChild, // main may also hold the logo
  },

  sidebar: {
    create: () => {
      const toggle = h("button", { type: "button", class: "stc-sidebar-toggle" });
      const content = h("div", { class: "stc-block stc-sidebar-content" });
      const el = h("aside", { class: "stc-sidebar", "aria-label": "Sidebar" }, toggle, h("div", { class: "stc-block stc-sidebar-block" }, content));
      el._chosen = null; // "expanded" | "collapsed" once the visitor used the button
      toggle.addEventListener("click", () => {
        el._chosen = el.classList.contains("stc-collapsed") ? "expanded" : "collapsed";
        showSidebar(el);
        el.firstElementChild.focus();
      });
      return el;
    },
    update() {},
    sync: syncMenu,
    host: (el) => el.lastElementChild.lastElementChild,
    after(el) {
      const block = el.lastElementChild;
      el.hidden = block.lastElementChild.children.length === 0 && !block.querySelector(":scope > .stc-nav");
    },
  },

  ...FAMILY_BLOCKS,
};

// ---- the page-side session state (form values waiting for their submit button) ---

class RenderContext {
  constructor(rootEl) {
    this.rootEl = rootEl;
    this.sendUpdates = null;
    /** @type {Map<string, Map<string, any>>} form id -> widget id -> pending value */
    this.pending = new Map();
    this.appEl = null;
    /** @type {Map<string, object>} "kind\0id" -> the props of the previous render */
    this.lastProps = new Map();
    /** True while a run goes on: what is not (yet) in the tree stays (see render). */
    this.keepMissing = false;
  }

  /** Send updates now (one `widget` message). */
  send(updates) {
    this.sendUpdates?.(updates);
  }

  /** A widget's new value: sent now, or kept until its form is submitted. */
  emit(el, value) {
    const { id, props } = el._stc;
    if (props.form_id) {
      if (!this.pending.has(props.form_id)) this.pending.set(props.form_id, new Map());
      this.pending.get(props.form_id).set(id, value);
    } else {
      this.send([{ id, value }]);
    }
  }

  hasPending(formId, id) {
    return Boolean(this.pending.get(formId)?.has(id));
  }

  /** The submit button `el` was clicked: send its form's pending values with it. */
  submit(el) {
    const { id, props } = el._stc;
    const pending = this.pending.get(props.form_id) ?? new Map();
    this.pending.delete(props.form_id);
    const updates = Array.from(pending, ([wid, value]) => ({ id: wid, value }));
    updates.push({ id, value: true });
    this.send(updates);
  }

  /** Enter in a form's text field: press the form's first enabled submit button. */
  submitForm(formId) {
    for (const el of this.rootEl.querySelectorAll('[data-stc-kind="form_submit_button"]')) {
      if (el._stc?.props.form_id === formId && !el._w.button.disabled) {
        el._w.button.click();
        return;
      }
    }
  }
}

const contexts = new WeakMap();

// ---- reconciliation -------------------------------------------------------------

/** What the page shows for a kind it does not know (a newer runtime, say). */
const UNKNOWN = {
  create: () => h("div", { class: "stc-unknown" }),
  update(el, _p, _prev, _ctx, node) {
    el.innerHTML = `Unsupported element <code>${escapeHtml(node.kind)}</code>`;
  },
};

function specFor(kind) {
  return BLOCKS[kind] ?? KINDS[kind] ?? UNKNOWN;
}

function keyOf(id, kind, spec, props) {
  return `${kind}\u0000${id}\u0000${spec.variant ? spec.variant(props) : ""}`;
}

function renderNode(existing, node, ctx, keepMissing) {
  const spec = specFor(node.kind);
  const props = node.props ?? {};
  let el = existing;
  if (!el) {
    el = spec.create(props, ctx, node);
    el.classList.add("stc-element", `stc-kind-${node.kind}`);
    el.dataset.stcKind = node.kind;
    el.dataset.stcId = node.id;
    el._stc = { id: node.id, kind: node.kind, key: keyOf(node.id, node.kind, spec, props), json: null, props: null };
  }
  const st = el._stc;
  // Props the worker left out as `same` are the very object drawn last time.
  const json = st.props === props ? st.json : JSON.stringify(props);
  if (st.json !== json) {
    const prev = st.props;
    st.props = props;
    st.json = json;
    spec.update(el, props, prev, ctx, node);
  }
  if (spec.sync) spec.sync(el, props, ctx);
  if (spec.host) reconcile(spec.host(el), node.children ?? [], ctx, keepMissing);
  if (spec.after) spec.after(el, props, ctx);
  return el;
}

function reconcile(host, children, ctx, keepMissing) {
  const old = new Map();
  for (const child of Array.from(host.children)) {
    if (child._stc && !old.has(child._stc.key)) old.set(child._stc.key, child);
    else child.remove(); // not ours, or a duplicate key: cannot be matched again
  }
  const wanted = children.map((node) => {
    const spec = specFor(node.kind);
    const key = keyOf(node.id, node.kind, spec, node.props ?? {});
    const el = old.get(key);
    old.delete(key);
    return [node, el];
  });
  // What is left in `old` is gone from this block: removed, or during a run kept as
  // stale until the run finishes (as Streamlit does), so nothing jumps or loses focus.
  for (const el of old.values()) {
    if (keepMissing) el.classList.add("stc-stale");
    else el.remove();
  }
  let cursor = host.firstElementChild;
  for (const [node, existing] of wanted) {
    const el = renderNode(existing, node, ctx, keepMissing);
    el.classList.remove("stc-stale");
    while (cursor && old.has(cursor._stc?.key) && old.get(cursor._stc.key) === cursor) cursor = cursor.nextElementSibling;
    if (el === cursor) cursor = cursor.nextElementSibling;
    else host.insertBefore(el, cursor);
  }
}

/**
 * Give each `same` node of `tree` the props its element had in the previous render
 * (runtime_wasm/_unchanged.py left them out), and keep this render's for the next.
 */
function restoreSameProps(tree, ctx) {
  const props = new Map();
  const walk = (node) => {
    const key = `${node.kind}\u0000${node.id}`;
    if (node.same) {
      if (!ctx.lastProps.has(key)) throw new Error(`the worker sent ${key.replace("\u0000", " ")} as unchanged, but the page never had it`);
      node.props = ctx.lastProps.get(key);
    }
    props.set(key, node.props ?? {});
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  ctx.lastProps = props;
}

/**
 * Render `tree` (a root Node) into `rootEl`, reusing the DOM of the previous render.
 *
 * @param {HTMLElement} rootEl
 * @param {import("./protocol.mjs").Node} tree
 * @param {(updates: import("./protocol.mjs").WidgetUpdate[]) => void} sendUpdates
 *   called with one user interaction's updates (one `widget` message)
 * @param {{keepMissing?: boolean}} [options] keepMissing: a render during a run
 *   (status "running"); elements not (yet) in the tree stay, marked stale.
 */
export function render(rootEl, tree, sendUpdates, options = {}) {
  let ctx = contexts.get(rootEl);
  if (!ctx) {
    ctx = new RenderContext(rootEl);
    contexts.set(rootEl, ctx);
  }
  ctx.sendUpdates = sendUpdates;
  restoreSameProps(tree, ctx);
  const keepMissing = Boolean(options.keepMissing);
  ctx.keepMissing = keepMissing;
  const spec = specFor(tree.kind);
  let app = ctx.appEl;
  if (app && (app.parentNode !== rootEl || app._stc.key !== keyOf(tree.id, tree.kind, spec, tree.props ?? {}))) app = null;
  const el = renderNode(app, tree, ctx, keepMissing);
  if (el !== app) {
    rootEl.replaceChildren(el);
    ctx.appEl = el;
  }
  if (!keepMissing) {
    for (const stale of rootEl.querySelectorAll(".stc-stale")) stale.remove();
  }
}
