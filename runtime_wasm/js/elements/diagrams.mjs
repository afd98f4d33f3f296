// Diagrams: st.graphviz_chart (Graphviz compiled to WebAssembly, Viz.js), st.echarts_chart
// (Apache ECharts) and the ```mermaid fences of markdown, which is what st.mermaid_chart
// makes (mermaid.js), as in Streamlit. See runtime_wasm/streamlit/_diagrams.py and
// _echarts.py for the props.
//
// Each library (vendor/README.md) is loaded the first time an element needs it and only
// if the build kept it (hasAsset); otherwise the element says which asset is missing.
// An ECharts chart with on_select is a widget: it sends Streamlit's selection state.
// viz.js and echarts.esm.min.mjs are ES modules; mermaid.min.js is a classic script that
// sets `window.mermaid` (run as a module it throws), so it is added as a <script>.

import { STREAMLIT_PALETTE } from "./charts.mjs";
import { hasAsset, missingAsset } from "../page_config.mjs";
import { h } from "../dom.mjs";
import { formatNumber } from "../markdown.mjs";

let viz = null;
let echarts = null;
let mermaid = null;

function loadViz() {
  viz ??= import("../vendor/viz.js").then((m) => m.instance());
  return viz;
}

function loadECharts() {
  echarts ??= import("../vendor/echarts.esm.min.mjs");
  return echarts;
}

function loadMermaid() {
  mermaid ??= new Promise((resolve, reject) => {
    const script = h("script", { src: new URL("../vendor/mermaid.min.js", import.meta.url).href });
    script.onload = () => resolve(window.mermaid);
    script.onerror = () => reject(new Error("mermaid.min.js did not load"));
    document.head.append(script);
  });
  return mermaid;
}

function errorBox(text) {
  return h("div", { class: "stc-alert stc-alert-error", role: "alert" }, text);
}

// -- the page's colours, for the Streamlit themes -------------------------------------

let probe = null;

/** `value` (any CSS colour) as [r, g, b, a], read back through a canvas. */
function rgba(value, fallback) {
  probe ??= document.createElement("canvas").getContext("2d");
  probe.fillStyle = "#000";
  probe.fillStyle = value || fallback;
  const c = probe.fillStyle; // "#rrggbb" or "rgba(r, g, b, a)"
  if (c.startsWith("#")) return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)).concat(1);
  const [r, g, b, a] = c.match(/[\d.]+/g).map(Number);
  return [r, g, b, a ?? 1];
}

function hex([r, g, b]) {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

/** `color` at `alpha` over `under`, as an opaque hex colour (mermaid derives shades from it). */
function over(color, alpha, under) {
  return hex(color.slice(0, 3).map((v, i) => v * alpha + under[i] * (1 - alpha)));
}

/** Text, background and border colours of `el`, resolved against the page background. */
function pageColors(el) {
  const style = getComputedStyle(el);
  const body = rgba(getComputedStyle(document.body).backgroundColor, "#fff");
  const bg = body[3] === 0 ? [255, 255, 255, 1] : body; // a transparent page shows white
  const text = rgba(style.color, "#31333f");
  const border = rgba(style.getPropertyValue("--stc-border").trim(), "rgba(49, 51, 63, 0.2)");
  const bg2 = rgba(style.getPropertyValue("--stc-bg-2").trim(), "#f0f2f6");
  const dark = (0.299 * bg[0] + 0.587 * bg[1] + 0.114 * bg[2]) / 255 < 0.5;
  return {
    dark,
    font: style.fontFamily,
    text: hex(text),
    muted: over(text, 0.6, bg),
    bg: hex(bg),
    bg2: hex(bg2),
    border: over(border, border[3], bg),
    tint: (color) => over(rgba(color), dark ? 0.2 : 0.1, bg),
  };
}

// -- Graphviz ---------------------------------------------------------------------------

/** Streamlit's sizes: "content" the graph's own size, "stretch" the column, or pixels;
 * never wider than the column, and a fixed height scrolls. */
function sizeGraph(el, svg, p) {
  const natural = svg.getAttribute("width"); // in points, e.g. "62pt"
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.style.width = p.width === "stretch" ? "100%" : typeof p.width === "number" ? `${p.width}px` : natural;
  svg.style.maxWidth = "100%";
  svg.style.height = "auto";
  el.style.height = typeof p.height === "number" ? `${p.height}px` : "";
}

async function drawGraphviz(el, p, token) {
  if (!hasAsset("graphviz")) {
    el.replaceChildren(missingAsset("Graphviz chart", "graphviz"));
    return;
  }
  const instance = await loadViz();
  if (token !== el._diagram.token) return;
  const svg = instance.renderSVGElement(p.spec, { engine: p.engine || "dot" });
  sizeGraph(el, svg, p);
  el.replaceChildren(svg);
}

function graphvizChart() {
  return {
    create() {
      const el = h("div", { class: "stc-graphviz", role: "figure" });
      el._diagram = { token: 0 };
      return el;
    },
    update(el, p) {
      if (p.alt) el.setAttribute("aria-label", p.alt);
      else el.removeAttribute("aria-label");
      const token = ++el._diagram.token;
      drawGraphviz(el, p, token).catch((err) => {
        if (token === el._diagram.token) el.replaceChildren(errorBox(`Graphviz error: ${err?.message ?? err}`));
      });
    },
  };
}

// -- ECharts ----------------------------------------------------------------------------

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

// -- Mermaid ----------------------------------------------------------------------------

// Streamlit's accessible names: by the first word of the diagram.
const MERMAID_KINDS = {
  graph: "flowchart", flowchart: "flowchart", sequencediagram: "sequence diagram",
  classdiagram: "class diagram", statediagram: "state diagram", erdiagram: "entity relationship diagram",
  journey: "user journey diagram", gantt: "Gantt chart", pie: "pie chart", quadrantchart: "quadrant chart",
  requirementdiagram: "requirement diagram", gitgraph: "Git graph", mindmap: "mindmap",
  timeline: "timeline", sankey: "Sankey diagram", packet: "packet diagram", block: "block diagram",
  architecture: "architecture diagram", kanban: "Kanban board", xychart: "XY chart",
  radar: "radar chart", treemap: "treemap",
};

/** Streamlit's name for a diagram: its `%% stAlt:` (st.mermaid_chart's alt), else its
 * accTitle/accDescr, else "Mermaid <kind>". */
function mermaidName(source) {
  const alt = /^\s*%%\s*stAlt\s*:[^\S\n]*(.+)$/m.exec(source)?.[1]?.trim();
  if (alt) return alt;
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim();
  const descr = /^\s*accDescr\s*:\s*(.+)$/m.exec(source)?.[1]?.trim() ?? /^\s*accDescr\s*\{([^}]*)\}/m.exec(source)?.[1]?.trim().replaceAll(/\s+/g, " ");
  if (title && descr) return `${title}: ${descr}`;
  if (title || descr) return title || descr;
  const first = source.trim().split("\n")[0].trim().toLowerCase();
  const kind = Object.entries(MERMAID_KINDS).find(([k]) => first.startsWith(k))?.[1] ?? "diagram";
  return `Mermaid ${kind}`;
}

