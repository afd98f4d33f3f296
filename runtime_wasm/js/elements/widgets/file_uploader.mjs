// More value widgets (runtime_wasm/streamlit/_inputs2.py, _files.py): select_slider,
// date/time/datetime inputs, color_picker, pills, segmented_control, feedback,
// link_button, download_button, file_uploader, camera_input.
//
// Values on the wire are the Python side's (see its module docstrings): option
// indices, ISO date/time strings, "#rrggbb", file entries with base64 `data`.
// Every widget sends through ctx.emit, so form widgets wait for their submit.

import { h, setHtml, uid } from "../../dom.mjs";
import { readFile } from "../lib/files.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { inlineMarkdownToHtml } from "../../markdown.mjs";
import { mediaUrl } from "../media.mjs";

function pendingInForm(el, ctx) {
  const { id, props } = el._stc;
  return Boolean(props.form_id && ctx.hasPending(props.form_id, id));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

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
    const el = h("div", { class: "stc-slider stc-select-slider" }, header, w.display, h("div", { class: "stc-slider-track" }, ...w.inputs));
    if (isRange) el.setAttribute("role", "group");
    el._w = w;
    const current = () => {
      const vals = w.inputs.map((i) => Number(i.value));
      return isRange ? vals.sort((a, b) => a - b) : vals[0];
    };
    for (const input of w.inputs) {
      input.addEventListener("input", () => show(el, current()));
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
    show(el, p.value);
  },
};

function show(el, value) {
  const opts = el._stc.props.options ?? [];
  const text = (i) => String(opts[i] ?? "");
  el._w.display.textContent = Array.isArray(value) ? `${text(value[0])} \u2013 ${text(value[1])}` : text(value);
  el._w.inputs.forEach((input, i) => input.setAttribute("aria-valuetext", text(Array.isArray(value) ? value[i] : value)));
}

// ---- date / time / datetime / color: native inputs -------------------------------

function nativeSpec(type, cls, attrs) {
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

const dateInput = nativeSpec("date", "date-input", { min: (p) => p.min, max: (p) => p.max });
const timeInput = nativeSpec("time", "time-input", { step: (p) => p.step });
const datetimeInput = nativeSpec("datetime-local", "datetime-input", {
  min: (p) => p.min,
  max: (p) => p.max,
  step: (p) => p.step,
});
const colorPicker = nativeSpec("color", "color-picker", {});

// ---- pills / segmented_control: toggle buttons ----------------------------------

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
        paint(el, next);
        ctx.emit(el, next);
      });
      return el;
    },
    update(el, p, prev) {
      const w = el._w;
      updateLabel(w, p);
      if (!prev || !same(prev.options, p.options)) {
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
      if (!pendingInForm(el, ctx)) paint(el, p.value);
    },
  };
}

function paint(el, value) {
  const selected = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  el._w.selected = selected;
  for (const b of el._w.group.children) {
    const on = selected.includes(Number(b.dataset.index));
    b.setAttribute("aria-pressed", String(on));
    b.classList.toggle("stc-selected", on);
  }
}

// ---- feedback -------------------------------------------------------------------

const FEEDBACK = {
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
      paint(el, next);
      ctx.emit(el, next);
    });
    return el;
  },
  update(el, p) {
    const icons = FEEDBACK[p.options] ?? FEEDBACK.thumbs;
    el._w.group.replaceChildren(
      ...icons.map(([icon, name], i) => h("button", { type: "button", class: "stc-pill", "data-index": i, "aria-label": name, "aria-pressed": "false", disabled: Boolean(p.disabled) }, icon)),
    );
  },
  sync(el, p, ctx) {
    if (pendingInForm(el, ctx)) return;
    const v = p.value;
    // Stars light up to the chosen one.
    paint(el, p.options === "stars" && v !== null && v !== undefined ? Array.from({ length: v + 1 }, (_, i) => i) : v);
    el._w.selected = v === null || v === undefined ? [] : [v];
  },
};

// ---- link_button / download_button ----------------------------------------------

function buttonLook(button, p) {
  button.className = `stc-button stc-button-${p.type ?? "secondary"}`;
  button.classList.toggle("stc-full-width", Boolean(p.use_container_width));
  button.title = p.help ?? "";
  const icon = p.icon && !String(p.icon).startsWith(":material/") ? `<span class="stc-icon" aria-hidden="true">${p.icon}</span> ` : "";
  setHtml(button, icon + inlineMarkdownToHtml(p.label ?? ""));
}

const linkButton = {
  create(_p, ctx) {
    const a = h("a", { class: "stc-button", target: "_blank", rel: "noopener noreferrer" });
    const el = h("div", { class: "stc-button-row" }, a);
    el._w = { a };
    a.addEventListener("click", (e) => {
      const p = el._stc.props;
      if (p.disabled) {
        e.preventDefault();
        return;
      }
      if (p.rerun) ctx.send([{ id: el._stc.id, value: true }]);
    });
    return el;
  },
  update(el, p) {
    buttonLook(el._w.a, p);
    el._w.a.href = p.url ?? "#";
    el._w.a.setAttribute("aria-disabled", String(Boolean(p.disabled)));
  },
};

