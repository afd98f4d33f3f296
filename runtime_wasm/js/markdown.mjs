// Markdown as Streamlit renders it: GitHub-flavoured, raw HTML escaped unless the
// app passed unsafe_allow_html=True, plus Streamlit's ":red[colored text]" syntax.
// marked is vendored (vendor/marked.esm.js, MIT, see vendor/marked.LICENSE).

import { Marked } from "./vendor/marked.esm.js";

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for use in HTML content or a quoted attribute. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// Streamlit's color names for ":color[text]" and ":color-background[text]".
const COLORS = "red|orange|yellow|green|blue|violet|gray|grey|rainbow|primary";
const COLOR_RE = new RegExp(`^:(${COLORS})(-background)?\\[((?:[^\\[\\]\\\\]|\\\\.|\\[[^\\]]*\\])*)\\]`);

const colorExtension = {
  name: "stcColor",
  level: "inline",
  start(src) {
    const m = src.match(new RegExp(`:(?:${COLORS})(?:-background)?\\[`));
    return m ? m.index : undefined;
  },
  tokenizer(src) {
    const m = COLOR_RE.exec(src);
    if (!m) return undefined;
    return {
      type: "stcColor",
      raw: m[0],
      color: m[1] === "grey" ? "gray" : m[1],
      background: Boolean(m[2]),
      tokens: this.lexer.inlineTokens(m[3]),
    };
  },
  renderer(token) {
    const cls = token.background ? `stc-bg-${token.color}` : `stc-color-${token.color}`;
    return `<span class="${cls}">${this.parser.parseInline(token.tokens)}</span>`;
  },
};

const UNSAFE_SCHEME = /^\s*(javascript|vbscript|data):/i;

function makeMarked(allowHtml) {
  const md = new Marked({ gfm: true, breaks: false });
  md.use({
    extensions: [colorExtension],
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
