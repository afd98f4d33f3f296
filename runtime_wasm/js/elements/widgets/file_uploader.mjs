// st.file_uploader (runtime_wasm/streamlit/elements/widgets/_file_uploader.py): a
// native file input and the list of chosen files, each removable. Chosen files are
// read and sent as file entries with base64 `data`; entries Python already has go
// back without their bytes. Files past max_upload_size are refused with a message.

import { h, uid } from "../../dom.mjs";
import { fileEntry, formatSize } from "../lib/files.mjs";
import { makeLabel, updateLabel } from "../lib/labels.mjs";
import { pendingInForm } from "../lib/widget_value.mjs";

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
      const fresh = await Promise.all(chosen.filter((f) => f.size <= limit).map((f) => fileEntry(f)));
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

export const FILE_UPLOADER = {
  file_uploader: fileUploader,
};
