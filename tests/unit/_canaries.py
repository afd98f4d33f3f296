"""Searching a built site for secrets: every byte of every file, zips opened, and every
diagnostic the build printed. The security tests of every data feature use it."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from compiler import render_diagnostic
from compiler._diagnostics import Diagnostic

__all__ = ["canary_hits", "site_bytes"]


def site_bytes(site: Path) -> Iterator[tuple[str, bytes]]:
    """(name, contents) of every file of *site*, of what its ``.gz`` files hold, and of
    every member of its zips and wheels (named ``<zip>!<member>``)."""
    for path in sorted(site.rglob("*")):
        if path.is_file():
            yield from _opened(path.relative_to(site).as_posix(), path.read_bytes())


def _opened(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    yield name, data
    if name.endswith(".gz"):  # the solid zips: runtime.zip.gz, stdlib.zip.gz
        yield from _opened(name.removesuffix(".gz"), gzip.decompress(data))
    elif name.endswith((".zip", ".whl")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield f"{name.rsplit('/', 1)[-1]}!{member}", archive.read(member)


def canary_hits(
    site: Path, canaries: Iterable[str], diagnostics: Iterable[Diagnostic] = ()
) -> list[tuple[str, str]]:
    """Where each canary was found: (file or ``diagnostics``, canary); empty is good."""
    canaries = list(canaries)
    hits = [(name, c) for name, data in site_bytes(site) for c in canaries if c.encode() in data]
    shown = "\n".join(render_diagnostic(d) for d in diagnostics)
    return hits + [("diagnostics", c) for c in canaries if c in shown]
