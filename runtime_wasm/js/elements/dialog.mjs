// st.dialog (runtime_wasm/streamlit/elements/_dialog.py): the modal dialog block
// (DIALOG_BLOCKS), opened once it is on the page and closed by the app or, when it is
// dismissible, by the user (close button, Esc, the backdrop), which the page tells
// Python by sending `true` for the trigger widget whose id is the `dismiss_id` prop.

import { h, iconHtml, setHtml, uid } from "../dom.mjs";
import { inlineMarkdownToHtml } from "../markdown.mjs";

/** A modal dialog's frame: st.dialog's, and the page's own notices ("Page not found"). */
export function dialogFrame() {
  const title = h("h2", { class: "stc-dialog-title", id: uid("stc-dialog-title") });
  const close = h("button", { type: "button", class: "stc-dialog-close", "aria-label": "Close" }, "\u00d7");
  const body = h("div", { class: "stc-block stc-dialog-body" });
  const el = h("dialog", { class: "stc-dialog", "aria-labelledby": title.id }, h("div", { class: "stc-dialog-head" }, title, close), body);
  return { el, title, close, body };
}

export const DIALOG_BLOCKS = {
  dialog: {
    create: (p, ctx) => {
      const { el, close } = dialogFrame();
      const dismiss = () => {
        if (!el._stc?.props.dismissible || el._dismissed) return;
        el._dismissed = true; // told Python once, whichever way it closed
        const id = el._stc?.props.dismiss_id;
        if (el.open) el.close();
        if (id) ctx.send([{ id, value: true }]);
      };
      close.addEventListener("click", dismiss);
      el.addEventListener("cancel", (e) => {
        e.preventDefault(); // Esc: closed by dismiss(), or not at all
        dismiss();
      });
      // Chrome closes a dialog on Esc without a cancel event when the page had no user
      // activation since it opened (its close watcher rules): say it was dismissed, or
      // open a dialog the app does not let the visitor dismiss again.
      el.addEventListener("close", () => {
        if (!el.isConnected || el._dismissed) return;
        if (el._stc?.props.dismissible) dismiss();
        else el.showModal();
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
        if (!el.isConnected || el.open) return;
        el._dismissed = false; // in the tree again: the app shows it again
        el.showModal();
      });
    },
  },
};
