"""Stage 4, plan: decide every file of the site and where its bytes come from.

The plan is pure data (no I/O), so the layout is readable in one place::

    index.html  .nojekyll  stc-build.json
    stc/<runtime_wasm/js/...>  stc/runtime.zip.gz  stc/app.zip
    stc/stdlib.zip.gz             (when the build could compile the stdlib: with Node)
    pyodide/<core files>          (absent with --pyodide-url)
    packages/pyodide-lock.json  packages/<wheels>   (only when the app needs packages)
    stc/queries.json              (only when the app uses a connection: the allowlist)
    stc/forward.json              (only with [tool.stc.secrets] or proxy_hosts)
    stc/auth.json                 (only when the app logs in: streamlit_authenticator)

The boot config inline in ``index.html`` lists the packages to load and the site's
lock file; with no packages both keys are absent and Pyodide boots as before. Its
``integrity`` gives the size and sha256 of ``runtime.zip.gz`` and ``app.zip``, which the
worker checks before unpacking them (a partly uploaded site then says so instead of
failing inside Pyodide); those are known only once the zips are made, so the plan
names the files (:attr:`Template.integrity`) and the render stage fills them in. Its
``assets`` (and the manifest's) lists the optional vendored libraries the site carries
(:mod:`compiler.resolve._assets`), so the page can say which one a left-out element needs.

An app whose queries go through ``stc proxy`` gets ``stc/queries.json``, the
allowlist the proxy enforces (:mod:`runtime_wasm.connections`; public: the same SQL
is in ``app.zip``), and ``proxy_url`` in its config. ``public_secrets`` carries the
values of the secrets.toml keys ``[tool.stc] public_secrets`` names, the only secret
values a site ever holds. An app whose web requests go through the proxy
(``[tool.stc.secrets]``, ``proxy_hosts``) gets ``stc/forward.json``, the rules the proxy
forwards them by (:class:`runtime_wasm.http.ForwardRules`: names and hosts, never a
value), ``proxy_url`` too, and ``http`` in its config: the names of the secrets that
are placeholders in the browser and the hosts reached through the proxy. Each key is
absent when there is nothing to say. An app that logs in (streamlit-authenticator's
``Authenticate``) gets ``stc/auth.json`` (:class:`runtime_wasm.auth.AuthConfig`: where
the proxy reads the users and the signing key, names only) and ``proxy_url``, which
checks the passwords; ``app.zip`` carries its credentials file redacted, never as it is.

Every URL the page uses is relative (``proxy_url`` is the one absolute address), so
the site works under any sub-path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from compiler._exceptions import BuildError
from compiler._options import Category
from compiler.analyse._analyse import Analysis
from compiler.analyse._config import theme_css
from compiler.analyse._parse import ParsedApp
from compiler.emit._bake import BakedAnswer, baked_members
from compiler.emit._page_entries import entry_config, page_routes
from compiler.emit._preload import page_modules
from compiler.resolve._resolve import Resolved
from compiler.resolve._sitelock import LOCK_PATH, Package, site_lock
from runtime_wasm._protocol import PROTOCOL_VERSION, DataConfig, HttpConfig, PageConfig
from runtime_wasm.auth import AUTH_PATH
from runtime_wasm.connections import ALLOWLIST_PATH, dump_allowlist
from runtime_wasm.http import RULES_PATH

__all__ = ["Copy", "Data", "PlannedFile", "SitePlan", "Template", "Text", "Zip", "plan"]

MANIFEST = "stc-build.json"
SERVICE_WORKER_PATH = "sw.js"  # at the root: its scope is the whole site (templates/sw.js)
# The runtime and the site's standard library (compiler/resolve/_site_stdlib.py): solid
# zips (compiler/emit/_zip.py), which the worker inflates.
RUNTIME_PATH = "stc/runtime.zip.gz"
STDLIB_PATH = "stc/stdlib.zip.gz"
ORIGINALS = ".stc/original"  # in app.zip: the user's sources of the files stc rewrote


@dataclass(frozen=True, kw_only=True)
class Copy:
    source: Path


@dataclass(frozen=True, kw_only=True)
class Zip:
    members: tuple[tuple[str, Path | bytes], ...]  # (arcname, file or contents)
    solid: bool = False  # stored members, the whole zip gzip-compressed (a ``.zip.gz``)


@dataclass(frozen=True, kw_only=True)
class Template:
    name: str
    context: Mapping[str, object]
    # config key -> site path: the render stage puts each file's size and sha256 in
    # ``context["config"]["integrity"][key]``
    integrity: Mapping[str, str] = field(default_factory=dict)
    last: bool = False  # rendered after every other template (its integrity names them)


@dataclass(frozen=True, kw_only=True)
class Text:
    text: str


@dataclass(frozen=True, kw_only=True)
class Data:
    data: bytes  # a file read from an archive (a component's frontend in its wheel)


@dataclass(frozen=True, kw_only=True)
class PlannedFile:
    path: str  # relative to the output folder, "/"-separated
    category: Category
    source: Copy | Zip | Template | Text | Data


@dataclass(frozen=True, kw_only=True)
class SitePlan:
    files: tuple[PlannedFile, ...]
    manifest: Mapping[str, object]  # stc-build.json without its file list


def _data_config(analysis: Analysis) -> DataConfig:
    """What the site's runtime must know of its data: where the proxy is, the type of
    each connection in secrets.toml (never a value), the keys marked public, and which
    web requests go through the proxy (``HttpConfig``). Logins need the proxy too."""
    data: DataConfig = {}
    forward = analysis.project.forward
    uses = analysis.connections or forward.secrets or forward.hosts or analysis.auth
    if analysis.proxy_url and uses:
        data["proxy_url"] = analysis.proxy_url
    types = {name: kind for name, kind in analysis.project.connections.items() if kind}
    if types:
        data["connections"] = dict(sorted(types.items()))
    public = {**analysis.login_secrets, **analysis.project.public_secrets}
    if public:
        data["public_secrets"] = public
    http: HttpConfig = {}
    if forward.secrets:
        http["secrets"] = sorted(forward.secrets)
    if forward.hosts:
        http["hosts"] = sorted(forward.hosts)
    if http:
        data["http"] = http
    return data


def plan(
    parsed: ParsedApp,
    analysis: Analysis,
    resolved: Resolved,
    stc_version: str,
    *,
    baked: tuple[BakedAnswer, ...] = (),
    snapshot: bool = True,
    service_worker: bool = False,
    dev: bool = False,
) -> SitePlan:
    """Lay out the site for this app, runtime and Pyodide (and the answers ``--bake``
    made, which go into app.zip beside the app's data files). Without *snapshot*
    visitors' browsers keep no start-up snapshot (``js/snapshot.mjs``); with
    *service_worker* the site carries ``sw.js`` (offline and repeat visits); with *dev*
    (``stc run``) the page follows the development server's events."""
    config: PageConfig = {  # what each page reads (runtime_wasm/_protocol.py)
        "protocol": PROTOCOL_VERSION,
        "pyodide": resolved.pyodide_url,
        "runtime": RUNTIME_PATH,
        "app": "stc/app.zip",
        "entry": parsed.entry,
        "assets": list(resolved.assets),
    }
    if resolved.packages:  # absent otherwise: the worker then boots exactly as before
        config["packages"] = [p.name for p in resolved.packages]
        config["lock"] = LOCK_PATH
    elif resolved.lock_info:  # the worker hands Pyodide a lock of no packages
        config["lock_info"] = dict(resolved.lock_info)
    if resolved.stdlib_modules:  # absent: Pyodide's own stdlib (sources)
        config["stdlib"] = STDLIB_PATH
    if not snapshot or not all(_pure(p) for p in resolved.packages):
        config["snapshot"] = False  # see js/snapshot.mjs
    if service_worker:
        config["service_worker"] = True
    if dev:  # only stc run's site: its server answers DEV_EVENTS
        config["dev"] = True
    data = _data_config(analysis)
    if data:  # absent when the app has none
        config["data"] = data
    routes = page_routes(parsed, analysis)
    if routes:  # a multipage app: the url paths with their own entry
        config["pages"] = list(routes)
    # what the worker checks before use (runtime, app); the stdlib's names its snapshots
    integrity = {"runtime": RUNTIME_PATH, "app": "stc/app.zip"}
    if resolved.stdlib_modules:
        integrity["stdlib"] = STDLIB_PATH
    context = {
        "title": analysis.title,
        "config": config,
        "theme_css": theme_css(resolved.app_config),
        "root": "",
        "preload": page_modules(resolved.js_files),
    }
    files = [
        PlannedFile(
            path="index.html",
            category="page",
            source=Template(name="index.html", context=context, integrity=integrity),
        ),
        *(  # one entry per page, so a reload or a deep link works (see compiler.emit._page_entries)
            PlannedFile(
                path=f"{route}/index.html",
                category="page",
                source=Template(
                    name="index.html",
                    context={**context, "root": "../", "config": entry_config(config, "../")},
                    integrity=integrity,
                ),
            )
            for route in routes
        ),
        PlannedFile(
            path="404.html", category="page", source=Template(name="404.html", context=context)
        ),
        PlannedFile(path=".nojekyll", category="page", source=Text(text="")),
        *(
            PlannedFile(path=f"stc/{rel}", category="runtime", source=Copy(source=path))
            for rel, path in resolved.js_files
        ),
        PlannedFile(
            path=RUNTIME_PATH,
            category="runtime",
            source=Zip(members=resolved.runtime_modules, solid=True),
        ),
        PlannedFile(
            path="stc/app.zip",
            category="app",
            source=Zip(members=_app_members(parsed, analysis) + baked_members(baked)),
        ),
    ]
    if resolved.stdlib_modules:
        stdlib = Zip(members=resolved.stdlib_modules, solid=True)
        files.append(PlannedFile(path=STDLIB_PATH, category="runtime", source=stdlib))
    if resolved.pyodide is not None:
        core = resolved.pyodide
        files += [
            PlannedFile(
                path=f"pyodide/{name}", category="pyodide", source=Copy(source=core.folder / name)
            )
            for name in core.files
        ]
    files += _package_files(resolved)
    files += [  # custom components' frontends (compiler.resolve._components)
        PlannedFile(path=path, category="packages",
                    source=Copy(source=data) if isinstance(data, Path) else Data(data=data))
        for path, data in resolved.components
    ]  # fmt: skip
    if analysis.connections:  # what stc proxy may run, and nothing else
        allowlist = Text(text=dump_allowlist(analysis.queries, analysis.writes) + "\n")
        files.append(PlannedFile(path=ALLOWLIST_PATH, category="app", source=allowlist))
    forward = analysis.project.forward
    if forward.secrets or forward.hosts:  # where stc proxy may send what
        rules = Text(text=forward.dump() + "\n")
        files.append(PlannedFile(path=RULES_PATH, category="app", source=rules))
    if analysis.auth is not None:  # where stc proxy finds the users: names, no value
        auth = Text(text=analysis.auth.dump() + "\n")
        files.append(PlannedFile(path=AUTH_PATH, category="app", source=auth))
    if service_worker:
        files.append(_service_worker(files, config))
    _refuse_duplicates(files)
    manifest = {
        "stc": stc_version,
        "protocol": PROTOCOL_VERSION,
        "pyodide": {
            "version": resolved.pyodide.version if resolved.pyodide else None,
            "url": resolved.pyodide_url,
        },
        "entry": parsed.entry,
        "pages": list(routes),
        "assets": list(resolved.assets),
        "packages": [
            {"name": p.name, "version": p.version, "file": _package_location(p)}
            for p in resolved.packages
        ],
    }
    return SitePlan(files=tuple(sorted(files, key=lambda f: f.path)), manifest=manifest)


def _pure(package: Package) -> bool:
    """Whether *package* is pure Python (no native library to load after a restore)."""
    return package.file_name.endswith("-none-any.whl")


def _service_worker(files: list[PlannedFile], config: PageConfig) -> PlannedFile:
    """``sw.js``, holding the digest of every file a first visit loads (and the
    pages): everything but Pyodide's full stdlib when the site has its own, which
    only a left-out import fetches (the service worker stores it then)."""
    skipped = {".nojekyll"}
    if "stdlib" in config:
        skipped.add(str(config["pyodide"]) + "python_stdlib.zip")
    paths = sorted(f.path for f in files if f.path not in skipped)
    source = Template(
        name="sw.js", context={"config": {}}, integrity={p: p for p in paths}, last=True
    )
    return PlannedFile(path=SERVICE_WORKER_PATH, category="page", source=source)


def _package_files(resolved: Resolved) -> list[PlannedFile]:
    if not resolved.packages:
        return []
    folder = LOCK_PATH.rsplit("/", 1)[0]
    lock = site_lock(resolved.lock_info, resolved.packages)
    return [
        PlannedFile(path=LOCK_PATH, category="packages", source=Text(text=lock)),
        *(
            PlannedFile(
                path=f"{folder}/{p.file_name}", category="packages", source=Copy(source=p.wheel)
            )
            for p in resolved.packages
            if p.wheel is not None
        ),
    ]


def _package_location(package: Package) -> str:
    """Where the page gets the wheel: a path in the site, or the CDN URL."""
    if package.wheel is not None:
        return f"{LOCK_PATH.rsplit('/', 1)[0]}/{package.file_name}"
    return package.url or ""


def _app_members(parsed: ParsedApp, analysis: Analysis) -> tuple[tuple[str, Path | bytes], ...]:
    """The app's files, with the browser rewrite's sources in place of the originals,
    and each original kept at ``.stc/original/<rel>`` for the user's lines in tracebacks;
    a credentials file redacted (or not at all), wherever the original was left out."""
    members: list[tuple[str, Path | bytes]] = []
    redacted = analysis.redacted
    for file in parsed.files:
        new = analysis.rewritten.get(file.rel)
        if file.rel in redacted:
            continue
        if new is None:
            members.append((file.rel, file.path))
        else:
            encoded = new.encode(parsed.modules[file.rel].encoding)  # its coding declaration
            members += [(file.rel, encoded), (f"{ORIGINALS}/{file.rel}", file.path)]
    members += [(rel, copy) for rel, copy in sorted(redacted.items()) if copy is not None]
    return tuple(members)


def _refuse_duplicates(files: list[PlannedFile]) -> None:
    seen: set[str] = set()
    for file in files:
        if file.path in seen or file.path == MANIFEST:
            raise BuildError(f"two files of the site would be written to {file.path}")
        seen.add(file.path)
