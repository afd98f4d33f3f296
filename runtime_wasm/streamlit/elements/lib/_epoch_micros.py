"""Dates, times and datetimes as microseconds since the Unix epoch: the wire value of
a date or time ``st.slider``, as in Streamlit (its ``slider.py``).

The page knows no time zones: a datetime goes as its wall-clock time read as UTC, and
the zone comes back only in Python (``from_micros``), so a slider over 09:00 in Tokyo
shows 09:00 and returns 09:00 in Tokyo. A time is a datetime on 2000-01-01 (a date well
after the epoch, away from pre-1970 zone quirks); a date is its midnight.

A JavaScript number holds integers exactly up to 2**53 - 1, some 285 years of
microseconds either side of 1970; bounds beyond it are refused (``check_safe``) rather
than rounded to another instant on the page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

from ...._errors import StreamlitAPIException

__all__ = [
    "TIMELIKE",
    "Timelike",
    "check_safe",
    "delta_micros",
    "from_micros",
    "to_micros",
    "window_around",
]

Timelike = date | datetime | time
TIMELIKE: Final = ("date", "datetime", "time")  # the slider's data types sent as micros

_MAX_SAFE_INTEGER: Final = 2**53 - 1
_UTC_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_TIME_BASE_DATE: Final = date(2000, 1, 1)
_SAFE_SPAN: Final = timedelta(microseconds=_MAX_SAFE_INTEGER)
# The last whole days usable at any time of day (the limit itself falls mid-day).
_MIN_SAFE_DAY: Final = (datetime(1970, 1, 1) - _SAFE_SPAN).date() + timedelta(days=1)
_MAX_SAFE_DAY: Final = (datetime(1970, 1, 1) + _SAFE_SPAN).date() - timedelta(days=1)


def delta_micros(delta: timedelta) -> int:
    return delta.microseconds + (delta.seconds + delta.days * 86_400) * 1_000_000


def _as_datetime(value: Timelike, data_type: str) -> datetime:
    if data_type == "time" and isinstance(value, time):
        return datetime.combine(_TIME_BASE_DATE, value)
    if data_type == "date" and isinstance(value, date):
        return datetime.combine(value, time())  # a datetime given keeps only its date
    if isinstance(value, datetime):
        return value
    raise TypeError(value)


def to_micros(value: Timelike, data_type: str) -> int:
    """*value* (of the slider's ``data_type``) as microseconds of wall-clock time."""
    wall = _as_datetime(value, data_type).replace(tzinfo=UTC)
    return delta_micros(wall - _UTC_EPOCH)


def from_micros(micros: int, data_type: str, tz: tzinfo | None) -> Timelike:
    """The slider's value back from the page: a naive date, or a datetime or time in
    the zone *tz* of the value the app gave."""
    wall = (_UTC_EPOCH + timedelta(microseconds=micros)).replace(tzinfo=tz)
    if data_type == "date":
        return wall.date()
    if data_type == "time":
        return wall.time().replace(tzinfo=tz)
    return wall


def window_around(anchor: date, window: timedelta) -> tuple[date, date]:
    """``anchor`` -/+ ``window`` (Streamlit's default bounds of a date slider), kept
    within what the page can hold and never past ``anchor`` itself."""
    floor: date
    ceiling: date
    if isinstance(anchor, datetime):
        floor = datetime.combine(_MIN_SAFE_DAY, time.min, tzinfo=anchor.tzinfo)
        ceiling = datetime.combine(_MAX_SAFE_DAY, time.max, tzinfo=anchor.tzinfo)
    else:
        floor, ceiling = _MIN_SAFE_DAY, _MAX_SAFE_DAY
    try:
        low = min(anchor, max(anchor - window, floor))
    except OverflowError:
        low = anchor
    try:
        high = max(anchor, min(anchor + window, ceiling))
    except OverflowError:
        high = anchor
    return low, high


def check_safe(name: str, micros: int) -> None:
    """Streamlit's error for a bound the page's numbers cannot hold exactly."""
    if abs(micros) > _MAX_SAFE_INTEGER:
        raise StreamlitAPIException(
            f"{name} is too far from 1970 for Streamlit to represent exactly. Use a value "
            f"between {_MIN_SAFE_DAY:%Y-%m-%d} and {_MAX_SAFE_DAY:%Y-%m-%d}."
        )
