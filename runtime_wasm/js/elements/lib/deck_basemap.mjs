// The basemap under a pydeck chart (elements/deck_gl_json_chart.mjs): the map style a
// spec names, drawn by MapLibre GL JS (vendor/maplibre/, shipped with deck.gl, see
// vendor/README.md) in a map beneath deck.gl's canvas (not interleaved, as Streamlit's
// is not), moved to deck.gl's view and redrawn after every frame deck.gl draws.
// MapLibre is imported only when a spec names a style it can draw, so a chart without
// one fetches neither the library nor any tile.
//
// What Streamlit does and stc does not: with no style named (pydeck's map_style=None)
// Streamlit's page draws Carto's light or dark style to match the theme; stc draws no
// basemap then, so a site contacts a tile server only when its spec names one. A
// mapbox:// style needs an access token (Streamlit's `mapbox.token` or pydeck's
// api_keys), which a static site must not carry: the chart says it is not shown.

import { h } from "../../dom.mjs";

const UNSET_STYLE = "__MAP_STYLE__"; // what pydeck writes for map_provider=None
const NOTE_CLASS = "stc-deck-note";

let library = null;

/** MapLibre and its stylesheet, loaded once, the first time a basemap is drawn. */
function loadMapLibre() {
  library ??= (async () => {
    const css = new URL("../../vendor/maplibre/maplibre-gl.css", import.meta.url).href;
    if (!document.querySelector(`link[href="${css}"]`)) {
      document.head.append(h("link", { rel: "stylesheet", href: css }));
    }
    return import("../../vendor/maplibre/maplibre-gl.mjs");
  })();
  return library;
}

const unset = (s) => s === undefined || s === null || s === "" || s === UNSET_STYLE;

/** Streamlit's test: a basemap goes under map views only (no views means one MapView). */
function mapViewsOnly(views) {
  if (views === undefined || views === null) return true;
  return [views].flat().every((v) => v && typeof v === "object" && v["@@type"] === "MapView");
}

/** What the chart does about the spec's `mapStyle`: `{ style }` to draw (a URL or a
 * style object), `{ note, text, why }` to say why not, or null (no style named, or no map view). */
export function basemapOf(json) {
  if (!mapViewsOnly(json.views)) return null;
  const named = Array.isArray(json.mapStyle) ? json.mapStyle.find((s) => !unset(s)) : json.mapStyle;
  if (unset(named)) return null;
  if (typeof named === "object") return { style: named };
  const text = String(named).trim();
  if (/^mapbox:/i.test(text)) {
    return {
      note: true,
      text: "Basemap not shown",
      why: "Mapbox styles need an access token, which a static site does not carry; name a style URL (Carto's, or your own style.json) to draw a basemap.",
    };
  }
  if (/^(https?:)?\/\/|^\.{0,2}\/|\.json([?#]|$)/i.test(text)) {
    return { style: new URL(text, document.baseURI).href };
  }
  return {
    note: true,
    text: "Basemap not shown",
    why: `"${text}" is not a map style URL that stc can draw (pydeck names this style only for another map provider).`,
  };
}

/** The map a chart's `d.basemap` holds, drawn (or removed) to match `wanted`, which is
 * what `basemapOf` said. `box` is the chart's body; `d.deck` gives the view to follow;
 * `current()` is false once a newer drawing of the chart started. */
export async function drawBasemap(box, d, wanted, current) {
  const key = wanted?.style ? JSON.stringify(wanted.style) : null;
  if (key === (d.basemap?.key ?? null)) return;
  removeBasemap(d);
  if (!key) return;
  let maplibre;
  try {
    maplibre = await loadMapLibre();
  } catch {
    library = null; // a later chart may try again
    if (current()) failed(box, d, key, wanted);
    return;
  }
  if (!current() || !box.isConnected || d.basemap?.key === key) return;
  removeBasemap(d);
  const holder = h("div", { class: "stc-deck-basemap", "aria-hidden": "true" });
  box.prepend(holder);
  let map;
  try {
    map = new maplibre.Map({
      container: holder,
      style: wanted.style,
      interactive: false, // deck.gl's controller moves the view; the map follows it
      attributionControl: { compact: false },
      maxPitch: 85,
      fadeDuration: 0,
    });
  } catch {
    holder.remove();
    failed(box, d, key, wanted);
    return;
  }
  const basemap = { key, map, holder, loaded: false, view: null };
  d.basemap = basemap;
  map.on("style.load", () => {
    basemap.loaded = true;
  });
  // A listener keeps MapLibre from logging. A style that does not load is said in the
  // chart; a tile or source that fails is a hole in the map, as in Streamlit's.
  map.on("error", (event) => {
    if (event?.tile || event?.sourceId || basemap.loaded || d.basemap !== basemap) return;
    failed(box, d, key, wanted);
  });
  followDeck(d);
}

/** The style did not load: no map, a note, and no new try until the spec names another. */
function failed(box, d, key, wanted) {
  removeBasemap(d);
  d.basemap = { key, failed: true };
  showNote(box, noteOf(d, wanted));
}

/** Remove the chart's map, if any, and free its WebGL context. */
export function removeBasemap(d) {
  d.basemap?.map?.remove();
  d.basemap?.holder?.remove();
  d.basemap = null;
}

/** The note a chart shows about its basemap, `{ text, why }`, or null. */
export function noteOf(d, wanted) {
  if (wanted?.note) return wanted;
  if (wanted?.style && d.basemap?.failed && d.basemap.key === JSON.stringify(wanted.style)) {
    const what = typeof wanted.style === "string" ? wanted.style : "the spec gives";
    return { text: "Basemap could not be loaded", why: `MapLibre could not load the map style ${what}.` };
  }
  return null;
}

/** Show `note` (from noteOf) in the chart's corner, in place of the one there. */
export function showNote(box, note) {
  box.querySelector(`:scope > .${NOTE_CLASS}`)?.remove();
  if (note) box.append(h("div", { class: NOTE_CLASS, title: note.why }, note.text));
}

/** Move the map to deck.gl's first view (deck.gl's onAfterRender calls this). */
export function followDeck(d) {
  const basemap = d.basemap;
  const viewport = d.deck?.getViewports?.()?.[0];
  if (!basemap?.map || !viewport || typeof viewport.longitude !== "number") return;
  const view = [viewport.longitude, viewport.latitude, viewport.zoom, viewport.pitch ?? 0, viewport.bearing ?? 0];
  if (basemap.view && view.every((v, i) => v === basemap.view[i])) return;
  basemap.view = view;
  basemap.map.jumpTo({ center: [view[0], view[1]], zoom: view[2], pitch: view[3], bearing: view[4] });
  // Drawn now, not at MapLibre's next frame: both canvases show the same view at once.
  if (basemap.loaded) basemap.map.redraw();
}
