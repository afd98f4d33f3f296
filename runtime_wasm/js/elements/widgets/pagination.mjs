// st.pagination (runtime_wasm/streamlit/elements/widgets/_pagination.py): Previous,
// page numbers (1-based, with ellipses past max_visible_pages) and Next, as buttons;
// a click sends the page number.

import { h } from "../../dom.mjs";

function visiblePages(n, current, max) {
  if (max === null || max === undefined || n <= max) return Array.from({ length: n }, (_, i) => i + 1);
  if (max <= 0) return [];
  let start = Math.max(1, current - Math.floor(max / 2));
  const end = Math.min(n, start + max - 1);
  start = Math.max(1, end - max + 1);
  const pages = [];
  for (let i = start; i <= end; i += 1) pages.push(i);
  return pages;
}

const pagination = {
  create(_p, ctx) {
    const el = h("nav", { class: "stc-pagination", "aria-label": "Pagination" });
    el.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-page]");
      if (b && !b.disabled) ctx.emit(el, Number(b.dataset.page));
    });
    return el;
  },
  update() {},
  sync(el, p) {
    const n = Number(p.num_pages ?? 1);
    const current = Number(p.value ?? 1);
    const button = (page, text, label) =>
      h("button", { type: "button", class: "stc-button stc-button-tertiary stc-page", "data-page": page, "aria-label": label, "aria-current": page === current && text === String(page) ? "page" : null, disabled: Boolean(p.disabled) || page < 1 || page > n }, text);
    const pages = visiblePages(n, current, p.max_visible_pages);
    const items = [button(current - 1, "\u2039", "Previous page")];
    if (pages.length && pages[0] > 1) items.push(h("span", { class: "stc-page-gap" }, "\u2026"));
    for (const page of pages) items.push(button(page, String(page), `Page ${page}`));
    if (pages.length && pages[pages.length - 1] < n) items.push(h("span", { class: "stc-page-gap" }, "\u2026"));
    items.push(button(current + 1, "\u203a", "Next page"));
    el.replaceChildren(...items);
  },
};

export const PAGINATION = {
  pagination,
};
