// Text elements (runtime_wasm/streamlit/elements/_text.py): title, header, subheader,
// markdown, caption, text, code, divider, latex and help. No children, no events: each
// spec builds a wrapper once (`create`) and refills it when its props change (`update`);
// the reconciler in render.mjs decides when. KaTeX (vendor/katex, MIT) is imported
// only when the first formula is drawn; ```mermaid fences in markdown are diagrams.

import { h, hHtml, helpIcon } from "../dom.mjs";
import { inlineMarkdownToHtml, markdownToHtml } from "../markdown.mjs";
import { hasAsset, missingAsset } from "../page_config.mjs";
import { drawMermaidBlocks } from "./diagrams.mjs";

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

// ---- KaTeX, loaded on first use ---------------------------------------------------

let katexPromise = null;

function loadKatex() {
  if (!katexPromise) {
    const css = new URL("../vendor/katex/katex.min.css", import.meta.url).href;
    if (!document.querySelector(`link[href="${css}"]`)) document.head.append(h("link", { rel: "stylesheet", href: css }));
    katexPromise = import("../vendor/katex/katex.mjs").then((m) => m.default);
  }
  return katexPromise;
}

export const TEXT = {
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

  latex: {
    create: () => h("div", { class: "stc-latex" }),
    update(el, p) {
      const body = String(p.body ?? "");
      const target = h("div", { class: "stc-latex-body" }, body);
      el.replaceChildren(target, helpIcon(p.help) ?? "");
      if (!hasAsset("katex")) {
        el.append(missingAsset("formula", "katex"));
        return;
      }
      const token = (el._latexToken = (el._latexToken ?? 0) + 1);
      loadKatex().then((katex) => {
        if (el._latexToken !== token) return;
        katex.render(body, target, { displayMode: true, throwOnError: false });
      });
    },
  },

  help: {
    create: () => h("div", { class: "stc-help-el" }),
    update(el, p) {
      const head = h("div", { class: "stc-help-head" }, h("code", {}, String(p.name ?? "")), " ", h("span", { class: "stc-help-type" }, String(p.type ?? "")));
      const parts = [head];
      if (p.value) parts.push(h("pre", { class: "stc-help-value" }, String(p.value)));
      if (p.doc) parts.push(h("pre", { class: "stc-help-doc" }, String(p.doc)));
      if (p.members?.length) {
        const rows = p.members.map((m) => h("tr", {}, h("td", {}, h("code", {}, m.name)), h("td", {}, m.type), h("td", {}, m.value)));
        parts.push(h("details", {}, h("summary", {}, `${p.members.length} members`), h("table", {}, h("tbody", {}, ...rows))));
      }
      el.replaceChildren(...parts);
    },
  },
};
