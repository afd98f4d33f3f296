"""``st.column_config``: column settings for ``st.dataframe`` and ``st.data_editor``.

Each function returns a plain dict, as Streamlit's do (``label``, the common
settings, and ``type_config`` with the column type's own settings), so configs can
be compared, merged and sent to the page as JSON. ``format_func`` of a selectbox or
multiselect column is applied here: the page only sees the labels.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

__all__ = [
    "AreaChartColumn",
    "AudioColumn",
    "BarChartColumn",
    "ButtonColumn",
    "CheckboxColumn",
    "Column",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "MarkdownColumn",
    "MultiselectColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
    "VideoColumn",
]

ColumnConfig = dict[str, Any]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return value


def _config(
    label: str | None, common: dict[str, Any], kind: str | None, **type_config: Any
) -> ColumnConfig:
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
    return _config(
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


def TextColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
    max_chars: Any = None,
    validate: Any = None,
) -> ColumnConfig:
    """``st.column_config.TextColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
            "default": default,
        },
        "text",
        max_chars=max_chars,
        validate=validate,
    )


def NumberColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
    format: Any = None,
    min_value: Any = None,
    max_value: Any = None,
    step: Any = None,
) -> ColumnConfig:
    """``st.column_config.NumberColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
            "default": default,
        },
        "number",
        min_value=min_value,
        max_value=max_value,
        format=format,
        step=step,
    )


def CheckboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
) -> ColumnConfig:
    """``st.column_config.CheckboxColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
            "default": default,
        },
        "checkbox",
    )


def SelectboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    default: Any = None,
    options: Any = None,
    format_func: Any = None,
) -> ColumnConfig:
    """``st.column_config.SelectboxColumn``."""
    if options is not None and format_func is not None:
        options = [{"value": o, "label": str(format_func(o))} for o in options]
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "default": default,
        },
        "selectbox",
        options=options,
    )


def MultiselectColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    default: Any = None,
    options: Any = None,
    accept_new_options: Any = None,
    color: Any = None,
    format_func: Any = None,
) -> ColumnConfig:
    """``st.column_config.MultiselectColumn``."""
    if options is not None and format_func is not None:
        options = [{"value": o, "label": str(format_func(o))} for o in options]
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "default": default,
        },
        "multiselect",
        options=options,
        accept_new_options=accept_new_options,
    )


def DateColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
    format: Any = None,
    min_value: Any = None,
    max_value: Any = None,
    step: Any = None,
) -> ColumnConfig:
    """``st.column_config.DateColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
            "default": default,
        },
        "date",
        format=format,
        min_value=min_value,
        max_value=max_value,
        step=step,
    )


def DatetimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
    format: Any = None,
    min_value: Any = None,
    max_value: Any = None,
    step: Any = None,
    timezone: Any = None,
) -> ColumnConfig:
    """``st.column_config.DatetimeColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
            "default": default,
        },
        "datetime",
        format=format,
        min_value=min_value,
        max_value=max_value,
        step=step,
        timezone=timezone,
    )


def TimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
    format: Any = None,
    min_value: Any = None,
    max_value: Any = None,
    step: Any = None,
) -> ColumnConfig:
    """``st.column_config.TimeColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
            "default": default,
        },
        "time",
        format=format,
        min_value=min_value,
        max_value=max_value,
        step=step,
    )


def LinkColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
    max_chars: Any = None,
    validate: Any = None,
    display_text: Any = None,
) -> ColumnConfig:
    """``st.column_config.LinkColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
            "default": default,
        },
        "link",
        max_chars=max_chars,
        validate=validate,
        display_text=display_text,
    )


def ProgressColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    format: Any = None,
    min_value: Any = None,
    max_value: Any = None,
    step: Any = None,
    color: Any = None,
) -> ColumnConfig:
    """``st.column_config.ProgressColumn``."""
    return _config(
        label,
        {"width": width, "help": help, "pinned": pinned},
        "progress",
        format=format,
        min_value=min_value,
        max_value=max_value,
        step=step,
        color=color,
    )


def ListColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    disabled: Any = None,
    required: Any = None,
    default: Any = None,
) -> ColumnConfig:
    """``st.column_config.ListColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "pinned": pinned,
            "disabled": disabled,
            "required": required,
            "default": default,
        },
        "list",
    )


def ImageColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
) -> ColumnConfig:
    """``st.column_config.ImageColumn``."""
    return _config(
        label, {"width": width, "help": help, "pinned": pinned, "alignment": alignment}, "image"
    )


def JsonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
) -> ColumnConfig:
    """``st.column_config.JsonColumn``."""
    return _config(
        label, {"width": width, "help": help, "pinned": pinned, "alignment": alignment}, "json"
    )


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
    return _config(
        label,
        {"width": width, "help": help, "pinned": pinned},
        "line_chart",
        y_min=y_min,
        y_max=y_max,
        color=color,
    )


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
    return _config(
        label,
        {"width": width, "help": help, "pinned": pinned},
        "bar_chart",
        y_min=y_min,
        y_max=y_max,
        color=color,
    )


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
    return _config(
        label,
        {"width": width, "help": help, "pinned": pinned},
        "area_chart",
        y_min=y_min,
        y_max=y_max,
        color=color,
    )


def MarkdownColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    disabled: Any = None,
    required: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    default: Any = None,
) -> ColumnConfig:
    """``st.column_config.MarkdownColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "disabled": disabled,
            "required": required,
            "pinned": pinned,
            "alignment": alignment,
            "default": default,
        },
        "markdown",
    )


def ButtonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
    type: Any = "secondary",
    on_click: Any = None,
    args: Any = None,
    kwargs: Any = None,
    key: Any = None,
) -> ColumnConfig:
    """``st.column_config.ButtonColumn``."""
    return _config(
        label,
        {
            "width": width,
            "help": help,
            "pinned": pinned,
            "alignment": alignment,
            "disabled": True,
        },
        "button",
        button_type=type,
    )


def AudioColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
) -> ColumnConfig:
    """``st.column_config.AudioColumn``."""
    return _config(
        label, {"width": width, "help": help, "pinned": pinned, "alignment": alignment}, "audio"
    )


def VideoColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: Any = None,
    pinned: Any = None,
    alignment: Any = None,
) -> ColumnConfig:
    """``st.column_config.VideoColumn``."""
    return _config(
        label, {"width": width, "help": help, "pinned": pinned, "alignment": alignment}, "video"
    )
