"""``streamlit.components.v2.bidi_component``: where Streamlit's ``ComponentResult``
is imported from (``BidiComponentResult`` is its older name)."""

from .._result import ComponentResult

__all__ = ["BidiComponentResult", "ComponentResult"]

BidiComponentResult = ComponentResult
