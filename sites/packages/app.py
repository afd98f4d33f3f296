"""Packages: the app's own modules, a data file, and a PyPI package Pyodide lacks.

`helpers.py` and the `mylib/` package ship with the app; `data.csv` is read from
the app folder with the standard `csv` module; `humanize` is a pure-Python
package from PyPI that stc downloads and vendors into the site (requirements.txt
pins it). The loop at the end sleeps with `time.sleep`: stc rewrites it to
`await asyncio.sleep` so the page shows the progress bar moving while it runs.
"""

import csv
import time
from pathlib import Path

import helpers
import humanize
import streamlit as st
from mylib import describe
from mylib.units import to_celsius

st.title("Packages")

with open(Path(__file__).parent / "data.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))

st.write(helpers.greeting("browser"))
st.write(describe(rows))
st.table(
    [
        {
            "city": row["city"],
            "celsius": to_celsius(float(row["fahrenheit"])),
            "population": humanize.intword(int(row["population"])),
        }
        for row in rows
    ]
)
st.write("size:", humanize.naturalsize(13_500_000))

bar = st.progress(0, text="Crunching numbers")
for step in range(1, 6):
    time.sleep(0.15)
    bar.progress(step * 20, text=f"Crunching numbers: step {step} of 5")
st.success("All steps done")
