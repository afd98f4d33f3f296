"""`stc build --service-worker`: sw.js at the site's root names every file a first visit
loads with its digest (templates/sw.js), and only such builds carry it."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from compiler import BuildOptions, NullReporter, build


def _build(tmp_path: Path, **options: bool) -> Path:
    app = tmp_path / "app" / "app.py"
    app.parent.mkdir(exist_ok=True)
    app.write_text("import streamlit as st\nst.write('hi')\n")
    out = tmp_path / ("site-sw" if options else "site")
    build(BuildOptions(app=app, out_dir=out, **options), NullReporter())
    return out


def test_sw_js_holds_the_digest_of_every_file_a_visit_loads(tmp_path: Path) -> None:
    site = _build(tmp_path, service_worker=True)
    text = (site / "sw.js").read_text()
    files = json.loads(re.search(r"Object\.entries\((\{.*?\})\)\.map", text, re.S).group(1))
    for path in ("index.html", "stc/page.mjs", "stc/worker.mjs", "stc/runtime.zip.gz",
                 "stc/app.zip", "pyodide/pyodide.asm.wasm"):  # fmt: skip
        assert files[path]["sha256"] == hashlib.sha256((site / path).read_bytes()).hexdigest()
    if (site / "stc" / "stdlib.zip.gz").exists():  # its own stdlib: Pyodide's only on demand
        assert "stc/stdlib.zip.gz" in files and "pyodide/python_stdlib.zip" not in files
    assert "sw.js" not in files and ".nojekyll" not in files
    assert '"service_worker": true' in (site / "index.html").read_text()


def test_only_a_build_that_asks_carries_one(tmp_path: Path) -> None:
    site = _build(tmp_path)
    assert not (site / "sw.js").exists()
    assert "service_worker" not in (site / "index.html").read_text()
