// Display elements (no children, no events): headings, markdown, code, tables,
// alerts, metrics, exceptions. Each spec builds a wrapper once (`create`) and
// refills it when its props change (`update`); the reconciler in render.mjs
// decides when.

import { drawMermaidBlocks } from "./diagrams.mjs";
import { h, hHtml, helpIcon } from "../dom.mjs";
import { escapeHtml, inlineMarkdownToHtml, markdownToHtml } from "../markdown.mjs";

const DIVIDER_COLORS = new Set(["blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow"]);

function slug(text) {
  return String(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

function heading(tag) {
  return {
    create: () => h("div"),
    update(el, p) {
      const hEl = hHtml(tag, {}, inlineMarkdownToHtml(p.body));
      if (p.anchor !== false) {
        const anchor = typeof p.anchor === "string" && p.anchor ? p.anchor : slug(hEl.textContent);
        if (anchor) hEl.id = anchor;
      }
      const help = helpIcon(p.help);
      if (help) hEl.append(" ", help);
      const parts = [hEl];
      if (p.divider) {
        const color = p.divider === true ? "blue" : String(p.divider);
        parts.push(h("hr", { class: `stc-heading-divider stc-divider-${DIVIDER_COLORS.has(color) ? color : "gray"}` }));
      }
      el.replaceChildren(...parts);
    },
  };
}

function markdownLike(cls) {
  return {
    create: () => h("div", { class: cls }),
    update(el, p) {
      el.innerHTML = markdownToHtml(p.body, Boolean(p.unsafe_allow_html));
      drawMermaidBlocks(el, p.width); // ```mermaid fences are diagrams (st.mermaid_chart)
      const help = helpIcon(p.help);
      if (help) el.append(help);
    },
  };
}

function alert(level) {
  return {
    create: () => h("div", { role: "alert", class: `stc-alert stc-alert-${level}` }),
    update(el, p) {
      const parts = [];
      if (p.icon && !String(p.icon).startsWith(":material/")) {
        parts.push(h("span", { class: "stc-alert-icon", "aria-hidden": "true" }, p.icon));
      }
      const body = hHtml("div", { class: "stc-alert-body stc-markdown" }, markdownToHtml(p.body));
      if (p.title) body.prepend(hHtml("div", { class: "stc-alert-title" }, inlineMarkdownToHtml(p.title)));
      parts.push(body);
      el.replaceChildren(...parts);
    },
  };
}

function tableEl(p, showIndex) {
  const index = showIndex ? p.index : null;
  const head = h("tr");
  if (index) head.append(h("th", { class: "stc-index" }));
  for (const col of p.columns ?? []) head.append(h("th", { scope: "col" }, String(col)));
  const body = h("tbody");
  (p.rows ?? []).forEach((row, i) => {
    const tr = h("tr");
    if (index) tr.append(h("th", { scope: "row", class: "stc-index" }, String(index[i] ?? "")));
    for (const cell of row) tr.append(h("td", {}, cell === null ? "" : String(cell)));
    body.append(tr);
  });
  return h("table", {}, h("thead", {}, head), body);
}

const DELTA_ARROWS = { up: "\u2191", down: "\u2193" };

export const ELEMENTS = {
  progress: {
    create: () => h("div", { class: "stc-progress-el" }),
    update(el, p) {
      const value = Math.max(0, Math.min(100, Number(p.value) || 0));
      const bar = h("div", {
        role: "progressbar",
        class: "stc-progress",
        "aria-valuemin": "0",
        "aria-valuemax": "100",
        "aria-valuenow": String(value),
        "aria-label": p.text ? String(p.text) : "Progress",
      });
      bar.append(h("div", { style: `width: ${value}%` }));
      const parts = p.text ? [hHtml("div", { class: "stc-markdown" }, inlineMarkdownToHtml(p.text)), bar] : [bar];
      el.replaceChildren(...parts);
    },
  },

  spinner: {
    create: () => h("div", { class: "stc-spinner-el", role: "status" }),
    update(el, p) {
      el.replaceChildren(h("div", { class: "stc-spinner" }), h("span", {}, String(p.text ?? "")));
    },
  },

  title: heading("h1"),
  header: heading("h2"),
  subheader: heading("h3"),
  markdown: markdownLike("stc-markdown"),
  caption: markdownLike("stc-markdown stc-caption"),

  text: {
    create: () => h("div"),
    update(el, p) {
      el.replaceChildren(h("pre", { class: "stc-text" }, String(p.body ?? "")), helpIcon(p.help) ?? "");
    },
  },

  code: {
    create: () => h("div", { class: "stc-code" }),
    update(el, p) {
      const code = h("code", { class: p.language ? `language-${p.language}` : null });
      const lines = String(p.body ?? "").replace(/\n$/, "").split("\n");
      if (p.line_numbers) {
        lines.forEach((line, i) => {
          code.append(h("span", { class: "stc-line-number", "aria-hidden": "true" }, String(i + 1)), `${line}\n`);
        });
      } else {
        code.textContent = lines.join("\n");
      }
      const pre = h("pre", { class: p.wrap_lines ? "stc-wrap" : null }, code);
      const copy = h("button", { type: "button", class: "stc-copy", title: "Copy to clipboard", "aria-label": "Copy to clipboard" }, "\u2398");
      copy.addEventListener("click", () => navigator.clipboard?.writeText(String(p.body ?? "")).catch(() => {}));
      el.replaceChildren(pre, copy);
    },
  },

  divider: {
    create: () => h("div", {}, h("hr")),
    update() {},
  },

  json: {
    create: () => h("div", { class: "stc-json" }),
    update(el, p) {
      const pre = h("pre", {}, String(p.body ?? ""));
      if (p.expanded === false) {
        el.replaceChildren(h("details", {}, h("summary", {}, "JSON"), pre));
      } else {
        el.replaceChildren(pre);
      }
    },
  },

  metric: {
    create: () => h("div", { class: "stc-metric" }),
    update(el, p) {
      el.classList.toggle("stc-border", Boolean(p.border));
      const label = h("div", { class: `stc-metric-label stc-label-${p.label_visibility ?? "visible"}` });
      label.innerHTML = inlineMarkdownToHtml(p.label);
      const help = helpIcon(p.help);
      if (help) label.append(" ", help);
      const parts = [label, h("div", { class: "stc-metric-value" }, String(p.value ?? ""))];
      if (p.delta !== null && p.delta !== undefined && String(p.delta) !== "") {
        const delta = String(p.delta);
        const dir = delta.trim().startsWith("-") ? "down" : "up";
        let tone = dir === "up" ? "good" : "bad";
        if (p.delta_color === "inverse") tone = tone === "good" ? "bad" : "good";
        if (p.delta_color === "off") tone = "off";
        parts.push(
          h(
            "div",
            { class: `stc-metric-delta stc-delta-${tone}`, "data-direction": dir },
            h("span", { "aria-hidden": "true" }, DELTA_ARROWS[dir]),
            ` ${delta}`,
          ),
        );
      }
      el.replaceChildren(...parts);
    },
  },

  table: {
    create: () => h("div", { class: "stc-table" }),
    update(el, p) {
      el.replaceChildren(tableEl(p, true));
    },
  },

  success: alert("success"),
  info: alert("info"),
  warning: alert("warning"),
  error: alert("error"),

  exception: {
    create: () => h("div", { class: "stc-exception", role: "alert" }),
    update(el, p) {
      const title = p.message ? `${p.type}: ${p.message}` : String(p.type ?? "Exception");
      el.replaceChildren(
        h("div", { class: "stc-exception-title" }, title),
        h("pre", { class: "stc-traceback" }, (p.traceback ?? []).join("\n")),
      );
    },
  },
};

/** What the page shows for a kind it does not know (a newer runtime, say). */
export const UNKNOWN = {
  create: () => h("div", { class: "stc-unknown" }),
  update(el, _p, _prev, _ctx, node) {
    el.innerHTML = `Unsupported element <code>${escapeHtml(node.kind)}</code>`;
  },
};
