"""Default values that mean "not given", shared by the API and the subsystems below it.

Each is an instance of a class named as Streamlit names its own sentinel, so
signatures compare equal to Streamlit's (tests/unit/test_conformance.py).
"""

from __future__ import annotations

__all__ = ["TTL_NOT_SPECIFIED"]


class _TTLNotSpecified:
    """``st.connection(ttl=...)`` left out: the connection is cached until cleared."""

    def __repr__(self) -> str:
        return "<unset>"


TTL_NOT_SPECIFIED = _TTLNotSpecified()
