// Media elements (runtime_wasm/streamlit/elements/_media.py): image, audio, video, pdf,
// and st.logo (drawLogo: the root's `logo` prop, which render.mjs draws). Their bytes
// come through lib/media_store.mjs and props name them by id, so a rerun that shows
// the same image leaves the <img> untouched.

import { h } from "../dom.mjs";
import { inlineMarkdownToHtml } from "../markdown.mjs";
import { mediaUrl } from "./lib/media_store.mjs";

function sizeStyle(width) {
  if (typeof width === "number") return `width: ${width}px; max-width: 100%`;
  return width === "stretch" ? "width: 100%" : "max-width: 100%";
}

function player(tag) {
  return {
    create: () => h("div", { class: `stc-media stc-${tag}` }),
    update(el, p) {
      const attrs = { src: mediaUrl(p), controls: true, loop: Boolean(p.loop), autoplay: Boolean(p.autoplay), "aria-label": p.alt ?? null };
      if (tag === "video") attrs.muted = Boolean(p.muted);
      const media = h(tag, attrs);
      if (tag === "video") media.muted = Boolean(p.muted);
      const start = Number(p.start_time) || 0;
      if (start > 0) media.addEventListener("loadedmetadata", () => (media.currentTime = start), { once: true });
      if (p.end_time !== null && p.end_time !== undefined) {
        media.addEventListener("timeupdate", () => {
          if (media.currentTime >= Number(p.end_time)) {
            if (p.loop) media.currentTime = start;
            else media.pause();
          }
        });
      }
      el.replaceChildren(media);
    },
  };
}

export const MEDIA = {
  image: {
    create: () => h("div", { class: "stc-images" }),
    update(el, p) {
      el.replaceChildren(
        ...(p.images ?? []).map((item) => {
          const img = h("img", { src: mediaUrl(item), alt: item.alt ?? item.caption ?? "", style: sizeStyle(p.width) });
          const body = p.link ? h("a", { href: p.link, target: "_blank", rel: "noopener noreferrer" }, img) : img;
          const figure = h("figure", { class: "stc-image" }, body);
          if (item.caption) {
            const caption = h("figcaption", { class: "stc-caption" });
            caption.innerHTML = inlineMarkdownToHtml(item.caption);
            figure.append(caption);
          }
          return figure;
        }),
      );
    },
  },

  audio: player("audio"),
  video: player("video"),

  pdf: {
    create: () => h("div", { class: "stc-pdf" }),
    update(el, p) {
      const url = mediaUrl(p);
      const height = typeof p.height === "number" ? `${p.height}px` : "500px";
      const link = h("a", { href: url, download: "document.pdf" }, "Download the PDF");
      const frame = h("object", { data: url, type: "application/pdf", style: `width: 100%; height: ${height}`, "aria-label": p.alt ?? "PDF document" }, link);
      el.replaceChildren(frame);
    },
  },
};

/**
 * Draw st.logo (the root's `logo` prop: a page-level message in Streamlit, not an
 * element) as a child of `holder`, or remove it when `logo` is null. Its DOM is
 * rebuilt only when the logo changed.
 */
export function drawLogo(holder, logo) {
  let el = holder.querySelector(":scope > .stc-logo");
  const source = logo?.icon_image ?? logo?.image;
  if (!source) {
    el?.remove();
    return;
  }
  if (!el) {
    el = h("div", { class: "stc-logo" });
    holder.append(el);
  }
  const json = JSON.stringify(logo);
  if (el._logo === json) return;
  el._logo = json;
  const img = h("img", { src: mediaUrl(source), alt: "Logo", class: `stc-logo-${logo.size ?? "medium"}` });
  el.replaceChildren(logo.link ? h("a", { href: logo.link, target: "_blank", rel: "noopener noreferrer" }, img) : img);
}
