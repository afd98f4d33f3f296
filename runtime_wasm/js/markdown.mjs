// Markdown as Streamlit renders it: GitHub-flavoured, raw HTML escaped unless the
// app passed unsafe_allow_html=True, plus Streamlit's ":red[colored text]",
// ":red-background[...]", ":red-badge[...]" and ":emoji_shortcode:" syntax.
// marked is vendored (vendor/marked.esm.js, MIT, see vendor/marked.LICENSE).

import { Marked } from "./vendor/marked.esm.js";

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for use in HTML content or a quoted attribute. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// Streamlit's color names for ":color[text]" and ":color-background[text]".
const COLORS = "red|orange|yellow|green|blue|violet|gray|grey|rainbow|primary";
const COLOR_RE = new RegExp(`^:(${COLORS})(-background|-badge)?\\[((?:[^\\[\\]\\\\]|\\\\.|\\[[^\\]]*\\])*)\\]`);

const colorExtension = {
  name: "stcColor",
  level: "inline",
  start(src) {
    const m = src.match(new RegExp(`:(?:${COLORS})(?:-background|-badge)?\\[`));
    return m ? m.index : undefined;
  },
  tokenizer(src) {
    const m = COLOR_RE.exec(src);
    if (!m) return undefined;
    return {
      type: "stcColor",
      raw: m[0],
      color: m[1] === "grey" ? "gray" : m[1],
      variant: m[2] ?? "",
      tokens: this.lexer.inlineTokens(m[3]),
    };
  },
  renderer(token) {
    // ":red[x]" colours text, ":red-background[x]" its background, ":red-badge[x]"
    // is st.badge (a small pill).
    const cls = { "": "stc-color-", "-background": "stc-bg-", "-badge": "stc-badge stc-badge-" }[token.variant] + token.color;
    return `<span class="${cls}">${this.parser.parseInline(token.tokens)}</span>`;
  },
};

// Emoji shortcodes (":smile:"), a small table of the common ones rather than
// Streamlit's full list; unknown codes and ":material/icon:" stay as text.
const EMOJI = {
  smile: "\u{1F604}", grin: "\u{1F601}", joy: "\u{1F602}", wink: "\u{1F609}", blush: "\u{1F60A}",
  heart_eyes: "\u{1F60D}", sunglasses: "\u{1F60E}", thinking_face: "\u{1F914}", cry: "\u{1F622}",
  sob: "\u{1F62D}", angry: "\u{1F620}", scream: "\u{1F631}", sweat_smile: "\u{1F605}",
  heart: "\u2764\uFE0F", star: "\u2B50", sparkles: "\u2728", fire: "\u{1F525}", tada: "\u{1F389}",
  rocket: "\u{1F680}", balloon: "\u{1F388}", snowflake: "\u2744\uFE0F", sunny: "\u2600\uFE0F",
  zap: "\u26A1", "+1": "\u{1F44D}", thumbsup: "\u{1F44D}", "-1": "\u{1F44E}", thumbsdown: "\u{1F44E}",
  clap: "\u{1F44F}", wave: "\u{1F44B}", pray: "\u{1F64F}", muscle: "\u{1F4AA}", eyes: "\u{1F440}",
  warning: "\u26A0\uFE0F", x: "\u274C", white_check_mark: "\u2705", heavy_check_mark: "\u2714\uFE0F",
  question: "\u2753", exclamation: "\u2757", bulb: "\u{1F4A1}", memo: "\u{1F4DD}", book: "\u{1F4D6}",
  books: "\u{1F4DA}", chart_with_upwards_trend: "\u{1F4C8}", bar_chart: "\u{1F4CA}", calendar: "\u{1F4C6}",
  clock: "\u{1F552}", hourglass: "\u231B", mag: "\u{1F50D}", lock: "\u{1F512}", key: "\u{1F511}",
  gear: "\u2699\uFE0F", wrench: "\u{1F527}", hammer: "\u{1F528}", package: "\u{1F4E6}",
  computer: "\u{1F4BB}", email: "\u{1F4E7}", link: "\u{1F517}", pushpin: "\u{1F4CC}", house: "\u{1F3E0}",
  earth_americas: "\u{1F30E}", globe_with_meridians: "\u{1F310}", snake: "\u{1F40D}", cat: "\u{1F431}",
  dog: "\u{1F436}", robot_face: "\u{1F916}", coffee: "\u2615", pizza: "\u{1F355}", cake: "\u{1F370}",
  money_with_wings: "\u{1F4B8}", moneybag: "\u{1F4B0}", trophy: "\u{1F3C6}", medal: "\u{1F3C5}",
  point_right: "\u{1F449}", point_left: "\u{1F448}", point_up: "\u261D\uFE0F", point_down: "\u{1F447}",
  arrow_right: "\u27A1\uFE0F", arrow_left: "\u2B05\uFE0F", arrow_up: "\u2B06\uFE0F", arrow_down: "\u2B07\uFE0F",
  100: "\u{1F4AF}", ok_hand: "\u{1F44C}", sunglasses_face: "\u{1F60E}", partying_face: "\u{1F973}",
};

