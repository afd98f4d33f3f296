"""``streamlit.components``: ``v1`` holds the custom-component API (frontends in
iframes), ``v2`` the components of inline HTML, CSS and JavaScript."""

from . import v1, v2

__all__ = ["v1", "v2"]
