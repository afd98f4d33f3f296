// Streamlit's look for the chart libraries (Vega-Lite, ECharts, mermaid): its palette,
// and the page's own colours read back from CSS, so a themed or dark page draws its
// charts in its colours.

/** Streamlit's categorical chart colours, for its light and dark themes. */
export const STREAMLIT_PALETTE = {
  light: ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5"],
  dark: ["#83c9ff", "#0068c9", "#ffabab", "#ff2b2b", "#7defa1", "#29b09d", "#ffd16a", "#ff8700", "#6d3fc0", "#d5dae5"],
};

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
export function pageColors(el) {
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
