"""The spine: ``build()`` is the list of stages, each a function in its own module.

parse → analyse → (bake) → resolve → plan → render → write. Each stage takes and
returns typed values; only ``write`` touches the output folder. ``bake`` runs only
with ``--bake``: the one stage that reaches outside (the app's databases).
``plan_site`` is the spine up to the plan, which ``stc run`` shares
(:mod:`compiler.devtools._rebuild`) to render and write only what changed.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import get_args

from compiler._diagnostics import Diagnostic, ordered
from compiler._exceptions import CompileError
from compiler._options import (
    BuildOptions,
    BuildResult,
    BundledPackage,
    Category,
    RemoteFetch,
    WrittenFile,
)
from compiler._progress import Reporter
from compiler._version import stc_version
from compiler.analyse._analyse import analyse
from compiler.analyse._facts import RemoteResource
from compiler.analyse._parse import parse
from compiler.analyse._project import SECRETS
from compiler.emit._bake import BakedAnswer, bake
from compiler.emit._plan import SitePlan, plan
from compiler.emit._render import render
from compiler.emit._write import ensure_replaceable, write
from compiler.resolve._pyodide import cache_root
from compiler.resolve._resolve import Resolved, resolve
from compiler.resolve._sitelock import LOCK_PATH
from runtime_wasm.http import host_of

__all__ = ["PlannedSite", "build", "build_result", "plan_site", "solid_cache"]


def build(options: BuildOptions, reporter: Reporter) -> BuildResult:
    """Compile the app at ``options.app`` into a static site in ``options.out_dir``.

    Raises :class:`CompileError` when the app has errors (unless ``options.force``),
    :class:`AssetError` when Pyodide or the runtime cannot be had, and
    :class:`BuildError` when the output folder cannot be written or is not ours.
    """
    ensure_replaceable(
        options.out_dir, Path(os.path.abspath(options.app)).parent
    )  # fail before slow work
    planned = plan_site(options, reporter)

    reporter.stage("render")
    rendered = render(planned.site, solid_cache=solid_cache(options))

    reporter.stage("write")
    written = write(rendered, options.out_dir)
    reporter.info(f"{len(written)} files in {options.out_dir}")
    return build_result(options, planned, written)


def solid_cache(options: BuildOptions) -> Path:
    """Where the render stage keeps the solid zips it made (compiler/emit/_zip.py)."""
    return (options.cache_dir or cache_root()) / "solid"


@dataclass(frozen=True, kw_only=True)
class PlannedSite:
    """What the stages before ``render`` made: the plan and what it was made from.
    ``stc run`` keeps the previous one to tell an app change from a runtime change."""

    site: SitePlan
    resolved: Resolved
    diagnostics: tuple[Diagnostic, ...]
    remote: tuple[RemoteResource, ...] = ()  # what the analysis saw the page fetch elsewhere


def plan_site(options: BuildOptions, reporter: Reporter) -> PlannedSite:
    """parse → analyse → (bake) → resolve → plan: everything but the bytes.

    Raises :class:`CompileError` as :func:`build` does; writes nothing.
    """
    reporter.stage("parse")
    parsed = parse(options.app, options.out_dir)
    reporter.info(f"{len(parsed.files)} app files, {len(parsed.modules)} Python modules")

    reporter.stage("analyse")
    analysis = analyse(parsed, proxy_url=options.proxy_url, bake=options.bake)
    _gate(analysis.diagnostics, force=options.force, reporter=reporter)
    baked: tuple[BakedAnswer, ...] = ()
    if options.bake:
        reporter.stage("bake")
        secrets = options.secrets or parsed.app_dir / SECRETS
        baked, found = bake(analysis.queries, secrets=secrets, app_dir=parsed.app_dir)
        analysis = replace(analysis, diagnostics=analysis.diagnostics + found)
        if any(d.severity == "error" for d in found):
            _gate(analysis.diagnostics, force=options.force, reporter=reporter)
        size = sum(len(answer.text) for answer in baked)
        count = f"{len(baked)} statement" + ("" if len(baked) == 1 else "s")
        reporter.info(f"baked {count}, {size:,} bytes: public in the site")

    reporter.stage("resolve")
    resolved = resolve(
        parsed=parsed,
        imports=analysis.imports,
        pyodide_url=options.pyodide_url,
        cache_dir=options.cache_dir,
        runtime_dir=options.runtime_dir,
        reporter=reporter,
        uses=analysis.streamlit,
        include_assets=options.include_assets,
    )
    diagnostics = analysis.diagnostics + resolved.diagnostics
    if any(d.severity == "error" for d in resolved.diagnostics):
        _gate(diagnostics, force=options.force, reporter=reporter)

    reporter.stage("plan")
    site = plan(
        parsed, analysis, resolved, stc_version(), baked=baked, snapshot=options.snapshot,
        service_worker=options.service_worker, dev=options.dev,
    )  # fmt: skip
    return PlannedSite(
        site=site, resolved=resolved, diagnostics=ordered(diagnostics), remote=analysis.remote
    )


def build_result(
    options: BuildOptions, planned: PlannedSite, written: tuple[WrittenFile, ...]
) -> BuildResult:
    """The :class:`BuildResult` of a site planned as *planned* and written as *written*."""
    return BuildResult(
        out_dir=options.out_dir,
        files=written,
        diagnostics=planned.diagnostics,
        totals=_totals(written),
        packages=tuple(
            BundledPackage(
                name=p.name,
                version=p.version,
                in_site=p.wheel is not None,
                location=f"{LOCK_PATH.rsplit('/', 1)[0]}/{p.file_name}" if p.wheel else p.url or "",
                origin=p.origin,
            )
            for p in planned.resolved.packages
        ),
        remote=tuple(
            RemoteFetch(url=r.url, host=host_of(r.url), command=r.command, where=r.where)
            for r in planned.remote
        ),
    )


def _gate(diagnostics: tuple[Diagnostic, ...], *, force: bool, reporter: Reporter) -> None:
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors and not force:
        raise CompileError(ordered(diagnostics))
    if errors:
        reporter.info(f"building despite {len(errors)} error(s) (--force)")


def _totals(written: tuple[WrittenFile, ...]) -> dict[Category, int]:
    totals: Counter[Category] = Counter()
    for file in written:
        totals[file.category] += file.size
    return {category: totals[category] for category in get_args(Category)}
