"""``streamlit.elements.plotly_chart``: the selection state types packages annotate with."""

from __future__ import annotations

from .._chart_select import PlotlySelectionState, PlotlyState

__all__ = ["PlotlySelectionState", "PlotlyState"]
