#!/usr/bin/env bash
# Install everything the tests need, then run all of them: lint, types, unit
# (CPython), proxy (PostgreSQL, SQLite, fakesnow), pyodide (Node) and browser
# (Chromium) tiers, spread over the machine's cores with pytest-xdist. Arguments go
# to pytest: `bash scripts/test.sh -k login`, `bash scripts/test.sh -n 0 -x`.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/_system_packages.sh
need_packages \
  "/usr/lib/chromium/chromium-headless-shell:chromium chromium-headless-shell fonts-liberation" \
  "node:nodejs" "npm:npm" \
  "/usr/lib/postgresql/15/bin/initdb:postgresql"  # stc proxy's tests make a throwaway cluster (tests/proxy/conftest.py)

# This project was distributed as "stc" until PyPI's "stc" (another project) was
# noticed: an editable install of that name from an older checkout would shadow it.
if python3 -m pip show stc 2>/dev/null | grep -q "^Summary: Compile a Streamlit app"; then
  python3 -m pip uninstall -y -q stc
fi
python3 -m pip install -q --disable-pip-version-check -e ".[test]"

ruff check .
ruff format --check .
mypy
# One worker a core (STC_TEST_WORKERS overrides; -n 0 after it runs in one process).
# Whole files go to a worker, so a module's built site and servers start once, and in
# the order collected: tests/conftest.py sorts the tiers fast to slow and puts the
# longest files of a tier first, and no worker runs a unit test after a browser test.
python3 -m pytest -q -n "${STC_TEST_WORKERS:-auto}" --dist loadfile --no-loadscope-reorder "$@"
