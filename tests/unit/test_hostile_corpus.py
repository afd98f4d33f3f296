"""Over a hundred hostile and careless app folders (``_hostile.py``), each built with
``--force`` (so that errors do not hide what would ship):

- no traceback: the build returns, or raises one of stc's own errors;
- no hang: each tree is built within a time limit;
- no file outside the folder: every file in ``app.zip`` is a real file of the app
  folder, and no canary from outside the folder appears anywhere in the site;
- no secret shipped: no canary secret appears in any file of the site, zips opened.
"""

from __future__ import annotations

import signal
import time
import zipfile
from pathlib import Path

import pytest

from compiler import BuildOptions, NullReporter, StcError, build, render_diagnostic
from tests.unit._canaries import site_bytes
from tests.unit._hostile import CANARIES, TREES

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"
LIMIT_S = 30  # per tree, on a loaded 2-core machine; most take well under a second


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang


@pytest.mark.parametrize("name", sorted(TREES))
def test_hostile_tree(name: str, tmp_path: Path) -> None:
    root = tmp_path / "app"
    TREES[name](root)
    site = tmp_path / "site"
    options = BuildOptions(app=root / "app.py", out_dir=site, pyodide_url=CDN, force=True)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_S)
    started = time.monotonic()
    try:
        result = build(options, NullReporter())
    except StcError as error:  # stc's own, shown without a traceback
        assert error.format_message()
        assert not site.exists()
        return
    except Hang:
        pytest.fail(f"{name}: still building after {LIMIT_S} s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < LIMIT_S
    for diagnostic in result.diagnostics:  # every diagnostic renders, none echoes a canary
        shown = render_diagnostic(diagnostic)
        assert not [c for c in CANARIES if c in shown], shown
    real_root = root.resolve()
    with zipfile.ZipFile(site / "stc" / "app.zip") as archive:
        for member in archive.namelist():
            if member.startswith(".stc/"):  # stc's own: original sources of rewritten files
                continue
            assert (root / member).resolve().is_relative_to(real_root), member
    for where, data in site_bytes(site):
        leaked = [c for c in CANARIES if c.encode() in data]
        assert not leaked, f"{name}: {leaked} shipped in {where}"


def test_the_corpus_is_large() -> None:
    assert len(TREES) >= 100
