// Every leaf kind the page can draw (elements and widgets), by family. A new family
// is a module exporting a { kind: spec } map, plus one import and one spread here.
// Blocks (containers) live in render.mjs.

import { CHARTS } from "./elements/charts.mjs";
import { CHAT } from "./elements/widgets/chat.mjs";
import { COMPONENTS } from "./components.mjs";
import { DATAFRAME } from "./elements/data.mjs";
import { DIAGRAMS } from "./elements/diagrams.mjs";
import { EDITOR } from "./elements/widgets/data_editor.mjs";
import { ELEMENTS } from "./elements/text.mjs";
import { EXTRAS } from "./elements/html.mjs";
import { INPUTS2 } from "./elements/widgets/file_uploader.mjs";
import { MEDIA } from "./elements/media.mjs";
import { MORE } from "./elements/widgets/audio_input.mjs";
import { NAV } from "./elements/pages.mjs";
import { WIDGETS } from "./elements/widgets/slider.mjs";

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
