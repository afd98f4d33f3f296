// Text extras and one-shot effects: html, latex, help, iframe, space, toast,
// balloons, snow, and the two invisible widgets behind st.dialog (dismiss) and
// st.fragment(run_every=...) (a timer that reruns the app while it is on the page).
// KaTeX (vendor/katex, MIT) is imported only when the first formula is drawn.

import { h, helpIcon } from "../dom.mjs";
import { hasAsset, missingAsset } from "../page_config.mjs";
import { inlineMarkdownToHtml } from "../markdown.mjs";

// ---- st.html: sanitised like Streamlit does (no scripts, no handlers) --------------

const URL_ATTRS = /^(href|src|action|formaction|xlink:href)$/i;

function sanitized(html) {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  for (const bad of tpl.content.querySelectorAll("script")) bad.remove();
  for (const node of tpl.content.querySelectorAll("*")) {
    for (const attr of Array.from(node.attributes)) {
      if (/^on/i.test(attr.name) || (URL_ATTRS.test(attr.name) && /^\s*javascript:/i.test(attr.value))) node.removeAttribute(attr.name);
    }
  }
  return tpl.content;
}

function withScripts(html) {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  // Scripts parsed through innerHTML never run; recreated ones do.
  for (const old of tpl.content.querySelectorAll("script")) {
    const script = document.createElement("script");
    for (const attr of Array.from(old.attributes)) script.setAttribute(attr.name, attr.value);
    script.textContent = old.textContent;
    old.replaceWith(script);
  }
  return tpl.content;
}

// ---- KaTeX, loaded on first use ------------------------------------------------------

let katexPromise = null;

function loadKatex() {
  if (!katexPromise) {
    const css = new URL("../vendor/katex/katex.min.css", import.meta.url).href;
    if (!document.querySelector(`link[href="${css}"]`)) document.head.append(h("link", { rel: "stylesheet", href: css }));
    katexPromise = import("../vendor/katex/katex.mjs").then((m) => m.default);
  }
  return katexPromise;
}

// ---- effects -------------------------------------------------------------------------

function toastHost() {
  let host = document.querySelector(".stc-toasts");
  if (!host) {
    host = h("div", { class: "stc-toasts", "aria-live": "polite" });
    document.body.append(host);
  }
  return host;
}

function showToast(p) {
  const close = h("button", { type: "button", class: "stc-toast-close", "aria-label": "Close" }, "\u00d7");
  const body = h("div", { class: "stc-toast-body stc-markdown" });
  body.innerHTML = inlineMarkdownToHtml(p.body ?? "");
  const icon = p.icon && !String(p.icon).startsWith(":material/") ? h("span", { class: "stc-toast-icon", "aria-hidden": "true" }, p.icon) : null;
  const toast = h("div", { class: "stc-toast", role: "status" }, icon, body, close);
  close.addEventListener("click", () => toast.remove());
  toastHost().append(toast);
  const seconds = Number(p.duration ?? 4);
  if (seconds > 0) setTimeout(() => toast.remove(), seconds * 1000);
}

const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

/** A light overlay of rising balloons or falling flakes that removes itself. */
function showParticles(kind) {
  if (reducedMotion()) return;
  const glyphs = kind === "balloons" ? ["\ud83c\udf88"] : ["\u2744", "\u2745", "\u2746"];
  const layer = h("div", { class: `stc-particles stc-${kind}`, "aria-hidden": "true" });
  for (let i = 0; i < 30; i += 1) {
    const span = h("span", {}, glyphs[i % glyphs.length]);
    span.style.left = `${Math.random() * 100}%`;
    span.style.animationDelay = `${Math.random() * 1.2}s`;
    span.style.fontSize = `${1.2 + Math.random() * 1.6}rem`;
    layer.append(span);
  }
  document.body.append(layer);
  setTimeout(() => layer.remove(), 4500);
}

const hidden = () => h("span", { class: "stc-hidden", hidden: true });

const SPACE_REM = { xxsmall: 0.25, xsmall: 0.5, small: 0.75, medium: 2.5, large: 4.25, xlarge: 6, xxlarge: 8 };

function frameSize(value, fallback) {
  if (typeof value === "number") return `${value}px`;
  if (value === "stretch") return "100%";
  return fallback;
}

export const EXTRAS = {
  html: {
    create: () => h("div", { class: "stc-html" }),
    update(el, p) {
      el.hidden = Boolean(p.style_only);
      el.replaceChildren(p.unsafe_allow_javascript ? withScripts(p.body ?? "") : sanitized(p.body ?? ""));
    },
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

  iframe: {
    create: () => h("div", { class: "stc-iframe" }),
    update(el, p) {
      const attrs = {
        title: p.alt ?? "Embedded content",
        style: `width: ${frameSize(p.width, "100%")}; height: ${frameSize(p.height, "150px")}; border: 0`,
        scrolling: p.scrolling === false ? "no" : null,
        tabindex: p.tab_index ?? null,
      };
      let frame;
      if (p.srcdoc !== undefined) {
        // Scripts run, but in an opaque origin: they cannot reach the app's page.
        frame = h("iframe", { ...attrs, sandbox: "allow-scripts allow-forms allow-popups allow-downloads", srcdoc: p.srcdoc });
      } else {
        frame = h("iframe", { ...attrs, src: p.src });
      }
      el.replaceChildren(frame);
    },
  },

  space: {
    create: () => h("div", { class: "stc-space", "aria-hidden": "true" }),
    update(el, p) {
      const size = p.size;
      el.style.height = typeof size === "number" ? `${size}px` : size === "stretch" ? "" : `${SPACE_REM[size] ?? 0.75}rem`;
      el.style.flex = size === "stretch" ? "1 1 0" : "";
    },
  },

  toast: {
    create: hidden,
    update(_el, p) {
      showToast(p);
    },
  },

  balloons: {
    create: hidden,
    update() {
      showParticles("balloons");
    },
  },

  snow: {
    create: hidden,
    update() {
      showParticles("snow");
    },
  },

  dialog_dismiss: { create: hidden, update() {} },

  fragment_timer: {
    create: hidden,
    update(el, p, _prev, ctx) {
      clearInterval(el._timer);
      const ms = Math.max(Number(p.interval) || 1, 0.1) * 1000;
      el._timer = setInterval(() => {
        if (!el.isConnected) clearInterval(el._timer);
        else if (window.stc?.status === "idle") ctx.send([{ id: el._stc.id, value: true }]);
      }, ms);
    },
  },
};
