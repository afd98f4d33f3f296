// st.feedback (runtime_wasm/streamlit/elements/widgets/_feedback.py): thumbs, faces or
// stars as toggle buttons; sends the chosen index, or null when it is pressed again.
// Stars light up to the chosen one.

import { h } from "../../dom.mjs";
import { paintPressed } from "../lib/toggle_buttons.mjs";
import { pendingInForm } from "../lib/widget_value.mjs";

const ICONS = {
  thumbs: [["\u{1F44E}", "Thumbs down"], ["\u{1F44D}", "Thumbs up"]],
  faces: [["\u{1F61E}", "Very unhappy"], ["\u{1F641}", "Unhappy"], ["\u{1F610}", "Neutral"], ["\u{1F642}", "Happy"], ["\u{1F600}", "Very happy"]],
  stars: [1, 2, 3, 4, 5].map((n) => ["\u2605", `${n} star${n > 1 ? "s" : ""}`]),
};

const feedback = {
  create(_p, ctx) {
    const group = h("div", { class: "stc-button-group stc-feedback-group", role: "group", "aria-label": "Feedback" });
    const el = h("div", { class: "stc-feedback" }, group);
    el._w = { group };
    group.addEventListener("click", (e) => {
      const b = e.target.closest("button");
      if (!b || b.disabled) return;
      const i = Number(b.dataset.index);
      const next = el._w.selected.includes(i) ? null : i;
      paintPressed(el, next);
      ctx.emit(el, next);
    });
    return el;
  },
  update(el, p) {
    const icons = ICONS[p.options] ?? ICONS.thumbs;
    el._w.group.replaceChildren(
      ...icons.map(([icon, name], i) => h("button", { type: "button", class: "stc-pill", "data-index": i, "aria-label": name, "aria-pressed": "false", disabled: Boolean(p.disabled) }, icon)),
    );
  },
  sync(el, p, ctx) {
    if (pendingInForm(el, ctx)) return;
    const v = p.value;
    // Stars light up to the chosen one.
    paintPressed(el, p.options === "stars" && v !== null && v !== undefined ? Array.from({ length: v + 1 }, (_, i) => i) : v);
    el._w.selected = v === null || v === undefined ? [] : [v];
  },
};

export const FEEDBACK = {
  feedback,
};
