"""bench/growth.py's samples and the Markdown it prints from them.

Rerun times are pooled over runs for the median and p90; a ratio is the median over
runs of that run's stc median over Streamlit's, since the two were timed side by side
and so share that run's machine noise.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Samples", "report"]

NOTES = """
- rerun: click "Rerun" -> "Count: n+1" in the DOM (the counter sits near the top);
  to end of page: -> "Done: n+1", the app's last element. Medians of {runs} cold loads x
  {clicks} clicks (after one untimed click), p90 in brackets; ratio: stc / streamlit, the
  median of per-run ratios.
- dataframe-R: the rows (list of dicts, 5 columns) come from a function under
  @st.cache_data, so building them is not timed; each rerun still gets its copy of the
  cached value (both contenders unpickle it), and that is in the times.
- first render: navigation start -> counter shown, fresh browser context, median
  (min-max). A Streamlit server keeps its cache between page loads, so only its first
  load builds the rows; every stc load starts a fresh Pyodide with an empty cache.
"""


@dataclass
class Samples:
    """One contender's times on one app: ms per cold load, and per click of each load."""

    first: list[float] = field(default_factory=list)
    count: list[list[float]] = field(default_factory=list)
    done: list[list[float]] = field(default_factory=list)


def _pooled(runs: list[list[float]]) -> list[float]:
    return [ms for run in runs for ms in run]


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _rerun(runs: list[list[float]]) -> str:
    values = sorted(_pooled(runs))
    if not values:
        return "n/a"
    return f"{statistics.median(values):.1f} ms ({values[int(len(values) * 0.9)]:.1f})"


def _first(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"{statistics.median(values):.0f} ms ({min(values):.0f}-{max(values):.0f})"


def _ratio(ours: list[list[float]], theirs: list[list[float]]) -> str:
    ratios = [
        statistics.median(a) / statistics.median(b)
        for a, b in zip(ours, theirs, strict=True)
        if a and b
    ]
    return f"{statistics.median(ratios):.2f}x" if ratios else "n/a"


def _growth(first: float | None, last: float | None) -> str:
    return f"x{last / first:.1f}" if first and last else "n/a"


def _rerun_median(s: Samples) -> float | None:
    return _median(_pooled(s.count))


def _done_median(s: Samples) -> float | None:
    return _median(_pooled(s.done))


def _first_median(s: Samples) -> float | None:
    return _median(s.first)


_MEASURES: tuple[tuple[str, Callable[[Samples], float | None]], ...] = (
    ("rerun", _rerun_median),
    ("to end of page", _done_median),
    ("first render", _first_median),
)


def _family_lines(apps: list[str], by_name: dict[str, dict[str, Samples]]) -> list[str]:
    families: dict[str, list[tuple[int, str]]] = {}
    for app in apps:
        family, _, size = app.rpartition("-")
        families.setdefault(family, []).append((int(size), app))
    lines = []
    for family, members in families.items():
        if len(members) < 2:
            continue
        (low, small), (high, big) = min(members), max(members)
        parts = []
        for label, pick in _MEASURES:
            grown = [
                f"{who} {_growth(pick(apps_[small]), pick(apps_[big]))}"
                for who, apps_ in by_name.items()
            ]
            parts.append(f"{label} {', '.join(grown)}")
        lines.append(f"- {family} {low:,}→{high:,}: " + "; ".join(parts))
    return lines


def report(apps: list[str], by_name: dict[str, dict[str, Samples]], runs: int, clicks: int) -> str:
    """The table (one row per app) and a line per family on how its costs grow."""
    names = list(by_name)
    pair = len(names) == 2
    head = ["app"]
    head += [f"{who} rerun median (p90)" for who in names] + (["ratio"] if pair else [])
    head += [f"{who} to end of page" for who in names] + (["ratio"] if pair else [])
    head += [f"{who} first render" for who in names]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for app in apps:
        got = [by_name[who].get(app, Samples()) for who in names]
        cells = [app, *(_rerun(s.count) for s in got)]
        cells += [_ratio(got[0].count, got[1].count)] if pair else []
        cells += [_rerun(s.done) for s in got]
        cells += [_ratio(got[0].done, got[1].done)] if pair else []
        cells += [_first(s.first) for s in got]
        rows.append("| " + " | ".join(cells) + " |")
    growth = _family_lines(apps, {who: by_name[who] for who in names})
    notes = NOTES.format(runs=runs, clicks=clicks)
    return "\n".join(["", *rows, "", "How the cost grows:", *growth, notes])
