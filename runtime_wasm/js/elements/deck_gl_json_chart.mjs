// st.pydeck_chart (runtime_wasm/streamlit/elements/_deck_gl_json_chart.py): the deck.gl
// JSON pydeck makes, converted by deck.gl's JSONConverter and drawn by a Deck, from
// vendor/deck-bundle.mjs (core, layers, aggregation layers, json; see vendor/README.md),
// imported the first time such a chart is drawn and only if the build kept it.
//
// The basemap, when the spec names a map style (pydeck's default is Carto's), is drawn
// beneath the layers by MapLibre, imported only then (elements/lib/deck_basemap.mjs);
// with no style named the layers are drawn on a plain background and no tile server is
// contacted. Without WebGL 2 (deck.gl 9 needs it) the element says so instead of drawing.
//
// With on_select (props.selection_mode) the chart is a widget, as Streamlit's: a click
// on an object selects it (or adds it, "multi-object"), a click on nothing or the
// "Clear selection" button clears, and the page sends {selection: {indices, objects}}
// by layer id. Selected objects are drawn
// opaque and the others faded, as Streamlit does.

import { errorBox, h } from "../dom.mjs";
import { hasAsset, missingAsset } from "../page_config.mjs";
import { basemapOf, drawBasemap, followDeck, noteOf, removeBasemap, showNote } from "./lib/deck_basemap.mjs";

let bundle = null;

function loadDeck() {
  bundle ??= import("../vendor/deck-bundle.mjs").then((lib) => {
    const classes = {
      ...lib.layers,
      ...lib.aggregationLayers,
      MapView: lib.MapView,
      OrbitView: lib.OrbitView,
      OrthographicView: lib.OrthographicView,
      FirstPersonView: lib.FirstPersonView,
      _GlobeView: lib._GlobeView,
      GlobeView: lib._GlobeView,
    };
    return { lib, classes, converter: new lib.JSONConverter({ configuration: { classes } }) };
  });
  return bundle;
}

const DEFAULT_HEIGHT = 500; // Streamlit's map height
const EMPTY = { indices: {}, objects: {} };
const UNSELECTED_ALPHA = Math.floor(255 * 0.4);

// The colour accessor Streamlit fades per layer type (those the bundle has).
const FILL = {
  ScatterplotLayer: "getFillColor",
  ColumnLayer: "getFillColor",
  GeoJsonLayer: "getFillColor",
  PolygonLayer: "getFillColor",
  SolidPolygonLayer: "getFillColor",
  IconLayer: "getColor",
  LineLayer: "getColor",
  PathLayer: "getColor",
  PointCloudLayer: "getColor",
  TextLayer: "getColor",
};

let webgl2 = null;

/** Whether this browser gives a WebGL 2 context (deck.gl 9 draws with nothing else). */
function hasWebGL2() {
  if (webgl2 === null) {
    try {
      webgl2 = !!document.createElement("canvas").getContext("webgl2");
    } catch {
      webgl2 = false;
    }
  }
  return webgl2;
}

const layerKey = (layer) => `${layer?.id || null}`;

/** The selection Python holds (the widget's value), else nothing selected. */
function selectionOf(p) {
  if (!p.selection_mode || !p.value) return EMPTY;
  try {
    return JSON.parse(p.value)?.selection ?? EMPTY;
  } catch {
    return EMPTY;
  }
}

/** Streamlit's handleClick: the selection after a click on `info`. */
function clicked(current, info, mode) {
  const id = layerKey(info.layer);
  if (info.index === -1 || !info.layer) return EMPTY;
  if (mode === "single-object") {
    if (current.indices[id]?.[0] === info.index) return EMPTY;
    return { indices: { [id]: [info.index] }, objects: { [id]: [info.object] } };
  }
  const chosen = new Map((current.indices[id] ?? []).map((i, n) => [i, current.objects[id]?.[n]]));
  if (chosen.has(info.index)) chosen.delete(info.index);
  else chosen.set(info.index, info.object);
  const indices = { ...current.indices };
  const objects = { ...current.objects };
  if (chosen.size === 0) {
    delete indices[id];
    delete objects[id];
  } else {
    indices[id] = [...chosen.keys()];
    objects[id] = [...chosen.values()];
  }
  return { indices, objects };
}

