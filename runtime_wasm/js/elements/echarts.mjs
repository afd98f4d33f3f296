// st.echarts_chart (runtime_wasm/streamlit/elements/_echarts.py): Apache ECharts
// (vendor/echarts.esm.min.mjs, an ES module) loaded the first time a chart is drawn and
// only if the build kept it (hasAsset). theme="streamlit" draws in Streamlit's palette
// and the page's colours. A chart with on_select is a widget: it sends Streamlit's
// selection state ({selection: {selected, areas}}) after a click or a brush stroke.

import { errorBox, h } from "../dom.mjs";
import { formatNumber } from "../markdown.mjs";
import { hasAsset, missingAsset } from "../page_config.mjs";
import { pageColors, STREAMLIT_PALETTE } from "./lib/theme.mjs";

let echarts = null;

function loadECharts() {
  echarts ??= import("../vendor/echarts.esm.min.mjs");
  return echarts;
}

const ECHARTS_HEIGHT = 350; // Streamlit's chart height, for height="stretch" outside a fixed box

/** theme="streamlit": Streamlit's palette and quiet axes in the page's colours. */
function echartsTheme(c) {
  const axis = {
    axisLine: { lineStyle: { color: c.border } },
    axisTick: { lineStyle: { color: c.border } },
    axisLabel: { color: c.muted, fontFamily: c.font, fontSize: 12, hideOverlap: true },
    nameTextStyle: { color: c.muted, fontFamily: c.font, fontSize: 12 },
    splitLine: { lineStyle: { color: c.border } },
  };
  return {
    color: c.dark ? STREAMLIT_PALETTE.dark : STREAMLIT_PALETTE.light,
    backgroundColor: "transparent",
    darkMode: c.dark,
    textStyle: { fontFamily: c.font, color: c.muted, fontSize: 12 },
    title: { textStyle: { fontFamily: c.font, color: c.text, fontSize: 14, fontWeight: "normal" }, subtextStyle: { fontFamily: c.font, color: c.text, fontSize: 12 } },
    legend: { textStyle: { color: c.muted, fontFamily: c.font, fontSize: 12 }, pageTextStyle: { color: c.muted } },
    tooltip: { backgroundColor: c.bg, borderColor: c.border, textStyle: { color: c.text, fontFamily: c.font, fontSize: 12 } },
    axisPointer: { label: { color: c.text, backgroundColor: c.bg, borderColor: c.border, borderWidth: 1 } },
    categoryAxis: axis,
    valueAxis: axis,
    logAxis: axis,
    timeAxis: axis,
    line: c.dark ? {} : { symbol: "circle" },
    pie: { label: { color: c.muted, fontFamily: c.font, fontSize: 12 } },
  };
}

function* tooltips(option) {
  const variants = [option, option.baseOption, ...(option.options ?? [])].filter((v) => v && typeof v === "object");
  for (const v of variants) {
    for (const t of [v.tooltip ?? []].flat()) yield t;
    for (const s of [v.series ?? []].flat()) if (s?.tooltip) yield s.tooltip;
  }
}

/** A tooltip `valueFormatter` must be a function; Streamlit reads a printf string as one
 * (named formats such as "dollar" fall back to ECharts' default, as does anything else). */
