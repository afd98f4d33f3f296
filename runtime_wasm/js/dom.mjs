// Small DOM helpers shared by the element and widget renderers.

import { escapeHtml, inlineMarkdownToHtml } from "./markdown.mjs";

let counter = 0;

/** A page-unique DOM id (for label/for, aria-labelledby). */
export function uid(prefix = "stc") {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * Create an element: h("div", {class: "x", hidden: true}, child, "text").
 * Attributes with value null/false are skipped; `true` sets an empty attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** An element whose content is `html` (already safe HTML). */
export function hHtml(tag, attrs, html) {
  const el = h(tag, attrs);
  el.innerHTML = html;
  return el;
}

/** Set innerHTML only when it changes (keeps selection inside unchanged text). */
export function setHtml(el, html) {
  if (el.innerHTML !== html) el.innerHTML = html;
}

/** The small "?" marker whose tooltip shows an element's help text. */
export function helpIcon(help) {
  if (!help) return null;
  return h("span", { class: "stc-help", title: help, role: "img", "aria-label": `Help: ${help}` }, "?");
}

/** The invisible wrapper of a kind that draws nothing in place (an effect, a timer). */
export function hidden() {
  return h("span", { class: "stc-hidden", hidden: true });
}

/** The HTML of an emoji `icon` before a label ("" for none, or a :material/ name,
 * which the page has no font for). */
export function iconHtml(icon) {
  return icon && !String(icon).startsWith(":material/") ? `<span class="stc-icon" aria-hidden="true">${icon}</span> ` : "";
}

/** An error alert drawn in place of an element that could not be drawn. */
export function errorBox(text) {
  return h("div", { class: "stc-alert stc-alert-error", role: "alert" }, text);
}

/** Inline-markdown HTML for a widget label. */
export function labelHtml(label) {
  return inlineMarkdownToHtml(label ?? "");
}

export { escapeHtml };
