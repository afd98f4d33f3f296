// Compiles Python to bytecode with Pyodide's own Python (see compiler/resolve/pyc/_precompile.py).
//
// Usage: node _node.mjs PYODIDE_DIR SOURCE_DIR STDLIB_OUT
// Every .py under SOURCE_DIR is copied into Pyodide's in-memory file system and
// compiled into its __pycache__, written back beside its source under SOURCE_DIR; the
// standard-library modules that importing the runtime pulls in are written as
// sourceless .pyc files under STDLIB_OUT. The Python side is compiler/resolve/pyc/_inside.py.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const [pyodideDir, sourceDir, stdlibOut] = process.argv.slice(2);
const { loadPyodide } = await import(join(pyodideDir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", packageBaseUrl: pyodideDir + "/" });
const ROOT = "/stc-compile/src";
const TOOLS = "/stc-compile/tools";
const OUT = "/stc-compile/stdlib";
const RUNTIME_IMPORTS = ["runtime_wasm._bridge", "runtime_wasm.streamlit"];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith(".py")) yield path;
  }
}

function* walkMemfs(dir) {
  for (const name of pyodide.FS.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const path = `${dir}/${name}`;
    if (pyodide.FS.isDir(pyodide.FS.stat(path).mode)) yield* walkMemfs(path);
    else if (name.endsWith(".pyc")) yield path;
  }
}

function copyOut(memfsDir, hostDir) {
  for (const path of walkMemfs(memfsDir)) {
    const out = join(hostDir, relative(memfsDir, path));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, pyodide.FS.readFile(path));
  }
}

for (const path of walk(sourceDir)) {
  const target = join(ROOT, relative(sourceDir, path));
  pyodide.FS.mkdirTree(dirname(target));
  pyodide.FS.writeFile(target, readFileSync(path));
}
pyodide.FS.mkdirTree(TOOLS);
pyodide.FS.mkdirTree(OUT);
const inside = join(dirname(fileURLToPath(import.meta.url)), "_inside.py");
pyodide.FS.writeFile(`${TOOLS}/_pyc_inside.py`, readFileSync(inside));
pyodide.pyimport("sys").path.insert(0, TOOLS);
const tools = pyodide.pyimport("_pyc_inside");

if (!tools.compile_runtime(ROOT)) {
  console.error("compileall reported errors");
  process.exit(1);
}
copyOut(ROOT, sourceDir);
const stdlib = tools.compile_stdlib_used(ROOT, pyodide.toPy(RUNTIME_IMPORTS), OUT).toJs();
copyOut(OUT, stdlibOut);
console.log(`${pyodide.pyimport("sys").implementation.cache_tag} ${stdlib.join(" ")}`);
