// What the busy clock (runtime_wasm/js/busy_signal.mjs) costs a Python loop.
//
// Usage: node bench/busy_signal.mjs PYODIDE_DIR [ROUNDS]
//   PYODIDE_DIR: a Pyodide 314 core, e.g. ~/.cache/stc/pyodide/314.0.7 or site/pyodide
//
// Worst case first: a loop that does nothing but count, where the signal poll every
// 50 eval-breaker checks is the largest share of the work; then a loop of function
// calls. Each round times the loop as stc ran it before (no interrupt buffer: CPython
// polls nothing), with the busy clock running, and as before again, and reports the
// median of with / mean(before) over the rounds, so the noise of a shared machine hits
// both sides alike. Times are CPU times (process.cpuUsage).
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [dir, roundsArg] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node bench/busy_signal.mjs PYODIDE_DIR [ROUNDS]");
  process.exit(2);
}
const rounds = Number(roundsArg ?? 31);
const indexURL = resolve(dir) + "/";
const { loadPyodide } = await import(join(indexURL, "pyodide.mjs"));
const here = fileURLToPath(new URL(".", import.meta.url));
const { installBusySignal } = await import(join(here, "..", "runtime_wasm", "js", "busy_signal.mjs"));

const pyodide = await loadPyodide({ indexURL });
pyodide.runPython(`
import signal, time
flushes = 0
def on_busy(signum, frame):
    global flushes
    flushes += 1
signal.signal(${10}, on_busy)
def count(n):
    i = 0
    while i < n:
        i += 1
def calls(n):
    def f(x):
        return x
    for i in range(n):
        f(i)
`);

/** CPU time of fn(n) in seconds: less disturbed by other processes than wall time. */
function timed(fn, n) {
  const start = process.cpuUsage();
  fn(n);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
const busy = installBusySignal(pyodide);
if (busy === null) throw new Error("the busy clock does not fit this Pyodide");
const cell = pyodide._module.Py_EmscriptenSignalBuffer;

function ratio(fn, n) {
  const ratios = [];
  let without = 0;
  for (let r = 0; r < rounds; r += 1) {
    pyodide.setInterruptBuffer(undefined); // polling off, as before the busy clock
    const a = timed(fn, n);
    pyodide.setInterruptBuffer(cell);
    busy.start();
    const b = timed(fn, n);
    busy.stop();
    pyodide.setInterruptBuffer(undefined);
    const c = timed(fn, n);
    ratios.push(b / ((a + c) / 2));
    without += a + c;
  }
  ratios.sort((x, y) => x - y);
  const q = (p) => ratios[Math.floor(p * (ratios.length - 1))];
  return { median: q(0.5), q1: q(0.25), q3: q(0.75), ms: (without / (2 * rounds)) * 1000 };
}

for (const [name, n] of [["count", 2_000_000], ["calls", 800_000]]) {
  const { median, q1, q3, ms } = ratio(pyodide.globals.get(name), n);
  const pct = (x) => `${((x - 1) * 100).toFixed(1)}%`;
  console.log(`${name}: ${ms.toFixed(0)} ms a loop; with the busy clock ${pct(median)} (quartiles ${pct(q1)} to ${pct(q3)})`);
}
console.log(`signals handled: ${pyodide.globals.get("flushes")}`);
