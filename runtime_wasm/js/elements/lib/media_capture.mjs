// What camera_input and audio_input share: asking for the device (a denied permission
// or a browser without it is a message in the widget, not an error), stopping it, the
// file entry a capture is sent as, and the Record/Take + Clear buttons whose Clear
// shows only while Python holds a capture.

import { h } from "../../dom.mjs";
import { fileId } from "./files.mjs";
import { updateLabel } from "./labels.mjs";

const DEVICES = {
  camera: { name: "Camera", constraints: { video: true }, usable: () => Boolean(navigator.mediaDevices?.getUserMedia) },
  microphone: {
    name: "Microphone",
    constraints: { audio: true },
    usable: () => Boolean(navigator.mediaDevices?.getUserMedia) && typeof MediaRecorder !== "undefined",
  },
};

/** A stream of `device` ("camera" or "microphone"), or null with the reason in `status`. */
export async function openStream(device, status) {
  const { name, constraints, usable } = DEVICES[device];
  if (!usable()) {
    status.textContent = `This browser does not allow ${device} access here.`;
    return null;
  }
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (err) {
    status.textContent = `${name} not available: ${err?.name === "NotAllowedError" ? "permission denied" : (err?.message ?? err)}.`;
    return null;
  }
}

/** Turn the device off (its light goes out). */
export function stopStream(stream) {
  for (const t of stream.getTracks()) t.stop();
}

/** The one-file value a capture is sent as (`data` base64, `size` in bytes). */
export function captureEntry(prefix, name, type, data, size) {
  return [{ file_id: fileId(prefix), name, type, size, data }];
}

/** The button row of a capture widget whose state is `w`: w.action (its text `action`,
 * wired by the widget) and w.clear, which empties the value. */
export function captureButtons(w, action, clear, attrs = {}) {
  w.action = h("button", { type: "button", class: "stc-button", ...attrs }, action);
  w.clear = h("button", { type: "button", class: "stc-button", hidden: true }, clear);
  return h("div", { class: "stc-button-row" }, w.action, w.clear);
}

/** The spec of a capture widget: `create(ctx)` builds it (with captureButtons) and
 * wires its action; `show(el, p, has)` shows whether Python holds a capture. */
export function captureWidget({ create, show }) {
  return {
    create(_p, ctx) {
      const el = create(ctx);
      el._w.clear.addEventListener("click", () => ctx.emit(el, []));
      return el;
    },
    update(el, p) {
      updateLabel(el._w, p);
      el._w.action.disabled = Boolean(p.disabled);
    },
    sync(el, p) {
      const has = Array.isArray(p.value) && p.value.length > 0;
      el._w.clear.hidden = !has;
      show(el, p, has);
    },
  };
}
