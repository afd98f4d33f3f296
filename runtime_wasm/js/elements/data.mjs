// Data elements (runtime_wasm/streamlit/elements/_data.py): dataframe, table, json
// and metric.
//
// st.dataframe without on_select is a plain table; with it (the Python side's
// elements/lib/_dataframe_selection.py) a grid whose value is
// Streamlit's {selection: {rows, columns, cells}}: rows by position in the data,
// columns by name, cells as [position, name]. Rows are picked with their checkbox
// ("Select row 2"; Shift extends a multi-row range), columns with their header
// button, cells by clicking them or, in a roving-focus grid, with the arrow keys
// and Enter/Space (Shift extends a multi-cell range). Multi modes toggle what is
// clicked. As in Streamlit, a cell selection clears row and column selections and
// the other way round.
//
// The table is built when its data changes; a new selection only repaints the
// marks (aria-selected, checkboxes), so an unchanged selection redraws nothing and
// focus stays where it was across the rerun a click causes.

import { h, helpIcon } from "../dom.mjs";
import { inlineMarkdownToHtml } from "../markdown.mjs";

function modesOf(p) {
  const m = new Set(p.selection_mode ?? []);
  const level = (single, multi) => (m.has(multi) ? "multi" : single.some((s) => m.has(s)) ? "single" : null);
  return {
    any: m.size > 0,
    rows: level(["single-row", "single-row-required"], "multi-row"),
    required: m.has("single-row-required"),
    columns: level(["single-column"], "multi-column"),
    cells: level(["single-cell"], "multi-cell"),
  };
}

const cellKey = (row, col) => JSON.stringify([row, col]);

function fromValue(value) {
  const s = value?.selection ?? {};
  return {
    rows: new Set(s.rows ?? []),
    columns: new Set(s.columns ?? []),
    cells: new Set((s.cells ?? []).map(([r, c]) => cellKey(r, c))),
  };
}

/** The selection as Python takes it: rows ascending, columns and cells in table order. */
function toValue(sel, p) {
  const order = new Map((p.columns ?? []).map((c, i) => [String(c), i]));
  const at = (name) => order.get(name) ?? order.size; // a column set by the app but not shown
  const cells = Array.from(sel.cells, (k) => JSON.parse(k));
  cells.sort((a, b) => a[0] - b[0] || at(a[1]) - at(b[1]));
  return {
    selection: {
      rows: Array.from(sel.rows).sort((a, b) => a - b),
      columns: Array.from(sel.columns).sort((a, b) => at(a) - at(b)),
      cells,
    },
  };
}

// A dataframe of more than WINDOW_FROM rows keeps only the rows in view in the DOM
// (and WINDOW_MARGIN more on each side), between two spacer rows that stand for the
// others, as Streamlit's canvas grid draws only what shows: a 100,000-row table is
// built in a few milliseconds and scrolls smoothly. Rows keep their `data-row`
// position, so selection and keyboard code work on whichever rows are drawn.
const WINDOW_FROM = 150;
const WINDOW_MARGIN = 30;
const ROW_GUESS = 29; // px, until a drawn row can be measured

function rowEl(el, i) {
  const { p, modes, columns, showIndex, numeric } = el._df.layout;
  const tr = h("tr", { "data-row": i, "aria-rowindex": i + 2 });
  if (modes.rows) {
    const box = h("input", { type: "checkbox", class: "stc-df-check", "data-row": i, "aria-label": `Select row ${i + 1}` });
    tr.append(h("td", { class: "stc-df-marker" }, box));
  }
  if (showIndex) tr.append(h("th", { scope: "row", class: "stc-index" }, String(p.index[i] ?? "")));
  p.rows[i].forEach((cell, j) => {
    const td = h("td", { "data-col": columns[j], class: numeric[j] ? "stc-num" : null }, cell === null ? "" : String(cell));
    if (modes.cells) td.tabIndex = -1;
    tr.append(td);
  });
  return tr;
}

function spacer(width) {
  return h("tr", { class: "stc-df-spacer", "aria-hidden": "true" }, h("td", { colspan: width }));
}

