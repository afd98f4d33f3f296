"""Python's ``js`` module as the real ``globalThis`` again, once a snapshot was made.

Symptom: on a first visit (the one that makes the start-up snapshot,
js/snapshot.mjs) ``js.location``, ``js.navigator`` or ``js.crossOriginIsolated``
raised ``TypeError: Illegal invocation``, so ``import requests`` (urllib3 reads
``js.crossOriginIsolated`` at import) and any app reading the page's globals failed;
a restored visit worked.
Cause: with ``_makeSnapshot``, Pyodide registers a recording proxy of ``globalThis``
as ``js`` (it notes which JavaScript objects Python holds, to find them again on a
restore), and the proxy calls a getter with itself as ``this``, which the browser's
own getters refuse.
What :func:`use_real_globals` does, right after the snapshot is taken: binds ``js``
to the real ``globalThis`` in ``sys.modules`` and in every module that imported it
(the worker also registers it for Pyodide's import hook). Not covered: objects reached
through the proxy before the snapshot and kept (``from js import location``); nothing
of the runtime's does, and the app has not run yet.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["use_real_globals"]


def use_real_globals(real: Any) -> None:
    """Make *real* (a proxy of ``globalThis``) the ``js`` module everywhere."""
    recording = sys.modules.get("js")
    sys.modules["js"] = real
    if recording is None:
        return
    for module in list(sys.modules.values()):
        if getattr(module, "js", None) is recording:
            setattr(module, "js", real)  # noqa: B010  # any module, any attribute
