"""bench/growth.py's generated apps: valid Python, as many elements as they say, a
counter that a click moves, and a dataframe of the asked size and column types.

Run with stc's own AppTest on CPython; nothing is timed here.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from runtime_wasm.testing import AppTest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _apps() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_apps", BENCH / "_apps.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


apps = _apps()


@pytest.mark.parametrize("name", ["elements-1", "elements-10", "elements-1000", "dataframe-7"])
def test_an_app_draws_its_elements_and_its_counter_moves(name: str) -> None:
    source = apps.app_source(name)
    ast.parse(source)
    at = AppTest.from_string(source, default_timeout=30).run()
    assert (at.markdown[0].value, at.caption[-1].value) == ("Count: 0", "Done: 0")
    at.button[0].click().run()
    assert (at.markdown[0].value, at.caption[-1].value) == ("Count: 1", "Done: 1")
    # Counted on the rerun: a first run of the dataframe app also holds the cache's spinner.
    assert len(at.main.children) == apps.element_count(name)
    assert source.count("Count:") == source.count("Done:") == 1


def test_the_dataframe_app_has_its_rows_in_five_typed_columns() -> None:
    source = apps.app_source("dataframe-1000")
    at = AppTest.from_string(source, default_timeout=30).run()
    assert at.dataframe[0].value.shape == (1000, 5)
    # The runtime sends cells as text; the types are those the app's builder makes.
    [builder] = [n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]
    builder.decorator_list = []
    namespace: dict[str, Any] = {}
    exec(compile(ast.Module([builder], []), "app.py", "exec"), namespace)
    rows = namespace[builder.name](3)
    assert [[type(v) for v in row.values()] for row in rows] == [[int, float, str, bool, int]] * 3


@pytest.mark.parametrize("name", ["elements", "elements-0", "table-10", "dataframe-x"])
def test_a_name_that_is_no_app_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="not an app name"):
        apps.app_source(name)
