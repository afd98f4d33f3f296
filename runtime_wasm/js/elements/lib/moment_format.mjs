// Dates and times shown through moment.js format strings ("YYYY-MM-DD", "HH:mm",
// "MMM D, YYYY h:mm A"), as Streamlit's front end shows a date or time st.slider
// (runtime_wasm/streamlit/elements/widgets/_slider.py sends microseconds since the
// epoch of the wall-clock time, read as UTC: so every field here is a UTC field).
// English names only, as Streamlit's default moment locale; text in [brackets] is kept.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const TOKENS = /\[([^\]]*)]|YYYY|YY|Q|MMMM|MMM|MM|M|DDDD|DDD|Do|DD|D|dddd|ddd|dd|d|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|X|x|ZZ|Z/g;

const pad = (n, width = 2) => String(n).padStart(width, "0");

function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

function dayOfYear(d) {
  return Math.floor((d - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
}

/** `micros` (microseconds since 1970, UTC) written as moment.js `format` says. */
export function formatMicros(micros, format) {
  const ms = Math.floor(micros / 1000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(micros);
  // moment.js holds milliseconds: S to SSS are digits of them, further S are zeros.
  const fraction = `${pad(((ms % 1000) + 1000) % 1000, 3)}000000`;
  const hours = d.getUTCHours();
  const field = {
    YYYY: () => pad(d.getUTCFullYear(), 4),
    YY: () => pad(d.getUTCFullYear() % 100),
    Q: () => String(Math.floor(d.getUTCMonth() / 3) + 1),
    MMMM: () => MONTHS[d.getUTCMonth()],
    MMM: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    MM: () => pad(d.getUTCMonth() + 1),
    M: () => String(d.getUTCMonth() + 1),
    DDDD: () => pad(dayOfYear(d), 3),
    DDD: () => String(dayOfYear(d)),
    Do: () => ordinal(d.getUTCDate()),
    DD: () => pad(d.getUTCDate()),
    D: () => String(d.getUTCDate()),
    dddd: () => DAYS[d.getUTCDay()],
    ddd: () => DAYS[d.getUTCDay()].slice(0, 3),
    dd: () => DAYS[d.getUTCDay()].slice(0, 2),
    d: () => String(d.getUTCDay()),
    HH: () => pad(hours),
    H: () => String(hours),
    hh: () => pad(hours % 12 || 12),
    h: () => String(hours % 12 || 12),
    kk: () => pad(hours || 24),
    k: () => String(hours || 24),
    mm: () => pad(d.getUTCMinutes()),
    m: () => String(d.getUTCMinutes()),
    ss: () => pad(d.getUTCSeconds()),
    s: () => String(d.getUTCSeconds()),
    A: () => (hours < 12 ? "AM" : "PM"),
    a: () => (hours < 12 ? "am" : "pm"),
    X: () => String(Math.floor(ms / 1000)),
    x: () => String(ms),
    ZZ: () => "+0000",
    Z: () => "+00:00",
  };
  return String(format).replace(TOKENS, (token, literal) => {
    if (literal !== undefined) return literal;
    if (token[0] === "S") return fraction.slice(0, token.length);
    return field[token]();
  });
}
