"""How fast ``stc check`` analyses a module as it grows, and how much memory it takes.

Generates one-module apps of three kinds at several sizes, and runs ``check()`` on
each in a fresh process (so peak memory is the analysis's own), three times; prints
a Markdown table of median seconds, lines per second and peak RSS.

- app code: a block of ordinary Streamlit code (functions, widgets, loops, a cached
  loader) repeated with fresh names: what libcst's passes are for;
- st calls: one ``st.write(i)`` per line (the most nodes per line of app code);
- data table: ``ROW_i = (i, 2 * i, "vi")`` lines, a generated module of literals,
  which skips libcst altogether (CPython judges it).

Files over the analysis budget (``compiler/analyse/_syntax.py``) are judged by CPython and
ship unanalysed (STC004), which is why their rate jumps.

    python bench/analysis.py [--sizes 500 2000 8000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_BLOCK = """
@st.cache_data
def load_{i}(n: int) -> list[dict[str, int]]:
    return [{{"x": k, "y": k * k}} for k in range(n)]


def panel_{i}() -> None:
    with st.expander("Section {i}"):
        count = st.slider("Rows {i}", 1, 100, 10, key="rows_{i}")
        rows = load_{i}(count)
        if st.checkbox("Show table {i}", key="show_{i}"):
            st.dataframe(rows)
        total = sum(r["y"] for r in rows)
        st.metric("Total {i}", total, delta=total - count)


panel_{i}()
"""

_KINDS = {
    "app code": lambda n: (
        "import streamlit as st\n"
        + "".join(_BLOCK.format(i=i) for i in range(max(n // _BLOCK.count("\n"), 1)))
    ),
    "st calls": lambda n: "import streamlit as st\n" + "st.write(1)\n" * n,
    "data table": lambda n: "".join(f'ROW_{i} = ({i}, {2 * i}, "v{i}")\n' for i in range(n)),
}

_PROBE = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from compiler import check
started = time.perf_counter()
found = check(Path({app!r}))
print(json.dumps({{
    "seconds": time.perf_counter() - started,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "codes": sorted({{d.code for d in found}}),
}}))
"""


def measure(source: str, runs: int) -> tuple[float, float, list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        app = Path(folder) / "app.py"
        app.write_text(source, encoding="utf-8")
        results = []
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, "-c", _PROBE.format(root=str(ROOT), app=str(app))],
                capture_output=True,
                text=True,
                check=True,
            )
            results.append(json.loads(done.stdout))
    return (
        statistics.median(r["seconds"] for r in results),
        max(r["rss_mb"] for r in results),
        results[0]["codes"],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 8000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| module | lines | check (s) | lines/s | peak RSS | notes |")
    print("|---|---|---|---|---|---|")
    for kind, make in _KINDS.items():
        for size in args.sizes:
            source = make(size)
            lines = source.count("\n")
            seconds, rss, codes = measure(source, args.runs)
            note = "not analysed (STC004)" if "STC004" in codes else ""
            print(
                f"| {kind} | {lines:,} | {seconds:.2f} | {lines / seconds:,.0f} | "
                f"{rss:.0f} MB | {note} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
