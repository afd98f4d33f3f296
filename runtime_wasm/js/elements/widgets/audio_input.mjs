// st.audio_input (runtime_wasm/streamlit/elements/widgets/_audio_input.py): records
// with MediaRecorder, decodes the recording and re-encodes it as 16-bit PCM WAV at the
// widget's sample_rate (what Streamlit returns), then sends one file entry like
// camera_input's photo. A denied permission is a message, not an error.

import { h } from "../../dom.mjs";
import { bytesToBase64 } from "../lib/files.mjs";
import { makeLabel } from "../lib/labels.mjs";
import { captureButtons, captureEntry, captureWidget, openStream, stopStream } from "../lib/media_capture.mjs";

function wavBase64(buffer) {
  const samples = buffer.getChannelData(0);
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset, s) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, buffer.sampleRate, true);
  view.setUint32(28, buffer.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, Math.max(-1, Math.min(1, s)) * 0x7fff, true));
  return { data: bytesToBase64(bytes), size: bytes.length };
}

async function toWav(blob, sampleRate) {
  const context = new AudioContext();
  const decoded = await context.decodeAudioData(await blob.arrayBuffer()).finally(() => context.close());
  const rate = sampleRate || decoded.sampleRate;
  const offline = new OfflineAudioContext(1, Math.max(1, Math.ceil(decoded.duration * rate)), rate);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  return wavBase64(await offline.startRendering());
}

function setRecording(w, on) {
  w.action.textContent = on ? "Stop recording" : "Record";
  w.action.setAttribute("aria-pressed", String(on));
}

const audioInput = captureWidget({
  create(ctx) {
    const w = {};
    makeLabel(w);
    const buttons = captureButtons(w, "Record", "Clear recording", { "aria-pressed": "false" });
    w.player = h("audio", { class: "stc-audio-preview", controls: true, hidden: true });
    w.status = h("div", { class: "stc-audio-status", role: "status" });
    const el = h("div", { class: "stc-audio-input", role: "group" }, w.labelRow, buttons, w.player, w.status);
    el.setAttribute("aria-labelledby", w.labelEl.id);
    el._w = w;
    w.action.addEventListener("click", async () => {
      if (w.recorder) {
        w.recorder.stop();
        return;
      }
      const stream = await openStream("microphone", w.status);
      if (!stream) return;
      const chunks = [];
      w.recorder = new MediaRecorder(stream);
      w.recorder.addEventListener("dataavailable", (e) => chunks.push(e.data));
      w.recorder.addEventListener("stop", async () => {
        stopStream(stream);
        const type = w.recorder.mimeType;
        w.recorder = null;
        setRecording(w, false);
        w.status.textContent = "Processing\u2026";
        try {
          const blob = new Blob(chunks, { type });
          const { data, size } = await toWav(blob, el._stc.props.sample_rate);
          if (w.player.src) URL.revokeObjectURL(w.player.src);
          w.player.src = URL.createObjectURL(blob);
          w.status.textContent = "";
          ctx.emit(el, captureEntry("audio-", "audio.wav", "audio/wav", data, size));
        } catch (err) {
          w.status.textContent = `Could not read the recording: ${err?.message ?? err}.`;
        }
      });
      w.recorder.start();
      setRecording(w, true);
      w.status.textContent = "Recording\u2026";
    });
    return el;
  },
  show(el, p, has) {
    el._w.player.hidden = !has;
  },
});

export const AUDIO_INPUT = {
  audio_input: audioInput,
};
