// Chat (runtime_wasm/streamlit/elements/widgets/_chat.py): chat_input, a text box that
// sends its text on Enter (Shift+Enter for a new line) and empties itself (called at
// the top of the main area, Python puts it in the bottom container, pinned to the
// bottom of the page, as Streamlit does); chat_message, a
// block with an avatar (user/assistant icons, an emoji, or an image URL).

import { h } from "../../dom.mjs";
import { fileEntry } from "../lib/files.mjs";

const AVATARS = { user: "\u{1F9D1}", assistant: "\u{1F916}" };

const chatInput = {
  create(_p, ctx) {
    const box = h("textarea", { rows: 1, class: "stc-chat-textarea" });
    const send = h("button", { type: "button", class: "stc-chat-send", "aria-label": "Send message" }, "\u27A4");
    const attach = h("input", { type: "file", class: "stc-chat-files", "aria-label": "Attach files", hidden: true });
    const el = h("div", { class: "stc-chat-input" }, attach, box, send);
    el._w = { box, send, attach };
    const submit = async () => {
      const p = el._stc.props;
      const text = box.value;
      const files = Array.from(attach.files ?? []);
      if (!text.trim() && files.length === 0) return;
      box.value = "";
      if (p.accept_file) {
        const entries = await Promise.all(files.map((f) => fileEntry(f, "chat-")));
        attach.value = "";
        ctx.send([{ id: el._stc.id, value: { text, files: entries } }]);
      } else {
        ctx.send([{ id: el._stc.id, value: text }]);
      }
    };
    box.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || e.shiftKey || e.isComposing) return;
      e.preventDefault();
      submit();
    });
    send.addEventListener("click", submit);
    return el;
  },
  update(el, p) {
    const { box, send, attach } = el._w;
    box.placeholder = p.placeholder ?? "Your message";
    box.setAttribute("aria-label", p.placeholder ?? "Your message");
    box.disabled = send.disabled = Boolean(p.disabled);
    if (p.max_chars) box.maxLength = p.max_chars;
    else box.removeAttribute("maxlength");
    attach.hidden = !p.accept_file;
    attach.multiple = p.accept_file === "multiple" || p.accept_file === "directory";
    if (p.file_type) attach.accept = p.file_type.map((t) => (t.includes("/") || t.startsWith(".") ? t : `.${t}`)).join(",");
  },
};

const chatMessage = {
  create() {
    const avatar = h("div", { class: "stc-chat-avatar", "aria-hidden": "true" });
    const body = h("div", { class: "stc-block stc-chat-body" });
    const el = h("div", { class: "stc-chat-message", role: "article" }, avatar, body);
    el.style.display = "flex";
    el.style.gap = "0.75rem";
    body.style.flex = "1 1 auto";
    body.style.minWidth = "0";
    return el;
  },
  update(el, p) {
    const avatar = el.firstElementChild;
    const a = p.avatar;
    el.setAttribute("aria-label", `${p.name} message`);
    el.dataset.role = a === "user" || a === "assistant" ? a : "custom";
    if (typeof a === "string" && /^(https?:|data:|\/|\.)/.test(a)) avatar.replaceChildren(h("img", { src: a, alt: "", width: 32, height: 32 }));
    else avatar.textContent = AVATARS[a] ?? (a || String(p.name ?? "?").slice(0, 1).toUpperCase());
  },
  host: (el) => el.lastElementChild,
};

export const CHAT = {
  chat_input: chatInput,
  chat_message: chatMessage,
};
