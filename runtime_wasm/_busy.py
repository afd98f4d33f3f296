"""Drawing the page of a run that never yields: a Python signal handler, not a timer.

Symptom: ``st.write("before")`` then ``while True: pass``: the page stayed on "Running
app…" and showed nothing. Partial renders are posted from the runtime's own code
(after an element is added, or from an asyncio timer while the script awaits), and a
loop that neither adds elements nor awaits never reaches either.

What this does: CPython built for Emscripten polls a JavaScript "interrupt buffer"
between bytecodes (every 50 eval-breaker checks) and delivers the number it finds
there as a signal. The worker (``js/busy_signal.mjs``) puts
:data:`~runtime_wasm._protocol.BUSY_SIGNAL` there every quarter second while a run is in
progress; :func:`install` makes that signal call the bridge's flush, so the page gets
the partial tree even though the script never returns to us. Without a worker (CPython,
``AppTest``) nothing ever raises the signal.

A signal handler runs between any two bytecodes, so it flushes only when the script's
own code was interrupted (:func:`in_app_code`): inside the runtime an element may be
half-built, and the next element or signal flushes anyway.

Not covered: a single long call into C (a large numpy operation, a regular expression
on a huge string) polls no signal until it returns.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from ._protocol import BUSY_SIGNAL

__all__ = ["in_app_code", "install"]

_RUNTIME_DIR = str(Path(__file__).resolve().parent)


def in_app_code(frame: FrameType | None, app_dir: str) -> bool:
    """Whether the innermost frame that is either the runtime's or the app's is the app's.

    Frames of the standard library or of packages are looked through: a script looping
    in ``json.loads`` was interrupted in the app's run, not inside ``st.*``."""
    app_prefix = app_dir.rstrip("/") + "/"
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(_RUNTIME_DIR):
            return False
        if filename.startswith(app_prefix):
            return True
        frame = frame.f_back
    return False


def install(flush: Callable[[], None], app_dir: str) -> None:
    """Call *flush* on :data:`BUSY_SIGNAL` when the app's own code was interrupted.

    Safe to call twice (the last *flush* wins). An exception in *flush* is reported on
    stderr, never raised into the script it interrupted."""
    busy = False

    def on_busy(signum: int, frame: FrameType | None) -> None:
        nonlocal busy
        if busy or not in_app_code(frame, app_dir):
            return
        busy = True
        try:
            flush()
        except Exception as error:  # the script must not see our failure as its own
            print(f"stc: drawing the partial page failed: {error!r}", file=sys.stderr)
        finally:
            busy = False

    signal.signal(BUSY_SIGNAL, on_busy)
