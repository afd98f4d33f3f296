#!/usr/bin/env bash
# Install stc, build the counter example into ./site and serve it on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_system_packages.sh
need_packages "npm:npm"  # the first build fetches Pyodide's core with `npm pack`
# This project was distributed as "stc" until PyPI's "stc" (another project) was
# noticed: an editable install of that name from an older checkout would shadow it.
if python3 -m pip show stc 2>/dev/null | grep -q "^Summary: Compile a Streamlit app"; then
  python3 -m pip uninstall -y -q stc
fi
python3 -m pip install -q --disable-pip-version-check -e .
stc build "sites/${1:-counter}/app.py" -o site
exec stc serve site --port "${PORT:-8000}"
