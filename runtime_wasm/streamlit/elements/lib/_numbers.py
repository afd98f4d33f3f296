"""Numbers as Streamlit's widgets type them: a ``bool`` is not a number, and a widget is
an int widget or a float widget (``st.slider``, ``st.number_input``, ``st.pagination``,
``st.grid`` and ``st.menu_button`` ask alike)."""

from __future__ import annotations

from typing import Any

__all__ = ["Number", "as_number", "is_int", "is_number"]

Number = int | float


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def as_number(data_type: str, value: Any) -> Number:
    """*value* as the widget's ``data_type`` ("int" or "float")."""
    return int(value) if data_type == "int" else float(value)