/** A colour as [r, g, b, a] (alpha 255 when not given), or null if it is not one. */
function rgba(c) {
  return Array.isArray(c) || ArrayBuffer.isView(c) ? [c[0] || 0, c[1] || 0, c[2] || 0, c[3] || 255] : null;
}

/** The JSON with Streamlit's changes: layers pickable when selecting and none says,
 * extensions the bundle lacks dropped (they would convert to null and break the layer). */
function prepared(json, p, classes) {
  const layers = Array.isArray(json.layers) ? json.layers : [];
  const anyPickable = layers.some((l) => l && typeof l === "object" && "pickable" in l);
  json.layers = layers.map((layer) => {
    if (!layer || typeof layer !== "object" || Array.isArray(layer)) return layer;
    const out = { ...layer };
    if (Array.isArray(out.extensions)) out.extensions = out.extensions.filter((e) => classes[e?.["@@type"]]);
    if (p.selection_mode && !anyPickable) out.pickable = true;
    return out;
  });
  return json;
}

/** The converted layers, faded but for the selected objects when anything is selected
 * (among the objects a layer has: a selection kept from older data may point past them).
 * As in Streamlit, only a colour the spec gives is faded; `raw` is a layer's JSON. */
function withSelection(layers, selection, raw) {
  const count = (l) => (Array.isArray(raw(l)?.data) ? raw(l).data.length : Infinity);
  const active = layers.some((l) => (selection.indices[layerKey(l)] ?? []).some((i) => i < count(l)));
  return layers.map((layer) => {
    const name = FILL[layer?.constructor?.layerName];
    if (!name || !active || raw(layer)?.[name] === undefined) return layer;
    const original = layer.props[name];
    const chosen = new Set(selection.indices[layerKey(layer)] ?? []);
    const fill = (object, info) => {
      const own = typeof original === "function" ? original(object, info) : original;
      const c = rgba(own);
      if (!c) return own;
      return chosen.has(info.index) ? [c[0], c[1], c[2], Math.max(c[3], 255)] : [c[0], c[1], c[2], Math.min(c[3], UNSELECTED_ALPHA)];
    };
    const triggers = layer.props.updateTriggers ?? {};
    return layer.clone({ [name]: fill, updateTriggers: { ...triggers, [name]: [...chosen].join(",") } });
  });
}

/** Streamlit's tooltip: `{name}` in its text or html replaced by the picked object's
 * field (or its GeoJSON `properties` field). */
function tooltipFor(raw) {
  if (!raw) return null;
  const template = JSON.parse(raw);
  return (info) => {
    if (!info?.object) return null;
    const fill = (body) =>
      String(body ?? "").replace(/{(.*?)}/g, (match, name) => {
        if (Object.hasOwn(info.object, name)) return info.object[name];
        const props = info.object.properties;
        return props && Object.hasOwn(props, name) ? props[name] : match;
      });
    const tip = { ...template };
    if (tip.html) tip.html = fill(tip.html);
    else tip.text = fill(tip.text);
    return tip;
  };
}

function sizeBox(box, p) {
  box.style.width = typeof p.width === "number" ? `${p.width}px` : "100%";
  box.style.height = typeof p.height === "number" ? `${p.height}px` : "100%";
  box.style.minHeight = typeof p.height === "number" ? "" : `${DEFAULT_HEIGHT}px`;
}

