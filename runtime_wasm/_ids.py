"""Widget identity, computed the way Streamlit does.

A widget without a ``key`` is identified by its kind and the parameters that define
it (label, options, defaults, its form, main area or sidebar), so the same call on
the next run finds its value again. With a ``key`` the key alone decides, so a
changed label does not reset the widget.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ._state import WIDGET_ID_PREFIX

__all__ = ["compute_widget_id"]


def compute_widget_id(kind: str, user_key: str | None, *, page: str = "", **identity: Any) -> str:
    h = hashlib.md5(kind.encode(), usedforsecurity=False)
    if page:  # the page of a multipage app, even with a key (Streamlit's active_script_hash)
        h.update(f"page={page};".encode())
    if user_key is None:
        for name in sorted(identity):
            h.update(f"{name}={identity[name]!r};".encode())
    return f"{WIDGET_ID_PREFIX}-{h.hexdigest()}-{user_key}"
