"""``stc``: a thin shell over :func:`compiler.build`, :func:`compiler.check`,
:func:`compiler.serve`, the development loop of ``stc run``, the browser check of
``stc test`` and :mod:`proxy`.

It parses arguments, calls the library, and turns :class:`StcError` into one
message on stderr and its exit code (2 is argparse's usage error).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from compiler._command_settings import BuildFlags, build_settings, server_settings
from compiler._diagnostics import Diagnostic, ordered, render_diagnostic
from compiler._exceptions import StcError
from compiler._options import BuildOptions
from compiler._progress import Reporter, StreamReporter
from compiler._version import DISTRIBUTION, stc_version
from compiler.devtools._hosts import allow_host_argument
from compiler.devtools._pages_workflow import InitPagesOptions, init_pages
from compiler.devtools._serve import serve

if TYPE_CHECKING:
    from compiler.devtools._testrun import PageResult

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``stc`` with *argv* (default ``sys.argv[1:]``); returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    reporter = StreamReporter(sys.stderr)
    try:
        if args.command == "build":
            return _build(args, reporter)
        if args.command == "check":
            flags = BuildFlags(proxy_url=args.proxy_url, bake=args.bake)
            checked = build_settings(args.app, flags)
            return _check(args.app, args.format, checked.options, checked.notes)
        if args.command == "test":
            return _test(args, reporter)
        if args.command == "run":
            return _run(args)
        if args.command == "proxy":
            return _proxy(args, reporter)
        if args.command == "init-pages":
            options = InitPagesOptions(
                app=args.app, branch=args.branch, force=args.force, bake=args.bake,
                schedule=args.schedule, install=args.install,
            )  # fmt: skip
            reporter.info(f"wrote {init_pages(options)}: set Pages > Source to GitHub Actions")
            return 0
        host, port, chosen = server_settings(
            Path.cwd(), host=args.host, port=args.port, default_port=_SERVE_PORT
        )
        for setting in chosen:
            reporter.info(f"setting {setting.key} = {setting.value} (from {setting.source})")
        serve(args.directory, host=host, port=port, reporter=reporter)
        return 0
    except StcError as error:
        error.show(sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


# The commands that analyse import the stages when they run: `stc serve` starts at once.
def _build(args: argparse.Namespace, reporter: Reporter) -> int:
    from compiler._build import build
    from compiler.emit._build_report import build_report, report_lines

    started = time.monotonic()
    flags = BuildFlags(
        out=args.out, pyodide_url=args.pyodide_url, force=args.force,
        include_assets=args.include_assets, proxy_url=args.proxy_url, bake=args.bake,
        secrets=args.secrets, snapshot=args.snapshot, service_worker=args.service_worker,
    )  # fmt: skip
    settings = build_settings(args.app, flags)
    for note in settings.notes:
        print(render_diagnostic(note), file=sys.stderr)
    result = build(settings.options, reporter)
    for diagnostic in result.diagnostics:
        print(render_diagnostic(diagnostic), file=sys.stderr)
    report = build_report(result, time.monotonic() - started, settings=settings.chosen)
    reporter.stage("done")
    for line in report_lines(report):
        reporter.info(line)
    reporter.info(f"try it: stc serve {result.out_dir}")
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


def _check(app: Path, output: str, options: BuildOptions, notes: tuple[Diagnostic, ...]) -> int:
    from compiler._check import check_app

    result = check_app(app, proxy_url=options.proxy_url, bake=options.bake)
    diagnostics = ordered(result.diagnostics + notes)
    if output == "json":
        print(json.dumps([_as_json(d) for d in diagnostics], indent=2))
    else:
        for diagnostic in diagnostics:
            print(render_diagnostic(diagnostic))
        print(_check_summary(app, result.python_files, diagnostics))
    return 1 if any(d.severity == "error" for d in diagnostics) else 0


def _check_summary(app: Path, python_files: int, diagnostics: Sequence[Diagnostic]) -> str:
    """The last line of ``stc check``: ``app.py: no problems in 3 Python files.``"""
    files = _plural(python_files, "Python file")
    counts: Counter[str] = Counter(d.severity for d in diagnostics)
    found = [
        _plural(counts[severity], word)
        for severity, word in (("error", "error"), ("warning", "warning"), ("info", "note"))
        if counts[severity]
    ]
    return f"{app}: {', '.join(found) if found else 'no problems'} in {files}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _test(args: argparse.Namespace, reporter: Reporter) -> int:
    from compiler.devtools._hosts import HostPolicy
    from compiler.devtools._testrun import run_in_browser

    def show(result: PageResult) -> None:
        print(result.line(), flush=True)

    results = run_in_browser(
        args.target, port=args.port, timeout=args.timeout, reporter=reporter, on_page=show,
        hosts=HostPolicy(allowed=tuple(args.allow_host)),
    )  # fmt: skip
    return 0 if all(r.ok for r in results) else 1


def _run(args: argparse.Namespace) -> int:
    from compiler.devtools._run import RunOptions, run

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # SIGTERM stops as Ctrl-C does: server, folder cleaned

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        folder = Path(os.path.abspath(args.app)).parent
        build = build_settings(args.app, BuildFlags())
        host, port, chosen = server_settings(
            folder, host=args.host, port=args.port, default_port=_RUN_PORT
        )
        for note in build.notes:
            print(render_diagnostic(note), file=sys.stderr)
        for setting in (*build.chosen, *chosen):
            if setting.key not in _NOT_RUN:
                print(f"  setting {setting.key} = {setting.value} (from {setting.source})")
        options = RunOptions(app=args.app, host=host, port=port, build=build.options)
        run(options, out=sys.stdout, err=sys.stderr)
    except KeyboardInterrupt:
        print("  Stopping...", flush=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def _proxy(args: argparse.Namespace, reporter: Reporter) -> int:
    try:
        import proxy
    except ImportError as error:
        print(
            f"stc proxy needs its extra: pip install '{DISTRIBUTION}[proxy]' ({error})",
            file=sys.stderr,
        )
        return 1
    try:
        settings = proxy.load_settings(
            site=args.site, allowlist=args.allowlist, secrets=args.secrets,
            allow_origins=args.allow_origin, max_rows=args.max_rows, timeout=args.timeout,
            max_body=args.max_body, rate=args.rate, burst=args.burst, app=args.app,
        )  # fmt: skip
    except proxy.ProxyConfigError as error:
        print(f"stc proxy: {error}", file=sys.stderr)
        return 1
    if not settings.allow_origins:
        reporter.info("no --allow-origin: no page may call this proxy from a browser")
    reporter.info(
        f"proxy: {len(settings.allowlist)} statements on {len(settings.connections)} "
        f"connections, {len(settings.forward_secrets)} secrets and "
        f"{len(settings.forward.hosts)} hosts for web requests at http://{args.host}:{args.port}"
    )
    if settings.auth is not None:
        reporter.info(
            f"proxy: logins for {len(settings.auth.users)} users; "
            f"{len(settings.auth.config.require)} connections and secrets need one"
        )
    env = proxy.settings_env(
        secrets=args.secrets, site=args.site, allowlist=args.allowlist,
        allow_origins=list(args.allow_origin), max_rows=args.max_rows, timeout=args.timeout,
        max_body=args.max_body, rate=args.rate, burst=args.burst, app=args.app,
    )  # fmt: skip
    proxy.serve(settings, env=env, host=args.host, port=args.port, workers=args.workers)
    return 0


def _as_json(diagnostic: Diagnostic) -> dict[str, object]:
    span = diagnostic.span
    return {
        "code": diagnostic.code,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "path": span.path,
        "line": span.line,
        "col": span.col,
        "end_line": span.end_line,
        "end_col": span.end_col,
        "hint": diagnostic.hint,
    }


_PROXY_HELP = (
    "where stc proxy answers, for an app that uses st.connection (default: "
    "$STC_PROXY_URL, else proxy_url under [tool.stc] in the app's pyproject.toml)"
)
_FILES = "flags win over [tool.stc] in the app folder's pyproject.toml (README: 'Settings')"
_RUN_PORT = 8501
_NOT_RUN = ("output", "service_worker", "force")  # RunOptions.build says why
_SERVE_PORT = 8000
_PORT_HELP = (
    "port (default: port under [tool.stc], else [server] port in .streamlit/config.toml, else %d)"
)
_HOST_HELP = (
    "address (default: host under [tool.stc], else [server] address in "
    ".streamlit/config.toml, else 127.0.0.1)"
)
_BAKE_HELP = (
    "run the statements that take no parameters now, with the local secrets, and ship "
    "their rows in the site (public!), so they need no proxy"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stc", description="Compile a Streamlit app into a static site that runs on Pyodide."
    )
    parser.add_argument("--version", action="version", version=f"stc {stc_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_cmd = commands.add_parser(
        "build", help="build the static site of an app", description=_FILES
    )
    build_cmd.add_argument("app", type=Path, metavar="APP", help="the app's entry script")
    build_cmd.add_argument(
        "-o", "--out", type=Path, metavar="DIR",
        help="output folder (default: ./site, relative to the current directory, unless "
        "output is set under [tool.stc]); an existing folder is replaced only if stc made it",
    )  # fmt: skip
    build_cmd.add_argument(
        "--pyodide-url", metavar="URL",
        help="load Pyodide from this folder URL instead of copying it into the site",
    )  # fmt: skip
    build_cmd.add_argument(
        "--force", action=argparse.BooleanOptionalAction, help="build even if the app has errors"
    )
    build_cmd.add_argument("--proxy-url", metavar="URL", help=_PROXY_HELP)
    build_cmd.add_argument("--bake", action=argparse.BooleanOptionalAction, help=_BAKE_HELP)
    build_cmd.add_argument(
        "--secrets", type=Path, metavar="FILE",
        help="the secrets file --bake reads (default: .streamlit/secrets.toml in the app's "
        "folder); never shipped",
    )  # fmt: skip
    build_cmd.add_argument(
        "--include-assets", choices=("auto", "all"),
        help="optional libraries (charts: vega, formulas: KaTeX): only those the app is seen "
        "to use (auto, the default) or all",
    )  # fmt: skip
    build_cmd.add_argument(
        "--service-worker", action=argparse.BooleanOptionalAction,
        help="ship a service worker: the site keeps working offline once visited, and a "
        "new build takes over once no page of the old one is open",
    )  # fmt: skip
    build_cmd.add_argument(
        "--snapshot", action=argparse.BooleanOptionalAction,
        help="--no-snapshot: visitors' browsers keep no start-up snapshot (~31 MB in Cache "
        "Storage) that makes their next visit start faster",
    )  # fmt: skip
    build_cmd.add_argument(
        "--json", action="store_true",
        help="print the build report as JSON on stdout (progress stays on stderr)",
    )  # fmt: skip

    check_cmd = commands.add_parser(
        "check", help="report the app's problems without building (exit 1 on errors)"
    )
    check_cmd.add_argument("app", type=Path, metavar="APP", help="the app's entry script")
    check_cmd.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="text (default): each diagnostic with its source line; json: a list on stdout",
    )  # fmt: skip
    check_cmd.add_argument("--proxy-url", metavar="URL", help=_PROXY_HELP)
    check_cmd.add_argument(
        "--bake", action=argparse.BooleanOptionalAction,
        help="check as stc build --bake would build",
    )  # fmt: skip

    run_cmd = commands.add_parser(
        "run",
        help="build the app, serve it and rebuild on every save: the open page reruns "
        "the new code, keeping its session state (like streamlit run)",
    )
    run_cmd.add_argument("app", type=Path, metavar="APP", help="the app's entry script")
    run_cmd.add_argument("--port", type=int, help=_PORT_HELP % _RUN_PORT)
    run_cmd.add_argument("--host", help=_HOST_HELP)

    serve_cmd = commands.add_parser("serve", help="serve a built site locally")
    serve_cmd.add_argument("directory", type=Path, metavar="DIR", help="the built site")
    serve_cmd.add_argument("--port", type=int, help=_PORT_HELP % _SERVE_PORT)
    serve_cmd.add_argument("--host", help=_HOST_HELP)

    proxy_cmd = commands.add_parser(
        "proxy",
        help="serve the site's allowlisted SQL, web requests and logins with the secrets "
        f"(needs {DISTRIBUTION}[proxy])",
    )
    proxy_cmd.add_argument(
        "site", type=Path, nargs="?", metavar="SITE",
        help="the built site (its stc/queries.json is the allowlist, its stc/forward.json "
        "says where web requests may go, its stc/auth.json where the logins' users are)",
    )  # fmt: skip
    proxy_cmd.add_argument("--allowlist", type=Path, metavar="FILE", help="instead of SITE")
    proxy_cmd.add_argument(
        "--secrets", type=Path, default=Path(".streamlit/secrets.toml"), metavar="FILE",
        help="the [connections.*] tables and API keys (default: .streamlit/secrets.toml)",
    )  # fmt: skip
    proxy_cmd.add_argument(
        "--app", type=Path, metavar="DIR",
        help="the app folder, where a login's credentials file is (default: the folder "
        "holding .streamlit/ of --secrets)",
    )  # fmt: skip
    proxy_cmd.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    proxy_cmd.add_argument("--port", type=int, default=8501, help="port (default: 8501)")
    proxy_cmd.add_argument(
        "--allow-origin", action="append", default=[], metavar="ORIGIN",
        help="an origin whose pages may call the proxy, e.g. https://me.github.io (repeatable)",
    )  # fmt: skip
    proxy_cmd.add_argument("--workers", type=int, default=1, help="processes (default: 1)")
    proxy_cmd.add_argument(
        "--max-rows", type=int, default=100_000, help="rows per answer (default: 100000)"
    )
    proxy_cmd.add_argument(
        "--timeout", type=float, default=30.0, metavar="S",
        help="seconds a statement may run or a web request may wait (default: 30)",
    )  # fmt: skip
    proxy_cmd.add_argument(
        "--rate", type=float, default=10.0,
        help="requests per second each client may make, on average (default: 10)",
    )  # fmt: skip
    proxy_cmd.add_argument(
        "--burst", type=int, default=40, help="requests a client may make at once (default: 40)"
    )
    proxy_cmd.add_argument(
        "--max-body", type=int, default=64 * 1024, metavar="BYTES",
        help="largest request body (default: 65536)",
    )  # fmt: skip

    pages_cmd = commands.add_parser(
        "init-pages", help="write .github/workflows/stc-pages.yml (build and deploy to Pages)"
    )
    pages_cmd.add_argument("app", type=Path, help="the entry script, relative to the repository")
    pages_cmd.add_argument("--branch", default="main", help="branch that deploys (default: main)")
    pages_cmd.add_argument("--force", action="store_true", help="replace an existing workflow")
    pages_cmd.add_argument(
        "--bake", action="store_true",
        help="build with --bake (secrets from the repository secret STREAMLIT_SECRETS) and "
        "rebuild on a schedule to refresh the data",
    )  # fmt: skip
    pages_cmd.add_argument(
        "--install", metavar="REQUIREMENT",
        help=f"what the workflow pip-installs (default: this version, "
        f"'{DISTRIBUTION}=={stc_version()}'; e.g. '{DISTRIBUTION} @ git+https://…@<commit>')",
    )  # fmt: skip
    pages_cmd.add_argument(
        "--schedule", default=InitPagesOptions.schedule, metavar="CRON",
        help="when --bake rebuilds, a cron line in UTC (default: daily, '%(default)s')",
    )  # fmt: skip

    test_cmd = commands.add_parser(
        "test",
        help="open every page in headless Chromium; exit 1 on an exception, a console "
        "error, a failed or outside request",
    )
    test_cmd.add_argument(
        "target", type=Path, metavar="APP_OR_SITE",
        help="an app's entry script (built into a temporary folder) or a built site",
    )  # fmt: skip
    test_cmd.add_argument(
        "--port", type=int, default=0, help="port on 127.0.0.1 (default: any free one)"
    )
    test_cmd.add_argument(
        "--timeout", type=float, default=60.0, metavar="S",
        help="seconds each page may take to become idle (default: 60)",
    )  # fmt: skip
    test_cmd.add_argument(
        "--allow-host", action="append", default=[], metavar="HOST", type=allow_host_argument,
        help="a host the pages may fetch from (st.image('https://...')): example.com, "
        "*.example.com for its subdomains (repeatable); answered with a placeholder, "
        "never reached. Any other host fails the page",
    )  # fmt: skip
    return parser
