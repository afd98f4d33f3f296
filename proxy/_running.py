"""``running(...)``: ``stc proxy`` in a child process until the ``with`` block ends.

For tests, and for a user's own scripts, the way :func:`compiler.serving` runs a
site: the process is the real command line (``stc proxy ... --port N``), so what is
tested is what is deployed, and the block starts only once ``/healthz`` answers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

__all__ = ["running"]

_ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def running(
    arguments: Sequence[str], *, port: int, timeout: float = 30.0, stderr: int | None = None
) -> Iterator[subprocess.Popen[str]]:
    """Run ``stc proxy <arguments> --port <port>``; yields the process once it answers
    ``/healthz`` on 127.0.0.1, and stops it after. Raises ``RuntimeError`` if it exits
    or does not answer within *timeout* seconds."""
    command = [sys.executable, "-c", "from compiler.cli import main; raise SystemExit(main())",
               "proxy", *arguments, "--port", str(port)]  # fmt: skip
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(_ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    process = subprocess.Popen(command, env=env, stderr=stderr, text=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"stc proxy did not start on port {port}") from None
                time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=30)
