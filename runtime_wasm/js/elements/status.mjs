// Status elements (runtime_wasm/streamlit/elements/_status.py): the alerts success,
// info, warning and error, exception, progress, spinner, the one-shot effects toast,
// balloons and snow (drawn outside the app, once per message), and the st.status
// block and the event block where st.toast and st.dialog go (STATUS_BLOCKS): the first an
// expander whose icon follows the run's state.

import { h, hHtml, hidden, setHtml } from "../dom.mjs";
import { inlineMarkdownToHtml, markdownToHtml } from "../markdown.mjs";

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

// ---- effects: toast, balloons, snow -----------------------------------------------

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

const STATE_ICON = { running: "", complete: "\u2713", error: "\u2715" };

export const STATUS = {
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
};

export const STATUS_BLOCKS = {
  // Streamlit's event container beside main and sidebar, where st.toast and st.dialog
  // go. It takes no room (stc.css): a toast draws itself in the page's toast stack, a
  // dialog is modal.
  event: {
    create: () => h("div", { class: "stc-event" }),
    update() {},
    host: (el) => el,
  },

  status: {
    create: (p) => {
      const icon = h("span", { class: "stc-status-icon", role: "img" });
      const summary = h("summary", { class: "stc-expander-label" }, icon, h("span", { class: "stc-status-label" }));
      const el = h("details", { class: "stc-expander stc-status" }, summary, h("div", { class: "stc-block stc-expander-body" }));
      el.open = Boolean(p.expanded);
      return el;
    },
    update(el, p, prev) {
      const state = p.state ?? "running";
      el.dataset.state = state;
      const icon = el.querySelector(".stc-status-icon");
      icon.setAttribute("aria-label", state);
      icon.className = `stc-status-icon stc-status-${state}`;
      icon.textContent = STATE_ICON[state] ?? "";
      setHtml(el.querySelector(".stc-status-label"), inlineMarkdownToHtml(p.label ?? ""));
      if (prev && prev.expanded !== p.expanded) el.open = Boolean(p.expanded);
    },
    host: (el) => el.lastElementChild,
  },
};
