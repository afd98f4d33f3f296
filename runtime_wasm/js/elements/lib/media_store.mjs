// The page's half of runtime_wasm/_media_store.py: the bytes of images, audio, video,
// PDFs and downloads arrive once per content in a `media` message (page.mjs calls
// addMedia), become an object URL kept for the page's lifetime, and props name them
// by id, so a rerun that shows the same image sends no bytes.

import { base64ToBytes } from "./files.mjs";

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
