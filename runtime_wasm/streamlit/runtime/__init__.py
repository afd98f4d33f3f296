"""``streamlit.runtime``: Streamlit's server. stc has none; what packages ask of it
answers as an app running in the browser would.

``exists()`` is True while an app runs (packages use it to tell "inside Streamlit"
from a plain ``python`` import); ``get_instance()`` raises, since the media file
manager and session registry it returns are server objects.
"""

from __future__ import annotations

from typing import NoReturn

from ..._context import maybe_current
from ..._errors import StreamlitAPIException
from ..._unsupported import refused

__all__ = ["exists", "get_instance"]


def exists() -> bool:
    """Whether a Streamlit app is running: here, whether a script run is in progress."""
    return maybe_current() is not None


def get_instance() -> NoReturn:
    """Streamlit's server object; a static site has no server."""
    raise StreamlitAPIException(refused("streamlit.runtime.get_instance").message)
