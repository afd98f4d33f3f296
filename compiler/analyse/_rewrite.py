"""Browser rewrites: ``time.sleep(x)`` becomes ``await asyncio.sleep(x)``, and ``async``
spreads up the app's own call graph so every new ``await`` is legal.

The script runs in the browser's one thread: while ``time.sleep`` blocks, the page
cannot show anything the script has drawn. Awaiting instead lets the runtime render.
:func:`plan_rewrites` reads the facts of :mod:`compiler.analyse.passes._calls` and decides,
to a fixed point, which functions become ``async def``; a function stays sync when
anything calls it where ``await`` is impossible (a lambda, a helper module's top
level, passed as a value), because its callers would get a coroutine instead of a
result. Its sleeps then stay blocking, with a ``STC501`` warning saying why.
:class:`AwaitTransformer` applies the plan; no line is added or removed, so line
numbers in tracebacks stay the user's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import libcst as cst

from compiler._diagnostics import Diagnostic
from compiler.analyse.passes._calls import CallFacts, Site
from compiler.analyse.passes._rules import (
    REWRITTEN,
    UNREWRITABLE,
)

__all__ = ["AwaitTransformer", "RewritePlan", "plan_rewrites"]

# self-contained, so the rewrite adds no import line (line numbers stay the user's)
_ASYNCIO_SLEEP = cst.parse_expression('__import__("asyncio").sleep')
_SHOWN = {
    "time.sleep": ("time.sleep", "await asyncio.sleep"),
    "asyncio.run": ("asyncio.run(coro)", "await coro"),
}


@dataclass(frozen=True, kw_only=True)
class RewritePlan:
    make_async: frozenset[int]  # ids of FunctionDef nodes that become async def
    awaits: Mapping[int, Site]  # ids of Call nodes that become awaits
    modules: frozenset[str]  # dotted names of the modules that change
    diagnostics: tuple[Diagnostic, ...]


def plan_rewrites(facts: CallFacts) -> RewritePlan:
    """Decide which calls become awaits and which functions become ``async def``."""
    why_not = _why_not_async(facts)
    calls = [c for c in facts.calls if c.target in facts.functions]
    sync = {key for key, function in facts.functions.items() if not function.is_async}
    needs = {s.context.function for s in facts.blocking if s.context.function in sync}
    while True:  # every sync function that calls, transitively, one that will await
        more = {c.context.function or "" for c in calls if c.target in needs} & sync
        if more <= needs:
            break
        needs |= more
    chosen = needs - why_not.keys()
    while True:  # drop functions called where their caller cannot await
        dropped = False
        for call in calls:
            if call.target in chosen and not _can_await(call, chosen):
                chosen.discard(call.target)
                why_not[call.target] = _caller_reason(call, facts)
                dropped = True
        if not dropped:
            break
    awaits: dict[int, Site] = {id(c.node): c for c in calls if c.target in chosen}
    diagnostics: list[Diagnostic] = []
    for site in facts.blocking:
        shown, replacement = _SHOWN[site.target]
        if _can_await(site, chosen) and _rewritable(site):
            awaits[id(site.node)] = site
            diagnostics.append(REWRITTEN.diagnostic(site.span, call=shown, replacement=replacement))
        else:
            if site.context.why_not:
                why = f"it is in {site.context.why_not}, where await is impossible"
            else:
                why = why_not.get(site.context.function or "", "")
            why = why or "asyncio.run needs exactly one argument to become an await"
            diagnostics.append(UNREWRITABLE.diagnostic(site.span, call=site.target, why=why))
    return RewritePlan(
        make_async=frozenset(id(facts.functions[key].node) for key in chosen),
        awaits=awaits,
        modules=frozenset(site.module for site in awaits.values()),
        diagnostics=tuple(diagnostics),
    )


def _why_not_async(facts: CallFacts) -> dict[str, str]:
    """Functions that can never become async, with the reason."""
    why: dict[str, str] = {}
    methods = Counter(f.method for f in facts.functions.values() if f.method)
    uses = dict(facts.attribute_uses)
    for call in facts.calls:  # obj.m() of an inherited m: stc cannot follow it
        if call.method and call.target not in facts.functions:
            uses.setdefault(call.method, f"{call.span.path}:{call.span.line}")
    for key, function in facts.functions.items():
        if function.why_not:
            why[key] = function.why_not
        elif key in facts.escapes:
            why[key] = facts.escapes[key]
        elif function.method and methods[function.method] > 1:
            why[key] = f"more than one class has a method {function.method}"
        elif function.method in uses:
            where = uses[function.method]
            why[key] = f"{function.name} is called through an object at {where}"
    return why


def _can_await(site: Site, chosen: set[str]) -> bool:
    context = site.context
    return context.awaitable or (context.function is not None and context.function in chosen)


def _rewritable(site: Site) -> bool:
    node = site.node
    if site.target != "asyncio.run":
        return True
    return len(node.args) == 1 and node.args[0].keyword is None and not node.args[0].star


def _caller_reason(call: Site, facts: CallFacts) -> str:
    target = facts.functions[call.target].name
    where = f"{call.span.path}:{call.span.line}"
    if call.context.function is None:
        return (
            f"{target} is called at {where}, in {call.context.why_not}, where await is impossible"
        )
    caller = facts.functions[call.context.function].name
    return f"{target} is called by {caller} at {where}, and {caller} cannot become async"


class AwaitTransformer(cst.CSTTransformer):
    """Apply a :class:`RewritePlan` to one module, keeping every line where it was."""

    def __init__(self, plan: RewritePlan) -> None:
        super().__init__()
        self.plan = plan

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        if id(original_node) in self.plan.make_async:
            return updated_node.with_changes(asynchronous=cst.Asynchronous())
        return updated_node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        site = self.plan.awaits.get(id(original_node))
        if site is None:
            return updated_node
        expression: cst.BaseExpression = updated_node.with_changes(lpar=(), rpar=())
        if site.target == "time.sleep":
            expression = updated_node.with_changes(func=_ASYNCIO_SLEEP, lpar=(), rpar=())
        elif site.target == "asyncio.run":
            expression = _parenthesized(updated_node.args[0].value)
        lpar, rpar = updated_node.lpar, updated_node.rpar
        if site.needs_parens and not lpar:
            lpar, rpar = (cst.LeftParen(),), (cst.RightParen(),)
        return cst.Await(expression=expression, lpar=lpar, rpar=rpar)


def _parenthesized(node: cst.BaseExpression) -> cst.BaseExpression:
    """*node* as the operand of ``await``: atoms as they are, anything else in parens."""
    if isinstance(node, cst.Call | cst.Name | cst.Attribute | cst.Subscript) or node.lpar:
        return node
    return node.with_changes(lpar=(cst.LeftParen(),), rpar=(cst.RightParen(),))
