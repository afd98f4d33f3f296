"""``streamlit.runtime.metrics_util``: ``gather_metrics`` decorates commands to count
their use. stc collects nothing, so it returns the function unchanged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

__all__ = ["gather_metrics"]

F = TypeVar("F", bound=Callable[..., Any])


@overload
def gather_metrics(name: str, func: F, *, _positional_arg_offset: int = 0) -> F: ...
@overload
def gather_metrics(
    name: str, func: None = None, *, _positional_arg_offset: int = 0
) -> Callable[[F], F]: ...
def gather_metrics(
    name: str, func: F | None = None, *, _positional_arg_offset: int = 0
) -> F | Callable[[F], F]:
    """A no-op decorator with Streamlit's signature: ``gather_metrics("name", f)`` or
    ``@gather_metrics("name")``. Streamlit also exports it as ``st._gather_metrics``,
    which packages such as streamlit-pydantic wrap their commands with."""
    if func is None:
        return lambda f: f
    return func
