#!/usr/bin/env bash
# Install everything the tests need, then run all of them: lint, types, unit
# (CPython), proxy (PostgreSQL, SQLite, fakesnow), pyodide (Node) and browser
# (Chromium) tiers, spread over the machine's cores with pytest-xdist. Arguments go
# to pytest: `bash scripts/test.sh -k login`, `bash scripts/test.sh -n 0 -x`.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
[ -x /usr/lib/chromium/chromium-headless-shell ] || need_apt+=(chromium chromium-headless-shell fonts-liberation)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
# stc proxy's tests make a throwaway cluster with these (tests/proxy/conftest.py)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing with apt: ${need_apt[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
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