/**
 * Draw the rows now in view of a windowed table; false when they already are. Rows
 * that stay in the window stay in the DOM (a focused checkbox or cell keeps focus);
 * only those that left it are removed and those that entered it drawn.
 */
function fillWindow(el, force = false) {
  const view = el._df.view;
  const body = el.querySelector("tbody");
  const top = Math.max(0, el.scrollTop - (el.querySelector("thead")?.offsetHeight ?? 0));
  const first = Math.max(0, Math.floor(top / view.rowHeight) - WINDOW_MARGIN);
  const last = Math.min(view.count, Math.ceil((top + el.clientHeight) / view.rowHeight) + WINDOW_MARGIN);
  if (!force && first === view.first && last === view.last) return false;
  if (!body.firstElementChild) {
    const width = el.querySelector("thead tr").children.length;
    body.append(spacer(width), spacer(width));
  }
  const [above, below] = [body.firstElementChild, body.lastElementChild];
  for (const tr of Array.from(body.querySelectorAll("tr[data-row]"))) {
    const i = Number(tr.dataset.row);
    if (i < first || i >= last) tr.remove();
  }
  const kept = body.querySelectorAll("tr[data-row]");
  const from = kept.length ? Number(kept[0].dataset.row) : last;
  const to = kept.length ? Number(kept[kept.length - 1].dataset.row) + 1 : last;
  const before = [];
  for (let i = first; i < from; i += 1) before.push(rowEl(el, i));
  above.after(...before);
  const after = [];
  for (let i = Math.max(to, first); i < last; i += 1) after.push(rowEl(el, i));
  below.before(...after);
  view.first = first;
  view.last = last;
  above.firstElementChild.style.height = `${first * view.rowHeight}px`;
  below.firstElementChild.style.height = `${(view.count - last) * view.rowHeight}px`;
  if (el._df.layout.modes.cells && !body.querySelector('td[tabindex="0"]')) {
    const cell = body.querySelector("td[data-col]");
    if (cell) cell.tabIndex = 0; // the grid stays reachable with Tab
  }
  const drawn = body.querySelector("tr[data-row]")?.getBoundingClientRect().height;
  if (drawn && Math.abs(drawn - view.rowHeight) > 0.5) {
    view.rowHeight = drawn; // measured once the table is on the page: fill again with it
    return fillWindow(el, true);
  }
  return true;
}

/** Make row `i` of a windowed table drawn (scrolling it into view if needed). */
function showRow(el, i) {
  const view = el._df.view;
  if (!view || i < 0 || i >= view.count || (i >= view.first && i < view.last)) return;
  el.scrollTop = i * view.rowHeight;
  if (fillWindow(el)) paint(el);
}

function draw(el, p) {
  const modes = modesOf(p);
  const showIndex = p.hide_index !== true && Array.isArray(p.index);
  const columns = (p.columns ?? []).map(String);
  const count = p.rows?.length ?? 0;
  const numeric = numericColumns(p);
  el._df.layout = { p, modes, columns, showIndex, numeric };
  const head = h("tr", { "aria-rowindex": 1 });
  if (modes.rows) {
    const all = modes.rows === "multi" ? h("input", { type: "checkbox", class: "stc-df-all", "aria-label": "Select all rows" }) : h("span", { class: "stc-sr-only" }, "Selected");
    head.append(h("th", { scope: "col", class: "stc-df-marker" }, all));
  }
  if (showIndex) head.append(h("th", { class: "stc-index" }));
  columns.forEach((name, j) => {
    const text = modes.columns ? h("button", { type: "button", class: "stc-df-col", "data-col": name, "aria-label": `Select column ${name}`, "aria-pressed": "false" }, name) : name;
    head.append(h("th", { scope: "col", "data-col": name, class: numeric[j] ? "stc-num" : null }, text));
  });
  const body = h("tbody");
  const windowed = count > WINDOW_FROM;
  el._df.view = windowed ? { count, first: -1, last: -1, rowHeight: el._df.view?.rowHeight ?? ROW_GUESS } : null;
  el.classList.toggle("stc-df-windowed", windowed);
  if (!windowed) for (let i = 0; i < count; i += 1) body.append(rowEl(el, i));
  const multi = [modes.rows, modes.columns, modes.cells].includes("multi");
  const attrs = modes.any || windowed ? { role: "grid", "aria-label": "Dataframe", "aria-rowcount": count + 1, "aria-multiselectable": multi ? "true" : null } : {};
  el.replaceChildren(h("table", attrs, h("thead", {}, head), body));
  if (windowed) {
    fillWindow(el, true);
    // Drawn before it is on the page (no size yet): fill the real view once it is.
    requestAnimationFrame(() => fillWindow(el) && paint(el));
  }
  const first = body.querySelector("td[data-col]");
  if (modes.cells && first) first.tabIndex = 0;
}

