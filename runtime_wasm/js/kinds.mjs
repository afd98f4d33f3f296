// Every leaf kind the page can draw (elements and widgets), by family. A new family
// is a module exporting a { kind: spec } map, plus one import and one spread here.
// Blocks (containers) live in render.mjs.

import { CHARTS } from "./charts.mjs";
import { CHAT } from "./chat.mjs";
import { COMPONENTS } from "./components.mjs";
import { DATAFRAME } from "./dataframe.mjs";
import { DIAGRAMS } from "./diagrams.mjs";
import { EDITOR } from "./editor.mjs";
import { ELEMENTS } from "./elements.mjs";
import { EXTRAS } from "./extras.mjs";
import { INPUTS2 } from "./inputs2.mjs";
import { MEDIA } from "./media.mjs";
import { MORE } from "./more.mjs";
import { NAV } from "./nav.mjs";
import { WIDGETS } from "./widgets.mjs";

export const KINDS = {
  ...ELEMENTS,
  ...DATAFRAME,
  ...EXTRAS,
  ...MEDIA,
  ...CHARTS,
  ...DIAGRAMS,
  ...WIDGETS,
  ...INPUTS2,
  ...CHAT,
  ...EDITOR,
  ...NAV,
  ...MORE,
  ...COMPONENTS,
};
