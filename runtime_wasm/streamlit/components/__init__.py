"""``streamlit.components``: ``v1`` holds the custom-component API."""

from . import v1

__all__ = ["v1"]
