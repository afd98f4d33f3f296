"""Which page modules ``index.html`` should announce with ``<link rel=modulepreload>``.

The page is a graph of small ES modules (page.mjs imports render.mjs, which imports
kinds.mjs, which imports every element family under ``elements/``, which import the
helpers of ``elements/lib/`` and the page's ``dom.mjs`` by ``../`` paths…). Without
hints the browser finds them one import level at a time, a round trip per level; with
every module of the graph preloaded they download in parallel with page.mjs. Only modules reachable
from page.mjs by static imports count: the worker's own modules and the lazily
imported vendor bundles are not the page's business at boot.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = ["page_modules"]

# Relative specifiers only ("./x.mjs", "../dom.mjs"): bare ones are not ours.
_STATIC_IMPORT = re.compile(r"""^\s*(?:import|export)\s[^;]*?from\s+["'](\.\.?/[^"']+)["']""", re.M)
_BARE_IMPORT = re.compile(r"""^\s*import\s+["'](\.\.?/[^"']+)["']""", re.M)


def page_modules(js_files: Iterable[tuple[str, Path]], entry: str = "page.mjs") -> list[str]:
    """The modules page.mjs loads at boot (itself included), as paths under js/."""
    files = dict(js_files)
    seen: list[str] = []
    pending = [entry]
    while pending:
        rel = pending.pop()
        if rel in seen or rel not in files:
            continue
        seen.append(rel)
        text = files[rel].read_text(encoding="utf-8")
        base = posixpath.dirname(rel)
        for spec in [*_STATIC_IMPORT.findall(text), *_BARE_IMPORT.findall(text)]:
            pending.append(posixpath.normpath(posixpath.join(base, spec)))
    return sorted(seen)
