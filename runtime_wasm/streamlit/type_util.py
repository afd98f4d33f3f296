"""``streamlit.type_util``: the type checks packages borrow from Streamlit."""

from __future__ import annotations

from typing import Any

__all__ = ["get_fqn_type", "is_dataframe_like", "is_pandas_styler", "is_type"]


def get_fqn_type(obj: object) -> str:
    """``"pandas.core.frame.DataFrame"`` for a DataFrame."""
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_type(obj: object, fqn_type_pattern: Any) -> bool:
    """Whether ``obj``'s fully qualified type name is (or matches) the pattern."""
    fqn = get_fqn_type(obj)
    if isinstance(fqn_type_pattern, str):
        return fqn_type_pattern == fqn
    return fqn_type_pattern.match(fqn) is not None


def is_dataframe_like(obj: object) -> bool:
    root = type(obj).__module__.split(".")[0]
    return root in ("pandas", "polars", "pyarrow", "numpy") and hasattr(obj, "shape")


def is_pandas_styler(obj: object) -> bool:
    return is_type(obj, "pandas.io.formats.style.Styler")
