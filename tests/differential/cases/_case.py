"""One differential case, and what the case tables share to write theirs."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["_TOKYO", "Case", "_c", "_first"]


@dataclass(frozen=True)
class Case:
    id: str
    script: str
    actions: list[Callable[[Any], Any]] = field(default_factory=list)


def _c(id: str, script: str, *actions: Callable[[Any], Any]) -> Case:
    return Case(id, "import streamlit as st\n" + script.strip() + "\n", list(actions))


_TOKYO = datetime.timezone(datetime.timedelta(hours=9))


def _first(at: Any, *kinds: str) -> Any:
    """The first widget of the first of *kinds* the AppTest has: Streamlit's calls
    st.pills a ``button_group``, stc's a ``pills``."""
    for kind in kinds:
        found = at.get(kind)
        if len(found):
            return found[0]
    raise LookupError(kinds)
