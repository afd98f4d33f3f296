"""Stage 6, write: put the rendered site in place atomically.

The site is written to a temporary folder beside the output (``.site.stc-tmp-*``),
then swapped in with two renames; the old site is deleted last. Any failure before
the swap removes the temporary folder and leaves the previous output untouched.

``stc run`` rewrites its own site on every save with :func:`write_changed`, in
place: only the files that changed, each by a rename.

We only ever replace a folder we made: an existing non-empty output folder without
``stc-build.json`` belongs to someone else and is refused, never deleted.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from compiler._exceptions import BuildError
from compiler._options import WrittenFile
from compiler.emit._plan import MANIFEST
from compiler.emit._render import RenderedFile

__all__ = ["ensure_replaceable", "write", "write_changed"]


def ensure_replaceable(out_dir: Path, app_dir: Path | None = None) -> None:
    """Raise :class:`BuildError` unless *out_dir* is absent, empty or an stc build."""
    out = out_dir.resolve()
    if app_dir is not None:
        app = app_dir.resolve()
        if out == app or out in app.parents:
            raise BuildError(f"the output folder {out_dir} must not contain the app folder")
    if not out.exists():
        return
    if not out.is_dir():
        raise BuildError(f"the output path {out_dir} exists and is not a folder")
    if (out / MANIFEST).is_file() or not any(out.iterdir()):
        return
    raise BuildError(
        f"refusing to replace {out_dir}: it is not empty and was not made by stc "
        f"(no {MANIFEST}); choose another folder with -o or remove it yourself"
    )


def write(files: tuple[RenderedFile, ...], out_dir: Path) -> tuple[WrittenFile, ...]:
    """Write *files* into *out_dir*, replacing a previous stc build there."""
    ensure_replaceable(out_dir)
    out = out_dir.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.stc-tmp-", dir=out.parent))
    try:
        staging.chmod(0o755)
        for file in files:
            _write_one(file, staging)
        _swap(staging, out)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise BuildError(f"could not write the site to {out_dir}: {error}") from error
        raise
    return tuple(
        WrittenFile(path=f.path, category=f.category, size=f.size, sha256=f.sha256)
        for f in sorted(files, key=lambda f: f.path)
    )


def _write_one(file: RenderedFile, staging: Path, *, as_path: bool = False) -> None:
    """*file* into the folder *staging*, or (*as_path*) into the file *staging*."""
    target = staging if as_path else staging.joinpath(*file.path.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    if file.source is not None:
        shutil.copyfile(file.source, target)
    else:
        target.write_bytes(file.data or b"")
    target.chmod(0o644)


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.stc-old-", dir=out.parent))
    os.rmdir(old)  # only reserve a unique name
    out.rename(old)
    try:
        staging.rename(out)
    except OSError as error:
        old.rename(out)
        raise BuildError(f"could not move the new site into {out}: {error}") from error
    with contextlib.suppress(OSError):
        shutil.rmtree(old)


def write_changed(
    files: tuple[RenderedFile, ...], out_dir: Path, previous: tuple[WrittenFile, ...]
) -> tuple[WrittenFile, ...]:
    """Bring *out_dir*, which holds the site *previous* describes, to *files*, writing
    only the files that differ (``stc run``: a save changes ``app.zip`` and the pages,
    not the 12 MB of Pyodide a whole write copies).

    A server may be reading the site meanwhile: each file is replaced by a rename,
    so it reads the old file or the new one, never half of one; pages go last, so
    one never names a file not yet there. Files *files* no longer has are deleted."""
    out = out_dir.resolve()
    before = {f.path: f for f in previous}
    changed = [f for f in files if _differs(before.get(f.path), f, out)]
    try:
        for file in sorted(changed, key=lambda f: f.category == "page"):
            _replace_one(file, out)
        for gone in before.keys() - {f.path for f in files}:
            with contextlib.suppress(FileNotFoundError):
                out.joinpath(*gone.split("/")).unlink()
    except OSError as error:
        raise BuildError(f"could not write the site to {out_dir}: {error}") from error
    return tuple(
        WrittenFile(path=f.path, category=f.category, size=f.size, sha256=f.sha256)
        for f in sorted(files, key=lambda f: f.path)
    )


def _differs(old: WrittenFile | None, new: RenderedFile, out: Path) -> bool:
    if old is None or (old.sha256, old.size) != (new.sha256, new.size):
        return True
    return not out.joinpath(*new.path.split("/")).is_file()


def _replace_one(file: RenderedFile, out: Path) -> None:
    target = out.joinpath(*file.path.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".stc-tmp-", dir=target.parent)
    os.close(handle)
    try:
        _write_one(file, Path(temporary), as_path=True)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
