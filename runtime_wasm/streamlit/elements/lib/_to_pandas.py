"""What Streamlit converts to a pandas DataFrame before it shows data: used by
``st.dataframe``/``st.table`` and by the components' Arrow tables alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._types import has_callable_attr, is_dataframe_like, is_pandas_styler

__all__ = ["as_pandas"]


def as_pandas(data: Any) -> Any:
    """What Streamlit converts to a pandas DataFrame first (``convert_anything_to_pandas_df``),
    and ``st.write`` passes here: a Styler's data, a mapping of Series, ``to_pandas()``,
    the dataframe interchange protocol."""
    if is_pandas_styler(data):
        return data.data
    if isinstance(data, Mapping) and is_dataframe_like(data):  # of pandas Series
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        return pd.DataFrame(data)
    if has_callable_attr(data, "to_pandas"):
        return data.to_pandas()
    if has_callable_attr(data, "__dataframe__"):
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        return pd.api.interchange.from_dataframe(data)
    return data
