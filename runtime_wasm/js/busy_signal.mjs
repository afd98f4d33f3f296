// The worker's clock inside a run that never yields (Python side: runtime_wasm/_busy.py).
//
// A script stuck in `while True: pass` never returns to the event loop, so no timer
// and no message handler of this worker runs. One piece of JavaScript still does:
// CPython on Emscripten reads `Module.Py_EmscriptenSignalBuffer[0]` every 50
// eval-breaker checks once `pyodide.setInterruptBuffer` set one
// (`_Py_CheckEmscriptenSignals_Helper` in pyodide.asm.mjs, Pyodide 314), and raises
// the number it finds as a signal. While a run is in progress, every BUSY_INTERVAL_MS
// we leave BUSY_SIGNAL there; the runtime's handler posts the partial page.
//
// Why an accessor on `Module.Py_EmscriptenSignalBuffer` (Pyodide's private `_module`)
// and not an object with a getter at index 0: V8 reads an indexed accessor through
// its slow path, which cost 15-20% on a tight Python loop here; a named accessor
// returning a plain Int32Array costs about 4%, the clock check every CHECK_EVERY
// polls a few percent more (measured in Node, Pyodide 314, `while i < n: i += 1`).
//
// No SharedArrayBuffer needed (GitHub Pages cannot send COOP/COEP headers): the cell
// is written by this worker's own code, from inside the poll.

import { BUSY_SIGNAL } from "./protocol.mjs";

/** How often a run that does not yield gets the chance to post its partial page. */
export const BUSY_INTERVAL_MS = 250;
/** Polls between two readings of the clock: about 0.1 ms of the tightest loop. */
const CHECK_EVERY = 64;

/**
 * Install the busy clock on `pyodide`. Returns `{start, stop}` (call `start()` when a
 * run begins, `stop()` when it ends), or null when this Pyodide's internals are not
 * the ones this was written for: runs then show their page only when they yield.
 */
export function installBusySignal(pyodide, intervalMs = BUSY_INTERVAL_MS) {
  const module = pyodide._module;
  const descriptor = module && Object.getOwnPropertyDescriptor(module, "Py_EmscriptenSignalBuffer");
  if (!module || typeof pyodide.setInterruptBuffer !== "function" || (descriptor && !descriptor.configurable)) {
    return null;
  }
  const cell = new Int32Array(1);
  let buffer = descriptor?.value;
  let running = false;
  let countdown = CHECK_EVERY;
  let due = 0;
  Object.defineProperty(module, "Py_EmscriptenSignalBuffer", {
    configurable: true,
    get() {
      if (running && --countdown <= 0) {
        countdown = CHECK_EVERY;
        const now = performance.now();
        if (now >= due) {
          due = now + intervalMs;
          if (buffer && buffer[0] === 0) buffer[0] = BUSY_SIGNAL;
        }
      }
      return buffer;
    },
    set(value) {
      buffer = value;
    },
  });
  pyodide.setInterruptBuffer(cell);
  return {
    start() {
      running = true;
      countdown = CHECK_EVERY;
      due = performance.now() + intervalMs;
    },
    stop() {
      running = false;
      if (buffer && buffer[0] === BUSY_SIGNAL) buffer[0] = 0;
    },
  };
}
