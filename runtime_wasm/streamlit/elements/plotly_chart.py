"""``streamlit.elements.plotly_chart``: the selection state types packages annotate with."""

from __future__ import annotations

from .lib._chart_selection import PlotlySelectionState, PlotlyState

__all__ = ["PlotlySelectionState", "PlotlyState"]
