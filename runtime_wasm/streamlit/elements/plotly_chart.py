"""``streamlit.elements.plotly_chart``: the selection state types packages annotate with."""

from __future__ import annotations

from typing import Any

__all__ = ["PlotlySelectionState", "PlotlyState"]


class PlotlySelectionState(dict[str, Any]):
    """``{"points": [...], "point_indices": [...], "box": [...], "lasso": [...]}``."""


class PlotlyState(dict[str, Any]):
    """``{"selection": PlotlySelectionState}``."""
