// HTML elements (runtime_wasm/streamlit/elements/_html.py): st.html, sanitised as
// Streamlit does unless the app allows its scripts, and st.iframe (a URL, or HTML in
// a sandboxed srcdoc frame whose scripts cannot reach the app's page).

import { h } from "../dom.mjs";

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

function frameSize(value, fallback) {
  if (typeof value === "number") return `${value}px`;
  if (value === "stretch") return "100%";
  return fallback;
}

export const HTML = {
  html: {
    create: () => h("div", { class: "stc-html" }),
    update(el, p) {
      el.hidden = Boolean(p.style_only);
      el.replaceChildren(p.unsafe_allow_javascript ? withScripts(p.body ?? "") : sanitized(p.body ?? ""));
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
};
