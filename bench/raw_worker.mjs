// Raw Pyodide boot in a module worker: the floor stc's cold start is compared with.
// Loads the same vendored core as a built site, runs one Python expression, reports.
self.onmessage = async (event) => {
  const indexURL = event.data;
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL });
  self.postMessage(pyodide.runPython("1 + 1"));
};
