"""``stc run``'s builds: the first one whole, every later one only what changed.

Each rebuild goes through the same spine as ``stc build`` up to the plan
(:func:`compiler._build.plan_site`: parse, analyse, resolve, plan: tens of
milliseconds for a small app, since Pyodide, the runtime's bytecode and the wheels
come from stc's cache), then renders only the files whose sources changed
(:class:`~compiler.emit._render_cache.RenderCache`) and writes only the files whose
bytes did (:func:`~compiler.emit._write.write_changed`).

What changed decides what an open page must do (``Change``, the ``build`` event's):

- ``"app"``: only what a running worker can take in: ``app.zip`` and the app's other
  files (the proxy's allowlists), the site's ``stdlib.zip`` (a module it now lacks is
  imported from Pyodide's full one, as in any site), the manifest, and pages whose
  plan is the same but for those files' digests. The page sends the worker
  ``reload``: the new code runs in the same session.
- ``"reload"``: anything else (the runtime, Pyodide, packages, the page's config:
  its title, theme, pages): the page reloads.
- ``"none"``: the site is byte for byte the same (a comment in a file left out).

A failed rebuild (:class:`~compiler.CompileError` and the other :class:`StcError`)
leaves the site as it was: the last good build keeps running.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler._build import PlannedSite, plan_site, solid_cache
from compiler._diagnostics import Diagnostic
from compiler._options import BuildOptions, WrittenFile
from compiler._progress import NullReporter, Reporter
from compiler.devtools._events import Change
from compiler.emit._plan import MANIFEST, STDLIB_PATH, PlannedFile, Template
from compiler.emit._render import RenderCache, render
from compiler.emit._write import ensure_replaceable, write, write_changed
from runtime_wasm._protocol import FileDigest

__all__ = ["APP_ZIP", "DevBuild", "Rebuilt"]

APP_ZIP = "stc/app.zip"

# Files a running worker can take in without a reload (besides the "app" category).
_SOFT_PATHS = frozenset({STDLIB_PATH, MANIFEST})


@dataclass(frozen=True, kw_only=True)
class Rebuilt:
    """A build that succeeded: what an open page must do, the new ``app.zip``, the
    site's files that changed (all of them the first time) and the diagnostics
    (warnings, notes)."""

    change: Change
    app: FileDigest
    changed: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]


class DevBuild:
    """The site of ``stc run``: built whole by :meth:`first`, then by :meth:`again`."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self._cache = RenderCache()
        self._planned: PlannedSite | None = None
        self._written: tuple[WrittenFile, ...] = ()

    def first(self, reporter: Reporter) -> Rebuilt:
        """Build the whole site (the output folder must be absent, empty or stc's)."""
        ensure_replaceable(self.options.out_dir, self.options.app.resolve().parent)
        planned = plan_site(self.options, reporter)
        reporter.stage("render")
        rendered = render(planned.site, self._cache, solid_cache=solid_cache(self.options))
        reporter.stage("write")
        self._written = write(rendered, self.options.out_dir)
        self._planned = planned
        return self._rebuilt("reload", tuple(f.path for f in self._written), planned)

    def again(self) -> Rebuilt:
        """Rebuild after a change; raises as :func:`compiler.build` does, leaving the
        site as it was."""
        if self._planned is None:
            return self.first(NullReporter())
        planned = plan_site(self.options, NullReporter())
        rendered = render(planned.site, self._cache, solid_cache=solid_cache(self.options))
        before = {f.path: f for f in self._written}
        written = write_changed(rendered, self.options.out_dir, self._written)
        changed = tuple(
            f.path for f in written if (before.get(f.path) or _NONE).sha256 != f.sha256
        ) + tuple(sorted(before.keys() - {f.path for f in written}))
        change = _change(changed, self._planned, planned)
        self._planned, self._written = planned, written
        return self._rebuilt(change, changed, planned)

    def _rebuilt(self, change: Change, changed: tuple[str, ...], planned: PlannedSite) -> Rebuilt:
        app = next(f for f in self._written if f.path == APP_ZIP)
        digest: FileDigest = {"file": app.path, "size": app.size, "sha256": app.sha256}
        return Rebuilt(change=change, app=digest, changed=changed, diagnostics=planned.diagnostics)


_NONE = WrittenFile(path="", category="page", size=-1, sha256="")


def _change(changed: tuple[str, ...], old: PlannedSite, new: PlannedSite) -> Change:
    """What an open page must do about the files *changed* from *old* to *new*."""
    if not changed:
        return "none"
    before = {f.path: f for f in old.site.files}
    after = {f.path: f for f in new.site.files}
    for path in changed:
        if not _soft(before.get(path), after.get(path), path):
            return "reload"
    return "app"


def _soft(old: PlannedFile | None, new: PlannedFile | None, path: str) -> bool:
    """Whether a running worker can take in the change of the file at *path*."""
    if path in _SOFT_PATHS:
        return True
    if old is None or new is None:
        return False  # a file the site gained or lost: the runtime or the config did
    if old.category == "app" == new.category:
        return True
    # A page whose plan is the same differs only by the digests it carries.
    return isinstance(new.source, Template) and old == new