const emojiExtension = {
  name: "stcEmoji",
  level: "inline",
  start(src) {
    const m = src.match(/:[a-z0-9_+-]+:/);
    return m ? m.index : undefined;
  },
  tokenizer(src) {
    const m = /^:([a-z0-9_+-]+):/.exec(src);
    if (!m || !Object.hasOwn(EMOJI, m[1])) return undefined;
    return { type: "stcEmoji", raw: m[0], emoji: EMOJI[m[1]] };
  },
  renderer(token) {
    return token.emoji;
  },
};

const UNSAFE_SCHEME = /^\s*(javascript|vbscript|data):/i;

function makeMarked(allowHtml) {
  const md = new Marked({ gfm: true, breaks: false });
  md.use({
    extensions: [colorExtension, emojiExtension],
    renderer: {
      html({ text }) {
        return allowHtml ? text : escapeHtml(text);
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        if (!allowHtml && UNSAFE_SCHEME.test(href)) return inner;
        let out = `<a href="${escapeHtml(href)}"`;
        if (title) out += ` title="${escapeHtml(title)}"`;
        // Links that leave the app open in a new tab, as in Streamlit.
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) out += ' target="_blank" rel="noopener noreferrer"';
        return `${out}>${inner}</a>`;
      },
    },
  });
  return md;
}

const safeMarked = makeMarked(false);
const unsafeMarked = makeMarked(true);

/** Render a markdown block (paragraphs, lists, tables, ...) to an HTML string. */
export function markdownToHtml(body, allowHtml = false) {
  return (allowHtml ? unsafeMarked : safeMarked).parse(String(body ?? ""));
}

/** Render inline markdown only (labels, headings, button text). */
export function inlineMarkdownToHtml(body, allowHtml = false) {
  return (allowHtml ? unsafeMarked : safeMarked).parseInline(String(body ?? ""));
}

/**
 * Format a number with a printf-style pattern as Streamlit widgets accept it
 * ("%d", "%.2f", "%0.1f%%", "$%,.2f" is not printf and is shown as-is).
 * Unknown patterns fall back to String(value).
 */
export function formatNumber(value, fmt) {
  if (value === null || value === undefined) return "";
  if (!fmt) return String(value);
  let ok = true;
  let converted = 0;
  const out = fmt.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([diufeEgGs%])/g, (_all, flags, width, prec, conv) => {
    if (conv === "%") return "%";
    converted += 1;
    let s;
    const p = prec === undefined ? undefined : Number(prec);
    switch (conv) {
      case "d":
      case "i":
      case "u":
        s = String(Math.trunc(Number(value)));
        break;
      case "f":
        s = Number(value).toFixed(p ?? 6);
        break;
      case "e":
      case "E":
        s = Number(value).toExponential(p ?? 6);
        if (conv === "E") s = s.toUpperCase();
        break;
      case "g":
      case "G":
        s = String(Number(Number(value).toPrecision(p || 6)));
        break;
      case "s":
        s = String(value);
        break;
      default:
        ok = false;
        return "";
    }
    if (flags.includes("+") && Number(value) >= 0 && conv !== "s") s = `+${s}`;
    const w = Number(width || 0);
    if (s.length < w) {
      const pad = flags.includes("0") && !flags.includes("-") ? "0" : " ";
      s = flags.includes("-") ? s.padEnd(w, " ") : s.padStart(w, pad);
    }
    return s;
  });
  return ok && converted > 0 ? out : String(value);
}
