"""A visit's own randomness, also when Pyodide was restored from a snapshot.

Symptom: on a repeat visit restored from the start-up snapshot (js/snapshot.mjs),
``random.random()``, ``random.choice`` and ``random.shuffle`` gave every visitor the
same values, in the same order, as the first visit that made the snapshot.
Cause: the snapshot is Pyodide's memory after the runtime was imported, and the
runtime's imports import ``random``, which seeds its global generator from
``os.urandom`` once, at import: the seeded state is in the memory that every restore
copies back. ``tempfile``'s name generator is kept the same way once made.
What :func:`renew` does: seeds both again from ``os.urandom`` (which asks the browser's
``crypto.getRandomValues`` each time, so ``uuid.uuid4``, ``secrets`` and ``os.urandom``
themselves were never affected), before the first run of every session.
Not covered: generators an app or a package made before the snapshot (none: the
snapshot is taken before the app runs, and sites that load packages keep none), and
``hash()`` of strings, which Pyodide seeds the same way in every start anyway.
"""

from __future__ import annotations

import random
import tempfile

__all__ = ["renew"]


def renew() -> None:
    """Seed the global ``random`` generator and ``tempfile``'s names from the OS."""
    random.seed()
    tempfile._name_sequence = None  # type: ignore[attr-defined]  # made again on next use
