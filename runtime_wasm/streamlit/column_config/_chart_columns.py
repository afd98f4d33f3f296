"""Chart columns: ``LineChartColumn``, ``BarChartColumn`` and ``AreaChartColumn``, one
config of three chart types."""

from __future__ import annotations

from typing import Any

from ._column import ColumnConfig, column_config

__all__ = ["AreaChartColumn", "BarChartColumn", "LineChartColumn"]


def _chart_column(
    kind: str,
    label: str | None,
    width: Any,
    help: Any,
    pinned: Any,
    y_min: Any,
    y_max: Any,
    color: Any,
) -> ColumnConfig:
    common = {"width": width, "help": help, "pinned": pinned}
    return column_config(label, common, kind, y_min=y_min, y_max=y_max, color=color)


def LineChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    y_min: Any = None,
    y_max: Any = None,
    color: Any = None,
) -> ColumnConfig:
    """``st.column_config.LineChartColumn``."""
    return _chart_column("line_chart", label, width, help, pinned, y_min, y_max, color)


def BarChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    y_min: Any = None,
    y_max: Any = None,
    color: Any = None,
) -> ColumnConfig:
    """``st.column_config.BarChartColumn``."""
    return _chart_column("bar_chart", label, width, help, pinned, y_min, y_max, color)


def AreaChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    y_min: Any = None,
    y_max: Any = None,
    color: Any = None,
) -> ColumnConfig:
    """``st.column_config.AreaChartColumn``."""
    return _chart_column("area_chart", label, width, help, pinned, y_min, y_max, color)
