"""``streamlit.runtime.metrics_util``: ``gather_metrics`` decorates commands to count
their use. stc collects nothing, so it returns the function unchanged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

__all__ = ["gather_metrics"]

F = TypeVar("F", bound=Callable[..., Any])


@overload
def gather_metrics(name: str, func: F) -> F: ...
@overload
def gather_metrics(name: str, func: None = None) -> Callable[[F], F]: ...
def gather_metrics(name: str, func: F | None = None) -> F | Callable[[F], F]:
    """A no-op decorator with Streamlit's signature: ``gather_metrics("name", f)`` or
    ``@gather_metrics("name")``."""
    if func is None:
        return lambda f: f
    return func
