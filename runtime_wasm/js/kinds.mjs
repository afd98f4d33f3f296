// Every leaf kind the page can draw (elements and widgets), by family. A new family
// is a module exporting a { kind: spec } map, plus one import and one spread here.
// Blocks (containers) live in render.mjs.

import { ELEMENTS } from "./elements.mjs";
import { WIDGETS } from "./widgets.mjs";

export const KINDS = {
  ...ELEMENTS,
  ...WIDGETS,
};
