// Layouts (runtime_wasm/streamlit/elements/_layouts.py): the container blocks
// (LAYOUTS_BLOCKS) container, columns and column, expander, tabs and tab, form,
// popover, grid and bottom, and the leaf kinds space, empty and skeleton (LAYOUTS);
// st.empty and st.skeleton are slots: what the app writes into one replaces it. A block's
// page-side state (an expander the user opened, the selected tab, an open popover)
// lives in its DOM, which survives reruns because the block's id does not change.
// With `tracks_state` (on_change set in Python, see elements/lib/_open_state.py) the
// tabs, expander or popover is a widget instead: a switch or a toggle is sent as its
// value (the tab's label, or a bool), which reruns the app, and every render shows
// the state Python holds (`index`, `expanded`, `open`), which st.session_state can set.

import { h, iconHtml, setHtml, uid } from "../dom.mjs";
import { inlineMarkdownToHtml } from "../markdown.mjs";

const self = (el) => el;

const GAPS = { none: "0", xxsmall: "0.25rem", xsmall: "0.5rem", small: "1rem", medium: "2rem", large: "4rem", xlarge: "6rem", xxlarge: "8rem" };
const gapOf = (g) => (typeof g === "number" ? `${g}px` : GAPS[g ?? "small"] ?? "1rem");
const SPACE_REM = { xxsmall: 0.25, xsmall: 0.5, small: 0.75, medium: 2.5, large: 4.25, xlarge: 6, xxlarge: 8 };

const skeleton = {
  create: () => h("div", { class: "stc-skeleton", role: "progressbar", "aria-label": "Loading", "aria-busy": "true" }),
  update(el, p) {
    el.style.height = typeof p.height === "number" ? `${p.height}px` : p.height === "stretch" ? "100%" : "";
    el.style.width = typeof p.width === "number" ? `${p.width}px` : "";
  },
};

export const LAYOUTS = {
  space: {
    create: () => h("div", { class: "stc-space", "aria-hidden": "true" }),
    update(el, p) {
      const size = p.size;
      el.style.height = typeof size === "number" ? `${size}px` : size === "stretch" ? "" : `${SPACE_REM[size] ?? 0.75}rem`;
      el.style.flex = size === "stretch" ? "1 1 0" : "";
    },
  },

  // An st.empty nothing was written into: it draws nothing and takes no gap (stc.css).
  empty: {
    create: () => h("div", { class: "stc-empty", "aria-hidden": "true" }),
    update() {},
  },

  skeleton,
};

