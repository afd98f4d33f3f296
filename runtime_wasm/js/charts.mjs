// Charts: every Vega-Lite kind (st.line_chart … st.map, built in Python as a full spec
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

import { h } from "./dom.mjs";

let vega = null;
let plotly = null;

function loadVega() {
  vega ??= import("./vendor/vega-bundle.mjs");
  return vega;
}

function loadPlotly() {
  plotly ??= import("./vendor/plotly.min.js").then(() => window.Plotly);
  return plotly;
}

/** Whether the build kept the optional asset `name` (config "assets", compiler/_assets.py). */
export function hasAsset(name) {
  try {
    const assets = JSON.parse(document.getElementById("stc-config")?.textContent ?? "{}").assets;
    return !Array.isArray(assets) || assets.includes(name);
  } catch {
    return true;
  }
}

/** The in-page note for an element whose library this build left out. */
export function missingAsset(what, name) {
  return h("div", { class: "stc-alert stc-alert-warning", role: "note" },
    `This ${what} needs ${name}, which this build did not include; rebuild with \`stc build --include-assets all\`.`);
}

const DEFAULT_HEIGHT = 350; // Streamlit's height for charts without one

// Streamlit's chart theme, in short: its palette, quiet axes, no view border.
const STREAMLIT_THEME = {
  background: "transparent",
  font: "inherit",
  view: { stroke: null, continuousHeight: DEFAULT_HEIGHT, continuousWidth: 400 },
  range: {
    category: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"],
  },
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

async function draw(el, p, token) {
  if (!hasAsset("vega")) {
    el.replaceChildren(missingAsset("chart", "vega"));
    return;
  }
  const { embed } = await loadVega();
  if (token !== el._chart.token) return; // newer props arrived while loading
  el._chart.view?.finalize();
  const body = h("div", { class: "stc-chart-body" });
  el.replaceChildren(body);
  const options = { actions: false, renderer: "canvas", mode: "vega-lite" };
  if (p.theme === "streamlit") options.config = STREAMLIT_THEME;
  const result = await embed(body, sizedSpec(p, el), options);
  if (token !== el._chart.token) {
    result.finalize();
    return;
  }
  el._chart.view = result.view;
  el._chart.width = el.clientWidth;
}

function vegaChart() {
  return {
    create() {
      const el = h("div", { class: "stc-chart", role: "figure" });
      el._chart = { token: 0, view: null, width: 0 };
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
      const token = ++el._chart.token;
      draw(el, p, token).catch((err) => {
        if (token !== el._chart.token) return;
        el.replaceChildren(h("div", { class: "stc-alert stc-alert-error", role: "alert" }, `Chart error: ${err?.message ?? err}`));
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
  return { data: figure.data ?? [], layout, config, frames: figure.frames };
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
  el._chart.view = body;
  el._chart.width = el.clientWidth;
}

function plotlyChart() {
  return {
    create() {
      const el = h("div", { class: "stc-chart stc-plotly", role: "figure" });
      el._chart = { token: 0, view: null, width: 0 };
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
      const token = ++el._chart.token;
      drawPlotly(el, p, token).catch((err) => {
        if (token !== el._chart.token) return;
        el._chart.view = null;
        el.replaceChildren(h("div", { class: "stc-alert stc-alert-error", role: "alert" }, `Chart error: ${err?.message ?? err}`));
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
