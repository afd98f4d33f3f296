"""Judging a call against a signature on its source: Python's verdict, in Python's words.

Each row is a ``def f(<params>)`` and a call ``f(<args>)``: the judgement must be
exactly what CPython says when it runs (or compiles) that call, and nothing when the
call binds or a ``*``/``**`` argument leaves the answer open.
"""

from __future__ import annotations

import inspect
from typing import Any

import libcst as cst
import pytest

from compiler._analysis._signatures import mismatch, shown
from runtime_wasm import streamlit as st


def _python_says(params: str, args: str) -> str | None:
    """What CPython raises for ``f(<args>)``: the message, or ``None`` when it binds."""
    namespace: dict[str, Any] = {}
    exec(f"def f({params}): pass", namespace)
    try:
        code = compile(f"f({args})", "<call>", "eval")
    except SyntaxError as error:
        return error.msg
    try:
        eval(code, namespace)
    except TypeError as error:
        return str(error)
    return None


def _we_say(params: str, args: str) -> tuple[str, str] | None:
    """The judgement on the source: the message and the text of the node it points at."""
    namespace: dict[str, Any] = {}
    exec(f"def f({params}): pass", namespace)
    module = cst.parse_module(f"f({args})\n")
    call = cst.ensure_type(
        cst.ensure_type(module.body[0], cst.SimpleStatementLine).body[0], cst.Expr
    ).value
    found = mismatch("f", inspect.signature(namespace["f"]), cst.ensure_type(call, cst.Call))
    if found is None:
        return None
    return found.message, module.code_for_node(found.node).rstrip(", ")


@pytest.mark.parametrize(
    ("params", "args", "points_at"),
    [
        pytest.param("a, b=1, *, c=2", "1, d=3", "d=3", id="unexpected-keyword"),
        pytest.param("*args, u=False", "'x', nonsense=1", "nonsense=1", id="varargs-unexpected"),
        pytest.param("*args, u=False", "args=1", "args=1", id="varargs-name-is-no-keyword"),
        pytest.param("a, b=1", "1, a=2", "a=2", id="multiple-values"),
        pytest.param("a, b=1", "1, 2, b=3", "b=3", id="multiple-values-second"),
        pytest.param("a, b=1", "1, x=1, a=2", "x=1", id="first-bad-keyword-wins"),
        pytest.param("a, b=1", "1, a=2, x=1", "a=2", id="first-bad-keyword-wins-2"),
        pytest.param("a, /, b=1", "a=1", "a=1", id="positional-only-by-keyword"),
        pytest.param("a, b, /", "a=1, b=2", "a=1", id="positional-only-two"),
        pytest.param("a, b=1", "1, 2, 3", "3", id="too-many-from-to"),
        pytest.param("a, b", "1, 2, 3, 4", "3", id="too-many-exact"),
        pytest.param("a", "1, 2", "2", id="too-many-one"),
        pytest.param("", "1", "1", id="too-many-none-was"),
        pytest.param("*, k=1", "1, 2", "1", id="too-many-keyword-only"),
        pytest.param("a, *, k=1", "1, 2, k=3", "2", id="too-many-and-keyword-only"),
        pytest.param("a, *, j=1, k=1", "1, 2, 3, j=3, k=4", "2", id="too-many-and-2-keyword-only"),
        pytest.param("a, b=1", "1, 2, 3, x=1", "x=1", id="keyword-before-count"),
        pytest.param("a", "", "f()", id="missing-one"),
        pytest.param("a, b, c=1", "", "f()", id="missing-two"),
        pytest.param("a, b, c", "c=1", "f(c=1)", id="missing-two-of-three"),
        pytest.param("a, b, c", "", "f()", id="missing-three"),
        pytest.param("a, *, k", "1", "f(1)", id="missing-keyword-only"),
        pytest.param("a, *, k, j", "", "f()", id="missing-positional-before-keyword-only"),
        pytest.param("a", "a=1, a=2", "a=2", id="keyword-repeated"),
        pytest.param("**kw", "a=1, a=2", "a=2", id="keyword-repeated-kwargs"),
        # -- bind: no judgement ------------------------------------------------------------
        pytest.param("a, b=1, *, c=2", "1, 2, c=3", None, id="binds"),
        pytest.param("a, b=1", "b=2, a=1", None, id="binds-by-keyword"),
        pytest.param("a, /, **kw", "1, a=2", None, id="kwargs-takes-positional-only-name"),
        pytest.param("a, **kw", "1, anything=2", None, id="kwargs-takes-any-keyword"),
        pytest.param("*args", "1, 2, 3, 4, 5", None, id="varargs-take-any-count"),
        pytest.param("*args, **kw", "", None, id="nothing-required"),
    ],
)
def test_judged_as_python_judges(params: str, args: str, points_at: str | None) -> None:
    expected = _python_says(params, args)
    judged = _we_say(params, args)
    if points_at is None:
        assert expected is None
        assert judged is None
    else:
        assert expected is not None
        assert judged == (expected, points_at)


@pytest.mark.parametrize(
    ("params", "args", "expected"),
    [
        # a splat may fill what is missing, or give a value twice: not judged
        pytest.param("a", "*xs", None, id="star-fills-missing"),
        pytest.param("a, *, k", "**kw", None, id="double-star-fills-missing"),
        pytest.param("a, b", "*xs, a=1", None, id="star-may-give-twice"),
        pytest.param("a, b", "1, **kw", None, id="double-star-may-give-twice"),
        pytest.param(
            "a, *, k",
            "*xs",
            "f() missing 1 required keyword-only argument: 'k'",
            id="star-cannot-fill-keyword-only",
        ),
        # what a splat cannot change is still certain
        pytest.param(
            "a",
            "1, 2, *xs",
            "f() takes 1 positional argument but at least 2 were given",
            id="star-only-adds-positionals",
        ),
        pytest.param(
            "a",
            "*xs, x=1",
            "f() got an unexpected keyword argument 'x'",
            id="star-does-not-take-keywords",
        ),
        pytest.param(
            "a",
            "**kw, x=1",
            "f() got an unexpected keyword argument 'x'",
            id="double-star-does-not-take-keywords",
        ),
        pytest.param(
            "a, b",
            "1, *xs, a=2",
            "f() got multiple values for argument 'a'",
            id="star-after-positional-twice",
        ),
    ],
)
def test_splats(params: str, args: str, expected: str | None) -> None:
    judged = _we_say(params, args)
    assert (judged[0] if judged else None) == expected


def test_shown_signature_reads_like_the_docs() -> None:
    assert shown(inspect.signature(st.title)) == (
        "(body, anchor=None, *, help=None, icon=None, width='stretch', "
        "text_alignment='left', wrap=True)"
    )
    assert shown(inspect.signature(st.help)) == "(obj=streamlit, *, width='stretch')"
    assert "format_func=str," in shown(inspect.signature(st.radio))
