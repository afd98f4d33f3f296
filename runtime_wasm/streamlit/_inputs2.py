"""More value widgets: select_slider, date_input, time_input, datetime_input,
color_picker, pills, segmented_control and feedback.

Wire values (what the page sends and receives as ``value``), as in Streamlit:
select_slider an option index or ``[start, end]``; dates ``"YYYY-MM-DD"`` (a list
of 0 to 2 for a range); times ``"HH:MM"`` (``"HH:MM:SS"`` when ``step`` is not
whole minutes); datetimes ``"YYYY-MM-DDTHH:MM"``; colors ``"#rrggbb"``; pills and
segmented_control an option index (``None``) or a list of indices; feedback the
selected index.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from .._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
    StreamlitValueOutOfRangeError,
)
from ._base import DGBase
from ._selection import _index_of, _locate, _options
from ._widget import Key, check_label_visibility, widget

__all__ = ["Inputs2Mixin"]

_DATE_FORMATS: tuple[str, ...] = tuple(
    f.replace("/", sep) for sep in "/.-" for f in ("YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY")
)
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_FEEDBACK = {"thumbs": 2, "faces": 5, "stars": 5}


def _years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value == "today":
        return date.today()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                pass
    raise StreamlitInvalidParameterTypeError(
        "value", type(value).__name__, ["date", "datetime", "ISO string", '"today"']
    )


def _to_time(value: Any) -> time:
    if value == "now":
        return datetime.now().time().replace(microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0, tzinfo=None)
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        for parse in (time.fromisoformat, lambda s: datetime.fromisoformat(s).time()):
            try:
                return parse(value).replace(microsecond=0)
            except ValueError:
                pass
    raise StreamlitInvalidParameterTypeError(
        "value", type(value).__name__, ["datetime", "time", "ISO string"]
    )


def _to_datetime(value: Any, fallback_date: date, fallback_time: time) -> datetime:
    if value == "now":
        return datetime.now().replace(second=0, microsecond=0)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, fallback_time)
    if isinstance(value, time):
        return datetime.combine(fallback_date, value.replace(second=0, microsecond=0))
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).replace(
                tzinfo=None, second=0, microsecond=0
            )
        except ValueError:
            pass
    raise StreamlitInvalidParameterTypeError(
        "value", type(value).__name__, ["datetime", "date", "time", "ISO string", '"now"']
    )


def _check_min_max(lo: Any, hi: Any, value: Any = None) -> None:
    if lo > hi:
        raise StreamlitAPIException(
            f"The `min_value`, set to {lo}, cannot be greater than the `max_value`, set to {hi}."
        )
    if value is not None and value < lo:
        raise StreamlitAPIException(f"The `value` {value} is less than the `min_value` {lo}.")
    if value is not None and value > hi:
        raise StreamlitAPIException(f"The `value` {value} is greater than the `max_value` {hi}.")


def _step_seconds(step: Any) -> int:
    if isinstance(step, bool) or not isinstance(step, int | timedelta):
        raise StreamlitInvalidParameterTypeError("step", type(step).__name__, ["int", "timedelta"])
    seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
    if not 1 <= seconds <= 23 * 3600:
        raise StreamlitValueOutOfRangeError("step", f"{seconds} seconds", "1 second", "23 hours")
    return seconds


def _iso_date(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _iso_datetime(d: datetime) -> str:
    return f"{_iso_date(d)}T{d.hour:02d}:{d.minute:02d}"


class Inputs2Mixin(DGBase):
    def select_slider(
        self,
        label: str,
        options: Any = (),
        value: Any = None,
        format_func: Callable[[Any], Any] = str,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> Any:
        check_label_visibility(label_visibility)
        opts = _options(options)
        if not opts:
            raise StreamlitAPIException(
                "The `options` parameter is required. Provide at least one option."
            )
        is_range = isinstance(value, list | tuple) and len(value) == 2
        if is_range:
            indices = sorted(_index_of(opts, v) for v in value)
        else:
            try:
                indices = [_index_of(opts, value)]
            except ValueError:
                if value is not None:
                    raise
                indices = [0]
        labels = [str(format_func(o)) for o in opts]

        def from_indices(idx: list[int]) -> Any:
            return tuple(opts[i] for i in idx) if is_range else opts[idx[0]]

        def serialize(v: Any) -> Any:
            if is_range:
                return sorted(_locate(opts, labels, format_func, x) for x in v)
            return _locate(opts, labels, format_func, v)

        def deserialize(raw: Any) -> Any:
            return from_indices([int(i) for i in raw] if is_range else [int(raw)])

        return widget(
            self,
            "select_slider",
            key=key,
            identity={"label": label, "options": labels, "value": indices, "help": help},
            default=from_indices(indices),
            serialize=serialize,
            deserialize=deserialize,
            coerce=lambda v: deserialize(serialize(v)),
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "options": labels,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def date_input(
        self,
        label: str,
        value: Any = "today",
        min_value: Any = None,
        max_value: Any = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        format: str = "YYYY/MM/DD",
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> Any:
        check_label_visibility(label_visibility)
        if not isinstance(format, str):
            raise StreamlitInvalidParameterTypeError("format", type(format).__name__, ["str"])
        if format not in _DATE_FORMATS:
            raise StreamlitValueError(
                "format",
                [repr(f) for f in _DATE_FORMATS],
                detail=f"Provided value: {format!r}.",
            )
        is_range = isinstance(value, Sequence) and not isinstance(value, str)
        if value is None:
            dates: list[date] | None = None
        else:
            raw = list(value) if is_range else [value]
            if len(raw) > 2:
                raise StreamlitInvalidParameterTypeError(
                    "value",
                    type(value).__name__,
                    ["date", "datetime", "sequence of 0 to 2 date or datetime values"],
                )
            dates = [_to_date(v) for v in raw]
        lo = _to_date(min_value) if min_value is not None else None
        hi = _to_date(max_value) if max_value is not None else None
        lo = lo or _years(dates[0] if dates else date.today(), -10)
        hi = hi or _years(dates[-1] if dates else date.today(), 10)
        if value == "today" and dates:
            dates = [min(max(dates[0], lo), hi)]
        _check_min_max(lo, hi)
        if dates:
            if dates[0] < lo:
                raise StreamlitAPIException(
                    f"The `value` {dates[0]} is less than the `min_value` {lo}."
                )
            if dates[-1] > hi:
                raise StreamlitAPIException(
                    f"The `value` {dates[-1]} is greater than the `max_value` {hi}."
                )
        default: Any = (tuple(dates) if is_range else dates[0]) if dates is not None else None

        def serialize(v: Any) -> Any:
            if v is None:
                return [] if is_range else None
            if is_range:
                return [_iso_date(_to_date(d)) for d in v]
            return _iso_date(_to_date(v))

        def deserialize(raw: Any) -> Any:
            if is_range:
                return tuple(date.fromisoformat(d) for d in (raw or []))
            return None if raw in (None, "") else date.fromisoformat(raw)

        def coerce(v: Any) -> Any:
            if v is None:
                return None
            parts = [_to_date(d) for d in (v if is_range else [v])]
            if (min_value is not None or max_value is not None) and any(
                not lo <= d <= hi for d in parts
            ):
                raise ValueError(v)
            return tuple(parts) if is_range else parts[0]

        return widget(
            self,
            "date_input",
            key=key,
            identity={
                "label": label,
                "value": serialize(default),
                "min": _iso_date(lo),
                "max": _iso_date(hi),
                "help": help,
                "format": format,
            },
            default=default,
            serialize=serialize,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "min": _iso_date(lo),
                "max": _iso_date(hi),
                "is_range": is_range,
                "format": format,
                "help": help,
                "disabled": disabled,
                "required": required,
                "label_visibility": label_visibility,
            },
        )

    def time_input(
        self,
        label: str,
        value: Any = "now",
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        step: int | timedelta = timedelta(minutes=15),
        format: str = "24h",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> time | None:
        check_label_visibility(label_visibility)
        seconds = _step_seconds(step)
        if format not in ("12h", "24h", "localized"):
            raise StreamlitValueError("format", ["'12h'", "'24h'", "'localized'"])
        wire_fmt = "%H:%M" if seconds % 60 == 0 else "%H:%M:%S"
        default = None if value is None else _to_time(value)
        if default is not None and seconds % 60 == 0:
            default = default.replace(second=0, microsecond=0)

        def serialize(v: Any) -> str | None:
            if v is None:
                return None
            return (v.time() if isinstance(v, datetime) else v).strftime(wire_fmt)

        def deserialize(raw: Any) -> time | None:
            if raw in (None, ""):
                return None
            parsed = time.fromisoformat(raw)
            return parsed.replace(second=0) if seconds % 60 == 0 else parsed

        def coerce(v: Any) -> time | None:
            return None if v is None else deserialize(serialize(_to_time(v)))

        result: time | None = widget(
            self,
            "time_input",
            key=key,
            identity={"label": label, "value": serialize(default), "help": help, "step": seconds},
            default=default,
            serialize=serialize,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "step": seconds,
                "format": format,
                "help": help,
                "disabled": disabled,
                "required": required,
                "label_visibility": label_visibility,
            },
        )
        return result

    def datetime_input(
        self,
        label: str,
        value: Any = "now",
        min_value: Any = None,
        max_value: Any = None,
        *,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        format: str = "YYYY/MM/DD",
        step: int | timedelta = timedelta(minutes=15),
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> datetime | None:
        check_label_visibility(label_visibility)
        seconds = _step_seconds(step)
        if format not in _DATE_FORMATS:
            raise StreamlitValueError(
                "format",
                [repr(f) for f in _DATE_FORMATS],
                detail=f"Provided value: {format!r}.",
            )
        start, end = time(0, 0), time(23, 59)
        default = None if value is None else _to_datetime(value, date.today(), start)
        base = default.date() if default is not None else date.today()
        lo = (
            datetime.combine(_years(base, -10), start)
            if min_value is None
            else _to_datetime(min_value, base, start)
        )
        hi = (
            datetime.combine(_years(base, 10), end)
            if max_value is None
            else _to_datetime(max_value, base, end)
        )
        _check_min_max(lo, hi, default)

        def serialize(v: Any) -> str | None:
            return None if v is None else _iso_datetime(v)

        def deserialize(raw: Any) -> datetime | None:
            return None if raw in (None, "") else datetime.fromisoformat(raw)

        def coerce(v: Any) -> datetime | None:
            if v is None:
                return None
            parsed = _to_datetime(v, base, start)
            if not lo <= parsed <= hi:
                raise ValueError(v)
            return parsed

        result: datetime | None = widget(
            self,
            "datetime_input",
            key=key,
            identity={
                "label": label,
                "value": serialize(default),
                "min": _iso_datetime(lo),
                "max": _iso_datetime(hi),
                "help": help,
                "step": seconds,
                "format": format,
            },
            default=default,
            serialize=serialize,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "min": _iso_datetime(lo),
                "max": _iso_datetime(hi),
                "step": seconds,
                "format": format,
                "help": help,
                "disabled": disabled,
                "required": required,
                "label_visibility": label_visibility,
            },
        )
        return result

    def color_picker(
        self,
        label: str,
        value: str | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: Any = None,
        persist_state: Any = None,
    ) -> str:
        check_label_visibility(label_visibility)
        if value is None:
            value = "#000000"
        if not isinstance(value, str):
            raise StreamlitInvalidParameterTypeError(
                "value",
                type(value).__name__,
                ["str"],
                detail="Pass a hex string like `'#00FFAA'` or `'#000'`.",
            )
        if not _HEX.match(value):
            raise StreamlitAPIException(
                f"'{value}' is not a valid hex code for colors. Valid ones are like "
                "'#00FFAA' or '#000'."
            )

        def coerce(v: Any) -> str:
            if not isinstance(v, str) or not _HEX.match(v):
                raise ValueError(v)
            return v

        return str(
            widget(
                self,
                "color_picker",
                key=key,
                identity={"label": label, "value": value, "help": help},
                default=value,
                deserialize=str,
                coerce=coerce,
                on_change=on_change,
                args=args,
                kwargs=kwargs,
                props={
                    "label": label,
                    "help": help,
                    "disabled": disabled,
                    "label_visibility": label_visibility,
                },
            )
        )

    def _button_group(
        self,
        kind: str,
        label: str,
        options: Any,
        selection_mode: str,
        default: Any,
        required: bool,
        format_func: Callable[[Any], Any] | None,
        key: Key | None,
        help: str | None,
        on_change: Any,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
    ) -> Any:
        check_label_visibility(label_visibility)
        if required and selection_mode == "multi":
            raise StreamlitAPIException(
                "`required=True` and `selection_mode='multi'` cannot be used together. "
                "`required` is only supported for single-select mode."
            )
        if selection_mode not in ("single", "multi"):
            raise StreamlitValueError("selection_mode", ["'single'", "'multi'"])
        multi = selection_mode == "multi"
        opts = _options(options)
        fmt = format_func if format_func is not None else str
        labels = [str(fmt(o)) for o in opts]
        if default is None:
            given: list[Any] = []
        elif isinstance(default, list | tuple | set):
            given = list(default)
        else:
            given = [default]
        for d in given:
            try:
                _index_of(opts, d)
            except ValueError:
                raise StreamlitAPIException(
                    f"The default value '{d}' is not part of the options. "
                    "Please make sure that every default value also exists in the options."
                ) from None
        if not multi and len(given) > 1:
            raise StreamlitAPIException(
                f"The default argument to `st.{kind}` must be a single value when "
                "`selection_mode='single'`."
            )
        if not multi and required and not given and opts:
            given = [opts[0]]
        first: Any = given[0] if given else None
        initial: Any = given if multi else first

        def serialize(v: Any) -> Any:
            if multi:
                return [_locate(opts, labels, fmt, x) for x in (v or [])]
            return None if v is None else _locate(opts, labels, fmt, v)

        def deserialize(raw: Any) -> Any:
            if multi:
                return [opts[int(i)] for i in (raw or [])]
            return None if raw is None else opts[int(raw)]

        return widget(
            self,
            kind,
            key=key,
            identity={
                "label": label,
                "options": labels,
                "default": serialize(initial),
                "help": help,
                "selection_mode": selection_mode,
            },
            default=initial,
            serialize=serialize,
            deserialize=deserialize,
            coerce=lambda v: deserialize(serialize(v)),
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "options": labels,
                "selection_mode": selection_mode,
                "required": required,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def pills(
        self,
        label: str,
        options: Any,
        *,
        selection_mode: str = "single",
        default: Any = None,
        required: bool = False,
        format_func: Callable[[Any], str] | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        wrap: bool | None = None,
        bind: Any = None,
        persist_state: Any = None,
    ) -> Any:
        return self._button_group(
            "pills",
            label,
            options,
            selection_mode,
            default,
            required,
            format_func,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
        )

    def segmented_control(
        self,
        label: str,
        options: Any,
        *,
        selection_mode: str = "single",
        default: Any = None,
        required: bool = False,
        format_func: Callable[[Any], str] | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        wrap: bool | None = None,
        bind: Any = None,
        persist_state: Any = None,
    ) -> Any:
        return self._button_group(
            "segmented_control",
            label,
            options,
            selection_mode,
            default,
            required,
            format_func,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
        )

    def feedback(
        self,
        options: str = "thumbs",
        *,
        key: Key | None = None,
        default: int | None = None,
        disabled: bool = False,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        width: Any = "content",
        bind: Any = None,
        persist_state: Any = None,
    ) -> int | None:
        if options not in _FEEDBACK:
            raise StreamlitValueError("options", ["'thumbs'", "'faces'", "'stars'"])
        count = _FEEDBACK[options]
        if default is not None and not 0 <= default < count:
            raise StreamlitValueOutOfRangeError("default", default, 0, count - 1)

        def index(raw: Any) -> int | None:
            if raw is None:
                return None
            i = int(raw)
            if not 0 <= i < count:
                raise ValueError(raw)
            return i

        result: int | None = widget(
            self,
            "feedback",
            key=key,
            identity={"options": options, "default": default},
            default=default,
            deserialize=index,
            coerce=index,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={"options": options, "count": count, "disabled": disabled},
        )
        return result
