"""Stage 5, render: turn the plan into bytes (or files to copy), hashed, plus the manifest.

Nothing is written to the output here, so a failure in this stage cannot touch
the previous site. Large files that are copied verbatim (the Pyodide core) stay on
disk and are only hashed. Templates come last: a page's boot config carries the size
and sha256 of files rendered before it (``Template.integrity``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from compiler._options import Category
from compiler.emit._plan import MANIFEST, Copy, Data, PlannedFile, SitePlan, Template, Text, Zip
from compiler.emit._render_cache import RenderCache
from compiler.emit._zip import deterministic_zip, solid_zip

__all__ = ["RenderCache", "RenderedFile", "render", "script_json", "templates_dir"]


@dataclass(frozen=True, kw_only=True)
class RenderedFile:
    """A file ready to write: exactly one of ``data`` (bytes) or ``source`` (copy)."""

    path: str
    category: Category
    size: int
    sha256: str
    data: bytes | None = None
    source: Path | None = None


def templates_dir() -> Path:
    """``compiler/_templates`` in an installed wheel, ``templates/`` in a checkout."""
    package = Path(__file__).resolve().parents[1]  # compiler/, above this stage's folder
    packaged = package / "_templates"
    return packaged if packaged.is_dir() else package.parent / "templates"


def script_json(value: object) -> Markup:
    """JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` become ``\\u003c`` etc."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def render(
    site: SitePlan, cache: RenderCache | None = None, *, solid_cache: Path | None = None
) -> tuple[RenderedFile, ...]:
    """Produce every file of *site*, then ``stc-build.json`` describing them; with
    *cache* (``stc run``), files that cannot have changed since its last use are not
    made again."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["script_json"] = script_json
    done: dict[str, RenderedFile] = {}
    for file in sorted(site.files, key=_render_order):
        kept = cache.get(file) if cache is not None else None
        done[file.path] = kept or _render_one(file, environment, done, solid_cache)
        if cache is not None and kept is None:
            cache.put(file, done[file.path])
    if cache is not None:
        cache.next_round()
    files = [done[file.path] for file in site.files]
    manifest = dict(site.manifest)
    manifest["files"] = [
        {"path": f.path, "size": f.size, "sha256": f.sha256}
        for f in sorted(files, key=lambda f: f.path)
    ]
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    files.append(_from_bytes(MANIFEST, "page", text.encode("utf-8")))
    return tuple(files)


def _render_order(file: PlannedFile) -> tuple[bool, bool]:
    """Files first, then templates (their integrity names files), ``last`` ones last."""
    source = file.source
    return isinstance(source, Template), isinstance(source, Template) and source.last


def _render_one(
    file: PlannedFile,
    environment: jinja2.Environment,
    done: Mapping[str, RenderedFile],
    solid_cache: Path | None,
) -> RenderedFile:
    source = file.source
    if isinstance(source, Copy):
        digest, size = _hash_file(source.source)
        return RenderedFile(
            path=file.path, category=file.category, size=size, sha256=digest, source=source.source
        )
    if isinstance(source, Zip):
        if source.solid:
            data = solid_zip(source.members, solid_cache)
        else:
            data = deterministic_zip(source.members)
    elif isinstance(source, Data):
        data = source.data
    elif isinstance(source, Template):
        context = _with_integrity(source, done)
        data = environment.get_template(source.name).render(**context).encode("utf-8")
    else:
        assert isinstance(source, Text)
        data = source.text.encode("utf-8")
    return _from_bytes(file.path, file.category, data)


def _with_integrity(source: Template, done: Mapping[str, RenderedFile]) -> Mapping[str, object]:
    """The template's context, its config carrying the digests its ``integrity`` names."""
    if not source.integrity:
        return source.context
    config = source.context["config"]
    assert isinstance(config, Mapping)
    digests = {
        key: {"file": path, "size": done[path].size, "sha256": done[path].sha256}
        for key, path in source.integrity.items()
    }
    return {**source.context, "config": {**config, "integrity": digests}}


def _from_bytes(path: str, category: Category, data: bytes) -> RenderedFile:
    digest = hashlib.sha256(data).hexdigest()
    return RenderedFile(path=path, category=category, size=len(data), sha256=digest, data=data)


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size
