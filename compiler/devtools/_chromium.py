"""Which Chromium to drive and how to launch it quietly and offline.

Debian's ``chromium-headless-shell`` makes no request of its own in the background
(full ``chromium --headless`` still calls update and account hosts), and the flags
below keep any background networking off. ``STC_CHROMIUM`` picks another binary.
Used by the browser tests and the benchmark (and by ``stc test`` later).
"""

from __future__ import annotations

import os

__all__ = ["LAUNCH_ARGS", "chromium_path"]

DEFAULT_CHROMIUM = "/usr/lib/chromium/chromium-headless-shell"

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-default-browser-check",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


def chromium_path() -> str:
    return os.environ.get("STC_CHROMIUM", DEFAULT_CHROMIUM)
