"""Searching a built site for secrets: every byte of every file, zips opened, and every
diagnostic the build printed. The security tests of every data feature use it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from compiler import render_diagnostic
from compiler._diagnostics import Diagnostic

__all__ = ["canary_hits", "site_bytes"]


def site_bytes(site: Path) -> Iterator[tuple[str, bytes]]:
    """(name, contents) of every file of *site*, and of every member of its zips
    (named ``<zip>!<member>``)."""
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield path.relative_to(site).as_posix(), data
            if path.suffix == ".zip":
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for name in archive.namelist():
                        yield f"{path.name}!{name}", archive.read(name)


def canary_hits(
    site: Path, canaries: Iterable[str], diagnostics: Iterable[Diagnostic] = ()
) -> list[tuple[str, str]]:
    """Where each canary was found: (file or ``diagnostics``, canary); empty is good."""
    canaries = list(canaries)
    hits = [(name, c) for name, data in site_bytes(site) for c in canaries if c.encode() in data]
    shown = "\n".join(render_diagnostic(d) for d in diagnostics)
    return hits + [("diagnostics", c) for c in canaries if c in shown]
