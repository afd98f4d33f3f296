// st.camera_input (runtime_wasm/streamlit/elements/widgets/_camera_input.py): Take
// Photo turns the camera on, a second press captures a JPEG and turns it off; the
// photo is sent as one file entry (name image.jpg), like file_uploader's.

import { h } from "../../dom.mjs";
import { formatSize } from "../lib/files.mjs";
import { makeLabel } from "../lib/labels.mjs";
import { captureButtons, captureEntry, captureWidget, openStream, stopStream } from "../lib/media_capture.mjs";

const cameraInput = captureWidget({
  create(ctx) {
    const w = { stream: null };
    w.video = h("video", { class: "stc-camera-video", autoplay: true, playsinline: true, muted: true, hidden: true });
    w.preview = h("img", { class: "stc-camera-preview", alt: "Captured photo", hidden: true });
    const buttons = captureButtons(w, "Take Photo", "Clear photo");
    w.status = h("div", { class: "stc-camera-status", role: "status" });
    const el = h("div", { class: "stc-camera-input" }, makeLabel(w, null), w.video, w.preview, buttons, w.status);
    el._w = w;
    w.action.addEventListener("click", async () => {
      const { video } = w;
      if (!w.stream) {
        w.stream = await openStream("camera", w.status);
        if (!w.stream) return;
        video.srcObject = w.stream;
        video.hidden = false;
        w.status.textContent = "Camera on: press Take Photo again to capture.";
        return;
      }
      const canvas = h("canvas", { width: video.videoWidth || 640, height: video.videoHeight || 480 });
      canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
      const data = canvas.toDataURL("image/jpeg").split(",", 2)[1];
      stopStream(w.stream);
      w.stream = null;
      video.hidden = true;
      w.status.textContent = "";
      ctx.emit(el, captureEntry("camera-", "image.jpg", "image/jpeg", data, Math.floor((data.length * 3) / 4)));
    });
    return el;
  },
  show(el, p, has) {
    el._w.status.textContent = has && !el._w.stream ? `Photo taken (${formatSize(p.value[0].size)}).` : el._w.status.textContent;
  },
});

export const CAMERA_INPUT = {
  camera_input: cameraInput,
};
