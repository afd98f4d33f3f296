// When a widget may show the value Python holds. Every widget spec has `create(props,
// ctx)` (build the wrapper and its control once, wire events), `update(el, props, prev,
// ctx)` (props changed: label, options, limits) and `sync(el, props, ctx)` (every
// render: show Python's value). `sync` must not take back what the user is doing: a
// value still pending in a form (sent with the form's submit button), or an edit in
// progress in the focused control.

/** True when the widget's value waits in its form for the submit button. */
export function pendingInForm(el, ctx) {
  const { id, props } = el._stc;
  return Boolean(props.form_id && ctx.hasPending(props.form_id, id));
}

/** True when a rerun must not overwrite what the control shows (pending, or mid-edit). */
export function userOwnsValue(el, ctx) {
  if (pendingInForm(el, ctx)) return true;
  return Boolean(el._w.dirty) && el.contains(document.activeElement);
}

/** The selected option of a radio or selectbox: `value` (the runtime's), else `index`. */
export function choiceIndex(p) {
  const i = p.value !== undefined ? p.value : p.index;
  return i === null || i === undefined ? null : Number(i);
}

/** Whether two props values are the same data (options lists, captions). */
export function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
