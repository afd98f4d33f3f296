// Media elements: image, audio, video, pdf. Their bytes arrive once per content in a
// `media` message (see runtime_wasm/_media_store.py); `addMedia` turns them into an
// object URL kept for the page's lifetime, and props name it by id, so a rerun that
// shows the same image sends no bytes and leaves the <img> untouched.

import { h } from "../dom.mjs";
import { base64ToBytes } from "./lib/files.mjs";
import { inlineMarkdownToHtml } from "../markdown.mjs";

/** @type {Map<string, string>} media id -> object URL */
const urls = new Map();

/** Register the bytes (base64) of media `id`; later elements refer to it by id. */
export function addMedia(id, mime, base64) {
  if (urls.has(id)) return;
  urls.set(id, URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime })));
}

/** The URL a source ({url} or {media}) plays from; "" when its bytes are missing. */
export function mediaUrl(source) {
  if (source.url) return String(source.url);
  return urls.get(source.media) ?? "";
}

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
