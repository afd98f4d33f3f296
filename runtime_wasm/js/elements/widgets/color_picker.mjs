// st.color_picker (runtime_wasm/streamlit/elements/widgets/_color_picker.py): the
// browser's color input, sending "#rrggbb" on change.

import { nativeSpec } from "../lib/native_input.mjs";

export const COLOR_PICKER = {
  color_picker: nativeSpec("color", "color-picker", {}),
};
