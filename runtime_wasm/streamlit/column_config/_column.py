"""What every column config is: a plain dict, as Streamlit's (``label``, the settings
common to all columns, and ``type_config`` with the column type's own), built by
:func:`column_config`; and ``Column``, the config without a type."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

__all__ = ["Column", "ColumnConfig", "column_config"]

ColumnConfig = dict[str, Any]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if type(value).__module__.split(".")[0] in ("numpy", "pandas") and hasattr(value, "tolist"):
        # A NumPy scalar or array, a pandas Series or Index: JSON would have its text
        return _plain(value.tolist())
    return value


def column_config(
    label: str | None, common: dict[str, Any], kind: str | None, **type_config: Any
) -> ColumnConfig:
    """The config of a column of type *kind* (``None``: any type): dates and times as
    ISO text, durations as seconds, tuples and NumPy arrays as lists, NumPy numbers as
    Python's, so that it is JSON."""
    config: ColumnConfig = {"label": label, **{k: _plain(v) for k, v in common.items()}}
    if kind is not None:
        config["type_config"] = {"type": kind, **{k: _plain(v) for k, v in type_config.items()}}
    return config


def Column(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
) -> ColumnConfig:
    """``st.column_config.Column``."""
    return column_config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
        },
        None,
    )
