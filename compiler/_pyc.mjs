// Compiles Python sources to bytecode with Pyodide's own Python (see compiler/_pyc.py).
//
// Usage: node _pyc.mjs PYODIDE_DIR SOURCE_DIR
// Every .py under SOURCE_DIR is copied into Pyodide's in-memory file system, compiled
// with compileall (unchecked-hash pycs: valid whatever the source file's mtime, which
// an unpacked zip does not keep), and each __pycache__/*.pyc is written back beside
// its source under SOURCE_DIR. No Python source lives in this file.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const [pyodideDir, sourceDir] = process.argv.slice(2);
const { loadPyodide } = await import(join(pyodideDir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", packageBaseUrl: pyodideDir + "/" });
const ROOT = "/stc-compile";

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith(".py")) yield path;
  }
}

for (const path of walk(sourceDir)) {
  const target = join(ROOT, relative(sourceDir, path));
  pyodide.FS.mkdirTree(dirname(target));
  pyodide.FS.writeFile(target, readFileSync(path));
}

const compileall = pyodide.pyimport("compileall");
const mode = pyodide.pyimport("py_compile").PycInvalidationMode.UNCHECKED_HASH;
const ok = compileall.compile_dir.callKwargs(ROOT, { quiet: 1, invalidation_mode: mode });
if (!ok) {
  console.error("compileall reported errors");
  process.exit(1);
}

function* walkMemfs(dir) {
  for (const name of pyodide.FS.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const path = `${dir}/${name}`;
    if (pyodide.FS.isDir(pyodide.FS.stat(path).mode)) yield* walkMemfs(path);
    else if (name.endsWith(".pyc")) yield path;
  }
}

for (const path of walkMemfs(ROOT)) {
  const out = join(sourceDir, relative(ROOT, path));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, pyodide.FS.readFile(path));
}
console.log(pyodide.pyimport("sys").implementation.cache_tag);
