// Multipage apps (runtime_wasm/streamlit/elements/_pages.py): the navigation menu
// (from st.navigation or the pages/ folder: the `navigation` prop of the sidebar block,
// or of the main block with position "top", which render.mjs draws with drawMenu; not
// an element, as Streamlit sends the pages beside the element tree) and the
// `page_link` element. Both are
// real links (<a href> to the page's own address, so a new tab or a copied link
// works); a plain click stays in the app: router.follow pushes the address and the
// worker reruns on that page.

import { h, helpIcon } from "../dom.mjs";
import { inlineMarkdownToHtml } from "../markdown.mjs";
import { follow, isPlainClick, pageUrl } from "../router.mjs";

function iconSpan(icon) {
  if (!icon || String(icon).startsWith(":material/")) return null;
  return h("span", { class: "stc-nav-icon", "aria-hidden": "true" }, String(icon));
}

function pageAnchor(page, search, cls) {
  if (page.external) {
    return h("a", { class: cls, href: page.external, target: "_blank", rel: "noopener noreferrer" });
  }
  const a = h("a", { class: cls, href: pageUrl(page.url_path, search).href });
  a.addEventListener("click", (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    follow(page.url_path, search);
  });
  return a;
}

const navigation = {
  create: () => h("nav", { class: "stc-nav", "aria-label": "Pages" }),
  update(el, p) {
    el.dataset.position = p.position ?? "sidebar";
    const groups = (p.sections ?? []).map((section) => {
      const list = h("ul", { class: "stc-nav-list" });
      for (const page of section.pages ?? []) {
        const a = pageAnchor(page, "", "stc-nav-link");
        const title = h("span", { class: "stc-nav-title" });
        title.innerHTML = inlineMarkdownToHtml(page.title ?? "");
        a.append(...[iconSpan(page.icon), title].filter(Boolean));
        if (page.current) a.setAttribute("aria-current", "page");
        if (page.help) a.title = page.help;
        list.append(h("li", {}, a));
      }
      const group = h("div", { class: "stc-nav-section" });
      if (section.header) {
        const header = h("div", { class: "stc-nav-header" });
        header.innerHTML = inlineMarkdownToHtml(section.header);
        group.append(header);
      }
      group.append(list);
      return group;
    });
    el.replaceChildren(...groups);
  },
};

/**
 * Draw `menu` (a block's `navigation` prop) as the first child of `holder`, or remove
 * the menu when it is null. Its DOM is rebuilt only when the menu changed.
 */
export function drawMenu(holder, menu) {
  let el = holder.querySelector(":scope > .stc-nav");
  if (!menu) {
    el?.remove();
    return;
  }
  if (!el) {
    el = navigation.create();
    holder.prepend(el);
  }
  const json = JSON.stringify(menu);
  if (el._menu !== json) {
    el._menu = json;
    navigation.update(el, menu);
  }
}

const pageLink = {
  create: () => h("div", { class: "stc-page-link-box" }),
  update(el, p) {
    const search = p.query_string ? `?${p.query_string}` : "";
    const target = p.external ? { external: p.page } : { url_path: p.page };
    const a = p.disabled ? h("a", { class: "stc-page-link", "aria-disabled": "true" }) : pageAnchor(target, search, "stc-page-link");
    const label = h("span", { class: "stc-page-link-label" });
    label.innerHTML = inlineMarkdownToHtml(p.label ?? "");
    const icon = iconSpan(p.icon);
    a.append(...(p.icon_position === "right" ? [label, icon] : [icon, label]).filter(Boolean));
    el.classList.toggle("stc-stretch", p.width === "stretch");
    el.replaceChildren(...[a, helpIcon(p.help)].filter(Boolean));
  },
};

export const PAGES = {
  page_link: pageLink,
};
