"""Numbers as Streamlit's widgets type them: a ``bool`` is not a number, and a widget is
an int widget or a float widget (``st.slider``, ``st.number_input``, ``st.pagination``,
``st.grid`` and ``st.menu_button`` ask alike).

``st.slider`` and ``st.number_input`` ask, as Streamlit's do, ``numbers.Integral`` /
``numbers.Real`` (``is_integral``, ``is_number``), so NumPy's scalars (``np.int64``,
``np.float32``), which register with those ABCs, are numbers there; NumPy is never
imported for it. ``is_int`` is the plain ``int`` the other widgets ask for."""

from __future__ import annotations

from numbers import Integral, Real
from typing import Any

__all__ = ["Number", "as_number", "is_int", "is_integral", "is_number"]

Number = int | float


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_integral(value: Any) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def as_number(data_type: str, value: Any) -> Number:
    """*value* as the widget's ``data_type`` ("int" or "float"), a plain Python number
    (a NumPy scalar would reach the page as text)."""
    return int(value) if data_type == "int" else float(value)
