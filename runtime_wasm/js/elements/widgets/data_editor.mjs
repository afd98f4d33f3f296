// st.data_editor (runtime_wasm/streamlit/elements/widgets/_data_editor.py): a
// <table role="grid"> with one labelled input per editable cell. The page keeps
// Streamlit's editing state ({edited_rows, added_rows, deleted_rows}, rows by position
// in the original data), shows the original cells with that state applied, and sends
// the whole state on each committed edit (change of a cell; Enter or blur for text).

import { h } from "../../dom.mjs";

const clone = (x) => JSON.parse(JSON.stringify(x ?? { edited_rows: {}, added_rows: [], deleted_rows: [] }));

function cellInput(col, value, label) {
  const disabled = Boolean(col.disabled);
  let input;
  if (col.type === "checkbox") {
    input = h("input", { type: "checkbox" });
    input.checked = Boolean(value);
  } else if (col.type === "selectbox") {
    input = h("select", {}, h("option", { value: "" }, ""));
    for (const o of col.options ?? []) {
      const v = typeof o === "object" && o !== null ? o.value : o;
      const text = typeof o === "object" && o !== null ? o.label : String(o);
      input.append(h("option", { value: JSON.stringify(v) }, text));
    }
    input.value = value === null || value === undefined ? "" : JSON.stringify(value);
  } else {
    const type = { number: "number", date: "date", datetime: "datetime-local", time: "time" }[col.type] ?? "text";
    input = h("input", { type });
    if (col.type === "number") input.step = col.step ?? (col.numeric === "int" ? "1" : "any");
    if (col.min_value !== null && col.min_value !== undefined) input.min = String(col.min_value);
    if (col.max_value !== null && col.max_value !== undefined) input.max = String(col.max_value);
    if (col.max_chars) input.maxLength = col.max_chars;
    input.value = value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);
  }
  input.setAttribute("aria-label", label);
  input.disabled = disabled || ["list", "image", "json", "link", "progress", "line_chart", "bar_chart", "area_chart", "button", "audio", "video"].includes(col.type) && col.type !== "link";
  return input;
}

function readInput(input, col) {
  if (col.type === "checkbox") return input.checked;
  if (col.type === "selectbox") return input.value === "" ? null : JSON.parse(input.value);
  if (input.value === "") return null;
  if (col.type === "number") {
    const n = Number(input.value);
    return Number.isFinite(n) ? (col.numeric === "int" && Number.isInteger(n) ? n : n) : null;
  }
  return input.value;
}

function draw(el, ctx) {
  const p = el._stc.props;
  const state = el._w.state;
  const cols = (p.columns ?? []).filter((c) => !c.hidden);
  const all = p.columns ?? [];
  const showIndex = !p.hide_index && Array.isArray(p.index);
  const head = h("tr", {}, showIndex ? h("th", { scope: "col" }, "") : null, ...cols.map((c) => h("th", { scope: "col", title: c.help ?? "" }, c.label ?? c.name)));
  if (p.num_rows !== "fixed") head.append(h("th", { scope: "col" }, h("span", { class: "stc-sr-only" }, "Actions")));
  const body = h("tbody");
  const deleted = new Set(state.deleted_rows ?? []);
  const rowOf = (source, i) => {
    const tr = h("tr", {});
    if (showIndex) tr.append(h("th", { scope: "row" }, source === "orig" ? String(p.index[i]) : ""));
    for (const c of cols) {
      const j = all.indexOf(c);
      let value;
      if (source === "orig") {
        const edits = state.edited_rows?.[String(i)] ?? {};
        value = c.name in edits ? edits[c.name] : p.rows[i][j];
      } else value = state.added_rows[i]?.[c.name] ?? null;
      const rowLabel = source === "orig" ? `row ${i + 1}` : `new row ${i + 1}`;
      const input = cellInput({ ...c, disabled: c.disabled || p.disabled }, value, `${c.label ?? c.name}, ${rowLabel}`);
      input.dataset.source = source;
      input.dataset.row = String(i);
      input.dataset.col = c.name;
      tr.append(h("td", { role: "gridcell" }, input));
    }
    if (p.num_rows !== "fixed") {
      const del = h("button", { type: "button", class: "stc-editor-delete", "data-source": source, "data-row": String(i), "aria-label": `Delete ${source === "orig" ? "row" : "new row"} ${i + 1}` }, "\u00d7");
      del.disabled = Boolean(p.disabled) || p.num_rows === "add";
      tr.append(h("td", { role: "gridcell" }, del));
    }
    return tr;
  };
  (p.rows ?? []).forEach((_, i) => {
    if (!deleted.has(i)) body.append(rowOf("orig", i));
  });
  (state.added_rows ?? []).forEach((_, i) => body.append(rowOf("added", i)));
  const table = h("table", { role: "grid", "aria-label": "Data editor" }, h("thead", {}, head), body);
  const parts = [table];
  if (p.num_rows === "dynamic" || p.num_rows === "add") {
    const add = h("button", { type: "button", class: "stc-button stc-editor-add" }, "Add row");
    add.disabled = Boolean(p.disabled);
    parts.push(h("div", { class: "stc-button-row" }, add));
  }
  el.replaceChildren(...parts);
}