/** Show `el._df.sel` on the drawn table. */
function paint(el) {
  const { sel } = el._df;
  const modes = modesOf(el._stc.props);
  if (!modes.any) return;
  const mark = (node, on) => {
    if (node.getAttribute("aria-selected") !== String(on)) node.setAttribute("aria-selected", String(on));
  };
  for (const tr of el.querySelectorAll("tbody tr[data-row]")) {
    const row = Number(tr.dataset.row);
    if (modes.rows) {
      mark(tr, sel.rows.has(row));
      tr.querySelector(".stc-df-check").checked = sel.rows.has(row);
    }
    for (const td of tr.querySelectorAll("td[data-col]")) {
      if (modes.cells) mark(td, sel.cells.has(cellKey(row, td.dataset.col)));
      td.classList.toggle("stc-df-col-on", sel.columns.has(td.dataset.col));
    }
  }
  for (const th of el.querySelectorAll("thead th[data-col]")) {
    if (!modes.columns) continue;
    const on = sel.columns.has(th.dataset.col);
    mark(th, on);
    th.firstElementChild.setAttribute("aria-pressed", String(on));
  }
  const all = el.querySelector(".stc-df-all");
  if (all) {
    const n = el._stc.props.rows?.length ?? 0;
    all.checked = n > 0 && sel.rows.size === n;
    all.indeterminate = sel.rows.size > 0 && sel.rows.size < n;
  }
}

function commit(el, ctx) {
  paint(el);
  ctx.emit(el, toValue(el._df.sel, el._stc.props));
}

function range(a, b) {
  const out = [];
  for (let i = Math.min(a, b); i <= Math.max(a, b); i += 1) out.push(i);
  return out;
}

/** Returns false when nothing changes (the one row of single-row-required stays). */
function pickRow(el, row, checked, extend) {
  const modes = modesOf(el._stc.props);
  const sel = el._df.sel;
  if (modes.required && !checked && sel.rows.has(row) && sel.rows.size === 1) return false;
  sel.cells.clear();
  if (modes.rows === "single") sel.rows = new Set(checked ? [row] : []);
  else if (extend && el._df.anchorRow !== null) for (const r of range(el._df.anchorRow, row)) sel.rows[checked ? "add" : "delete"](r);
  else sel.rows[checked ? "add" : "delete"](row);
  el._df.anchorRow = row;
  return true;
}

function pickColumn(el, name) {
  const modes = modesOf(el._stc.props);
  const sel = el._df.sel;
  const on = !sel.columns.has(name);
  sel.cells.clear();
  if (modes.columns === "single") sel.columns = new Set(on ? [name] : []);
  else sel.columns[on ? "add" : "delete"](name);
}

function pickCell(el, td, extend) {
  const p = el._stc.props;
  const modes = modesOf(p);
  const sel = el._df.sel;
  const row = Number(td.parentElement.dataset.row);
  const col = td.dataset.col;
  const key = cellKey(row, col);
  const focusable = el.querySelector('td[tabindex="0"]');
  if (focusable) focusable.tabIndex = -1;
  td.tabIndex = 0;
  sel.rows.clear();
  sel.columns.clear();
  const anchor = el._df.anchorCell;
  if (modes.cells === "multi" && extend && anchor) {
    const columns = (p.columns ?? []).map(String);
    const cols = range(columns.indexOf(anchor[1]), columns.indexOf(col)).map((j) => columns[j]);
    for (const r of range(anchor[0], row)) for (const c of cols) sel.cells.add(cellKey(r, c));
  } else if (modes.cells === "multi") {
    sel.cells[sel.cells.has(key) ? "delete" : "add"](key);
    el._df.anchorCell = [row, col];
  } else {
    sel.cells = new Set(sel.cells.has(key) ? [] : [key]);
    el._df.anchorCell = [row, col];
  }
}

