// The app menu, as Streamlit's top-right one: Rerun (R), Clear cache (C), the theme
// (Light, Dark, or the system's), and Print. Outside #stc-root, which every render
// owns, like the run bar (run_control.mjs).
//
// Contract (README, "The page contract"): the button is named "Main menu"; the menu is
// role="menu" with menu items named as above, the themes as menuitemradio. The
// theme is <html data-stc-theme="light|dark">, kept in localStorage for the site;
// without a choice the page stays as the app's config made it (stc.css is light).

import { h } from "./dom.mjs";

const THEME_KEY = "stc-theme";
const THEMES = [
  ["light", "Light"],
  ["dark", "Dark"],
  ["system", "Use system setting"],
];

/** Apply the stored theme choice (none: the page's own look). */
export function applyTheme(choice = readTheme()) {
  const root = document.documentElement;
  const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches;
  if (choice === "system") root.dataset.stcTheme = dark ? "dark" : "light";
  else if (choice === "light" || choice === "dark") root.dataset.stcTheme = choice;
  else delete root.dataset.stcTheme;
}

function readTheme() {
  try {
    return localStorage.getItem(THEME_KEY);
  } catch {
    return null; // storage blocked: the choice lasts for this page only
  }
}

function storeTheme(choice) {
  try {
    localStorage.setItem(THEME_KEY, choice);
  } catch {
    // storage blocked: applied, not kept
  }
}

/** Typing outside a field: what R and C mean there, as in Streamlit. */
function isTyping(target) {
  return target instanceof Element && Boolean(target.closest("input, textarea, select, [contenteditable], [role='textbox']"));
}

/**
 * Create the menu; `rerun()` and `clearCache()` act on the app. Returns nothing:
 * the menu lives as long as the page.
 */
export function createAppMenu({ rerun, clearCache }) {
  applyTheme();
  window.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", () => applyTheme());
  const item = (label, shortcut, action) => {
    const el = h("button", { type: "button", role: "menuitem", class: "stc-menu-item" }, h("span", {}, label), shortcut ? h("kbd", {}, shortcut) : null);
    el.addEventListener("click", () => {
      close();
      action();
    });
    return el;
  };
  const themes = THEMES.map(([value, label]) => {
    const el = h("button", { type: "button", role: "menuitemradio", class: "stc-menu-item", "data-theme": value }, label);
    el.addEventListener("click", () => {
      storeTheme(value);
      applyTheme(value);
      close();
    });
    return el;
  });
  const menu = h(
    "div",
    { role: "menu", class: "stc-menu", "aria-label": "Main menu", hidden: true },
    item("Rerun", "R", rerun),
    item("Clear cache", "C", clearCache),
    h("div", { role: "separator", class: "stc-menu-rule" }),
    h("div", { role: "group", "aria-label": "Theme", class: "stc-menu-group" }, ...themes),
    h("div", { role: "separator", class: "stc-menu-rule" }),
    item("Print", null, () => window.print()),
  );
  const button = h("button", { type: "button", class: "stc-menu-button", "aria-label": "Main menu", "aria-haspopup": "menu", "aria-expanded": "false" }, "\u22ee");
  document.body.append(h("div", { id: "stc-menu", class: "stc-menu-host" }, button, menu));

  const items = () => Array.from(menu.querySelectorAll("[role^='menuitem']"));
  function open() {
    const choice = readTheme();
    for (const el of themes) el.setAttribute("aria-checked", String(el.dataset.theme === choice));
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    items()[0].focus();
  }
  function close() {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
  button.addEventListener("click", () => (menu.hidden ? open() : close()));
  menu.addEventListener("keydown", (e) => {
    const list = items();
    const at = list.indexOf(document.activeElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step) list[(at + step + list.length) % list.length].focus();
    else if (e.key === "Escape") close();
    else return;
    e.preventDefault();
  });
  document.addEventListener("click", (e) => {
    if (!menu.hidden && !e.target.closest?.("#stc-menu")) close();
  });
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === "r") rerun();
    else if (key === "c") clearCache();
  });
}
