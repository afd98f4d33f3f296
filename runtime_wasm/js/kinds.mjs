// Every kind the page can draw, by element family: leaf kinds (elements and widgets)
// in KINDS, containers drawn by a family in BLOCKS. A family is a module of
// elements/ (outputs) or elements/widgets/ (widgets) named as its Python twin in
// runtime_wasm/streamlit/elements/ (same stem, same sub-folder), exporting a
// { kind: spec } map named for it, plus a blocks map if it draws containers: a new
// family is one import and one spread here. render.mjs walks the tree with these and
// draws the page's own blocks (root, main, sidebar).
//
// A spec has `create(props, ctx, node)` (build the wrapper once), `update(el, props,
// prev, ctx, node)` (props changed) and, for widgets, `sync(el, props, ctx)` (every
// render: show Python's value, see elements/lib/widget_value.mjs); a block adds
// `host(el)` (where its children go) and may add `after(el, props, ctx)`.

import { COMPONENTS } from "./components.mjs";
import { COMPONENTS_V2 } from "./components_v2.mjs";
import { CHARTS } from "./elements/charts.mjs";
import { DATA } from "./elements/data.mjs";
import { DECK_GL_JSON_CHART } from "./elements/deck_gl_json_chart.mjs";
import { DIAGRAMS } from "./elements/diagrams.mjs";
import { DIALOG_BLOCKS } from "./elements/dialog.mjs";
import { ECHARTS } from "./elements/echarts.mjs";
import { HTML } from "./elements/html.mjs";
import { LAYOUTS, LAYOUTS_BLOCKS } from "./elements/layouts.mjs";
import { MEDIA } from "./elements/media.mjs";
import { PAGES } from "./elements/pages.mjs";
import { STATUS, STATUS_BLOCKS } from "./elements/status.mjs";
import { TEXT } from "./elements/text.mjs";
import { AUDIO_INPUT } from "./elements/widgets/audio_input.mjs";
import { BUTTON } from "./elements/widgets/button.mjs";
import { BUTTON_GROUP } from "./elements/widgets/button_group.mjs";
import { CAMERA_INPUT } from "./elements/widgets/camera_input.mjs";
import { CHAT } from "./elements/widgets/chat.mjs";
import { CHECKBOX } from "./elements/widgets/checkbox.mjs";
import { COLOR_PICKER } from "./elements/widgets/color_picker.mjs";
import { DATA_EDITOR } from "./elements/widgets/data_editor.mjs";
import { FEEDBACK } from "./elements/widgets/feedback.mjs";
import { FILE_UPLOADER } from "./elements/widgets/file_uploader.mjs";
import { MENU_BUTTON } from "./elements/widgets/menu_button.mjs";
import { MULTISELECT } from "./elements/widgets/multiselect.mjs";
import { NUMBER_INPUT } from "./elements/widgets/number_input.mjs";
import { PAGINATION } from "./elements/widgets/pagination.mjs";
import { RADIO } from "./elements/widgets/radio.mjs";
import { SELECTBOX } from "./elements/widgets/selectbox.mjs";
import { SLIDER } from "./elements/widgets/slider.mjs";
import { TEXT_WIDGETS } from "./elements/widgets/text_widgets.mjs";
import { TIME_WIDGETS } from "./elements/widgets/time_widgets.mjs";
import { FRAGMENT } from "./fragment.mjs";

export const KINDS = {
  // outputs
  ...TEXT,
  ...HTML,
  ...DATA,
  ...CHARTS,
  ...ECHARTS,
  ...DECK_GL_JSON_CHART,
  ...DIAGRAMS,
  ...MEDIA,
  ...STATUS,
  ...LAYOUTS,
  ...PAGES,
  // widgets
  ...BUTTON,
  ...CHECKBOX,
  ...RADIO,
  ...SELECTBOX,
  ...MULTISELECT,
  ...SLIDER,
  ...TEXT_WIDGETS,
  ...NUMBER_INPUT,
  ...TIME_WIDGETS,
  ...COLOR_PICKER,
  ...BUTTON_GROUP,
  ...FEEDBACK,
  ...FILE_UPLOADER,
  ...CAMERA_INPUT,
  ...AUDIO_INPUT,
  ...CHAT,
  ...DATA_EDITOR,
  ...PAGINATION,
  ...MENU_BUTTON,
  // not element families: the fragment timer and custom components
  ...FRAGMENT,
  ...COMPONENTS,
  ...COMPONENTS_V2,
};

export const BLOCKS = {
  ...LAYOUTS_BLOCKS,
  ...STATUS_BLOCKS,
  ...DIALOG_BLOCKS,
};
