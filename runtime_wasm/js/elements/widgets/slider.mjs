// st.slider and st.select_slider (runtime_wasm/streamlit/elements/widgets/_slider.py):
// one native range input, or two for a range value. The value shows while dragging and
// is sent on release (`change`), as in Streamlit. slider sends numbers (a date or time
// slider: microseconds since the epoch, shown through its moment.js format);
// select_slider sends option indices and shows the options' text.

import { h, uid } from "../../dom.mjs";
import { formatNumber } from "../../markdown.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { formatMicros } from "../lib/moment_format.mjs";
import { toNumber } from "../lib/numbers.mjs";
import { pendingInForm, userOwnsValue } from "../lib/widget_value.mjs";

const slider = {
  // A slider that turns from one value into a range needs a new control.
  variant: (p) => (Array.isArray(p.value) ? "range" : "single"),
  create(p, ctx) {
    const isRange = Array.isArray(p.value);
    const w = { isRange, inputs: [], dirty: false };
    const ids = isRange ? [uid(), uid()] : [uid()];
    const header = makeLabel(w, isRange ? null : ids[0]);
    w.inputs = ids.map((id) => h("input", { type: "range", id }));
    w.display = h("div", { class: "stc-slider-value", "aria-live": "off" });
    w.minEl = h("span", { class: "stc-slider-min" });
    w.maxEl = h("span", { class: "stc-slider-max" });
    const track = h("div", { class: isRange ? "stc-slider-track stc-range" : "stc-slider-track" }, ...w.inputs);
    const el = h("div", { class: "stc-slider" }, header, w.display, track, h("div", { class: "stc-slider-limits" }, w.minEl, w.maxEl));
    if (isRange) el.setAttribute("role", "group");
    if (isRange) el.setAttribute("aria-labelledby", w.labelEl.id);
    el._w = w;
    const current = () => {
      const props = el._stc.props;
      const vals = w.inputs.map((input) => toNumber(input.value, props));
      return isRange ? vals : vals[0];
    };
    w.inputs.forEach((input, i) => {
      input.addEventListener("input", () => {
        w.dirty = true;
        if (isRange) {
          const [a, b] = w.inputs.map((x) => Number(x.value));
          if (a > b) w.inputs[i].value = w.inputs[1 - i].value;
        }
        showSliderValue(el, current());
      });
      input.addEventListener("change", () => {
        w.dirty = false;
        ctx.emit(el, current());
      });
    });
    return el;
  },
  update(el, p) {
    const w = el._w;
    updateLabel(w, p);
    w.inputs.forEach((input, i) => {
      input.min = String(p.min);
      input.max = String(p.max);
      input.step = String(p.step ?? (p.data_type === "int" ? 1 : 0.01));
      input.disabled = Boolean(p.disabled);
      if (w.isRange) input.setAttribute("aria-label", `${w.labelEl.textContent} ${i === 0 ? "start" : "end"}`);
    });
    w.minEl.textContent = formatSliderValue(p.min, p);
    w.maxEl.textContent = formatSliderValue(p.max, p);
    paintTrack(el);
  },
  sync(el, p, ctx) {
    if (userOwnsValue(el, ctx)) return;
    const w = el._w;
    const values = w.isRange ? p.value : [p.value];
    w.inputs.forEach((input, i) => {
      if (Number(input.value) !== Number(values[i])) input.value = String(values[i]);
    });
    w.dirty = false;
    showSliderValue(el, p.value);
  },
};

const TIMELIKE = new Set(["date", "datetime", "time"]);

/** One slider value as the page shows it: a number through its printf-style format,
 * a date or time (microseconds) through its moment.js one. */
function formatSliderValue(v, p) {
  return TIMELIKE.has(p.data_type) ? formatMicros(v, p.format ?? "YYYY-MM-DD") : formatNumber(v, p.format);
}

function showSliderValue(el, value) {
  const p = el._stc.props;
  const fmt = (v) => formatSliderValue(v, p);
  el._w.display.textContent = Array.isArray(value) ? `${fmt(value[0])} \u2013 ${fmt(value[1])}` : fmt(value);
  el._w.inputs.forEach((input, i) => input.setAttribute("aria-valuetext", fmt(Array.isArray(value) ? value[i] : value)));
  paintTrack(el);
}

/**
 * Streamlit's look: a thin light track, filled in the primary colour up to the thumb
 * (between the thumbs of a range), and the value above the thumb(s). The inputs stay
 * native range inputs (keyboard, accessibility); stc.css draws them from these.
 */
function paintTrack(el) {
  const { inputs, display } = el._w;
  const at = inputs.map((input) => {
    const min = Number(input.min);
    const span = Number(input.max) - min;
    return span > 0 ? ((Number(input.value) - min) / span) * 100 : 0;
  });
  const [lo, hi] = at.length === 2 ? [Math.min(...at), Math.max(...at)] : [0, at[0]];
  const track = inputs[0].parentElement;
  track.style.setProperty("--stc-lo", `${lo}%`);
  track.style.setProperty("--stc-hi", `${hi}%`);
  const mid = at.length === 2 ? (lo + hi) / 2 : hi;
  display.style.left = `${mid}%`;
  display.style.transform = `translateX(-${mid}%)`; // stays inside the track at both ends
}

// ---- select_slider: a range input over option indices ---------------------------

const selectSlider = {
  variant: (p) => (Array.isArray(p.value) ? "range" : "single"),
  create(p, ctx) {
    const isRange = Array.isArray(p.value);
    const w = { isRange };
    const ids = isRange ? [uid(), uid()] : [uid()];
    const header = makeLabel(w, isRange ? null : ids[0]);
    w.inputs = ids.map((id) => h("input", { type: "range", id, min: 0, step: 1 }));
    w.display = h("div", { class: "stc-slider-value" });
    const track = h("div", { class: isRange ? "stc-slider-track stc-range" : "stc-slider-track" }, ...w.inputs);
    const el = h("div", { class: "stc-slider stc-select-slider" }, header, w.display, track);
    if (isRange) el.setAttribute("role", "group");
    el._w = w;
    const current = () => {
      const vals = w.inputs.map((i) => Number(i.value));
      return isRange ? vals.sort((a, b) => a - b) : vals[0];
    };
    for (const input of w.inputs) {
      input.addEventListener("input", () => showOption(el, current()));
      input.addEventListener("change", () => ctx.emit(el, current()));
    }
    return el;
  },
  update(el, p) {
    const w = el._w;
    updateLabel(w, p);
    w.inputs.forEach((input, i) => {
      input.max = String(Math.max((p.options ?? []).length - 1, 0));
      input.disabled = Boolean(p.disabled);
      if (w.isRange) input.setAttribute("aria-label", `${w.labelEl.textContent} ${i ? "end" : "start"}`);
    });
  },
  sync(el, p, ctx) {
    if (pendingInForm(el, ctx)) return;
    const values = el._w.isRange ? p.value : [p.value];
    el._w.inputs.forEach((input, i) => {
      if (Number(input.value) !== values[i]) input.value = String(values[i]);
    });
    showOption(el, p.value);
  },
};

function showOption(el, value) {
  const opts = el._stc.props.options ?? [];
  const text = (i) => String(opts[i] ?? "");
  el._w.display.textContent = Array.isArray(value) ? `${text(value[0])} \u2013 ${text(value[1])}` : text(value);
  el._w.inputs.forEach((input, i) => input.setAttribute("aria-valuetext", text(Array.isArray(value) ? value[i] : value)));
  paintTrack(el);
}

export const SLIDER = {
  slider,
  select_slider: selectSlider,
};
