"""``streamlit.type_util``: the type checks packages borrow from Streamlit."""

from __future__ import annotations

from ._types import get_fqn_type, is_dataframe_like, is_pandas_styler, is_type

__all__ = ["get_fqn_type", "is_dataframe_like", "is_pandas_styler", "is_type"]
