// Charts (runtime_wasm/streamlit/elements/_charts.py): every Vega-Lite kind (st.line_chart … st.map, built in Python as a full spec
// with inline data, see runtime_wasm/streamlit/_charts.py) drawn with vega-embed, plus
// st.pyplot (a PNG) and st.plotly_chart (plotly.js).
//
// vega-embed, vega and vega-lite are one bundle (vendor/vega-bundle.mjs, ~840 kB, see
// vendor/README.md) imported the first time a chart is drawn, so pages without charts
// never fetch it. The reconciler calls `update` only when the props JSON changed, so
// an unchanged chart keeps its view; a ResizeObserver refits it to its container.
//
// plotly.js (vendor/plotly.min.js, 4.8 MB) is a UMD script, not an ES module: importing
// it runs it, and it sets `window.Plotly`. Loaded the first time a Plotly chart is drawn.
//
// A chart with on_select (props.selection_mode, see streamlit/elements/lib/_chart_selection.py)
// is a widget: it sends Streamlit's selection state as JSON text after each selection.
// Its value comes back in its props; a rerun that changed nothing else keeps the drawing,
// and so what is selected in it. A value the page did not send (a form cleared on submit)
// redraws the chart, which clears its selection.

import { errorBox, h } from "../dom.mjs";
import { hasAsset, missingAsset } from "../page_config.mjs";
import { STREAMLIT_PALETTE } from "./lib/theme.mjs";

let vega = null;
let plotly = null;

function loadVega() {
  vega ??= import("../vendor/vega-bundle.mjs");
  return vega;
}

function loadPlotly() {
  plotly ??= import("../vendor/plotly.min.js").then(() => window.Plotly);
  return plotly;
}

const DEFAULT_HEIGHT = 350; // Streamlit's height for charts without one

// Streamlit's chart theme, in short: its palette, quiet axes, no view border.
const STREAMLIT_THEME = {
  background: "transparent",
  font: "inherit",
  view: { stroke: null, continuousHeight: DEFAULT_HEIGHT, continuousWidth: 400 },
  range: { category: STREAMLIT_PALETTE.light },
  axis: {
    labelColor: "#808495",
    titleColor: "#31333f",
    gridColor: "#e6eaf1",
    domainColor: "#e6eaf1",
    tickColor: "#e6eaf1",
    labelFontSize: 12,
    titleFontSize: 14,
    titleFontWeight: 400,
  },
  legend: { labelColor: "#31333f", titleColor: "#31333f", labelFontSize: 14, titleFontSize: 14, titleFontWeight: 400 },
  title: { color: "#31333f", fontSize: 16, fontWeight: 600 },
  mark: { color: "#0068c9" },
};

const SINGLE_VIEW = (spec) => "mark" in spec || "layer" in spec;

/** The spec to draw in `el`: the element's width/height props applied, as Streamlit's front end does. */
function sizedSpec(p, el) {
  const spec = { ...p.spec };
  if (!SINGLE_VIEW(spec)) return spec;
  if (typeof p.width === "number") spec.width = p.width;
  else if (p.width !== "content" && !(spec.width > 0)) spec.width = Math.max(el.clientWidth, 100);
  if (typeof p.height === "number") spec.height = p.height;
  else if (spec.height === 0 || (spec.height === undefined && p.height === "stretch")) spec.height = DEFAULT_HEIGHT;
  return spec;
}

function fillsWidth(p) {
  return typeof p.width !== "number" && p.width !== "content" && SINGLE_VIEW(p.spec ?? {}) && !(p.spec.width > 0);
}

// -- selections: what the page reports, and when a rerun may keep the drawing ---------

/** The selection value as the page writes it, to compare Python's with. */
function canonical(value) {
  return value === undefined ? undefined : JSON.stringify(JSON.parse(value));
}

/** Whether props `p` draw what `el` shows: only the value changed, to what the page sent. */
function unchanged(el, p) {
  const { value, ...look } = p;
  return el._chart.view !== null && el._chart.drawn === JSON.stringify(look) && canonical(value) === el._chart.reported;
}

/** Send `state` as the chart's value if it is not what Python has. */
function report(el, state) {
  if (!el._stc?.props.selection_mode) return; // no on_select: not a widget
  const value = JSON.stringify(state);
  if (value === el._chart.reported) return;
  el._chart.reported = value;
  el._chart.ctx.emit(el, value);
}

const SELECT_DEBOUNCE_MS = 150; // Streamlit's: one report per interval drag, not one per frame

/** A Vega-Lite selection parameter's signal as Streamlit reports it: a point selection's
 * points (`vlPoint.or`: their fields' values, or `_vgsid_`), an interval's {field: [min, max]}. */
function vegaSelection(view, name) {
  let value;
  try {
    value = view.signal(name);
  } catch {
    return {}; // no such signal in this view
  }
  return (Array.isArray(value?.vlPoint?.or) ? value.vlPoint.or : value) || {};
}

