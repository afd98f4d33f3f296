// st.multiselect (runtime_wasm/streamlit/elements/widgets/_multiselect.py): a native
// multiple <select> where a click toggles one option (no Ctrl needed); the selected
// indices are sent on change, and a choice past max_selections is undone.

import { h, uid } from "../../dom.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { sameJson, userOwnsValue } from "../lib/widget_value.mjs";

function selectedIndices(select) {
  return Array.from(select.options)
    .filter((o) => o.selected)
    .map((o) => Number(o.value));
}

const multiselect = {
  create(_p, ctx) {
    const w = { select: h("select", { id: uid(), multiple: true }), last: [] };
    const el = h("div", { class: "stc-multiselect" }, makeLabel(w, w.select.id), w.select);
    el._w = w;
    // Click toggles one option (no Ctrl needed), keeping the native, scriptable select.
    w.select.addEventListener("mousedown", (e) => {
      const option = e.target;
      if (!(option instanceof HTMLOptionElement) || w.select.disabled) return;
      e.preventDefault();
      option.selected = !option.selected;
      w.select.focus();
      w.select.dispatchEvent(new Event("input", { bubbles: true }));
      w.select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    w.select.addEventListener("change", () => {
      const max = el._stc.props.max_selections;
      const value = selectedIndices(w.select);
      if (max !== null && max !== undefined && value.length > max) {
        for (const o of w.select.options) o.selected = w.last.includes(Number(o.value));
        return;
      }
      w.last = value;
      ctx.emit(el, value);
    });
    return el;
  },
  update(el, p, prev) {
    const w = el._w;
    updateLabel(w, p);
    w.select.disabled = Boolean(p.disabled);
    w.select.title = p.placeholder ?? "";
    if (!prev || !sameJson(prev.options, p.options)) {
      w.select.replaceChildren(...(p.options ?? []).map((o, i) => h("option", { value: i }, String(o))));
      w.select.size = Math.min(Math.max((p.options ?? []).length, 2), 8);
    }
  },
  sync(el, p, ctx) {
    if (userOwnsValue(el, ctx)) return;
    const want = new Set(p.value ?? []);
    for (const o of el._w.select.options) {
      const sel = want.has(Number(o.value));
      if (o.selected !== sel) o.selected = sel;
    }
    el._w.last = selectedIndices(el._w.select);
  },
};

export const MULTISELECT = {
  multiselect,
};
