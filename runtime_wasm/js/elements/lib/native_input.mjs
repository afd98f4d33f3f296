// Widgets drawn by the browser's own input (date, time, datetime-local, color): one
// labelled input, or two for a range (is_range), sending their values as the strings
// the input holds (ISO dates and times, "#rrggbb"); the Python side parses them.

import { h, uid } from "../../dom.mjs";
import { makeLabel, updateLabel } from "./labels.mjs";
import { pendingInForm } from "./widget_value.mjs";

/** The spec of a native `<input type>` widget with class stc-`cls`; `attrs` maps an
 * input attribute to the props value it shows (min, max, step). */
export function nativeSpec(type, cls, attrs) {
  return {
    variant: (p) => (p.is_range ? "range" : "single"),
    create(p, ctx) {
      const w = { inputs: [] };
      const count = p.is_range ? 2 : 1;
      const ids = Array.from({ length: count }, () => uid());
      const header = makeLabel(w, count === 1 ? ids[0] : null);
      w.inputs = ids.map((id) => h("input", { type, id }));
      const el = h("div", { class: `stc-${cls}` }, header, h("div", { class: "stc-input-row" }, ...w.inputs));
      if (count > 1) {
        el.setAttribute("role", "group");
        el.setAttribute("aria-labelledby", w.labelEl.id);
      }
      el._w = w;
      const value = () => {
        const vals = w.inputs.map((i) => i.value || null);
        if (!p.is_range) return vals[0];
        return vals.filter((v) => v !== null);
      };
      for (const input of w.inputs) input.addEventListener("change", () => ctx.emit(el, value()));
      return el;
    },
    update(el, p) {
      const w = el._w;
      updateLabel(w, p);
      w.inputs.forEach((input, i) => {
        input.disabled = Boolean(p.disabled);
        for (const [attr, from] of Object.entries(attrs)) {
          const v = from(p);
          if (v === null || v === undefined) input.removeAttribute(attr);
          else input.setAttribute(attr, String(v));
        }
        if (w.inputs.length > 1) input.setAttribute("aria-label", `${w.labelEl.textContent} ${i ? "end" : "start"}`);
      });
    },
    sync(el, p, ctx) {
      if (pendingInForm(el, ctx) || el.contains(document.activeElement)) return;
      const values = Array.isArray(p.value) ? p.value : [p.value];
      el._w.inputs.forEach((input, i) => {
        const want = values[i] ?? "";
        if (input.value !== want) input.value = want;
      });
    },
  };
}
