// Runs a built stc site's runtime inside real Pyodide under Node, with no browser.
//
// Usage: node driver.mjs SITE_DIR
// Boots exactly what the worker boots (the site's vendored Pyodide core with the site's
// stdlib.zip, its runtime.zip and app.zip, then runtime_wasm._bridge.boot), prints every message the
// runtime sends as one JSON line on stdout, then reads page messages (JSON, one per
// line) from stdin and hands each to bridge.handle(), as worker.mjs does, with the
// site's busy clock (stc/busy_signal.mjs) running around each call, as there too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { gunzipSync } from "node:zlib";

const site = resolve(process.argv[2]);
const config = JSON.parse(
  readFileSync(join(site, "index.html"), "utf8").match(
    /<script type="application\/json" id="stc-config">([\s\S]*?)<\/script>/,
  )[1],
);
const send = (message) => process.stdout.write(message + "\n");
// unpackArchive wants a plain Uint8Array, not a Node Buffer. The runtime and the
// stdlib are solid zips (.zip.gz), inflated here as the worker does.
const bytes = (path) => new Uint8Array(path.endsWith(".gz") ? gunzipSync(readFileSync(path)) : readFileSync(path));

try {
  const indexURL = join(site, config.pyodide) + "/";
  const { loadPyodide } = await import(join(indexURL, "pyodide.mjs"));
  const options = { indexURL, packageBaseUrl: indexURL };
  if (config.stdlib) {
    // Pyodide reads stdLibURL from the disk under Node: give it the inflated zip.
    const dir = mkdtempSync(join(tmpdir(), "stc-driver-"));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
    const stdlib = join(dir, "stdlib.zip");
    writeFileSync(stdlib, bytes(join(site, config.stdlib)));
    options.stdLibURL = stdlib;
  }
  const pyodide = await loadPyodide(options);
  const { RUNTIME_ZIP } = await import(join(site, "stc", "protocol.mjs"));
  pyodide.FS.mkdirTree(RUNTIME_ZIP.slice(0, RUNTIME_ZIP.lastIndexOf("/")));
  pyodide.FS.writeFile(RUNTIME_ZIP, bytes(join(site, config.runtime)));
  pyodide.unpackArchive(bytes(join(site, config.app)), "zip", {
    extractDir: "/home/pyodide/app",
  });
  pyodide.pyimport("sys").path.insert(0, RUNTIME_ZIP);
  if (config.stdlib) {
    // As the worker: modules the site's stdlib.zip left out come from Pyodide's full zip.
    const full = (path) => {
      try {
        return bytes(path);
      } catch {
        return null;
      }
    };
    pyodide.pyimport("runtime_wasm._stdlib_fallback").install(join(indexURL, "python_stdlib.zip"), full);
  }
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
