"""The browser rewrite: ``time.sleep`` → ``await asyncio.sleep``, ``async`` spread up
the app's call graph, every line kept where it was."""

from __future__ import annotations

import ast
import textwrap
import zipfile
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from compiler import BuildOptions, NullReporter, build
from runtime_wasm.testing import AppTest
from tests.unit._analysis import analyse_app, assert_snapshot, findings, write_app

CDN = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"

SLEEP = 'await __import__("asyncio").sleep'


def _rewrite(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    analysis = analyse_app(tmp_path, files)
    for rel, new in analysis.rewritten.items():
        _assert_same_lines(textwrap.dedent(files[rel]).lstrip("\n"), new)
        flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if rel == "app.py" else 0
        compile(new, rel, "exec", flags=flags, dont_inherit=True)
    return dict(analysis.rewritten)


def _statement_lines(source: str) -> list[tuple[str, int]]:
    wrapper = MetadataWrapper(cst.parse_module(source))
    positions = wrapper.resolve(PositionProvider)
    return [
        (type(node).__name__, positions[node].start.line)
        for node in positions
        if isinstance(node, cst.BaseStatement | cst.BaseSmallStatement)
    ]


def _assert_same_lines(old: str, new: str) -> None:
    assert len(new.splitlines()) == len(old.splitlines())
    assert _statement_lines(new) == _statement_lines(old)


@pytest.mark.parametrize(
    ("source", "line", "expected"),
    [
        pytest.param("import time\ntime.sleep(1)\n", 2, f"{SLEEP}(1)", id="import-time"),
        pytest.param("import time as t\nt.sleep(0.5)\n", 2, f"{SLEEP}(0.5)", id="alias"),
        pytest.param("from time import sleep\nsleep(2)\n", 2, f"{SLEEP}(2)", id="from-import"),
        pytest.param("from time import sleep as nap\nnap(2)\n", 2, f"{SLEEP}(2)", id="nap"),
        pytest.param(
            "import time\nx = [time.sleep(0) for _ in range(2)]\n",
            2,
            f"x = [{SLEEP}(0) for _ in range(2)]",
            id="in-list-comprehension",
        ),
        pytest.param("import asyncio\nasyncio.run(main())\n", 2, "await main()", id="asyncio-run"),
        pytest.param(
            "import asyncio\nr = asyncio.run(a if b else c)\n",
            2,
            "r = await (a if b else c)",
            id="asyncio-run-parenthesised",
        ),
        pytest.param(
            "import time\n\ndef f(n):\n    time.sleep(n)\n    return n\n\nprint(f(1).real)\n",
            7,
            "print((await f(1)).real)",
            id="call-needs-parens",
        ),
        pytest.param(
            "import time\nasync def f():\n    time.sleep(1)\n",
            3,
            f"    {SLEEP}(1)",
            id="already-async",
        ),
    ],
)
def test_rewrites(tmp_path: Path, source: str, line: int, expected: str) -> None:
    new = _rewrite(tmp_path, {"app.py": source})["app.py"]
    assert new.splitlines()[line - 1] == expected


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("from mylib import time\ntime.sleep(1)\n", id="other-time-module"),
        pytest.param("class time:\n    sleep = print\ntime.sleep(1)\n", id="local-time"),
        pytest.param("import time\nsleep = time.sleep\n", id="not-a-call"),
        pytest.param("def sleep(n):\n    pass\nsleep(1)\n", id="own-sleep"),
    ],
)
def test_not_rewritten(tmp_path: Path, source: str) -> None:
    assert _rewrite(tmp_path, {"app.py": source}) == {}


def test_async_spreads_up_the_call_graph(tmp_path: Path) -> None:
    app = """
        import time
        import streamlit as st
        from helpers import slow_square

        class Loader:
            def load(self):
                return self.wait(1) + 1

            def wait(self, n):
                time.sleep(n)
                return n

        def main():
            loader = Loader()
            st.write(slow_square(3), loader.load(), Loader().wait(0))

        st.button("again", on_click=main)
        if __name__ == "__main__":
            main()
        """
    helpers = """
        from time import sleep

        def slow_square(n):
            sleep(0.1)
            return n * n
        """
    rewritten = _rewrite(tmp_path, {"app.py": app, "helpers.py": helpers})
    assert_snapshot("rewrite_call_graph_app.txt", rewritten["app.py"])
    assert rewritten["helpers.py"].splitlines()[2:5] == [
        "async def slow_square(n):",
        f"    {SLEEP}(0.1)",
        "    return n * n",
    ]