/** Arrow keys move the focus between cells (cell modes) or row checkboxes / column buttons. */
function moveFocus(el, target, key) {
  const step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[key];
  if (!step) return false;
  if (target.matches("td[data-col]")) {
    const cells = Array.from(target.parentElement.querySelectorAll("td[data-col]"));
    const column = cells.indexOf(target) + step[1];
    const r = Number(target.parentElement.dataset.row) + step[0];
    showRow(el, r);
    const next = el.querySelector(`tbody tr[data-row="${r}"]`)?.querySelectorAll("td[data-col]")[column];
    if (!next) return true;
    for (const cell of el.querySelectorAll('td[tabindex="0"]')) cell.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
    return true;
  }
  if (target.matches(".stc-df-check") && step[0]) {
    const r = Number(target.dataset.row) + step[0];
    showRow(el, r);
    el.querySelector(`.stc-df-check[data-row="${r}"]`)?.focus();
    return true;
  }
  if (!target.matches(".stc-df-col") || !step[1]) return false;
  const list = Array.from(el.querySelectorAll(".stc-df-col"));
  list[list.indexOf(target) + step[1]]?.focus();
  return true;
}

function listen(el, ctx) {
  el.addEventListener(
    "scroll",
    () => {
      if (!el._df.view || el._df.frame) return;
      el._df.frame = requestAnimationFrame(() => {
        el._df.frame = 0;
        if (el._df.view && fillWindow(el)) paint(el);
      });
    },
    { passive: true },
  );
  el.addEventListener("change", (e) => {
    const t = e.target;
    if (t.matches(".stc-df-check")) {
      if (!pickRow(el, Number(t.dataset.row), t.checked, el._df.shift)) {
        paint(el);
        return;
      }
    } else if (t.matches(".stc-df-all")) {
      el._df.sel.cells.clear();
      el._df.sel.rows = new Set(t.checked ? (el._stc.props.rows ?? []).map((_, i) => i) : []);
    } else return;
    commit(el, ctx);
  });
  el.addEventListener("click", (e) => {
    el._df.shift = e.shiftKey; // a checkbox's change event does not say whether Shift was held
    const col = e.target.closest(".stc-df-col");
    const td = e.target.closest("td[data-col]");
    const header = e.target.closest("tbody th.stc-index");
    if (col) pickColumn(el, col.dataset.col);
    else if (td && modesOf(el._stc.props).cells) pickCell(el, td, e.shiftKey);
    else if (header && modesOf(el._stc.props).rows) {
      header.parentElement.querySelector(".stc-df-check").click(); // the row header picks its row
      return;
    } else return;
    commit(el, ctx);
  });
  el.addEventListener("keydown", (e) => {
    if (moveFocus(el, e.target, e.key)) {
      e.preventDefault();
      return;
    }
    if ((e.key === "Enter" || e.key === " ") && e.target.matches("td[data-col]")) {
      e.preventDefault();
      pickCell(el, e.target, e.shiftKey);
      commit(el, ctx);
    }
  });
}