/** Streamlit's mermaid configuration: the "base" theme in the page's colours, SVG text labels. */
function mermaidConfig(c) {
  const tint = {
    blue: c.tint("#1c83e1"), green: c.tint("#21c354"), orange: c.tint("#ffa421"), red: c.tint("#ff2b2b"),
    violet: c.tint("#803df5"), yellow: c.tint("#ffff12"), gray: c.tint("#31333f"),
  };
  const fontSize = 14;
  return {
    theme: "base",
    look: "classic",
    darkMode: c.dark,
    fontFamily: c.font,
    fontSize,
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    themeVariables: {
      darkMode: c.dark, background: c.bg, mainBkg: c.bg2, fontFamily: c.font, fontSize: `${fontSize}px`,
      primaryColor: tint.blue, primaryTextColor: c.text, primaryBorderColor: c.border,
      secondaryColor: tint.green, tertiaryColor: tint.orange, lineColor: c.muted, textColor: c.text,
      errorBkgColor: tint.red, noteBkgColor: tint.yellow, noteTextColor: c.text,
      sectionBkgColor: c.bg2, altSectionBkgColor: c.bg, gridColor: c.border, taskTextColor: c.text,
      pie1: tint.blue, pie2: tint.green, pie3: tint.orange, pie4: tint.red, pie5: tint.violet,
      pie6: tint.yellow, pie7: tint.gray, pieStrokeColor: c.border, pieOuterStrokeColor: c.border,
      cScale0: tint.blue, cScale1: tint.green, cScale2: tint.orange, cScale3: tint.red,
      cScale4: tint.violet, cScale5: tint.yellow, cScale6: tint.gray,
    },
  };
}

let renders = 0;

async function drawMermaid(box, source, current) {
  if (!hasAsset("mermaid")) {
    box.replaceChildren(missingAsset("Mermaid diagram", "mermaid"), h("pre", {}, h("code", {}, source)));
    return;
  }
  const lib = await loadMermaid();
  const config = mermaidConfig(pageColors(box));
  const key = JSON.stringify(config);
  if (lib._stcConfig !== key) {
    lib.initialize({ startOnLoad: false, securityLevel: "strict", suppressErrorRendering: true, ...config });
    lib._stcConfig = key;
  }
  const { svg } = await lib.render(`stc-mermaid-${++renders}`, source);
  if (!current()) return;
  box.innerHTML = svg; // mermaid sanitises it (securityLevel "strict")
  box.removeAttribute("aria-busy");
  box._source = source;
}

/**
 * Draw each ```mermaid fence that markdown rendered into `root` (`<pre><code
 * class="language-mermaid">`) as a diagram, as Streamlit's markdown does. A diagram whose
 * source did not change since the last drawing in `root` is moved over, not redrawn.
 */
export function drawMermaidBlocks(root, width) {
  const blocks = root.querySelectorAll("pre > code.language-mermaid");
  if (!blocks.length && !root._mermaid) return; // plain markdown: nothing to do
  const previous = root._mermaid ?? { token: 0, drawn: [] };
  const token = previous.token + 1;
  const drawn = [];
  root._mermaid = { token, drawn };
  for (const code of blocks) {
    const source = code.textContent.replace(/\n$/, "");
    const reuse = previous.drawn.findIndex((b) => b._source === source);
    const box = reuse >= 0 ? previous.drawn.splice(reuse, 1)[0] : h("div", { class: "stc-mermaid", role: "img", "aria-busy": "true" });
    box.setAttribute("aria-label", mermaidName(source));
    box.style.width = typeof width === "number" ? `${width}px` : "";
    code.parentElement.replaceWith(box);
    drawn.push(box);
    if (reuse >= 0) continue;
    drawMermaid(box, source, () => root._mermaid.token === token).catch((err) => {
      if (root._mermaid.token !== token) return;
      box.removeAttribute("aria-busy");
      box.replaceChildren(errorBox(`Mermaid diagram error: ${err?.message ?? err}`));
    });
  }
}

export const DIAGRAMS = {
  graphviz_chart: graphvizChart(),
  echarts_chart: echartsChart(),
};
