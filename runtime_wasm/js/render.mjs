// The element tree (see runtime_wasm/_protocol.py) to DOM, with keyed reconciliation.
//
// Every render walks the whole tree, but a DOM node is only created when an
// element's (id, kind) is new in its block, and only refilled when its props
// changed. Nodes that did not change stay in place, so focus, caret, selection,
// scroll and page-side state (an expander the user opened, the selected tab)
// survive a rerun. Wrappers carry data-stc-kind / data-stc-id; `el._stc` holds
// {id, kind, json, props} of the last render.

import { h, setHtml, uid } from "./dom.mjs";
import { UNKNOWN } from "./elements/text.mjs";
import { KINDS } from "./kinds.mjs";
import { LAYOUT_BLOCKS } from "./elements/dialog.mjs";
import { inlineMarkdownToHtml } from "./markdown.mjs";
import { MORE_BLOCKS } from "./elements/widgets/audio_input.mjs";

// ---- blocks ---------------------------------------------------------------------

const self = (el) => el;

function applyPageConfig(el, config) {
  el.classList.toggle("stc-wide", config.layout === "wide");
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

const BLOCKS = {
  root: {
    create: () => h("div", { class: "stc-app" }),
    update(el, p) {
      applyPageConfig(el, p.page_config ?? {});
    },
    host: self,
  },

  main: {
    create: () => h("main", { class: "stc-main" }, h("div", { class: "stc-block stc-main-block" })),
    update() {},
    host: (el) => el.firstElementChild,
  },

  sidebar: {
    create: () => h("aside", { class: "stc-sidebar", "aria-label": "Sidebar" }, h("div", { class: "stc-block stc-sidebar-block" })),
    update() {},
    host: (el) => el.firstElementChild,
    after(el) {
      el.hidden = el.firstElementChild.children.length === 0;
      el.parentElement?.classList.toggle("stc-has-sidebar", !el.hidden);
    },
  },

  container: {
    create: () => h("div", { class: "stc-block stc-container" }),
    update(el, p) {
      el.classList.toggle("stc-border", Boolean(p.border ?? p.height));
      el.style.height = p.height ? `${p.height}px` : "";
      el.classList.toggle("stc-scroll", Boolean(p.height));
    },
    host: self,
  },

  columns: {
    create: () => h("div", { class: "stc-columns" }),
    update(el, p) {
      el.dataset.gap = p.gap ?? "small";
      el.dataset.align = p.vertical_alignment ?? "top";
    },
    host: self,
  },

  column: {
    create: () => h("div", { class: "stc-block stc-column" }),
    update(el, p) {
      el.style.flex = `${Number(p.weight ?? 1)} 1 0`;
      el.classList.toggle("stc-border", Boolean(p.border));
    },
    host: self,
  },

  expander: {
    create: (p) => {
      const summary = h("summary", { class: "stc-expander-label" });
      const el = h("details", { class: "stc-expander" }, summary, h("div", { class: "stc-block stc-expander-body" }));
      el.open = Boolean(p.expanded);
      return el;
    },
    update(el, p, prev) {
      const icon = p.icon && !String(p.icon).startsWith(":material/") ? `<span class="stc-icon" aria-hidden="true">${p.icon}</span> ` : "";
      setHtml(el.firstElementChild, icon + inlineMarkdownToHtml(p.label ?? ""));
      // The user's open/closed choice wins over props, unless it is a new expander.
      if (prev && prev.label !== p.label) el.open = Boolean(p.expanded);
    },
    host: (el) => el.lastElementChild,
  },

  tabs: {
    create: (p) => {
      const el = h("div", { class: "stc-tabs" }, h("div", { role: "tablist", class: "stc-tablist" }), h("div", { class: "stc-tab-panels" }));
      // The selected tab is page-side state: set once from `default`, then the user's.
      el._tabs = { selected: Math.max(0, (p.labels ?? []).indexOf(p.default)) };
      const tablist = el.firstElementChild;
      tablist.addEventListener("click", (e) => {
        const tab = e.target.closest('[role="tab"]');
        if (tab) selectTab(el, Number(tab.dataset.index), false);
      });
      tablist.addEventListener("keydown", (e) => {
        const n = tablist.children.length;
        const moves = { ArrowRight: 1, ArrowLeft: -1 };
        if (!(e.key in moves) || n === 0) return;
        e.preventDefault();
        selectTab(el, (el._tabs.selected + moves[e.key] + n) % n, true);
      });
      return el;
    },
    update(el, p, prev) {
      if (prev && JSON.stringify(prev.labels) === JSON.stringify(p.labels)) return;
      const tablist = el.firstElementChild;
      tablist.replaceChildren(
        ...(p.labels ?? []).map((label, i) => {
          const tab = h("button", { type: "button", role: "tab", class: "stc-tab", id: uid("stc-tab"), "data-index": i });
          tab.innerHTML = inlineMarkdownToHtml(label);
          return tab;
        }),
      );
    },
    host: (el) => el.lastElementChild,
    after(el) {
      selectTab(el, el._tabs.selected, false);
    },
  },

  tab: {
    create: () => h("div", { class: "stc-block stc-tab-panel", role: "tabpanel" }),
    update() {},
    host: self,
  },

  form: {
    create: () => {
      const el = h("form", { class: "stc-block stc-form", novalidate: true });
      el.addEventListener("submit", (e) => e.preventDefault());
      return el;
    },
    update(el, p) {
      el.classList.toggle("stc-border", p.border !== false);
    },
    host: self,
  },

  empty: {
    create: () => h("div", { class: "stc-block stc-empty" }),
    update() {},
    host: self,
  },

  ...LAYOUT_BLOCKS,
  ...MORE_BLOCKS,
};

function selectTab(el, index, focus) {
  const tabs = Array.from(el.firstElementChild.children);
  const panels = Array.from(el.lastElementChild.children);
  const selected = Math.min(Math.max(index, 0), Math.max(tabs.length - 1, 0));
  el._tabs.selected = selected;
  tabs.forEach((tab, i) => {
    const on = i === selected;
    if (tab.getAttribute("aria-selected") !== String(on)) tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    if (panels[i]) {
      tab.setAttribute("aria-controls", panels[i].id || (panels[i].id = uid("stc-panel")));
      panels[i].setAttribute("aria-labelledby", tab.id);
    }
    if (on && focus) tab.focus();
  });
  panels.forEach((panel, i) => {
    if (panel.hidden !== (i !== selected)) panel.hidden = i !== selected;
  });
}

// ---- the page-side session state (form values waiting for their submit button) ---

class RenderContext {
  constructor(rootEl) {
    this.rootEl = rootEl;
    this.sendUpdates = null;
    /** @type {Map<string, Map<string, any>>} form id -> widget id -> pending value */
    this.pending = new Map();
    this.appEl = null;
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
  const json = JSON.stringify(props);
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
  const keepMissing = Boolean(options.keepMissing);
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
