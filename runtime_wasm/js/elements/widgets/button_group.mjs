// st.pills and st.segmented_control (runtime_wasm/streamlit/elements/widgets/
// _button_group.py): one spec for both, as Streamlit's button_group, differing by
// class only. A row of toggle buttons; single mode sends an index or null (a required
// one cannot be unpressed), multi mode the sorted indices.

import { h } from "../../dom.mjs";
import { inlineMarkdownToHtml } from "../../markdown.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { paintPressed } from "../lib/toggle_buttons.mjs";
import { pendingInForm, sameJson } from "../lib/widget_value.mjs";

function groupSpec(cls) {
  return {
    create(_p, ctx) {
      const w = {};
      const group = h("div", { class: "stc-button-group", role: "group" });
      const el = h("div", { class: `stc-${cls}` }, makeLabel(w, null), group);
      group.setAttribute("aria-labelledby", w.labelEl.id);
      w.group = group;
      el._w = w;
      group.addEventListener("click", (e) => {
        const button = e.target.closest("button");
        if (!button || button.disabled) return;
        const p = el._stc.props;
        const i = Number(button.dataset.index);
        const selected = w.selected ?? [];
        let next;
        if (p.selection_mode === "multi") next = selected.includes(i) ? selected.filter((x) => x !== i) : [...selected, i].sort((a, b) => a - b);
        else if (selected.includes(i)) {
          if (p.required) return;
          next = null;
        } else next = i;
        paintPressed(el, next);
        ctx.emit(el, next);
      });
      return el;
    },
    update(el, p, prev) {
      const w = el._w;
      updateLabel(w, p);
      if (!prev || !sameJson(prev.options, p.options)) {
        w.group.replaceChildren(
          ...(p.options ?? []).map((o, i) => {
            const b = h("button", { type: "button", class: "stc-pill", "data-index": i, "aria-pressed": "false" });
            b.innerHTML = inlineMarkdownToHtml(String(o));
            return b;
          }),
        );
      }
      for (const b of w.group.children) b.disabled = Boolean(p.disabled);
    },
    sync(el, p, ctx) {
      if (!pendingInForm(el, ctx)) paintPressed(el, p.value);
    },
  };
}

export const BUTTON_GROUP = {
  pills: groupSpec("pills"),
  segmented_control: groupSpec("segmented-control"),
};
