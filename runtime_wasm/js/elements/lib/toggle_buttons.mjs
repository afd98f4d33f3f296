// A row of toggle buttons (st.pills, st.segmented_control, st.feedback): which are
// pressed is painted from the value (an option index, a list of them, or null).

/** Press the buttons of `el._w.group` whose data-index `value` selects. */
export function paintPressed(el, value) {
  const selected = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  el._w.selected = selected;
  for (const b of el._w.group.children) {
    const on = selected.includes(Number(b.dataset.index));
    b.setAttribute("aria-pressed", String(on));
    b.classList.toggle("stc-selected", on);
  }
}