function reportVega(el, view, modes) {
  report(el, { selection: Object.fromEntries(modes.map((m) => [m, vegaSelection(view, m)])) });
}

/** Which of the view's datasets hold the selections (Vega-Lite's `<param>_store`). */
function stores(modes) {
  return { signals: () => false, data: (name) => modes.some((m) => name === `${m}_store`), recurse: false };
}

function bindVegaSelection(el, view, modes) {
  let timer = 0;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => el._chart.view === view && reportVega(el, view, modes), SELECT_DEBOUNCE_MS);
  };
  for (const m of modes) {
    try {
      view.addSignalListener(m, later);
    } catch {
      // a parameter this view has no signal for: nothing to listen to
    }
  }
}

async function draw(el, p, token) {
  if (!hasAsset("vega")) {
    el.replaceChildren(missingAsset("chart", "vega"));
    return;
  }
  const { embed } = await loadVega();
  if (token !== el._chart.token) return; // newer props arrived while loading
  const modes = p.selection_mode ?? [];
  const old = el._chart.view;
  // A new spec for a chart whose selection Python kept (a keyed chart): carry it over.
  const kept = old && modes.length && canonical(p.value) === el._chart.reported ? old.getState(stores(modes)) : null;
  old?.finalize();
  el._chart.view = null;
  const body = h("div", { class: "stc-chart-body" });
  el.replaceChildren(body);
  const options = { actions: false, renderer: "canvas", mode: "vega-lite" };
  if (p.theme === "streamlit") options.config = STREAMLIT_THEME;
  const result = await embed(body, sizedSpec(p, el), options);
  if (token !== el._chart.token) {
    result.finalize();
    return;
  }
  const { value, ...look } = p;
  Object.assign(el._chart, { view: result.view, width: el.clientWidth, drawn: JSON.stringify(look), reported: canonical(value) });
  if (!modes.length) return;
  if (kept) {
    try {
      await result.view.setState(kept).runAsync();
    } catch {
      // the new spec has other stores: the report below says the selection is gone
    }
  }
  bindVegaSelection(el, result.view, modes);
  reportVega(el, result.view, modes);
}

function vegaChart() {
  return {
    create(_p, ctx) {
      const el = h("div", { class: "stc-chart", role: "figure" });
      el._chart = { token: 0, view: null, width: 0, drawn: "", reported: undefined, ctx };
      // Refit a container-wide chart when its column/sidebar/window changes width.
      new ResizeObserver(() => {
        const { view, width } = el._chart;
        const p = el._stc?.props;
        if (!view || !p || !fillsWidth(p) || el.clientWidth === width || el.clientWidth === 0) return;
        el._chart.width = el.clientWidth;
        view.width(Math.max(el.clientWidth, 100)).runAsync();
      }).observe(el);
      return el;
    },
    update(el, p) {
      el.setAttribute("aria-label", p.alt || "Chart");
      if (unchanged(el, p)) return;
      const token = ++el._chart.token;
      draw(el, p, token).catch((err) => {
        if (token !== el._chart.token) return;
        el.replaceChildren(errorBox(`Chart error: ${err?.message ?? err}`));
      });
    },
  };
}

const VEGA = vegaChart();

const PLOTLY_HEIGHT = 450; // plotly.js's (and Streamlit's) height for a figure without one

/** Streamlit's look for theme="streamlit": a template layer under the figure's own layout. */
function plotlyTheme(layout, el) {
  const style = getComputedStyle(el);
  const own = layout.template ?? {};
  return {
    ...own,
    layout: {
      ...(own.layout ?? {}),
      colorway: STREAMLIT_THEME.range.category,
      font: { family: style.fontFamily, color: style.color || "#31333f" },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
    },
  };
}

/** data, layout and config for Plotly.react: the element's width/height/theme applied. */
function plotlyArgs(p, el) {
  const figure = structuredClone(p.figure ?? {}); // plotly.js writes into what it is given
  const layout = figure.layout ?? {};
  if (typeof p.width === "number") layout.width = p.width;
  else if (p.width !== "content") delete layout.width; // "stretch": autosize to the element
  if (typeof p.height === "number") layout.height = p.height;
  else layout.height ??= PLOTLY_HEIGHT;
  if (p.theme === "streamlit" && typeof (layout.template ?? {}) === "object") layout.template = plotlyTheme(layout, el);
  const config = { displaylogo: false, responsive: false, ...(p.config ?? {}) };
  if (p.selection_mode) selectable(layout, config, p.selection_mode);
  return { data: figure.data ?? [], layout, config, frames: figure.frames };
}

/** Streamlit's selection tools: a click selects a point ("points"), a drag draws a box or
 * a lasso (the figure's own dragmode, else the first of those enabled); the modebar
 * offers only the enabled tools. */
