// A widget's label row: the label (inline markdown), its visibility, and the help
// marker. One shape for every widget family, so a label looks and reads the same.

import { h, helpIcon, labelHtml, setHtml, uid } from "../../dom.mjs";

/** The label row of widget state `w`: a <label for> when the control has an id. */
export function makeLabel(w, forId) {
  w.labelEl = forId ? h("label", { class: "stc-label", for: forId }) : h("div", { class: "stc-label", id: uid() });
  w.labelRow = h("div", { class: "stc-label-row" }, w.labelEl);
  return w.labelRow;
}

/** Show props `p`'s label, label_visibility and help in `w`'s label row. */
export function updateLabel(w, p) {
  setHtml(w.labelEl, labelHtml(p.label));
  w.labelRow.className = `stc-label-row stc-label-${p.label_visibility ?? "visible"}`;
  w.labelRow.querySelector(":scope > .stc-help")?.remove();
  const help = helpIcon(p.help);
  if (help) w.labelRow.append(help);
}