function formatters(option) {
  for (const t of tooltips(option)) {
    if (!t || typeof t !== "object" || !("valueFormatter" in t)) continue;
    const fmt = t.valueFormatter;
    if (typeof fmt === "string" && /%[-+ 0#]*\d*(?:\.\d+)?[diufeEgGs]/.test(fmt)) {
      t.valueFormatter = (v) => (Array.isArray(v) ? v.map((x) => formatNumber(x, fmt)).join(", ") : formatNumber(v, fmt));
    } else delete t.valueFormatter;
  }
  return option;
}

function chartBox(el, p) {
  const box = el.querySelector(":scope > .stc-echarts-body") ?? h("div", { class: "stc-echarts-body" });
  box.style.width = typeof p.width === "number" ? `${p.width}px` : "100%";
  box.style.height = typeof p.height === "number" ? `${p.height}px` : "100%";
  box.style.minHeight = typeof p.height === "number" ? "" : `${ECHARTS_HEIGHT}px`;
  return box;
}

// -- selections (on_select): Streamlit's state, {selection: {selected, areas}} ----------

const DATA_TYPES = { main: 0, node: 1, edge: 2 };

/** An option's series id or name as Streamlit reports it: a number or a non-empty string. */
function seriesLabel(value) {
  return typeof value === "number" || (typeof value === "string" && value && !value.includes("\0")) ? value : null;
}

/** Streamlit's selection: clicked points (`selectchanged`) and brushed points merged per
 * series and data type, with each series' id and name, and the brushed areas. */
function selectionState(option, points, batches) {
  const merged = new Map();
  for (const item of [...points, ...batches.flatMap((b) => b.selected ?? [])]) {
    if (typeof item.seriesIndex !== "number") continue;
    const dataType = item.dataType ?? "main";
    const key = `${item.seriesIndex}|${dataType}`;
    if (!merged.has(key)) merged.set(key, { seriesIndex: item.seriesIndex, dataType, indices: new Set() });
    for (const i of [item.dataIndex ?? []].flat()) if (typeof i === "number") merged.get(key).indices.add(i);
  }
  const series = [option.series ?? []].flat();
  const selected = [...merged.values()]
    .filter((m) => m.indices.size > 0)
    .sort((a, b) => a.seriesIndex - b.seriesIndex || (DATA_TYPES[a.dataType] ?? 3) - (DATA_TYPES[b.dataType] ?? 3))
    .map((m) => ({
      series_index: m.seriesIndex,
      series_id: seriesLabel(series[m.seriesIndex]?.id),
      series_name: seriesLabel(series[m.seriesIndex]?.name),
      data_type: m.dataType,
      data_indices: [...m.indices].sort((a, b) => a - b),
    }));
  const areas = [...batches]
    .sort((a, b) => a.brushIndex - b.brushIndex)
    .flatMap((b) => (b.areas ?? []).filter((a) => typeof a.brushType === "string" && Array.isArray(a.coordRange))
      .map((a) => ({ brush_index: b.brushIndex, brush_type: a.brushType, coord_range: a.coordRange })));
  return { selection: { selected, areas } };
}

/** Report the chart's selection to Python (as a widget value) when a click or a brush
 * stroke changes it. */
function bindSelection(el, view) {
  const d = el._diagram;
  const report = () => {
    if (!("value" in (el._stc?.props ?? {}))) return; // no on_select: not a widget
    const value = JSON.stringify(selectionState(d.option ?? {}, d.points, d.batches));
    if (value !== d.reported) d.ctx?.emit(el, (d.reported = value));
  };
  view.on("selectchanged", (e) => {
    d.points = e.selected ?? [];
    report();
  });
  view.on("brushSelected", (e) => {
    d.batches = e.batch ?? [];
    if (!d.batches.some((b) => b.areas?.length)) report(); // cleared: no brushEnd follows
  });
  view.on("brushEnd", report);
}

async function drawECharts(el, p, token) {
  if (!hasAsset("echarts")) {
    el._diagram.view?.dispose();
    el._diagram.view = null;
    el.replaceChildren(missingAsset("ECharts chart", "echarts"));
    return;
  }
  const lib = await loadECharts();
  if (token !== el._diagram.token) return;
  const colors = pageColors(el);
  const look = `${p.theme}|${p.renderer}|${colors.dark}|${colors.text}|${colors.bg}`;
  // A rerun that only reports the selection back keeps the chart, and what is selected in it.
  const drawn = JSON.stringify([look, p.spec, p.width, p.height, p.alt]);
  if (el._diagram.view && el._diagram.drawn === drawn) return;
  const option = formatters(JSON.parse(p.spec));
  if (p.alt) option.aria = { ...option.aria, enabled: true, label: { ...option.aria?.label, description: p.alt } };
  const box = chartBox(el, p);
  if (!el._diagram.view || el._diagram.look !== look || !box.isConnected) {
    el._diagram.view?.dispose();
    el.replaceChildren(box);
    el._diagram.view = lib.init(box, p.theme === "streamlit" ? echartsTheme(colors) : null, { renderer: p.renderer || "canvas" });
    el._diagram.look = look;
    bindSelection(el, el._diagram.view);
  }
  Object.assign(el._diagram, { option, drawn, points: [], batches: [] }); // a new option: nothing selected
  el._diagram.view.setOption(option, { notMerge: true });
  el._diagram.view.resize();
}

function echartsChart() {
  return {
    create(_p, ctx) {
      const el = h("div", { class: "stc-echarts", role: "figure" });
      el._diagram = { token: 0, view: null, look: "", drawn: "", ctx };
      new ResizeObserver(() => el._diagram.view?.resize()).observe(el);
      return el;
    },
    update(el, p) {
      el.setAttribute("aria-label", p.alt || "ECharts chart");
      const token = ++el._diagram.token;
      drawECharts(el, p, token).catch((err) => {
        if (token !== el._diagram.token) return;
        el._diagram.view?.dispose();
        el._diagram.view = null;
        el._diagram.drawn = "";
        el.replaceChildren(errorBox(`Chart error: ${err?.message ?? err}`));
      });
    },
  };
}

export const ECHARTS = {
  echarts_chart: echartsChart(),
};
