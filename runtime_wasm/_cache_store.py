"""Where ``st.cache_data`` keeps its values: in memory, written behind to IndexedDB.

Plain Python, like the rest of the runtime. The worker (``js/cache_store.mjs``)
reads the site's IndexedDB entries before the first run and hands them to
:func:`runtime_wasm._bridge.boot` as JSON; from then on every read is a dict lookup
here and never waits on the browser. Writes and deletes are appended to a journal
that the bridge gives back to the worker after each run (``take_journal``), which
applies it to IndexedDB in one transaction. Without a worker (CPython, ``AppTest``,
or IndexedDB unavailable) nobody takes the journal and the store is memory only.

Wire format (both directions, JSON; values are base64 of the pickled value, so the
JavaScript side never decodes them)::

    preload:  [{"key": str, "func": str, "name": str, "created": float, "value": str}]
    journal:  [{"op": "put", <entry fields>}, {"op": "delete", "key": str},
               {"op": "clear"}]

``func`` is the cached function's key (identity + source + runtime version),
``name`` its identity alone; ``created`` is wall-clock seconds, so ``ttl`` holds
across reloads.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["CacheStore", "StoredEntry", "default_store", "set_default_store"]


@dataclass(slots=True)
class StoredEntry:
    key: str
    func: str
    name: str
    created: float
    value: str  # base64 of the pickled value

    def data(self) -> bytes:
        return base64.b64decode(self.value, validate=True)


class CacheStore:
    """Entries by key, plus the journal of changes not yet written to IndexedDB."""

    def __init__(self, entries: list[StoredEntry] | None = None, *, journaled: bool = False):
        self._entries: dict[str, StoredEntry] = {e.key: e for e in entries or []}
        self.journaled = journaled
        self._journal: list[dict[str, Any]] = []
        self._current: set[str] = set()  # function keys whose older versions are gone

    @classmethod
    def from_json(cls, text: str, *, journaled: bool = True) -> CacheStore:
        """Entries preloaded by the worker; malformed ones are dropped (and deleted)."""
        store = cls(journaled=journaled)
        try:
            raw = json.loads(text) if text else []
        except ValueError:
            raw = []
        for item in raw if isinstance(raw, list) else []:
            try:
                entry = StoredEntry(
                    key=str(item["key"]),
                    func=str(item["func"]),
                    name=str(item["name"]),
                    created=float(item["created"]),
                    value=str(item["value"]),
                )
            except (KeyError, TypeError, ValueError):
                if isinstance(item, dict) and isinstance(item.get("key"), str):
                    store._log({"op": "delete", "key": item["key"]})
                continue
            store._entries[entry.key] = entry
        return store

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> StoredEntry | None:
        return self._entries.get(key)

    def entries(self, func: str | None = None, name: str | None = None) -> list[StoredEntry]:
        """Entries of one function key and/or identity, oldest first."""
        found = [
            e
            for e in self._entries.values()
            if (func is None or e.func == func) and (name is None or e.name == name)
        ]
        return sorted(found, key=lambda e: e.created)

    def put(
        self, key: str, func: str, name: str, data: bytes, created: float, *, persist: bool = True
    ) -> None:
        """Keep a value; ``persist=False`` keeps it out of IndexedDB (this tab only)."""
        entry = StoredEntry(key, func, name, created, base64.b64encode(data).decode("ascii"))
        self._entries[key] = entry
        if persist:
            self._log({"op": "put", **asdict(entry)})

    def retire_other_versions(self, name: str, func: str) -> None:
        """Delete entries of function ``name`` made by other code or another runtime
        (they can never be read again), once per function key and page."""
        if func in self._current:
            return
        self._current.add(func)
        for entry in self.entries(name=name):
            if entry.func != func:
                self.delete(entry.key)

    def delete(self, key: str) -> None:
        if self._entries.pop(key, None) is not None:
            self._log({"op": "delete", "key": key})

    def clear(self) -> None:
        """Forget every entry of this site (IndexedDB included)."""
        self._entries.clear()
        self._journal.clear()
        self._log({"op": "clear"})

    def _log(self, op: dict[str, Any]) -> None:
        if self.journaled:
            self._journal.append(op)

    def take_journal(self) -> list[dict[str, Any]]:
        """The changes since the last call, in order; the journal starts empty again."""
        journal, self._journal = self._journal, []
        return journal


_default = CacheStore()


def default_store() -> CacheStore:
    """The store ``st.cache_data`` uses (memory only until the bridge sets one)."""
    return _default


def set_default_store(store: CacheStore) -> None:
    global _default
    _default = store
