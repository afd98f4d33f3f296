// Compiles Python to bytecode with Pyodide's own Python (see compiler/resolve/pyc/_precompile.py).
//
// Usage: node _node.mjs PYODIDE_DIR runtime SOURCE_DIR DDIR
//          every .py under SOURCE_DIR is compiled into a .pyc beside it, its file names
//          as under DDIR (where the worker puts runtime.zip); prints the stdlib modules
//          loaded once the runtime is imported.
//        node _node.mjs PYODIDE_DIR stdlib OUT_DIR
//          every module of Pyodide's stdlib zip as a sourceless .pyc under OUT_DIR.
// The Python side is compiler/resolve/pyc/_inside.py.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const [pyodideDir, mode, hostDir, ddir] = process.argv.slice(2);
const { loadPyodide } = await import(join(pyodideDir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", packageBaseUrl: pyodideDir + "/" });
const ROOT = "/stc-compile/src";
const TOOLS = "/stc-compile/tools";
const OUT = "/stc-compile/out";
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

function copyOut(memfsDir, outDir) {
  for (const path of walkMemfs(memfsDir)) {
    const out = join(outDir, relative(memfsDir, path));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, pyodide.FS.readFile(path));
  }
}

// What Pyodide's start imported, before this tool's own imports add to it.
const atStart = pyodide.runPython("import sys; list(sys.modules)").toJs();
pyodide.FS.mkdirTree(TOOLS);
const inside = join(dirname(fileURLToPath(import.meta.url)), "_inside.py");
pyodide.FS.writeFile(`${TOOLS}/_pyc_inside.py`, readFileSync(inside));
pyodide.pyimport("sys").path.insert(0, TOOLS);
const tools = pyodide.pyimport("_pyc_inside");

if (mode === "runtime") {
  for (const path of walk(hostDir)) {
    const target = join(ROOT, relative(hostDir, path));
    pyodide.FS.mkdirTree(dirname(target));
    pyodide.FS.writeFile(target, readFileSync(path));
  }
  if (!tools.compile_runtime(ROOT, ddir)) {
    console.error("compileall reported errors");
    process.exit(1);
  }
  copyOut(ROOT, hostDir);
  const loaded = tools.stdlib_loaded(ROOT, pyodide.toPy(RUNTIME_IMPORTS), pyodide.toPy(atStart)).toJs();
  console.log(loaded.join(" "));
} else if (mode === "stdlib") {
  pyodide.FS.mkdirTree(OUT);
  const count = tools.compile_stdlib(OUT);
  copyOut(OUT, hostDir);
  console.log(`${count}`);
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