const downloadButton = {
  create(_p, ctx) {
    const button = h("button", { type: "button", class: "stc-button" });
    const el = h("div", { class: "stc-button-row" }, button);
    el._w = { button };
    button.addEventListener("click", () => {
      const p = el._stc.props;
      // The bytes came in a `media` message (runtime_wasm/_media_store.py).
      const a = h("a", { href: mediaUrl(p), download: p.file_name || "download", hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      if (p.rerun) ctx.send([{ id: el._stc.id, value: true }]);
    });
    return el;
  },
  update(el, p) {
    buttonLook(el._w.button, p);
    el._w.button.disabled = Boolean(p.disabled);
  },
};

// ---- file_uploader / camera_input -----------------------------------------------

let fileCounter = 0;
async function toEntry(file) {
  fileCounter += 1;
  return { file_id: `${Date.now().toString(36)}-${fileCounter}`, name: file.name, type: file.type || "application/octet-stream", size: file.size, data: await readFile(file) };
}

function fileList(el, ctx) {
  const list = h("ul", { class: "stc-file-list" });
  list.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-file-id]");
    if (!b) return;
    const keep = (el._stc.props.value ?? []).filter((f) => f.file_id !== b.dataset.fileId);
    ctx.emit(el, keep);
  });
  return list;
}

function showFiles(el, files) {
  el._w.list.replaceChildren(
    ...(files ?? []).map((f) =>
      h("li", { class: "stc-file" }, h("span", {}, `${f.name} (${formatSize(f.size)})`), h("button", { type: "button", class: "stc-file-remove", "data-file-id": f.file_id, "aria-label": `Remove ${f.name}` }, "\u00d7")),
    ),
  );
}

function formatSize(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const fileUploader = {
  create(_p, ctx) {
    const id = uid();
    const w = { input: h("input", { type: "file", id }) };
    w.status = h("div", { class: "stc-file-status", role: "status" });
    const el = h("div", { class: "stc-file-uploader" }, makeLabel(w, id), w.input, w.status);
    el._w = w;
    w.list = fileList(el, ctx);
    el.append(w.list);
    w.input.addEventListener("change", async () => {
      const p = el._stc.props;
      const limit = Number(p.max_upload_size ?? 200) * 1024 * 1024;
      const chosen = Array.from(w.input.files ?? []);
      const tooBig = chosen.filter((f) => f.size > limit);
      w.status.textContent = tooBig.length ? `${tooBig.map((f) => f.name).join(", ")}: file must be ${p.max_upload_size ?? 200}MB or smaller.` : "";
      const fresh = await Promise.all(chosen.filter((f) => f.size <= limit).map(toEntry));
      w.input.value = "";
      // Entries Python already has go back without their bytes.
      const kept = p.multiple ? (p.value ?? []) : [];
      ctx.emit(el, [...kept, ...fresh]);
    });
    return el;
  },
  update(el, p) {
    const w = el._w;
    updateLabel(w, p);
    w.input.disabled = Boolean(p.disabled);
    w.input.multiple = Boolean(p.multiple);
    w.input.toggleAttribute("webkitdirectory", Boolean(p.directory));
    if (p.types) w.input.accept = p.types.join(",");
    else w.input.removeAttribute("accept");
  },
  sync(el, p, ctx) {
    if (!pendingInForm(el, ctx)) showFiles(el, p.value);
  },
};

const cameraInput = {
  create(_p, ctx) {
    const w = {};
    const video = h("video", { class: "stc-camera-video", autoplay: true, playsinline: true, muted: true, hidden: true });
    const take = h("button", { type: "button", class: "stc-button" }, "Take Photo");
    const clear = h("button", { type: "button", class: "stc-button", hidden: true }, "Clear photo");
    w.status = h("div", { class: "stc-camera-status", role: "status" });
    w.preview = h("img", { class: "stc-camera-preview", alt: "Captured photo", hidden: true });
    const el = h("div", { class: "stc-camera-input" }, makeLabel(w, null), video, w.preview, h("div", { class: "stc-button-row" }, take, clear), w.status);
    Object.assign(w, { video, take, clear, stream: null });
    el._w = w;
    take.addEventListener("click", async () => {
      if (!w.stream) {
        if (!navigator.mediaDevices?.getUserMedia) {
          w.status.textContent = "This browser does not allow camera access here.";
          return;
        }
        try {
          w.stream = await navigator.mediaDevices.getUserMedia({ video: true });
        } catch (err) {
          w.status.textContent = `Camera not available: ${err?.name === "NotAllowedError" ? "permission denied" : err?.message ?? err}.`;
          return;
        }
        video.srcObject = w.stream;
        video.hidden = false;
        w.status.textContent = "Camera on: press Take Photo again to capture.";
        return;
      }
      const canvas = h("canvas", { width: video.videoWidth || 640, height: video.videoHeight || 480 });
      canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
      const data = canvas.toDataURL("image/jpeg").split(",", 2)[1];
      for (const t of w.stream.getTracks()) t.stop();
      w.stream = null;
      video.hidden = true;
      w.status.textContent = "";
      fileCounter += 1;
      ctx.emit(el, [{ file_id: `camera-${Date.now().toString(36)}-${fileCounter}`, name: "image.jpg", type: "image/jpeg", size: Math.floor((data.length * 3) / 4), data }]);
    });
    clear.addEventListener("click", () => ctx.emit(el, []));
    return el;
  },
  update(el, p) {
    updateLabel(el._w, p);
    el._w.take.disabled = Boolean(p.disabled);
  },
  sync(el, p) {
    const has = Array.isArray(p.value) && p.value.length > 0;
    el._w.clear.hidden = !has;
    el._w.status.textContent = has && !el._w.stream ? `Photo taken (${formatSize(p.value[0].size)}).` : el._w.status.textContent;
  },
};

export const INPUTS2 = {
  select_slider: selectSlider,
  date_input: dateInput,
  time_input: timeInput,
  datetime_input: datetimeInput,
  color_picker: colorPicker,
  pills: groupSpec("pills"),
  segmented_control: groupSpec("segmented-control"),
  feedback,
  link_button: linkButton,
  download_button: downloadButton,
  file_uploader: fileUploader,
  camera_input: cameraInput,
};
