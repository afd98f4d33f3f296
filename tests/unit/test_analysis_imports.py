"""The imports visitor: every import as an ``ImportRef``, with every field filled."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.analyse._facts import ImportRef
from tests.unit._analysis import analyse_app


def _imports(tmp_path: Path, source: str, rel: str = "app.py") -> list[ImportRef]:
    files = {"app.py": "", rel: source} if rel != "app.py" else {"app.py": source}
    return [i for i in analyse_app(tmp_path, files).imports if i.file == rel]


def _row(ref: ImportRef) -> tuple[str, str, int, int, bool, bool]:
    return (ref.module, ref.top, ref.span.line, ref.span.col, ref.optional, ref.dynamic)


@pytest.mark.parametrize(
    ("rel", "source", "expected"),
    [
        pytest.param(
            "app.py", "import os.path", [("os.path", "os", 1, 8, False, False)], id="dotted"
        ),
        pytest.param(
            "app.py",
            "import numpy as np, pandas",
            [("numpy", "numpy", 1, 8, False, False), ("pandas", "pandas", 1, 21, False, False)],
            id="several-with-alias",
        ),
        pytest.param(
            "app.py", "from a.b import c", [("a.b", "a", 1, 6, False, False)], id="from-absolute"
        ),
        pytest.param(
            "pkg/sub/mod.py",
            "from . import sib",
            [("pkg.sub.sib", "pkg", 1, 15, False, False)],
            id="relative-name-is-module",
        ),
        pytest.param(
            "pkg/sub/mod.py",
            "from ..util import f",
            [("pkg.util", "pkg", 1, 8, False, False)],
            id="relative-parent",
        ),
        pytest.param(
            "pkg/__init__.py",
            "from .core import f",
            [("pkg.core", "pkg", 1, 7, False, False)],
            id="relative-in-init",
        ),
        pytest.param(
            "app.py",
            "from . import helpers",
            [],  # ImportError in Python and in Streamlit: STC411, not a package to find
            id="relative-at-top-level",
        ),
        pytest.param(
            "app.py",
            "try:\n    import ujson\nexcept ImportError:\n    ujson = None\n",
            [("ujson", "ujson", 2, 12, True, False)],
            id="try-import-error",
        ),
        pytest.param(
            "app.py",
            "try:\n    import a\nexcept (ValueError, ModuleNotFoundError):\n    pass\n",
            [("a", "a", 2, 12, True, False)],
            id="try-tuple-module-not-found",
        ),
        pytest.param(
            "app.py",
            "try:\n    import a\nexcept KeyError:\n    pass\n",
            [("a", "a", 2, 12, False, False)],
            id="try-other-error-not-optional",
        ),
        pytest.param(
            "app.py",
            "try:\n    pass\nexcept ImportError:\n    import b\n",
            [("b", "b", 4, 12, False, False)],
            id="in-handler-not-optional",
        ),
        pytest.param(
            "app.py",
            "import sys\nif sys.platform == 'emscripten':\n    import js\n",
            [("sys", "sys", 1, 8, False, False), ("js", "js", 3, 12, True, False)],
            id="under-if",
        ),
        pytest.param(
            "app.py",
            "def f():\n    import scipy\n",
            [("scipy", "scipy", 2, 12, False, False)],
            id="in-function-not-optional",
        ),
        pytest.param(
            "app.py",
            "import importlib\nm = importlib.import_module('yaml')\n",
            [("importlib", "importlib", 1, 8, False, False), ("yaml", "yaml", 2, 29, False, True)],
            id="import-module-literal",
        ),
        pytest.param(
            "app.py",
            "m = __import__('toml.decoder')\n",
            [("toml.decoder", "toml", 1, 16, False, True)],
            id="dunder-import",
        ),
        pytest.param(
            "app.py",
            "import importlib\nname = 'x'\nm = importlib.import_module(name)\n",
            [("importlib", "importlib", 1, 8, False, False)],
            id="import-module-variable-skipped",
        ),
    ],
)
def test_imports(
    tmp_path: Path, rel: str, source: str, expected: list[tuple[str, str, int, int, bool, bool]]
) -> None:
    assert [_row(ref) for ref in _imports(tmp_path, source, rel)] == expected


def test_span_and_file_point_at_the_importing_file(tmp_path: Path) -> None:
    (ref,) = _imports(tmp_path, "import yaml\n", "lib/tools.py")
    assert ref.file == "lib/tools.py"
    assert (ref.span.path, ref.span.end_line, ref.span.end_col) == ("lib/tools.py", 1, 12)
