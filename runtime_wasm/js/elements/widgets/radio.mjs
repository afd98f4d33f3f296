// st.radio (runtime_wasm/streamlit/elements/widgets/_radio.py): a radiogroup of
// native radio inputs with optional captions; the chosen option's index is sent on
// change.

import { h, uid } from "../../dom.mjs";
import { inlineMarkdownToHtml } from "../../markdown.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { choiceIndex, sameJson, userOwnsValue } from "../lib/widget_value.mjs";

const radio = {
  create(_p, ctx) {
    const w = { name: uid("stc-radio") };
    const group = h("div", { role: "radiogroup", class: "stc-radio-group" });
    const el = h("div", { class: "stc-radio" }, makeLabel(w, null), group);
    group.setAttribute("aria-labelledby", w.labelEl.id);
    w.group = group;
    el._w = w;
    group.addEventListener("change", (e) => {
      if (e.target.type === "radio" && e.target.checked) ctx.emit(el, Number(e.target.value));
    });
    return el;
  },
  update(el, p, prev) {
    const w = el._w;
    updateLabel(w, p);
    w.group.classList.toggle("stc-horizontal", Boolean(p.horizontal));
    if (!prev || !sameJson([prev.options, prev.captions], [p.options, p.captions])) {
      w.group.replaceChildren(
        ...(p.options ?? []).map((option, i) => {
          const id = uid();
          const label = h("label", { for: id, class: "stc-option-label" });
          label.innerHTML = inlineMarkdownToHtml(option);
          const caption = p.captions?.[i] ? h("div", { class: "stc-option-caption" }) : null;
          if (caption) caption.innerHTML = inlineMarkdownToHtml(p.captions[i]);
          return h("div", { class: "stc-option" }, h("input", { type: "radio", id, name: w.name, value: i }), label, caption);
        }),
      );
    }
    for (const input of w.group.querySelectorAll("input")) input.disabled = Boolean(p.disabled);
  },
  sync(el, p, ctx) {
    if (userOwnsValue(el, ctx)) return;
    el._w.group.querySelectorAll("input").forEach((input, i) => {
      const want = i === choiceIndex(p);
      if (input.checked !== want) input.checked = want;
    });
  },
};

export const RADIO = {
  radio,
};
