// Newer Streamlit 1.67 elements (runtime_wasm/streamlit/_more.py): the leaf kinds
// skeleton, pagination, menu_button, audio_input (MORE, spread in kinds.mjs) and the
// blocks grid, bottom, logo (MORE_BLOCKS, spread into BLOCKS in render.mjs).
//
// audio_input records with MediaRecorder, decodes the recording and re-encodes it as
// 16-bit PCM WAV at the widget's sample_rate (what Streamlit returns), then sends one
// file entry like camera_input's photo. A denied permission is a message, not an error.

import { h, setHtml, uid } from "../../dom.mjs";
import { bytesToBase64 } from "../lib/files.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { inlineMarkdownToHtml } from "../../markdown.mjs";
import { mediaUrl } from "../media.mjs";

const GAPS = { none: "0", xxsmall: "0.25rem", xsmall: "0.5rem", small: "1rem", medium: "2rem", large: "4rem", xlarge: "6rem", xxlarge: "8rem" };
const gapOf = (g) => (typeof g === "number" ? `${g}px` : GAPS[g ?? "small"] ?? "1rem");
const iconHtml = (icon) => (icon && !String(icon).startsWith(":material/") ? `<span class="stc-icon" aria-hidden="true">${icon}</span> ` : "");

// ---- skeleton -----------------------------------------------------------------------

const skeleton = {
  create: () => h("div", { class: "stc-skeleton", role: "progressbar", "aria-label": "Loading", "aria-busy": "true" }),
  update(el, p) {
    el.style.height = typeof p.height === "number" ? `${p.height}px` : p.height === "stretch" ? "100%" : "";
    el.style.width = typeof p.width === "number" ? `${p.width}px` : "";
  },
};

// ---- pagination: 1-based page numbers, with ellipses past max_visible_pages ------------

function visiblePages(n, current, max) {
  if (max === null || max === undefined || n <= max) return Array.from({ length: n }, (_, i) => i + 1);
  if (max <= 0) return [];
  let start = Math.max(1, current - Math.floor(max / 2));
  const end = Math.min(n, start + max - 1);
  start = Math.max(1, end - max + 1);
  const pages = [];
  for (let i = start; i <= end; i += 1) pages.push(i);
  return pages;
}

const pagination = {
  create(_p, ctx) {
    const el = h("nav", { class: "stc-pagination", "aria-label": "Pagination" });
    el.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-page]");
      if (b && !b.disabled) ctx.emit(el, Number(b.dataset.page));
    });
    return el;
  },
  update() {},
  sync(el, p) {
    const n = Number(p.num_pages ?? 1);
    const current = Number(p.value ?? 1);
    const button = (page, text, label) =>
      h("button", { type: "button", class: "stc-button stc-button-tertiary stc-page", "data-page": page, "aria-label": label, "aria-current": page === current && text === String(page) ? "page" : null, disabled: Boolean(p.disabled) || page < 1 || page > n }, text);
    const pages = visiblePages(n, current, p.max_visible_pages);
    const items = [button(current - 1, "\u2039", "Previous page")];
    if (pages.length && pages[0] > 1) items.push(h("span", { class: "stc-page-gap" }, "\u2026"));
    for (const page of pages) items.push(button(page, String(page), `Page ${page}`));
    if (pages.length && pages[pages.length - 1] < n) items.push(h("span", { class: "stc-page-gap" }, "\u2026"));
    items.push(button(current + 1, "\u203a", "Next page"));
    el.replaceChildren(...items);
  },
};

// ---- menu_button: a button opening a menu; the chosen index triggers one run -------------

const menuButton = {
  create(_p, ctx) {
    const button = h("button", { type: "button", class: "stc-button", "aria-haspopup": "menu", "aria-expanded": "false" });
    const menu = h("div", { class: "stc-menu", role: "menu", id: uid("stc-menu"), hidden: true });
    button.setAttribute("aria-controls", menu.id);
    const el = h("div", { class: "stc-menu-button" }, button, menu);
    el._w = { button, menu };
    const open = (on) => {
      menu.hidden = !on;
      button.setAttribute("aria-expanded", String(on));
    };
    button.addEventListener("click", () => open(menu.hidden));
    menu.addEventListener("click", (e) => {
      const item = e.target.closest("[data-index]");
      if (!item) return;
      open(false);
      ctx.send([{ id: el._stc.id, value: Number(item.dataset.index) }]);
    });
    el.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !menu.hidden) {
        open(false);
        button.focus();
      }
    });
    return el;
  },
  update(el, p) {
    const { button, menu } = el._w;
    button.className = `stc-button stc-button-${p.type ?? "secondary"}`;
    button.disabled = Boolean(p.disabled);
    button.title = p.help ?? "";
    setHtml(button, `${iconHtml(p.icon)}${inlineMarkdownToHtml(p.label ?? "")} <span aria-hidden="true">\u25be</span>`);
    menu.replaceChildren(
      ...(p.options ?? []).map((label, i) => {
        const item = h("button", { type: "button", role: "menuitem", class: "stc-menu-item", "data-index": i });
        item.innerHTML = inlineMarkdownToHtml(String(label));
        return item;
      }),
    );
  },
};

// ---- audio_input ------------------------------------------------------------------------

function wavBase64(buffer) {
  const samples = buffer.getChannelData(0);
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset, s) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, buffer.sampleRate, true);
  view.setUint32(28, buffer.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, Math.max(-1, Math.min(1, s)) * 0x7fff, true));
  return { data: bytesToBase64(bytes), size: bytes.length };
}

