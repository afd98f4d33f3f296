"""The runtime and the table of what it refuses (``runtime_wasm._unsupported``) agree:
every API the table lists raises the table's message, word for word, when the app
reaches it as the table says; the runtime says "not available in stc" nowhere else;
and the compiler reports each entry (STC106, or STC704 for connections)."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from compiler.analyse.passes._connections import _QUERY
from compiler.analyse.passes._proxy_rules import UNALLOWLISTABLE
from compiler.analyse.passes._refusals import _METHODS, _QUALIFIED, COMMANDS
from runtime_wasm._alias import ALIASES
from runtime_wasm._unsupported import REFUSALS, Refusal, refused

RUNTIME = Path(__file__).resolve().parents[2] / "runtime_wasm"
# What a refused value is, for each kind of value the table names.
VALUES: dict[str, Any] = {
    "True": True,
}
# Arguments a call needs besides the refused one.
REQUIRED: dict[str, tuple[Any, ...]] = {
    "streamlit.secrets.merge_programmatic_secrets": ({"k": "v"},),
    "streamlit.connections.SQLConnection.query": ("select 1",),
}


def _resolve(dotted: str) -> Any:
    """The runtime's object for a name as the app imports it (``streamlit.login``)."""
    top, _, rest = dotted.partition(".")
    value: Any = importlib.import_module(ALIASES[top])
    for part in rest.split("."):
        try:
            value = getattr(value, part)
        except AttributeError:
            value = importlib.import_module(f"{value.__name__}.{part}")
    return value


def _reach(refusal: Refusal, **arguments: Any) -> None:
    """Reach the API as an app would: call it, or read it (a property)."""
    owner, _, name = refusal.api.rpartition(".")
    required = REQUIRED.get(refusal.api, ())
    if not refusal.instance:
        _resolve(refusal.api)(*required, **arguments)
        return
    member = inspect.getattr_static(_resolve(owner), name)
    # No instance is needed to be refused: the refusal comes before any use of self.
    instance = SimpleNamespace(_instructions=lambda: "")
    if isinstance(member, property):
        assert member.fget is not None
        member.fget(instance)
    else:
        member(instance, *required, **arguments)


def _cases() -> list[Any]:
    cases = []
    for refusal in REFUSALS:
        if refusal.accepted is not None:
            cases.append(pytest.param(refusal, {"no_such_option": 1}, id=refusal.api))
        elif not refusal.arguments:
            cases.append(pytest.param(refusal, {}, id=refusal.api))
        for argument, _ in refusal.arguments:
            for value in refusal.values:
                arguments = {argument: VALUES[value]}
                cases.append(
                    pytest.param(refusal, arguments, id=f"{refusal.api}-{argument}-{value}")
                )
    return cases


@pytest.mark.parametrize(("refusal", "arguments"), _cases())
def test_the_runtime_raises_the_tables_message(refusal: Refusal, arguments: dict[str, Any]) -> None:
    with pytest.raises(Exception) as raised:
        _reach(refusal, **arguments)
    names = sorted(arguments) if refusal.accepted is not None else None
    assert str(raised.value) == refusal.text(names)


def test_every_value_the_table_names_has_a_case() -> None:
    assert {v for r in REFUSALS for v in r.values} <= set(VALUES)


def _allowed_cases() -> list[Any]:
    cases = [pytest.param(r, {}, id=r.api) for r in REFUSALS if r.arguments]
    return cases + [
        pytest.param(r, {name: None}, id=f"{r.api}-{name}")
        for r in REFUSALS
        for name in r.accepted or ()
    ]


@pytest.mark.parametrize(("refusal", "arguments"), _allowed_cases())
def test_a_conditional_refusal_lets_other_values_through(
    refusal: Refusal, arguments: dict[str, Any]
) -> None:
    """Without the refused value (or with an accepted keyword) the runtime goes on, and
    fails later or not for reasons other than the table's: the condition is the runtime's."""
    try:
        _reach(refusal, **arguments)
    except Exception as error:  # no session, no label...: anything but the refusal
        assert "in stc" not in str(error) and "not available" not in str(error), error


@pytest.mark.parametrize(
    ("refusal", "argument", "position"),
    [(r, name, at) for r in REFUSALS for name, at in r.arguments],
    ids=lambda x: x.api if isinstance(x, Refusal) else str(x),
)
def test_positions_in_the_table_are_the_runtimes(
    refusal: Refusal, argument: str, position: int | None
) -> None:
    owner, _, method = refusal.api.rpartition(".")
    function = getattr(_resolve(owner), method) if refusal.instance else _resolve(refusal.api)
    parameters = [p for p in inspect.signature(function).parameters if p != "self"]
    assert argument in parameters
    assert position is None or parameters[position] == argument


def _strings(tree: ast.AST) -> list[ast.Constant]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_the_runtime_refuses_only_through_the_table() -> None:
    """A new "not available in stc" in the runtime goes into the table, where the
    compiler sees it; "not available in stc yet" is NOT_YET's (STC101)."""
    found = []
    for path in sorted(RUNTIME.rglob("*.py")):
        if path.name == "_unsupported.py" or "vendor" in path.parts:
            continue
        for node in _strings(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value
            if "not available in stc" in text.replace("in stc yet", "") or (
                "not available yet" in text
            ):
                found.append(f"{path.relative_to(RUNTIME)}:{node.lineno}: {text[:60]}")
    assert found == []


def test_the_scan_would_see_a_refusal_outside_the_table() -> None:
    tree = ast.parse(
        '"""Doc: not available in stc."""\nraise E("`x` is not available in stc: no")\n'
    )
    assert [n.value for n in _strings(tree)] == ["`x` is not available in stc: no"]


def test_the_compiler_reports_every_entry() -> None:
    """Each entry is STC106's (a command, a qualified name or a method), or a
    connection's, which STC704 reports as it follows st.connection."""
    kinds = {"SQLConnection": "sql", "SnowflakeConnection": "snowflake"}
    for refusal in REFUSALS:
        owner, _, name = refusal.api.rpartition(".")
        if refusal.api.startswith("streamlit.connections.") and refusal.accepted is not None:
            assert refusal is _QUERY  # the connection visitor checks query()'s keywords
            continue
        if refusal.api.startswith("streamlit.connections."):
            assert name in UNALLOWLISTABLE[kinds[owner.rpartition(".")[2]]], refusal.api
            continue
        by_stc106 = (
            refusal in COMMANDS.get(refusal.api.removeprefix("streamlit."), ())
            or refusal in _QUALIFIED.get(refusal.api, ())
            or refusal in _METHODS.get(name, ())
        )
        assert by_stc106, refusal.api


def test_refused_names_the_table_entry() -> None:
    assert refused("streamlit.login").api == "streamlit.login"
    with pytest.raises(KeyError):
        refused("streamlit.write")
