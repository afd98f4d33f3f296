"""compiler/analyse/_syntax.py: CPython's verdict first, then libcst within a budget."""

from __future__ import annotations

import pytest

from compiler.analyse._syntax import MAX_DEPTH, read_module


@pytest.mark.parametrize(
    ("source", "message", "line", "col"),
    [
        ("return 1\n", "'return' outside function", 1, 1),
        ("x = 1\nbreak\n", "'break' outside loop", 2, 1),
        ("yield 1\n", "'yield' outside function", 1, 1),
        ("def f():\n    await g()\n", "'await' outside async function", 2, 5),
        ("*a = 1\n", "starred assignment target must be in a list or tuple", 1, 1),
        ("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1),
        ("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8),
        ("x = " + "1" * 5000 + "\n", "Exceeds the limit (4300 digits)", 1, 1),
        ("x = " + "(" * 300 + "1" + ")" * 300 + "\n", "too many nested parentheses", 1, 205),
        ("x = (1,\n", "'(' was never closed", 1, 5),
        ("x = " + "+".join(["1"] * 30000) + "\n", "too deeply nested for Python to compile", 0, 0),
    ],
)
def test_python_rejects(source: str, message: str, line: int, col: int) -> None:
    result = read_module(source.encode(), "app.py")
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "STC001" and result.tree is None
    assert message in diagnostic.message
    assert (diagnostic.span.line, diagnostic.span.col) == (line, col)


@pytest.mark.parametrize(
    "source",
    [
        "import asyncio\nawait asyncio.sleep(0)\n",  # scripts run with top-level await
        "async def f():\n    await g()\n",
        "x = " + "(" * 150 + "1" + ")" * 150 + "\nprint(x)\n",
        "x = " + "+".join(["1"] * 300) + "\nprint(x)\n",
    ],
)
def test_valid_python_is_analysed(source: str) -> None:
    result = read_module(source.encode(), "app.py")
    assert result.diagnostics == () and result.tree is not None


def test_too_deep_ships_unanalysed_with_its_imports() -> None:
    source = "import humanize\nx = " + "lambda: " * (MAX_DEPTH + 10) + "1\n"
    result = read_module(source.encode(), "app.py")
    (diagnostic,) = result.diagnostics
    assert (diagnostic.code, diagnostic.severity, diagnostic.span.line) == ("STC004", "warning", 2)
    assert result.tree is None and result.imports == (("humanize", 0, 1, 1),)


def test_too_large_ships_unanalysed() -> None:
    source = "import streamlit as st\n" + "st.write(1)\n" * 10_000
    result = read_module(source.encode(), "app.py")
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "STC004" and "over 60,000 syntax nodes" in diagnostic.message
    assert result.imports == (("streamlit", 0, 1, 1),)


def test_over_a_megabyte_is_judged_by_compile_alone_and_its_imports_read_from_bytecode() -> None:
    source = "import streamlit as st\nfrom pkg.mod import x\n" + "st.write(1)\n" * 100_000
    result = read_module(source.encode(), "app.py")
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "STC004" and "1.2 MB" in diagnostic.message
    assert result.imports == (("streamlit", 0, 1, 1), ("pkg.mod", 0, 2, 1))


def test_a_table_of_literals_skips_analysis_silently() -> None:
    source = "".join(f"ROW_{i} = ({i}, 'v{i}')\n" for i in range(20_000))
    result = read_module(source.encode(), "table.py")
    assert result == read_module(b"X = 1\n", "x.py")
    assert result.tree is None and result.diagnostics == ()


@pytest.mark.parametrize("source", [b"x = 1\0\n", b"# -*- coding: nope -*-\nx = 1\n"])
def test_undecodable(source: bytes) -> None:
    (diagnostic,) = read_module(source, "app.py").diagnostics
    assert diagnostic.code in ("STC001", "STC002")