async function toWav(blob, sampleRate) {
  const context = new AudioContext();
  const decoded = await context.decodeAudioData(await blob.arrayBuffer()).finally(() => context.close());
  const rate = sampleRate || decoded.sampleRate;
  const offline = new OfflineAudioContext(1, Math.max(1, Math.ceil(decoded.duration * rate)), rate);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  return wavBase64(await offline.startRendering());
}

let recordings = 0;

const audioInput = {
  create(_p, ctx) {
    const w = {};
    makeLabel(w);
    w.record = h("button", { type: "button", class: "stc-button", "aria-pressed": "false" }, "Record");
    w.clear = h("button", { type: "button", class: "stc-button", hidden: true }, "Clear recording");
    w.player = h("audio", { class: "stc-audio-preview", controls: true, hidden: true });
    w.status = h("div", { class: "stc-audio-status", role: "status" });
    const el = h("div", { class: "stc-audio-input", role: "group" }, w.labelRow, h("div", { class: "stc-button-row" }, w.record, w.clear), w.player, w.status);
    el.setAttribute("aria-labelledby", w.labelEl.id);
    el._w = w;
    w.record.addEventListener("click", async () => {
      if (w.recorder) {
        w.recorder.stop();
        return;
      }
      if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
        w.status.textContent = "This browser does not allow microphone access here.";
        return;
      }
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (err) {
        w.status.textContent = `Microphone not available: ${err?.name === "NotAllowedError" ? "permission denied" : (err?.message ?? err)}.`;
        return;
      }
      const chunks = [];
      w.recorder = new MediaRecorder(stream);
      w.recorder.addEventListener("dataavailable", (e) => chunks.push(e.data));
      w.recorder.addEventListener("stop", async () => {
        for (const t of stream.getTracks()) t.stop();
        const type = w.recorder.mimeType;
        w.recorder = null;
        w.record.textContent = "Record";
        w.record.setAttribute("aria-pressed", "false");
        w.status.textContent = "Processing\u2026";
        try {
          const blob = new Blob(chunks, { type });
          const { data, size } = await toWav(blob, el._stc.props.sample_rate);
          if (w.player.src) URL.revokeObjectURL(w.player.src);
          w.player.src = URL.createObjectURL(blob);
          recordings += 1;
          w.status.textContent = "";
          ctx.emit(el, [{ file_id: `audio-${Date.now().toString(36)}-${recordings}`, name: "audio.wav", type: "audio/wav", size, data }]);
        } catch (err) {
          w.status.textContent = `Could not read the recording: ${err?.message ?? err}.`;
        }
      });
      w.recorder.start();
      w.record.textContent = "Stop recording";
      w.record.setAttribute("aria-pressed", "true");
      w.status.textContent = "Recording\u2026";
    });
    w.clear.addEventListener("click", () => ctx.emit(el, []));
    return el;
  },
  update(el, p) {
    updateLabel(el._w, p);
    el._w.record.disabled = Boolean(p.disabled);
  },
  sync(el, p) {
    const has = Array.isArray(p.value) && p.value.length > 0;
    el._w.clear.hidden = !has;
    el._w.player.hidden = !has;
  },
};

export const MORE = {
  skeleton,
  pagination,
  menu_button: menuButton,
  audio_input: audioInput,
};

// ---- blocks -------------------------------------------------------------------------------

const self = (el) => el;

export const MORE_BLOCKS = {
  grid: {
    create: () => h("div", { class: "stc-block stc-grid" }),
    update(el, p) {
      const min = p.min_column_width === "auto" || p.min_column_width === undefined ? "12rem" : `${p.min_column_width}px`;
      let template;
      if (p.columns === "auto" || p.columns === undefined) template = `repeat(auto-fill, minmax(min(${min}, 100%), 1fr))`;
      else if (p.wrap === false) template = `repeat(${p.columns}, minmax(0, 1fr))`;
      else template = `repeat(auto-fit, minmax(max(min(${min}, 100%), calc(100% / ${p.columns} - ${gapOf(p.column_gap)})), 1fr))`;
      el.style.gridTemplateColumns = template;
      el.style.rowGap = gapOf(p.row_gap);
      el.style.columnGap = gapOf(p.column_gap);
      el.style.gridAutoRows = typeof p.row_height === "number" ? `${p.row_height}px` : "";
      el.style.gridAutoFlow = p.dense ? "row dense" : "";
      el.style.alignItems = { top: "start", center: "center", bottom: "end" }[p.vertical_alignment] ?? "start";
      el.style.height = typeof p.height === "number" ? `${p.height}px` : "";
      el.classList.toggle("stc-border", Boolean(p.border));
    },
    host: self,
  },

  bottom: {
    create: () => h("div", { class: "stc-bottom" }, h("div", { class: "stc-block stc-bottom-block" })),
    update() {},
    host: (el) => el.firstElementChild,
  },

  logo: {
    create: () => h("div", { class: "stc-logo" }),
    update(el, p) {
      const source = p.icon_image ?? p.image;
      if (!source) {
        el.replaceChildren();
        return;
      }
      const img = h("img", { src: mediaUrl(source), alt: "Logo", class: `stc-logo-${p.size ?? "medium"}` });
      el.replaceChildren(p.link ? h("a", { href: p.link, target: "_blank", rel: "noopener noreferrer" }, img) : img);
    },
  },
};
