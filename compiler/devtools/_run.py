"""``stc run APP``: the development loop of ``streamlit run``, for a static site.

Build the app into a temporary folder (:class:`~compiler.devtools._rebuild.DevBuild`),
serve it with the event stream (:mod:`compiler.devtools._serve`,
:mod:`compiler.devtools._events`), and watch the app folder
(:mod:`compiler.devtools._watch`): on every save, rebuild what changed and tell the
open pages, which rerun the new code keeping their session, or reload when the
runtime or the page config changed. A rebuild that fails prints its diagnostics as
``stc build`` does, and the pages show them in a banner over the last good build.

The loop ends when *stop* is set or on ``KeyboardInterrupt`` (the CLI turns SIGTERM
into one); the server, its streams and the temporary folder go with it.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from compiler._diagnostics import Diagnostic, render_diagnostic
from compiler._exceptions import CompileError, StcError, UsageError
from compiler._options import BuildOptions
from compiler._progress import NullReporter
from compiler.devtools._events import EventHub
from compiler.devtools._rebuild import DevBuild, Rebuilt
from compiler.devtools._serve import serving
from compiler.devtools._watch import Watcher

__all__ = ["RunOptions", "run"]

_SAID = {
    "app": "the page reruns it",
    "reload": "the page reloads",
    "none": "nothing in the site changed",
}


@dataclass(frozen=True, kw_only=True)
class RunOptions:
    """What ``stc run`` was given: the entry script, where to serve (``port`` 0: any
    free one), stc's cache (default as for a build) and how often to look for saves.
    ``build`` holds what ``[tool.stc]`` says of a build (Pyodide's URL, the proxy...);
    its ``out_dir``, ``service_worker`` and ``force`` are not used: the loop builds into
    a temporary folder, a service worker would keep the page from seeing a rebuild, and
    a build with errors is waited out."""

    app: Path
    host: str = "127.0.0.1"
    port: int = 8501
    cache_dir: Path | None = None
    interval: float = 0.1
    build: BuildOptions | None = None


def run(
    options: RunOptions, *, out: TextIO, err: TextIO, stop: threading.Event | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> None:  # fmt: skip
    """Build, serve and rebuild on every save until *stop* is set (or Ctrl-C).

    Progress and the URL go to *out*, diagnostics to *err*; *on_ready* gets the URL
    once the first build is served. Raises :class:`UsageError` for a script that is
    not one, and the :class:`StcError` of a first build that cannot be made for a
    reason other than the app's errors (those are waited out: fix and save)."""
    stopped = (stop or threading.Event()).is_set
    app = Path(os.path.abspath(options.app))
    if app.suffix != ".py" or not app.is_file():
        raise UsageError(f"{options.app}: give the app's entry script, e.g. app.py")
    with tempfile.TemporaryDirectory(prefix="stc-run-") as temporary:
        site = Path(temporary) / "site"
        site.mkdir()
        dev = DevBuild(_dev_options(options, app, site))
        watcher = Watcher(app.parent, skip=(site,), interval=options.interval)
        hub = EventHub()
        # Listen first: a port in use is said before a build of several seconds.
        with serving(site, options.host, options.port, events=hub) as url:
            _say(out, f"  Building {options.app}...")
            first = _first_build(dev, watcher, stopped, out, err)
            if first is None:
                return
            hub.build("none", first.app)  # what a page that connects catches up with
            shown = first.diagnostics
            _say(out, "\n  You can now view your Streamlit app in your browser.\n")
            _say(out, f"  Local URL: {url.rstrip('/')}\n")
            if on_ready is not None:
                on_ready(url)
            while not stopped():
                changed = watcher.wait(stopped)
                if changed:
                    shown = _rebuild(dev, hub, changed, shown, out, err)


def _first_build(
    dev: DevBuild, watcher: Watcher, stopped: Callable[[], bool], out: TextIO, err: TextIO
) -> Rebuilt | None:
    """The first build, again after each save while the app has errors; None when
    stopped first."""
    while not stopped():
        started = time.monotonic()
        try:
            built = dev.first(NullReporter())
        except CompileError as error:
            _print_diagnostics(err, error.diagnostics)
            _say(out, "  The app has errors: fix them and save, stc run builds again.")
            watcher.wait(stopped)
            continue
        _print_diagnostics(err, built.diagnostics)
        _say(out, f"  Built in {time.monotonic() - started:.1f} s.")
        return built
    return None


def _rebuild(
    dev: DevBuild, hub: EventHub, changed: set[str], shown: tuple[Diagnostic, ...],
    out: TextIO, err: TextIO,
) -> tuple[Diagnostic, ...]:  # fmt: skip
    """Rebuild after *changed*, tell the pages, print what is new; the diagnostics
    now shown."""
    started = time.monotonic()
    what = _files(changed)
    try:
        rebuilt: Rebuilt = dev.again()
    except CompileError as error:
        _print_diagnostics(err, error.diagnostics)
        hub.failed(_banner_text(error.diagnostics))
        _say(out, f"  {what} changed: the app has errors; the page keeps the last good build.")
        return error.diagnostics
    except StcError as error:
        error.show(err)
        hub.failed(error.format_message())
        _say(out, f"  {what} changed: not rebuilt; the page keeps the last good build.")
        return shown
    except Exception as error:  # a bug of stc's: the loop and the last good build go on
        message = f"stc run: the rebuild failed unexpectedly: {type(error).__name__}: {error}"
        print(message, file=err, flush=True)
        hub.failed(message)
        return shown
    elapsed = (time.monotonic() - started) * 1000
    hub.build(rebuilt.change, rebuilt.app)
    if rebuilt.diagnostics != shown:
        _print_diagnostics(err, rebuilt.diagnostics)
    _say(out, f"  {what} changed: rebuilt in {elapsed:.0f} ms, {_SAID[rebuilt.change]}.")
    return rebuilt.diagnostics


def _banner_text(diagnostics: Iterable[Diagnostic]) -> str:
    """What the page's banner shows: the errors and warnings, as the terminal has them."""
    return "\n".join(render_diagnostic(d) for d in diagnostics if d.severity != "info")


def _print_diagnostics(err: TextIO, diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(render_diagnostic(diagnostic), file=err, flush=True)


def _files(changed: set[str]) -> str:
    names = sorted(changed)
    return names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"


def _say(out: TextIO, text: str) -> None:
    print(text, file=out, flush=True)


def _dev_options(options: RunOptions, app: Path, site: Path) -> BuildOptions:
    """The options of every build of the loop: *options*' ``build`` where it has one."""
    base = options.build or BuildOptions(app=app)
    return replace(base, app=app, out_dir=site, cache_dir=options.cache_dir, dev=True,
                   service_worker=False, force=False)  # fmt: skip
