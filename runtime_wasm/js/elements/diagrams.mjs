// Diagrams (runtime_wasm/streamlit/elements/_diagrams.py): st.graphviz_chart (Graphviz
// compiled to WebAssembly, Viz.js) and the ```mermaid fences of markdown, which is what
// st.mermaid_chart makes (mermaid.js, drawMermaidBlocks, called by text.mjs), as in
// Streamlit.
//
// Each library (vendor/README.md) is loaded the first time an element needs it and only
// if the build kept it (hasAsset); otherwise the element says which asset is missing.
// viz.js is an ES module; mermaid.min.js is a classic script that sets `window.mermaid`
// (run as a module it throws), so it is added as a <script>.

import { errorBox, h } from "../dom.mjs";
import { hasAsset, missingAsset } from "../page_config.mjs";
import { pageColors } from "./lib/theme.mjs";

let viz = null;
let mermaid = null;

function loadViz() {
  viz ??= import("../vendor/viz.js").then((m) => m.instance());
  return viz;
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
};
