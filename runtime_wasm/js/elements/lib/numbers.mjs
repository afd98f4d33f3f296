// Numbers typed or dragged by a visitor, as slider and number_input send them: an int
// widget (and a date or time slider, whose numbers are microseconds) sends integers, a
// float one drops binary noise, and limits clamp.

const WHOLE_NUMBERS = new Set(["int", "date", "datetime", "time"]);

/** `raw` (an input's text) as the widget's number, or null when it is not one. */
export function toNumber(raw, p) {
  if (raw === null || raw === undefined || raw === "") return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) return null;
  if (WHOLE_NUMBERS.has(p.data_type)) return Math.round(n);
  // Drop binary noise such as 0.1 + 0.2 = 0.30000000000000004.
  return Number(n.toPrecision(15));
}

/** `n` within props `p`'s min and max (either may be missing). */
export function clamp(n, p) {
  if (n === null) return n;
  if (p.min !== null && p.min !== undefined && n < p.min) return p.min;
  if (p.max !== null && p.max !== undefined && n > p.max) return p.max;
  return n;
}
