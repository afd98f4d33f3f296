// Buttons (runtime_wasm/streamlit/elements/widgets/_button.py): button and
// form_submit_button (a click is one run with the value true; a submit button sends its
// form's pending values with it), link_button (a real link; with rerun, a click is a
// run too) and download_button (the bytes came in a `media` message; a click saves
// them, and with rerun is a run).

import { h, iconHtml, setHtml } from "../../dom.mjs";
import { inlineMarkdownToHtml } from "../../markdown.mjs";
import { mediaUrl } from "../lib/media_store.mjs";

/** How every button looks: type, width, help, icon and label. */
function buttonLook(button, p) {
  button.className = `stc-button stc-button-${p.type ?? "secondary"}`;
  button.classList.toggle("stc-full-width", Boolean(p.use_container_width));
  button.title = p.help ?? "";
  setHtml(button, iconHtml(p.icon) + inlineMarkdownToHtml(p.label ?? ""));
}

function buttonSpec(isSubmit) {
  return {
    create(_p, ctx) {
      const button = h("button", { type: "button", class: "stc-button" });
      const el = h("div", { class: "stc-button-row" }, button);
      el._w = { button };
      button.addEventListener("click", () => {
        if (isSubmit && el._stc.props.form_id) ctx.submit(el);
        else ctx.send([{ id: el._stc.id, value: true }]);
      });
      return el;
    },
    update(el, p) {
      buttonLook(el._w.button, p);
      el._w.button.disabled = Boolean(p.disabled);
    },
  };
}

const linkButton = {
  create(_p, ctx) {
    const a = h("a", { class: "stc-button", target: "_blank", rel: "noopener noreferrer" });
    const el = h("div", { class: "stc-button-row" }, a);
    el._w = { a };
    a.addEventListener("click", (e) => {
      const p = el._stc.props;
      if (p.disabled) {
        e.preventDefault();
        return;
      }
      if (p.rerun) ctx.send([{ id: el._stc.id, value: true }]);
    });
    return el;
  },
  update(el, p) {
    buttonLook(el._w.a, p);
    el._w.a.href = p.url ?? "#";
    el._w.a.setAttribute("aria-disabled", String(Boolean(p.disabled)));
  },
};

const downloadButton = {
  create(_p, ctx) {
    const button = h("button", { type: "button", class: "stc-button" });
    const el = h("div", { class: "stc-button-row" }, button);
    el._w = { button };
    button.addEventListener("click", () => {
      const p = el._stc.props;
      // The bytes came in a `media` message (runtime_wasm/_media_store.py).
      const a = h("a", { href: mediaUrl(p), download: p.file_name || "download", hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      if (p.rerun) ctx.send([{ id: el._stc.id, value: true }]);
    });
    return el;
  },
  update(el, p) {
    buttonLook(el._w.button, p);
    el._w.button.disabled = Boolean(p.disabled);
  },
};

export const BUTTON = {
  button: buttonSpec(false),
  form_submit_button: buttonSpec(true),
  link_button: linkButton,
  download_button: downloadButton,
};
