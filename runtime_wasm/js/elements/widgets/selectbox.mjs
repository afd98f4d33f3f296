// st.selectbox (runtime_wasm/streamlit/elements/widgets/_selectbox.py): a native
// <select>; with no choice yet, a disabled placeholder option shows first. The chosen
// option's index is sent on change.

import { h, uid } from "../../dom.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { choiceIndex, sameJson, userOwnsValue } from "../lib/widget_value.mjs";

const selectbox = {
  create(_p, ctx) {
    const w = { select: h("select", { id: uid() }) };
    const el = h("div", { class: "stc-selectbox" }, makeLabel(w, w.select.id), w.select);
    el._w = w;
    w.select.addEventListener("change", () => {
      if (w.select.value !== "") ctx.emit(el, Number(w.select.value));
    });
    return el;
  },
  update(el, p, prev) {
    const w = el._w;
    updateLabel(w, p);
    w.select.disabled = Boolean(p.disabled);
    const shape = (q) => [q.options, choiceIndex(q) === null ? q.placeholder ?? "" : null];
    if (!prev || !sameJson(shape(prev), shape(p))) {
      const options = (p.options ?? []).map((o, i) => h("option", { value: i }, String(o)));
      if (choiceIndex(p) === null) options.unshift(h("option", { value: "", disabled: true }, p.placeholder || "Choose an option"));
      w.select.replaceChildren(...options);
    }
  },
  sync(el, p, ctx) {
    if (userOwnsValue(el, ctx)) return;
    const index = choiceIndex(p);
    const want = index === null ? "" : String(index);
    if (el._w.select.value !== want) el._w.select.value = want;
  },
};

export const SELECTBOX = {
  selectbox,
};
