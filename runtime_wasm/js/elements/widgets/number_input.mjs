// st.number_input (runtime_wasm/streamlit/elements/widgets/_number_input.py): a
// native number input with -/+ step buttons; the value, clamped to min/max and shown
// in the widget's format, is sent on Enter, blur or a step.

import { h, uid } from "../../dom.mjs";
import { formatNumber } from "../../markdown.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { clamp, toNumber } from "../lib/numbers.mjs";
import { userOwnsValue } from "../lib/widget_value.mjs";

const numberInput = {
  create(_p, ctx) {
    const id = uid();
    const input = h("input", { type: "number", id });
    // Names without the label, so get_by_label(label) finds only the input.
    const down = h("button", { type: "button", class: "stc-step", "aria-label": "Decrement" }, "\u2212");
    const up = h("button", { type: "button", class: "stc-step", "aria-label": "Increment" }, "+");
    const w = { input, down, up, synced: null, dirty: false };
    const el = h("div", { class: "stc-number-input" }, makeLabel(w, id), h("div", { class: "stc-number-row" }, input, down, up));
    el._w = w;
    const commit = () => {
      w.dirty = false;
      const p = el._stc.props;
      const value = clamp(toNumber(input.value, p), p);
      showNumber(el, value);
      if (value === w.synced) return;
      w.synced = value;
      ctx.emit(el, value);
    };
    const step = (sign) => {
      const p = el._stc.props;
      const cur = toNumber(input.value, p);
      const next = clamp(toNumber((cur ?? 0) + sign * Number(p.step ?? 1), p), p);
      input.value = String(next);
      commit();
    };
    input.addEventListener("input", () => {
      w.dirty = true;
      const p = el._stc.props;
      if (p.form_id) ctx.emit(el, clamp(toNumber(input.value, p), p));
    });
    input.addEventListener("blur", commit);
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      commit();
      if (el._stc.props.form_id) ctx.submitForm(el._stc.props.form_id);
    });
    down.addEventListener("click", () => step(-1));
    up.addEventListener("click", () => step(1));
    return el;
  },
  update(el, p) {
    const w = el._w;
    updateLabel(w, p);
    for (const c of [w.input, w.down, w.up]) c.disabled = Boolean(p.disabled);
    w.input.step = p.step === null || p.step === undefined ? "any" : String(p.step);
    if (p.min !== null && p.min !== undefined) w.input.min = String(p.min);
    else w.input.removeAttribute("min");
    if (p.max !== null && p.max !== undefined) w.input.max = String(p.max);
    else w.input.removeAttribute("max");
    if (p.placeholder) w.input.placeholder = p.placeholder;
    else w.input.removeAttribute("placeholder");
  },
  sync(el, p, ctx) {
    if (userOwnsValue(el, ctx)) return;
    const w = el._w;
    if (toNumber(w.input.value, p) !== p.value) showNumber(el, p.value);
    w.synced = p.value;
    w.dirty = false;
  },
};

function showNumber(el, value) {
  const { input } = el._w;
  const p = el._stc.props;
  let text = value === null || value === undefined ? "" : String(value);
  if (text && p.format) {
    const formatted = formatNumber(value, p.format);
    if (formatted.trim() !== "" && Number.isFinite(Number(formatted))) text = formatted;
  }
  if (input.value !== text) input.value = text;
}

export const NUMBER_INPUT = {
  number_input: numberInput,
};
