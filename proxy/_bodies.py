"""Request bodies the proxy's own routes read: one JSON object, strictly.

Strict because a body is attacker-controlled: ``NaN`` and ``Infinity`` are not JSON
(Python's parser takes them), and a body nested past the recursion limit is an
ordinary refusal, never an ``internal`` error.
"""

from __future__ import annotations

import json
from typing import Any

from proxy._errors import QueryRefused

__all__ = ["json_object"]


def json_object(body: bytes) -> dict[str, Any]:
    """*body* as a JSON object; ``bad-request`` otherwise."""

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    try:
        raw = json.loads(body, parse_constant=no_constants)
    except (ValueError, RecursionError):
        raise QueryRefused("bad-request", "the request body is not JSON") from None
    if not isinstance(raw, dict):
        raise QueryRefused("bad-request", "the request body must be a JSON object")
    return raw
