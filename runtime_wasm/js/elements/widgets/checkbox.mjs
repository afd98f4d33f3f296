// st.checkbox and st.toggle (runtime_wasm/streamlit/elements/widgets/_checkbox.py):
// one native checkbox (a switch for toggle), its label after it; the value is sent on
// change.

import { h, uid } from "../../dom.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { userOwnsValue } from "../lib/widget_value.mjs";

function checkboxSpec(isToggle) {
  return {
    create(_p, ctx) {
      const id = uid();
      const w = { input: h("input", { type: "checkbox", id, role: isToggle ? "switch" : null }) };
      const el = h("div", { class: isToggle ? "stc-check stc-toggle" : "stc-check" }, w.input, makeLabel(w, id));
      el._w = w;
      const { input } = w;
      input.addEventListener("change", () => ctx.emit(el, input.checked));
      return el;
    },
    update(el, p) {
      updateLabel(el._w, p);
      el._w.input.disabled = Boolean(p.disabled);
    },
    sync(el, p, ctx) {
      if (userOwnsValue(el, ctx)) return;
      if (el._w.input.checked !== Boolean(p.value)) el._w.input.checked = Boolean(p.value);
    },
  };
}

export const CHECKBOX = {
  checkbox: checkboxSpec(false),
  toggle: checkboxSpec(true),
};
