// st.text_input and st.text_area (runtime_wasm/streamlit/elements/widgets/
// _text_widgets.py). As in Streamlit, text_input sends on Enter or blur, text_area on
// blur or Ctrl+Enter; in a form every keystroke updates the pending value, and Enter
// presses the form's first submit button.

import { h, uid } from "../../dom.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { userOwnsValue } from "../lib/widget_value.mjs";

function textSpec(isArea) {
  return {
    create(_p, ctx) {
      const id = uid();
      const input = isArea ? h("textarea", { id }) : h("input", { type: "text", id });
      const w = { input, synced: "", dirty: false };
      const el = h("div", { class: isArea ? "stc-text-area" : "stc-text-input" }, makeLabel(w, id), input);
      el._w = w;
      const commit = () => {
        w.dirty = false;
        if (input.value === w.synced) return;
        w.synced = input.value;
        ctx.emit(el, input.value);
      };
      input.addEventListener("input", () => {
        w.dirty = true;
        if (el._stc.props.form_id) ctx.emit(el, input.value);
      });
      input.addEventListener("blur", commit);
      input.addEventListener("keydown", (e) => {
        if (e.key !== "Enter" || e.isComposing) return;
        if (isArea && !(e.ctrlKey || e.metaKey)) return;
        e.preventDefault();
        commit();
        if (el._stc.props.form_id) ctx.submitForm(el._stc.props.form_id);
      });
      return el;
    },
    update(el, p) {
      const { input } = el._w;
      updateLabel(el._w, p);
      input.disabled = Boolean(p.disabled);
      if (!isArea) input.type = p.type === "password" ? "password" : "text";
      if (p.max_chars) input.maxLength = p.max_chars;
      else input.removeAttribute("maxlength");
      if (p.placeholder) input.placeholder = p.placeholder;
      else input.removeAttribute("placeholder");
      if (!isArea && p.autocomplete) input.autocomplete = p.autocomplete;
      if (isArea) input.style.height = p.height ? `${p.height}px` : "";
    },
    sync(el, p, ctx) {
      if (userOwnsValue(el, ctx)) return;
      const w = el._w;
      const want = p.value ?? "";
      if (w.input.value !== want) w.input.value = want;
      w.synced = want;
      w.dirty = false;
    },
  };
}

export const TEXT_WIDGETS = {
  text_input: textSpec(false),
  text_area: textSpec(true),
};
