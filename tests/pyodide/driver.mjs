// Runs a built stc site's runtime inside real Pyodide under Node, with no browser.
//
// Usage: node driver.mjs SITE_DIR
// Boots exactly what the worker boots (the site's vendored Pyodide core, its
// runtime.zip and app.zip, then runtime_wasm._bridge.boot), prints every message the
// runtime sends as one JSON line on stdout, then reads page messages (JSON, one per
// line) from stdin and hands each to bridge.handle(), as worker.mjs does, with the
// site's busy clock (stc/busy_signal.mjs) running around each call, as there too.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

const site = resolve(process.argv[2]);
const config = JSON.parse(
  readFileSync(join(site, "index.html"), "utf8").match(
    /<script type="application\/json" id="stc-config">([\s\S]*?)<\/script>/,
  )[1],
);
const send = (message) => process.stdout.write(message + "\n");
// unpackArchive wants a plain Uint8Array, not a Node Buffer.
const bytes = (path) => new Uint8Array(readFileSync(path));

try {
  const indexURL = join(site, config.pyodide) + "/";
  const { loadPyodide } = await import(join(indexURL, "pyodide.mjs"));
  const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL });
  pyodide.unpackArchive(bytes(join(site, config.runtime)), "zip", {
    extractDir: "/stc/runtime",
  });
  pyodide.unpackArchive(bytes(join(site, config.app)), "zip", {
    extractDir: "/home/pyodide/app",
  });
  pyodide.pyimport("sys").path.insert(0, "/stc/runtime");
  const bridge = pyodide.pyimport("runtime_wasm._bridge");
  const { installBusySignal } = await import(join(site, "stc", "busy_signal.mjs"));
  const busy = installBusySignal(pyodide);
  if (busy === null) throw new Error("the busy clock does not fit this Pyodide");
  const inRun = async (call) => {
    busy.start();
    try {
      return await call();
    } finally {
      busy.stop();
    }
  };
  await inRun(() => bridge.boot(JSON.stringify({ ...config, url: "http://127.0.0.1/" }), send));
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim()) await inRun(() => bridge.handle(line));
  }
} catch (error) {
  send(JSON.stringify({ type: "fatal", message: String(error.message || error), detail: String(error.stack || "") }));
  process.exitCode = 1;
}