function selectable(layout, config, modes) {
  layout.clickmode = modes.includes("points") ? "event+select" : "event";
  layout.hovermode ??= "closest";
  if (modes.includes("box")) layout.dragmode ??= "select";
  else if (modes.includes("lasso")) layout.dragmode ??= "lasso";
  const off = [["box", "select2d"], ["lasso", "lasso2d"]].filter(([m]) => !modes.includes(m)).map(([, b]) => b);
  config.modeBarButtonsToRemove = [...(config.modeBarButtonsToRemove ?? []), ...off];
}

const snake = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replaceAll(".", "_");

/** Streamlit's keysToSnakeCase: plotly.js's curveNumber, marker.size… as curve_number, marker_size. */
function snakeKeys(value) {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeKeys(v)]));
}

/** "M1,2L3,4Z" (a lasso in data coordinates) as {x: [1, 3], y: [2, 4]}. */
function lassoPath(path) {
  const corners = path ? path.replace("M", "").replace("Z", "").split("L") : [];
  const xy = corners.map((c) => c.split(",").map(Number));
  return { x: xy.map(([x]) => x), y: xy.map(([, y]) => y) };
}

/** A plotly_selected event as Streamlit's PlotlyState: the points without their trace
 * (data, fullData) or axis objects, their indices, the boxes and lassos drawn. */
function plotlySelection(event) {
  const indices = new Set();
  const points = (event?.points ?? []).map(({ data, fullData, xaxis, yaxis, ...point }) => {
    if (typeof point.pointIndex === "number") indices.add(point.pointIndex);
    for (const i of point.pointIndices ?? []) indices.add(i);
    return snakeKeys({ ...point, legendgroup: data?.legendgroup || undefined });
  });
  const box = [];
  const lasso = [];
  for (const s of event?.selections ?? []) {
    if (s.type === "rect") box.push({ xref: s.xref, yref: s.yref, x: [s.x0, s.x1], y: [s.y0, s.y1] });
    else if (s.type === "path") lasso.push({ xref: s.xref, yref: s.yref, ...lassoPath(s.path) });
  }
  return { selection: { points, point_indices: [...indices], box, lasso } };
}

function bindPlotlySelection(el, body) {
  body.on("plotly_selected", (event) => report(el, plotlySelection(event)));
  body.on("plotly_deselect", () => report(el, plotlySelection(null)));
}

async function drawPlotly(el, p, token) {
  if (!hasAsset("plotly")) {
    el.replaceChildren(missingAsset("Plotly chart", "plotly"));
    return;
  }
  const Plotly = await loadPlotly();
  if (token !== el._chart.token) return;
  let body = el.querySelector(":scope > .stc-chart-body");
  if (!body) {
    body = h("div", { class: "stc-chart-body" });
    el.replaceChildren(body);
  }
  await Plotly.react(body, plotlyArgs(p, el));
  if (!body._stcSelecting) {
    body._stcSelecting = true; // Plotly.react keeps the node, and the listeners on it
    bindPlotlySelection(el, body);
  }
  const { value, ...look } = p;
  Object.assign(el._chart, { view: body, width: el.clientWidth, drawn: JSON.stringify(look), reported: canonical(value) });
}

function plotlyChart() {
  return {
    create(_p, ctx) {
      const el = h("div", { class: "stc-chart stc-plotly", role: "figure" });
      el._chart = { token: 0, view: null, width: 0, drawn: "", reported: undefined, ctx };
      new ResizeObserver(() => {
        const { view, width } = el._chart;
        const p = el._stc?.props;
        if (!view || !p || typeof p.width === "number" || p.width === "content") return;
        if (el.clientWidth === width || el.clientWidth === 0) return;
        el._chart.width = el.clientWidth;
        window.Plotly?.Plots.resize(view);
      }).observe(el);
      return el;
    },
    update(el, p) {
      const title = p.figure?.layout?.title?.text ?? p.figure?.layout?.title;
      el.setAttribute("aria-label", p.alt || (typeof title === "string" && title) || "Plotly chart");
      if (unchanged(el, p)) return;
      const token = ++el._chart.token;
      drawPlotly(el, p, token).catch((err) => {
        if (token !== el._chart.token) return;
        el._chart.view = null;
        el.replaceChildren(errorBox(`Chart error: ${err?.message ?? err}`));
      });
    },
  };
}

export const CHARTS = {
  line_chart: VEGA,
  area_chart: VEGA,
  bar_chart: VEGA,
  scatter_chart: VEGA,
  altair_chart: VEGA,
  vega_lite_chart: VEGA,
  map: VEGA,

  pyplot: {
    create: () => h("div", { class: "stc-pyplot" }),
    update(el, p) {
      const img = h("img", { src: p.src, alt: p.alt || "Matplotlib figure" });
      if (typeof p.width === "number") img.style.width = `${p.width}px`;
      else if (p.width !== "content") img.style.width = "100%";
      el.replaceChildren(img);
    },
  },

  plotly_chart: plotlyChart(),
};
