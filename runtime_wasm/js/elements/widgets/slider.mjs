// Widgets: native, labelled controls that report user changes through `ctx`.
//
// Each spec has `create(props, ctx)` (build the wrapper and its control once, wire
// events), `update(el, props, prev, ctx)` (props changed: label, options, limits)
// and `sync(el, props, ctx)` (every render: show the value Python holds, unless the
// user is mid-edit or the value is pending in a form). Control internals live on
// `el._w`; the reconciler keeps `el._stc = {id, kind, props}` current, so event
// handlers always read the latest props.
//
// When values are sent (as in Streamlit): buttons on click; checkbox, toggle,
// radio, selectbox, multiselect on change; slider on release (`change`);
// text_input on Enter or blur; text_area on blur or Ctrl+Enter; number_input on
// Enter, blur or the -/+ buttons. Inside a form nothing is sent: the value waits
// in ctx's pending map until the form's submit button sends them all together.

import { h, setHtml, uid } from "../../dom.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { formatNumber, inlineMarkdownToHtml } from "../../markdown.mjs";

// ---- shared pieces --------------------------------------------------------------

/** True when a rerun must not overwrite what the control shows. */
function userOwnsValue(el, ctx) {
  const { id, props } = el._stc;
  if (props.form_id && ctx.hasPending(props.form_id, id)) return true;
  return Boolean(el._w.dirty) && el.contains(document.activeElement);
}

function decimals(x) {
  const s = String(x ?? "");
  if (s.includes("e-")) return Number(s.split("e-")[1]);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

function toNumber(raw, p) {
  if (raw === null || raw === undefined || raw === "") return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) return null;
  if (p.data_type === "int") return Math.round(n);
  // Drop binary noise such as 0.1 + 0.2 = 0.30000000000000004.
  return Number(n.toPrecision(15));
}

function clamp(n, p) {
  if (n === null) return n;
  if (p.min !== null && p.min !== undefined && n < p.min) return p.min;
  if (p.max !== null && p.max !== undefined && n > p.max) return p.max;
  return n;
}

/** The selected option of a radio or selectbox: `value` (the runtime's), else `index`. */
function choiceIndex(p) {
  const i = p.value !== undefined ? p.value : p.index;
  return i === null || i === undefined ? null : Number(i);
}

function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---- buttons --------------------------------------------------------------------

function buttonSpec(isSubmit) {
  return {
    create(_p, ctx) {
      const button = h("button", { type: "button", class: "stc-button" });
      const el = h("div", { class: "stc-button-row" }, button);
      el._w = { button };
      button.addEventListener("click", () => {
        if (isSubmit && el._stc.props.form_id) ctx.submit(el);
        else ctx.send([{ id: el._stc.id, value: true }]);
      });
      return el;
    },
    update(el, p) {
      const { button } = el._w;
      button.className = `stc-button stc-button-${p.type ?? "secondary"}`;
      button.classList.toggle("stc-full-width", Boolean(p.use_container_width));
      button.disabled = Boolean(p.disabled);
      button.title = p.help ?? "";
      const icon = p.icon && !String(p.icon).startsWith(":material/") ? `<span class="stc-icon" aria-hidden="true">${p.icon}</span> ` : "";
      setHtml(button, icon + inlineMarkdownToHtml(p.label ?? ""));
    },
  };
}

// ---- checkbox / toggle ----------------------------------------------------------

function checkboxSpec(isToggle) {
  return {
    create(_p, ctx) {
      const id = uid();
      const input = h("input", { type: "checkbox", id, role: isToggle ? "switch" : null });
      const labelRow = h("div", { class: "stc-label-row" });
      const labelEl = h("label", { class: "stc-label", for: id });
      labelRow.append(labelEl);
      const el = h("div", { class: isToggle ? "stc-check stc-toggle" : "stc-check" }, input, labelRow);
      el._w = { input, labelEl, labelRow };
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

// ---- radio ----------------------------------------------------------------------

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

// ---- selectbox / multiselect ----------------------------------------------------

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

// ---- slider ---------------------------------------------------------------------

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
    w.minEl.textContent = formatNumber(p.min, p.format);
    w.maxEl.textContent = formatNumber(p.max, p.format);
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

function showSliderValue(el, value) {
  const p = el._stc.props;
  const fmt = (v) => formatNumber(v, p.format);
  el._w.display.textContent = Array.isArray(value) ? `${fmt(value[0])} \u2013 ${fmt(value[1])}` : fmt(value);
  el._w.inputs.forEach((input, i) => input.setAttribute("aria-valuetext", fmt(Array.isArray(value) ? value[i] : value)));
}

// ---- text_input / text_area -----------------------------------------------------

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

// ---- number_input ---------------------------------------------------------------

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

export const WIDGETS = {
  button: buttonSpec(false),
  form_submit_button: buttonSpec(true),
  checkbox: checkboxSpec(false),
  toggle: checkboxSpec(true),
  radio,
  selectbox,
  multiselect,
  slider,
  text_input: textSpec(false),
  text_area: textSpec(true),
  number_input: numberInput,
};