function commit(el, ctx) {
  ctx.emit(el, clone(el._w.state));
}

const dataEditor = {
  create(_p, ctx) {
    const el = h("div", { class: "stc-table stc-data-editor" });
    el._w = { state: clone(null), sent: null };
    const onEdit = (e) => {
      const input = e.target;
      if (!input.dataset?.col) return;
      const p = el._stc.props;
      const col = p.columns.find((c) => c.name === input.dataset.col);
      const value = readInput(input, col);
      const row = Number(input.dataset.row);
      const state = el._w.state;
      if (input.dataset.source === "added") state.added_rows[row][col.name] = value;
      else {
        const rowEdits = (state.edited_rows[String(row)] ??= {});
        rowEdits[col.name] = value;
      }
      commit(el, ctx);
    };
    el.addEventListener("change", onEdit);
    el.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && e.target.tagName === "INPUT" && e.target.type !== "checkbox") {
        e.preventDefault();
        e.target.blur();
      }
    });
    el.addEventListener("click", (e) => {
      const state = el._w.state;
      const del = e.target.closest(".stc-editor-delete");
      if (del) {
        const row = Number(del.dataset.row);
        if (del.dataset.source === "added") state.added_rows.splice(row, 1);
        else {
          state.deleted_rows = [...new Set([...(state.deleted_rows ?? []), row])].sort((a, b) => a - b);
          delete state.edited_rows[String(row)];
        }
        commit(el, ctx);
        draw(el, ctx);
        return;
      }
      if (e.target.closest(".stc-editor-add")) {
        const added = {};
        for (const c of el._stc.props.columns ?? []) added[c.name] = c.default ?? null;
        state.added_rows.push(added);
        commit(el, ctx);
        draw(el, ctx);
      }
    });
    return el;
  },
  update() {},
  sync(el, p, ctx) {
    const { id } = el._stc;
    if (p.form_id && ctx.hasPending(p.form_id, id)) return;
    const json = JSON.stringify([p.value, el._stc.json]);
    if (el._w.sent === json) return;
    el._w.sent = json;
    // Keep focus on the cell being edited across the rerun the edit caused.
    const active = document.activeElement;
    const focus = el.contains(active) ? [active.dataset.source, active.dataset.row, active.dataset.col] : null;
    el._w.state = clone(p.value);
    draw(el, ctx);
    if (focus) el.querySelector(`[data-source="${focus[0]}"][data-row="${focus[1]}"][data-col="${CSS.escape(focus[2] ?? "")}"]`)?.focus();
  },
};

export const DATA_EDITOR = {
  data_editor: dataEditor,
};