async function drawDeck(el, p, token) {
  const d = el._deck;
  if (!hasAsset("deckgl")) {
    el.replaceChildren(missingAsset("pydeck chart", "deck.gl"));
    return;
  }
  if (!hasWebGL2()) {
    el.replaceChildren(h("div", { class: "stc-alert stc-alert-warning", role: "note" },
      "This pydeck chart needs WebGL 2, which this browser does not provide (it may be turned off, or unavailable without a GPU)."));
    return;
  }
  const { lib, classes, converter } = await loadDeck();
  if (token !== d.token) return;
  const json = prepared(JSON.parse(p.spec), p, classes);
  const converted = converter.convert(json);
  d.selection = selectionOf(p);
  d.props = p;
  const raw = (layer) => json.layers.find((l) => l && layerKey(l) === layerKey(layer));
  const layers = withSelection((converted.layers ?? []).filter(Boolean), d.selection, raw);
  const views = [converted.views ?? []].flat().filter((v) => v instanceof lib.View);
  const deckProps = {
    layers,
    views: views.length ? views : undefined,
    controller: views.length ? undefined : true,
    initialViewState: converted.initialViewState,
    parameters: converted.parameters,
    getTooltip: tooltipFor(p.tooltip),
  };
  if (!d.deck) {
    const box = h("div", { class: "stc-deck-body" });
    el.replaceChildren(box);
    sizeBox(box, p);
    d.deck = new lib.Deck({
      ...deckProps,
      parent: box,
      width: "100%",
      height: "100%",
      onClick: (info) => onClick(el, info),
      onAfterRender: () => followDeck(d),
      onError: (err) => {
        removeBasemap(d);
        d.deck?.finalize();
        d.deck = null;
        el.replaceChildren(errorBox(`Chart error: ${err?.message ?? err}`));
      },
    });
  } else {
    sizeBox(el.querySelector(":scope > .stc-deck-body"), p);
    d.deck.setProps(deckProps);
  }
  const box = el.querySelector(":scope > .stc-deck-body");
  box?.querySelectorAll(":scope > .stc-deck-clear").forEach((n) => n.remove());
  const basemap = basemapOf(json);
  if (box) {
    showNote(box, noteOf(d, basemap));
    drawBasemap(box, d, basemap, () => token === d.token);
  }
  if (box && Object.keys(d.selection.indices ?? {}).length > 0) {
    // Streamlit's toolbar action while anything is selected.
    const clear = h("button", { type: "button", class: "stc-deck-clear", "aria-label": "Clear selection", title: "Clear selection" }, "×");
    clear.addEventListener("click", () => select(el, EMPTY));
    box.append(clear);
  }
}

/** Make `next` the selection: sent to Python, and drawn at once. */
function select(el, next) {
  const d = el._deck;
  if (JSON.stringify(next) === JSON.stringify(d.selection)) return;
  d.selection = next;
  const value = JSON.stringify({ selection: next });
  d.ctx?.emit(el, value);
  redraw(el, { ...d.props, value });
}

/** A click, reported as Streamlit's selection state when the chart is a widget. */
function onClick(el, info) {
  const d = el._deck;
  const p = d.props;
  if (!p?.selection_mode || !("value" in (el._stc?.props ?? {}))) return;
  select(el, clicked(d.selection, info, p.selection_mode));
}

function redraw(el, p) {
  const token = ++el._deck.token;
  drawDeck(el, p, token).catch((err) => {
    if (token !== el._deck.token) return;
    removeBasemap(el._deck);
    el._deck.deck?.finalize();
    el._deck.deck = null;
    el.replaceChildren(errorBox(`Chart error: ${err?.message ?? err}`));
  });
}

function deckChart() {
  return {
    create(_p, ctx) {
      const el = h("div", { class: "stc-deck", role: "figure", "data-testid": "stDeckGlJsonChart" });
      el._deck = { token: 0, deck: null, basemap: null, selection: EMPTY, props: null, ctx };
      return el;
    },
    update(el, p) {
      el.setAttribute("aria-label", p.alt || "pydeck chart");
      redraw(el, p);
    },
  };
}

export const DECK_GL_JSON_CHART = {
  deck_gl_json_chart: deckChart(),
};
