"""Date and time widgets: date_input, time_input, datetime_input.

Wire values, as in Streamlit: dates ``"YYYY-MM-DD"`` (a list of 0 to 2 for a
range); times ``"HH:MM"`` (``"HH:MM:SS"`` when ``step`` is not whole minutes);
datetimes ``"YYYY-MM-DDTHH:MM"``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from ...._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
    StreamlitValueOutOfRangeError,
)
from ..._base import DGBase
from ..._url_binding import UrlCodec
from ..._widget import Key, check_label_visibility, widget
from ..lib._url_codecs import date_codec, url_datetime, url_time

__all__ = ["TimeWidgetsMixin"]

_DATE_FORMATS: tuple[str, ...] = tuple(
    f.replace("/", sep) for sep in "/.-" for f in ("YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY")
)


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


class TimeWidgetsMixin(DGBase):
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
            shared={
                "label": label,
                "min": _iso_date(lo),
                "max": _iso_date(hi),
                "help": help,
                "format": format,
            },
            identity={"value": serialize(default)},
            default=default,
            serialize=serialize,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "is_range": is_range,
                "disabled": disabled,
                "required": required,
                "label_visibility": label_visibility,
            },
            bind=bind,
            url=date_codec(is_range, lo, hi, clearable=not dates),
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
            shared={"label": label, "help": help, "step": seconds},
            identity={"value": serialize(default)},
            default=default,
            serialize=serialize,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "format": format,
                "disabled": disabled,
                "required": required,
                "label_visibility": label_visibility,
            },
            bind=bind,
            url=UrlCodec(
                parse=lambda parts: None if not parts else url_time(parts[-1]),
                format=lambda v: serialize(v) or "",
                clearable=default is None,
            ),
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
            shared={
                "label": label,
                "min": _iso_datetime(lo),
                "max": _iso_datetime(hi),
                "help": help,
                "step": seconds,
                "format": format,
            },
            identity={"value": serialize(default)},
            default=default,
            serialize=serialize,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "disabled": disabled,
                "required": required,
                "label_visibility": label_visibility,
            },
            bind=bind,
            url=UrlCodec(
                parse=lambda parts: None if not parts else url_datetime(parts[0]),
                format=lambda v: [] if v is None else [_iso_datetime(v)],
                clearable=default is None,
            ),
        )
        return result
