// The run bar: "Running…" and Stop while a run is in progress, as Streamlit's toolbar
// has, plus what the page has to say about a long run or a stopped one.
//
// Stop asks the worker to end the run (page.mjs); a run that does not yield cannot read
// that, so the page then terminates the worker and starts a new one, and the bar says
// that the session's state went with it. Contract (README, "The page contract"): the
// bar is #stc-run, its state is data-stc-run (running | slow | stopping | restarting |
// restarted), its text is a role="status" element and its button is named "Stop".

import { h } from "./dom.mjs";

/** A quick rerun shows no bar: it would only flicker. */
const SHOW_AFTER_MS = 500;
/** From then on the bar says how long the run has gone on without finishing. */
export const SLOW_AFTER_MS = 5000;

/**
 * Create the bar (outside #stc-root, which every render owns) and return its controls:
 * `started()` when a run begins, `stopping()` once Stop was pressed, `ended()` when it
 * finishes or fails, `notice(state, text)` for a message that outlives runs,
 * `clearNotice()` when the visitor acts again.
 */
export function createRunControl(onStop) {
  let startedAt = null; // performance.now() when the current run began
  let timer = null;
  let notice = null; // {state, text}, shown when no run is
  let stopping = false; // Stop was pressed during this run

  const text = h("span", { class: "stc-run-text", role: "status" });
  const stop = h("button", { type: "button", class: "stc-run-stop" }, "Stop");
  const bar = h("div", { id: "stc-run", class: "stc-run", hidden: true }, text, stop);
  document.body.append(bar);
  stop.addEventListener("click", () => {
    if (startedAt !== null) onStop();
  });

  const draw = () => {
    const elapsed = startedAt === null ? 0 : performance.now() - startedAt;
    if (startedAt !== null && stopping) {
      bar.dataset.stcRun = "stopping";
      text.textContent = "Stopping\u2026";
      stop.hidden = true;
      bar.hidden = false;
    } else if (startedAt !== null && elapsed >= SHOW_AFTER_MS) {
      const slow = elapsed >= SLOW_AFTER_MS;
      bar.dataset.stcRun = slow ? "slow" : "running";
      text.textContent = slow
        ? `This app has been running for ${Math.floor(elapsed / 1000)} s without finishing\u2026`
        : "Running\u2026";
      stop.hidden = false;
      bar.hidden = false;
    } else if (notice) {
      bar.dataset.stcRun = notice.state;
      text.textContent = notice.text;
      stop.hidden = true;
      bar.hidden = false;
    } else {
      delete bar.dataset.stcRun;
      bar.hidden = true;
    }
  };

  return {
    started() {
      if (startedAt !== null) return;
      startedAt = performance.now();
      clearInterval(timer);
      // The bar appears after SHOW_AFTER_MS, turns slow, then counts seconds.
      timer = setInterval(draw, 250);
      draw();
    },
    stopping() {
      stopping = true;
      draw();
    },
    ended() {
      startedAt = null;
      stopping = false;
      clearInterval(timer);
      timer = null;
      draw();
    },
    notice(state, message) {
      notice = { state, text: message };
      draw();
    },
    clearNotice() {
      notice = null;
      draw();
    },
  };
}