export const LAYOUTS_BLOCKS = {
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
    create: (p, ctx) => {
      const summary = h("summary", { class: "stc-expander-label" });
      const el = h("details", { class: "stc-expander" }, summary, h("div", { class: "stc-block stc-expander-body" }));
      el.open = Boolean(p.expanded);
      // `toggle` fires for the user's clicks and for `sync`'s own changes alike (after
      // the fact); only a state that differs from the last one shown is the user's.
      el._shown = el.open;
      el.addEventListener("toggle", () => {
        if (!el._stc?.props.tracks_state || el.open === el._shown) return;
        el._shown = el.open;
        ctx.emit(el, el.open);
      });
      return el;
    },
    update(el, p, prev) {
      setHtml(el.firstElementChild, iconHtml(p.icon) + inlineMarkdownToHtml(p.label ?? ""));
      // The user's open/closed choice wins over props, unless it is a new expander.
      if (prev && prev.label !== p.label) el.open = Boolean(p.expanded);
    },
    sync(el, p) {
      if (!p.tracks_state) return;
      el._shown = Boolean(p.expanded);
      if (el.open !== el._shown) el.open = el._shown;
    },
    host: (el) => el.lastElementChild,
  },

  tabs: {
    create: (p, ctx) => {
      const el = h("div", { class: "stc-tabs" }, h("div", { role: "tablist", class: "stc-tablist" }), h("div", { class: "stc-tab-panels" }));
      // The selected tab: set once from `index` (the default), then the user's; or,
      // with `tracks_state`, Python's at every render (`sync`).
      el._tabs = { selected: p.index ?? 0 };
      const tablist = el.firstElementChild;
      tablist.addEventListener("click", (e) => {
        const tab = e.target.closest('[role="tab"]');
        if (tab) chooseTab(el, Number(tab.dataset.index), false, ctx);
      });
      tablist.addEventListener("keydown", (e) => {
        const n = tablist.children.length;
        const moves = { ArrowRight: 1, ArrowLeft: -1 };
        if (!(e.key in moves) || n === 0) return;
        e.preventDefault();
        chooseTab(el, (el._tabs.selected + moves[e.key] + n) % n, true, ctx);
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
    sync(el, p) {
      if (p.tracks_state) el._tabs.selected = p.index ?? 0;
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

  popover: {
    create: (_p, ctx) => {
      const button = h("button", { type: "button", class: "stc-button stc-popover-button", "aria-expanded": "false", "aria-haspopup": "true" });
      const panel = h("div", { class: "stc-block stc-popover-panel", id: uid("stc-popover"), hidden: true });
      button.setAttribute("aria-controls", panel.id);
      const el = h("div", { class: "stc-popover" }, button, panel);
      // The user opens or closes it: shown at once, and sent when it tracks its state.
      const toggle = (open) => {
        if (panel.hidden === !open) return;
        showPopover(el, open);
        if (el._stc?.props.tracks_state) ctx.emit(el, open);
      };
      button.addEventListener("click", () => toggle(panel.hidden));
      el.addEventListener("keydown", (e) => {
        if (e.key === "Escape" && !panel.hidden) {
          toggle(false);
          button.focus();
        }
      });
      document.addEventListener("click", (e) => {
        if (!panel.hidden && !el.contains(e.target)) toggle(false);
      });
      return el;
    },
    update(el, p) {
      const button = el.firstElementChild;
      button.innerHTML = `${iconHtml(p.icon)}${inlineMarkdownToHtml(p.label ?? "")} <span aria-hidden="true">\u25be</span>`;
      button.disabled = Boolean(p.disabled);
      button.dataset.type = p.type ?? "secondary";
      if (p.help) button.title = p.help;
      el.classList.toggle("stc-stretch", p.width === "stretch");
    },
    sync(el, p) {
      if (p.tracks_state) showPopover(el, Boolean(p.open));
    },
    host: (el) => el.lastElementChild,
  },

  grid: {
    create: () => h("div", { class: "stc-block stc-grid" }),
    update(el, p) {
      const min = p.min_column_width === "auto" || p.min_column_width === undefined ? "12rem" : `${p.min_column_width}px`;
      let template;
      if (p.columns === "auto" || p.columns === undefined) template = `repeat(auto-fill, minmax(min(${min}, 100%), 1fr))`;
      else if (p.wrap === false) template = `repeat(${p.columns}, minmax(0, 1fr))`;
      else template = `repeat(auto-fit, minmax(max(min(${min}, 100%), calc(100% / ${p.columns} - ${gapOf(p.column_gap)})), 1fr))`;
      el.style.gridTemplateColumns = template;
      el.style.rowGap = gapOf(p.row_gap);
      el.style.columnGap = gapOf(p.column_gap);
      el.style.gridAutoRows = typeof p.row_height === "number" ? `${p.row_height}px` : "";
      el.style.gridAutoFlow = p.dense ? "row dense" : "";
      el.style.alignItems = { top: "start", center: "center", bottom: "end" }[p.vertical_alignment] ?? "start";
      el.style.height = typeof p.height === "number" ? `${p.height}px` : "";
      el.classList.toggle("stc-border", Boolean(p.border));
    },
    host: self,
  },

  bottom: {
    create: () => h("div", { class: "stc-bottom" }, h("div", { class: "stc-block stc-bottom-block" })),
    update() {},
    host: (el) => el.firstElementChild,
  },
};

/** The user picks tab `index`: shown at once, and its label sent when the tabs track state. */
function chooseTab(el, index, focus, ctx) {
  if (index === el._tabs.selected) return;
  selectTab(el, index, focus);
  const p = el._stc?.props;
  if (p?.tracks_state) ctx.emit(el, p.labels[el._tabs.selected]);
}

function showPopover(el, open) {
  const [button, panel] = el.children;
  if (panel.hidden !== !open) panel.hidden = !open;
  button.setAttribute("aria-expanded", String(open));
}

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
