"""``stc``: a thin shell over :func:`compiler.build` and :func:`compiler.serve`.

It parses arguments, calls the library, and turns :class:`StcError` into one
message on stderr and its exit code (2 is argparse's usage error).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from compiler._build import build, stc_version
from compiler._diagnostics import render_diagnostic
from compiler._errors import StcError
from compiler._options import BuildOptions, BuildResult
from compiler._reporter import Reporter, StreamReporter
from compiler._serve import serve

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
        serve(args.directory, host=args.host, port=args.port, reporter=reporter)
        return 0
    except StcError as error:
        error.show(sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


def _build(args: argparse.Namespace, reporter: Reporter) -> int:
    started = time.monotonic()
    options = BuildOptions(
        app=args.app, out_dir=args.out, pyodide_url=args.pyodide_url, force=args.force
    )
    result = build(options, reporter)
    for diagnostic in result.diagnostics:
        print(render_diagnostic(diagnostic), file=sys.stderr)
    _report(result, reporter, time.monotonic() - started)
    return 0


def _report(result: BuildResult, reporter: Reporter, seconds: float) -> None:
    total = sum(result.totals.values())
    parts = ", ".join(f"{name} {_mb(size)}" for name, size in result.totals.items() if size)
    reporter.stage("done")
    reporter.info(
        f"{result.out_dir}: {len(result.files)} files, {_mb(total)} ({parts}) in {seconds:.1f} s"
    )
    reporter.info(f"try it: stc serve {result.out_dir}")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stc", description="Compile a Streamlit app into a static site that runs on Pyodide."
    )
    parser.add_argument("--version", action="version", version=f"stc {stc_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_cmd = commands.add_parser("build", help="build the static site of an app")
    build_cmd.add_argument("app", type=Path, metavar="APP", help="the app's entry script")
    build_cmd.add_argument(
        "-o", "--out", type=Path, default=Path("site"), metavar="DIR",
        help="output folder (default: ./site, relative to the current directory); "
        "an existing folder is replaced only if stc made it",
    )  # fmt: skip
    build_cmd.add_argument(
        "--pyodide-url", metavar="URL",
        help="load Pyodide from this folder URL instead of copying it into the site",
    )  # fmt: skip
    build_cmd.add_argument("--force", action="store_true", help="build even if the app has errors")

    serve_cmd = commands.add_parser("serve", help="serve a built site locally")
    serve_cmd.add_argument("directory", type=Path, metavar="DIR", help="the built site")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    return parser