@pytest.mark.parametrize(
    ("source", "why"),
    [
        pytest.param(
            "import time\ndef f():\n    time.sleep(1)\ng = lambda: f()\n",
            "f is called at app.py:4, in a lambda, where await is impossible",
            id="called-in-lambda",
        ),
        pytest.param(
            "import time\ndef f(x):\n    time.sleep(1)\nlist(map(f, [1]))\n",
            "it is used as a value at app.py:4",
            id="passed-as-value",
        ),
        pytest.param(
            "import time\nimport functools\n@functools.cache\ndef f():\n    time.sleep(1)\n",
            "f is decorated",
            id="decorated",
        ),
        pytest.param(
            "import time\ndef f():\n    time.sleep(1)\n    yield 1\n",
            "f is a generator",
            id="generator",
        ),
        pytest.param(
            "import time\nclass A:\n    time.sleep(1)\n",
            "it is in a class body, where await is impossible",
            id="class-body",
        ),
        pytest.param(
            "import time\nx = sum(time.sleep(0) or 1 for _ in range(3))\n",
            "it is in a generator expression, where await is impossible",
            id="generator-expression",
        ),
        pytest.param(
            "import time\nclass A:\n    def m(self):\n        time.sleep(1)\n"
            "def g(a):\n    a.m()\n",
            "A.m is called through an object at app.py:6",
            id="method-through-unknown-object",
        ),
        pytest.param(
            "import time\nclass A:\n    def m(self):\n        time.sleep(1)\n"
            "class B(A):\n    def m(self):\n        pass\n",
            "more than one class has a method m",
            id="method-overridden",
        ),
        pytest.param(
            "import time\ndef f():\n    time.sleep(1)\ndef g():\n    f()\nh = [g]\n",
            "f is called by g at app.py:5, and g cannot become async",
            id="caller-escapes",
        ),
    ],
)
def test_unrewritable_sleep_warns(tmp_path: Path, source: str, why: str) -> None:
    analysis = analyse_app(tmp_path, {"app.py": source})
    assert analysis.rewritten == {}
    (warning,) = [d for d in analysis.diagnostics if d.code == "STC501"]
    assert warning.message == f"time.sleep will block the page: {why}"


def test_helper_module_top_level_cannot_await(tmp_path: Path) -> None:
    helpers = "import time\n\ndef warm():\n    time.sleep(1)\n\nwarm()\n"
    analysis = analyse_app(
        tmp_path, {"app.py": "import helpers\nhelpers.warm()\n", "helpers.py": helpers}
    )
    assert analysis.rewritten == {}
    assert findings(analysis, "STC5") == [("STC501", "helpers.py", 4)]


@pytest.mark.parametrize(
    "declare",
    [
        pytest.param("st.navigation([st.Page('tools/slow.py')]).run()\n", id="st.Page"),
        pytest.param("st.navigation(['tools/slow.py']).run()\n", id="navigation-path"),
    ],
)
def test_a_declared_page_runs_as_a_script(tmp_path: Path, declare: str) -> None:
    """A page file runs as its own script (top-level await allowed), not as an imported
    module: its time.sleep becomes an await like the entry script's."""
    slow = "import time\nimport streamlit as st\ntime.sleep(1)\nst.write('done')\n"
    analysis = analyse_app(
        tmp_path, {"app.py": "import streamlit as st\n" + declare, "tools/slow.py": slow}
    )
    assert findings(analysis, "STC501") == []
    assert SLEEP in analysis.rewritten["tools/slow.py"]


def test_each_rewrite_is_noted(tmp_path: Path) -> None:
    analysis = analyse_app(tmp_path, {"app.py": "import time\ntime.sleep(1)\n"})
    (note,) = analysis.diagnostics
    assert (note.code, note.severity) == ("STC502", "info")
    assert note.message == (
        "time.sleep → await asyncio.sleep so the page can update while the script waits"
    )


def test_rewritten_app_runs_and_keeps_its_output(tmp_path: Path) -> None:
    source = """
        import time
        import streamlit as st

        def step(n):
            time.sleep(0)
            return n + 1

        def total():
            return sum([step(1), step(2)])

        st.text(total())
        """
    new = _rewrite(tmp_path, {"app.py": source})["app.py"]
    assert "async def total" in new
    at = AppTest.from_string(new).run()
    assert not at.exception
    assert at.text.values == ["5"]


def test_app_zip_ships_the_rewrite_and_keeps_the_original(tmp_path: Path) -> None:
    source = "import time\nimport streamlit as st\ntime.sleep(1)\nst.write('done')\n"
    entry = write_app(tmp_path / "demo", {"app.py": source, "data.txt": "x"})
    out = tmp_path / "site"
    options = BuildOptions(app=entry, out_dir=out, pyodide_url=CDN)
    build(options, NullReporter())
    with zipfile.ZipFile(out / "stc" / "app.zip") as archive:
        assert sorted(archive.namelist()) == [".stc/original/app.py", "app.py", "data.txt"]
        assert archive.read(".stc/original/app.py").decode() == source
        assert archive.read("app.py").decode().splitlines()[2] == f"{SLEEP}(1)"
