// Blocks of the status and layout families: st.status, st.popover, st.dialog. Spread
// into BLOCKS in render.mjs; each keeps page-side state (open or not) in its DOM,
// which survives reruns because the block's id does not change.

import { h, setHtml, uid } from "../dom.mjs";
import { inlineMarkdownToHtml } from "../markdown.mjs";

const STATE_ICON = { running: "", complete: "\u2713", error: "\u2715" };

function iconHtml(icon) {
  return icon && !String(icon).startsWith(":material/") ? `<span class="stc-icon" aria-hidden="true">${icon}</span> ` : "";
}

export const LAYOUT_BLOCKS = {
  status: {
    create: (p) => {
      const icon = h("span", { class: "stc-status-icon", role: "img" });
      const summary = h("summary", { class: "stc-expander-label" }, icon, h("span", { class: "stc-status-label" }));
      const el = h("details", { class: "stc-expander stc-status" }, summary, h("div", { class: "stc-block stc-expander-body" }));
      el.open = Boolean(p.expanded);
      return el;
    },
    update(el, p, prev) {
      const state = p.state ?? "running";
      el.dataset.state = state;
      const icon = el.querySelector(".stc-status-icon");
      icon.setAttribute("aria-label", state);
      icon.className = `stc-status-icon stc-status-${state}`;
      icon.textContent = STATE_ICON[state] ?? "";
      setHtml(el.querySelector(".stc-status-label"), inlineMarkdownToHtml(p.label ?? ""));
      if (prev && prev.expanded !== p.expanded) el.open = Boolean(p.expanded);
    },
    host: (el) => el.lastElementChild,
  },

  popover: {
    create: () => {
      const button = h("button", { type: "button", class: "stc-button stc-popover-button", "aria-expanded": "false", "aria-haspopup": "true" });
      const panel = h("div", { class: "stc-block stc-popover-panel", id: uid("stc-popover"), hidden: true });
      button.setAttribute("aria-controls", panel.id);
      const el = h("div", { class: "stc-popover" }, button, panel);
      const toggle = (open) => {
        panel.hidden = !open;
        button.setAttribute("aria-expanded", String(open));
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
    host: (el) => el.lastElementChild,
  },

  dialog: {
    create: (p, ctx) => {
      const title = h("h2", { class: "stc-dialog-title", id: uid("stc-dialog-title") });
      const close = h("button", { type: "button", class: "stc-dialog-close", "aria-label": "Close" }, "\u00d7");
      const el = h(
        "dialog",
        { class: "stc-dialog", "aria-labelledby": title.id },
        h("div", { class: "stc-dialog-head" }, title, close),
        h("div", { class: "stc-block stc-dialog-body" }),
      );
      const dismiss = () => {
        if (!el._stc?.props.dismissible) return;
        const trigger = el.querySelector('[data-stc-kind="dialog_dismiss"]');
        el.close();
        if (trigger) ctx.send([{ id: trigger._stc.id, value: true }]);
      };
      close.addEventListener("click", dismiss);
      el.addEventListener("cancel", (e) => {
        e.preventDefault(); // Esc: closed by dismiss(), or not at all
        dismiss();
      });
      el.addEventListener("click", (e) => {
        if (e.target === el) dismiss(); // the backdrop
      });
      return el;
    },
    update(el, p) {
      setHtml(el.querySelector(".stc-dialog-title"), iconHtml(p.icon) + inlineMarkdownToHtml(p.title ?? ""));
      el.querySelector(".stc-dialog-close").hidden = !p.dismissible;
      el.dataset.width = p.width ?? "small";
    },
    host: (el) => el.lastElementChild,
    after(el) {
      // Inserted into the page after this returns: open once it is there.
      queueMicrotask(() => {
        if (el.isConnected && !el.open) el.showModal();
      });
    },
  },
};