const dataframe = {
  create(_p, ctx) {
    const el = h("div", { class: "stc-table stc-dataframe" });
    el._df = { table: null, seen: null, view: null, layout: null, frame: 0, sel: fromValue(null), anchorRow: null, anchorCell: null, shift: false };
    listen(el, ctx);
    return el;
  },
  update(el, p) {
    el.style.maxHeight = p.height ? `${p.height}px` : "";
    const table = JSON.stringify([p.columns, p.index, p.rows, p.hide_index, p.selection_mode]);
    if (table === el._df.table) return;
    el._df.table = table;
    draw(el, p);
    paint(el);
  },
  sync(el, p, ctx) {
    if (!p.selection_mode) return;
    const { id } = el._stc;
    if (p.form_id && ctx.hasPending(p.form_id, id)) return;
    // Only a value Python changed is shown: a render of a run that started before
    // the last click must not take that click back.
    const json = JSON.stringify(p.value ?? null);
    if (json === el._df.seen) return;
    el._df.seen = json;
    el._df.sel = fromValue(p.value);
    paint(el);
  },
};

const NUMBER = /^[-+]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const NOT_A_NUMBER = new Set(["", "None", "nan", "NaN", "<NA>", "inf", "-inf"]);

/**
 * Which columns hold numbers (judged on their first 1,000 rows): those are aligned
 * right, as Streamlit aligns its numeric columns. The rows come as text, so a
 * column is numeric when each of its cells reads as a number or as a missing one.
 */
function numericColumns(p) {
  const rows = (p.rows ?? []).slice(0, 1000);
  return (p.columns ?? []).map((_, j) => {
    let numbers = 0;
    for (const row of rows) {
      const cell = row[j] === null || row[j] === undefined ? "" : String(row[j]);
      if (NUMBER.test(cell)) numbers += 1;
      else if (!NOT_A_NUMBER.has(cell)) return false;
    }
    return numbers > 0;
  });
}

function tableEl(p, showIndex) {
  const index = showIndex ? p.index : null;
  const numeric = numericColumns(p);
  const head = h("tr");
  if (index) head.append(h("th", { class: "stc-index" }));
  (p.columns ?? []).forEach((col, j) => head.append(h("th", { scope: "col", class: numeric[j] ? "stc-num" : null }, String(col))));
  const body = h("tbody");
  (p.rows ?? []).forEach((row, i) => {
    const tr = h("tr");
    if (index) tr.append(h("th", { scope: "row", class: "stc-index" }, String(index[i] ?? "")));
    row.forEach((cell, j) => tr.append(h("td", { class: numeric[j] ? "stc-num" : null }, cell === null ? "" : String(cell))));
    body.append(tr);
  });
  return h("table", {}, h("thead", {}, head), body);
}

const DELTA_ARROWS = { up: "\u2191", down: "\u2193" };

export const DATA = {
  dataframe,

  json: {
    create: () => h("div", { class: "stc-json" }),
    update(el, p) {
      const pre = h("pre", {}, String(p.body ?? ""));
      if (p.expanded === false) {
        el.replaceChildren(h("details", {}, h("summary", {}, "JSON"), pre));
      } else {
        el.replaceChildren(pre);
      }
    },
  },

  metric: {
    create: () => h("div", { class: "stc-metric" }),
    update(el, p) {
      el.classList.toggle("stc-border", Boolean(p.border));
      const label = h("div", { class: `stc-metric-label stc-label-${p.label_visibility ?? "visible"}` });
      label.innerHTML = inlineMarkdownToHtml(p.label);
      const help = helpIcon(p.help);
      if (help) label.append(" ", help);
      const parts = [label, h("div", { class: "stc-metric-value" }, String(p.value ?? ""))];
      if (p.delta !== null && p.delta !== undefined && String(p.delta) !== "") {
        const delta = String(p.delta);
        const dir = delta.trim().startsWith("-") ? "down" : "up";
        let tone = dir === "up" ? "good" : "bad";
        if (p.delta_color === "inverse") tone = tone === "good" ? "bad" : "good";
        if (p.delta_color === "off") tone = "off";
        parts.push(
          h(
            "div",
            { class: `stc-metric-delta stc-delta-${tone}`, "data-direction": dir },
            h("span", { "aria-hidden": "true" }, DELTA_ARROWS[dir]),
            ` ${delta}`,
          ),
        );
      }
      el.replaceChildren(...parts);
    },
  },

  table: {
    create: () => h("div", { class: "stc-table" }),
    update(el, p) {
      el.replaceChildren(tableEl(p, true));
    },
  },
};
