// st.menu_button (runtime_wasm/streamlit/elements/widgets/_menu_button.py): a button
// opening a menu (Esc closes it); the chosen item's index triggers one run, like a
// button's click, and is not kept as a value.

import { h, iconHtml, setHtml, uid } from "../../dom.mjs";
import { inlineMarkdownToHtml } from "../../markdown.mjs";

const menuButton = {
  create(_p, ctx) {
    const button = h("button", { type: "button", class: "stc-button", "aria-haspopup": "menu", "aria-expanded": "false" });
    const menu = h("div", { class: "stc-menu", role: "menu", id: uid("stc-menu"), hidden: true });
    button.setAttribute("aria-controls", menu.id);
    const el = h("div", { class: "stc-menu-button" }, button, menu);
    el._w = { button, menu };
    const open = (on) => {
      menu.hidden = !on;
      button.setAttribute("aria-expanded", String(on));
    };
    button.addEventListener("click", () => open(menu.hidden));
    menu.addEventListener("click", (e) => {
      const item = e.target.closest("[data-index]");
      if (!item) return;
      open(false);
      ctx.send([{ id: el._stc.id, value: Number(item.dataset.index) }]);
    });
    el.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !menu.hidden) {
        open(false);
        button.focus();
      }
    });
    return el;
  },
  update(el, p) {
    const { button, menu } = el._w;
    button.className = `stc-button stc-button-${p.type ?? "secondary"}`;
    button.disabled = Boolean(p.disabled);
    button.title = p.help ?? "";
    setHtml(button, `${iconHtml(p.icon)}${inlineMarkdownToHtml(p.label ?? "")} <span aria-hidden="true">\u25be</span>`);
    menu.replaceChildren(
      ...(p.options ?? []).map((label, i) => {
        const item = h("button", { type: "button", role: "menuitem", class: "stc-menu-item", "data-index": i });
        item.innerHTML = inlineMarkdownToHtml(String(label));
        return item;
      }),
    );
  },
};

export const MENU_BUTTON = {
  menu_button: menuButton,
};
