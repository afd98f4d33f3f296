// st.date_input, st.time_input and st.datetime_input (runtime_wasm/streamlit/elements/
// widgets/_time_widgets.py): the browser's date, time and datetime-local inputs (two
// for a date range), sending ISO strings on change.

import { nativeSpec } from "../lib/native_input.mjs";

const dateInput = nativeSpec("date", "date-input", { min: (p) => p.min, max: (p) => p.max });
const timeInput = nativeSpec("time", "time-input", { step: (p) => p.step });
const datetimeInput = nativeSpec("datetime-local", "datetime-input", {
  min: (p) => p.min,
  max: (p) => p.max,
  step: (p) => p.step,
});

export const TIME_WIDGETS = {
  date_input: dateInput,
  time_input: timeInput,
  datetime_input: datetimeInput,
};
