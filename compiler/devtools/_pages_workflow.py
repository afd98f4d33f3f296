"""``stc init-pages``: a GitHub Actions workflow that builds the app with stc and
deploys the site to GitHub Pages.

The workflow runs ``stc build`` on every push to the default branch and hands the
folder to ``actions/upload-pages-artifact`` and ``actions/deploy-pages`` (the
repository's Pages source must be "GitHub Actions"). No base URL is needed: every
URL of the site is relative, each page has its own ``<page>/index.html`` and
``404.html`` finds the site's root by itself (see :mod:`compiler.emit._page_entries`), so the
same build works at ``https://<user>.github.io/<repo>/`` and on a custom domain.

With ``--bake`` the workflow also runs on a schedule and builds with ``stc build
--bake``: the repository secret ``STREAMLIT_SECRETS`` (the whole secrets.toml) is
written to the runner's temporary folder, outside the app and the site, for the
build to read; the baked rows (public) refresh at every run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from packaging.requirements import InvalidRequirement, Requirement

from compiler._exceptions import BuildError
from compiler._version import DISTRIBUTION, stc_version

__all__ = ["WORKFLOW_PATH", "InitPagesOptions", "init_pages", "workflow"]

WORKFLOW_PATH = ".github/workflows/stc-pages.yml"

_TEMPLATE = """\
# Build {app} with stc and deploy it to GitHub Pages.
# Written by `stc init-pages`; in the repository's settings, set Pages > Source to
# "GitHub Actions".
name: stc pages

on:
  push:
    branches: [{branch}]
{schedule}  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - uses: actions/setup-node@v4  # npm fetches the Pyodide core once
        with:
          node-version: "20"
      - uses: actions/cache@v4  # the Pyodide core and the wheels stc downloads
        with:
          path: ~/.cache/stc
          key: stc-${{{{ runner.os }}}}-${{{{ hashFiles('{requirements}') }}}}
          restore-keys: stc-${{{{ runner.os }}}}-
      - run: python -m pip install {install}
{build}      - uses: actions/configure-pages@v5
      - uses: actions/upload-pages-artifact@v3
        with:
          path: {out}

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

_CRON_FIELD = re.compile(r"[0-9*/,-]+|[A-Za-z]{3}")
_BAKE_STEPS = """\
      # Add your database's driver to the install line (psycopg, snowflake-connector-python…).
      # STREAMLIT_SECRETS: a repository secret holding your whole secrets.toml; it is
      # written outside the app folder, read by --bake, and never part of the site.
      - name: stc build --bake
        env:
          STREAMLIT_SECRETS: ${{{{ secrets.STREAMLIT_SECRETS }}}}
        run: |
          printf '%s' "$STREAMLIT_SECRETS" > "$RUNNER_TEMP/secrets.toml"
          stc build {app} -o {out} --bake --secrets "$RUNNER_TEMP/secrets.toml"
          rm "$RUNNER_TEMP/secrets.toml"
"""


@dataclass(frozen=True, kw_only=True)
class InitPagesOptions:
    app: Path  # the entry script, relative to the repository's root
    repo: Path = Path()  # the repository's root, where .github/ goes
    branch: str = "main"
    out: str = "site"
    # what `pip install` gets stc from: a requirement of stc-compiler, by default
    # the version that wrote the workflow (``stc-compiler @ git+https://…@<sha>`` too)
    install: str | None = None
    force: bool = False
    bake: bool = False  # build with --bake, on a schedule too
    schedule: str = "17 5 * * *"  # cron, UTC: when a baked site is rebuilt (daily)


def workflow(options: InitPagesOptions) -> str:
    """The workflow's text for *options*."""
    app = PurePosixPath(options.app.as_posix())
    requirements = (app.parent / "requirements.txt").as_posix()
    build = f"      - run: stc build {_quoted(str(app))} -o {_quoted(options.out)}\n"
    schedule = ""
    install = _stc_requirement(options.install)
    if options.bake:
        build = _BAKE_STEPS.format(app=_quoted(str(app)), out=_quoted(options.out))
        schedule = f'  schedule:  # refreshes the baked data\n    - cron: "{options.schedule}"\n'
        install.extras.add("proxy")  # --bake runs statements with stc proxy's code
    return _TEMPLATE.format(
        app=_quoted(str(app)),
        branch=options.branch,
        out=_quoted(options.out),
        install=_quoted(str(install)),
        requirements=requirements,
        schedule=schedule,
        build=build,
    )


def _stc_requirement(install: str | None) -> Requirement:
    """What the workflow installs: *install*, or this very version of stc."""
    text = install if install is not None else f"{DISTRIBUTION}=={stc_version()}"
    try:
        requirement = Requirement(text)
    except InvalidRequirement as error:
        raise BuildError(f"--install takes a pip requirement of {DISTRIBUTION}: {error}") from error
    if requirement.name != DISTRIBUTION:
        raise BuildError(
            f"--install names {requirement.name!r}: the workflow must install {DISTRIBUTION} "
            f"(for example '{DISTRIBUTION} @ git+https://github.com/<you>/<stc fork>@<commit>')"
        )
    return requirement


def init_pages(options: InitPagesOptions) -> Path:
    """Write the workflow; refuses to replace an existing one unless ``force``."""
    text = workflow(options)  # refuses a wrong --install before anything is written
    fields = options.schedule.split()
    if len(fields) != 5 or not all(_CRON_FIELD.fullmatch(f) for f in fields):
        raise BuildError(f"--schedule takes a cron line of five fields, UTC: {options.schedule!r}")
    if options.app.is_absolute():
        raise BuildError(f"give the app's path relative to the repository: {options.app}")
    if not (options.repo / options.app).is_file():
        raise BuildError(f"no such app script in {options.repo.resolve()}: {options.app}")
    target = options.repo / WORKFLOW_PATH
    if target.exists() and not options.force:
        raise BuildError(f"{WORKFLOW_PATH} exists; replace it with --force")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise BuildError(f"cannot write {target}: {error.strerror or error}") from error
    return target


def _quoted(text: str) -> str:
    """*text* as a shell word and a YAML scalar: quoted only when it needs it."""
    if text and all(c.isalnum() or c in "._-/@=<>+:" for c in text):
        return text
    return "'" + text.replace("'", "'\"'\"'") + "'"
