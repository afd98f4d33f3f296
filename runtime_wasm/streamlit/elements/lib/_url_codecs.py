"""How each kind of widget value reads from and writes to its query parameter, for
``bind="query-params"`` (see ``streamlit/_url_binding.py``).

The texts are Streamlit 1.67's, so a link made on a Streamlit app opens a stc site at
the same values: booleans are ``true``/``false`` (any case when read), options are
their labels (``format_func`` applied), several values repeat the key
(``?k=a&k=b``), numbers are written without a trailing ``.0``, dates and times are
ISO (``2024-05-01``, ``13:45``, ``2024-05-01T13:45``; seconds only when not zero).
A parser raises ``ValueError`` for a text that names no value the widget can take,
so the parameter is dropped, as Streamlit drops it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import Any

from ..._url_binding import UrlCodec
from ._epoch_micros import TIMELIKE, from_micros, to_micros

__all__ = [
    "bool_codec",
    "choice_codec",
    "choices_codec",
    "date_codec",
    "date_text",
    "datetime_text",
    "number_codec",
    "number_text",
    "select_slider_codec",
    "slider_codec",
    "text_codec",
    "time_text",
    "url_date",
    "url_datetime",
    "url_time",
]

Label = Callable[[Any], Any]


def _last(parts: list[str]) -> str:
    if not parts:
        raise ValueError("no value")
    return parts[-1]


# -- booleans ------------------------------------------------------------------------
def _parse_bool(parts: list[str]) -> bool:
    text = _last(parts).lower()
    if text in ("true", "false"):
        return text == "true"
    raise ValueError(f"Invalid boolean value: {text}")


def bool_codec() -> UrlCodec:
    """``st.checkbox``, ``st.toggle``, ``st.expander``."""
    return UrlCodec(parse=_parse_bool, format=lambda v: "true" if v else "false", canon=str.lower)


# -- text ----------------------------------------------------------------------------
def text_codec(
    *,
    clearable: bool = True,
    parse: Callable[[str], Any] | None = None,
    format: Callable[[Any], str] | None = None,
) -> UrlCodec:
    """One string (``st.text_input``, ``st.text_area``; with *parse* / *format*,
    ``st.color_picker``, ``st.time_input``, ``st.feedback``). ``?k=`` is the empty
    text, or ``None`` when *parse* is given."""

    def parse_parts(parts: list[str]) -> Any:
        if parse is None:
            return parts[-1] if parts else ""
        return None if not parts else parse(parts[-1])

    def format_value(value: Any) -> str:
        if value is None:
            return ""
        return str(value) if format is None else format(value)

    return UrlCodec(parse=parse_parts, format=format_value, clearable=clearable)


# -- options -------------------------------------------------------------------------
def _option(options: Sequence[Any], labels: Sequence[str], text: str) -> Any:
    try:
        return options[labels.index(text)]
    except ValueError:
        raise ValueError(f"{text!r} is not an option") from None


def choice_codec(
    options: Sequence[Any], labels: Sequence[str], label: Label, *, clearable: bool
) -> UrlCodec:
    """One option or ``None`` by its label (``st.radio``, ``st.selectbox``,
    ``st.tabs``)."""

    def parse(parts: list[str]) -> Any:
        return None if not parts else _option(options, labels, parts[-1])

    return UrlCodec(
        parse=parse,
        format=lambda v: "" if v is None else str(label(v)),
        clearable=clearable,
    )


def choices_codec(
    options: Sequence[Any],
    labels: Sequence[str],
    label: Label,
    *,
    max_length: int | None = None,
    single: bool = False,
    clearable: bool = True,
) -> UrlCodec:
    """Options by their labels, the key repeated (``st.multiselect``, ``st.pills``,
    ``st.segmented_control``; *single*: a value that is one option or ``None``).
    Unknown labels and repeats are dropped and the list cut to *max_length*
    (Streamlit's ``_sanitize_url_array``); a list left empty is invalid."""

    def parse(parts: list[str]) -> Any:
        kept: list[str] = []
        for text in parts:
            if text in labels and text not in kept:
                kept.append(text)
        if max_length is not None and max_length > 0:
            kept = kept[:max_length]
        if parts and not kept:
            raise ValueError("none of the values is an option")
        chosen = [_option(options, labels, text) for text in kept]
        if single:
            return chosen[0] if chosen else None
        return chosen

    def format_value(value: Any) -> list[str]:
        if single:
            return [] if value is None else [str(label(value))]
        return [str(label(v)) for v in value or []]

    return UrlCodec(parse=parse, format=format_value, clearable=clearable)


# -- numbers -------------------------------------------------------------------------
def number_text(value: float) -> str:
    """A number as Streamlit's page writes it: ``5`` for ``5.0``."""
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return str(int(value))
    return str(value)


def number_codec(
    *,
    integer: bool,
    min_value: float | None,
    max_value: float | None,
    clearable: bool,
) -> UrlCodec:
    """One number (``st.number_input``); outside the bounds is invalid."""

    def parse(parts: list[str]) -> Any:
        if not parts:
            return None
        number = float(parts[-1])
        if not math.isfinite(number):
            raise ValueError("not a finite number")
        value: float = int(number) if integer else number
        if (min_value is not None and value < min_value) or (
            max_value is not None and value > max_value
        ):
            raise ValueError("out of range")
        return value

    return UrlCodec(
        parse=parse,
        format=lambda v: "" if v is None else number_text(v),
        clearable=clearable,
        canon=float,
    )


# -- dates and times -----------------------------------------------------------------
def date_text(value: date) -> str:
    return value.isoformat()[:10] if not isinstance(value, datetime) else value.date().isoformat()


def time_text(value: time | datetime) -> str:
    text = value.strftime("%H:%M:%S")
    return text[:5] if text.endswith(":00") else text


def datetime_text(value: datetime) -> str:
    return f"{value.date().isoformat()}T{time_text(value)}"


def url_date(text: str) -> date:
    """A date from the URL: ISO, or Streamlit's older ``YYYY/MM/DD``."""
    return _first_format(text, ("%Y-%m-%d", "%Y/%m/%d")).date()


def url_time(text: str) -> time:
    return _first_format(text, ("%H:%M:%S", "%H:%M")).time()


def url_datetime(text: str) -> datetime:
    """``st.datetime_input``'s: minutes, ISO or Streamlit's older ``YYYY/MM/DD, HH:MM``."""
    return _first_format(text, ("%Y-%m-%dT%H:%M", "%Y/%m/%d, %H:%M"))


def _first_format(text: str, formats: tuple[str, ...]) -> datetime:
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date or a time as Streamlit writes them")


def date_codec(is_range: bool, lo: date, hi: date, *, clearable: bool) -> UrlCodec:
    """``st.date_input``: one date, or the key repeated for a range (a range of one
    date while the visitor picks the second); a date outside the bounds is invalid,
    as in Streamlit's ``DateInputSerde``."""

    def parse(parts: list[str]) -> Any:
        dates = [url_date(text) for text in parts]
        if any(not lo <= d <= hi for d in dates):
            raise ValueError("out of range")
        if is_range:
            return tuple(dates)
        return dates[0] if dates else None

    def format_value(value: Any) -> list[str]:
        if value is None:
            return []
        return [date_text(d) for d in (value if is_range else [value])]

    return UrlCodec(parse=parse, format=format_value, clearable=clearable)


# -- sliders -------------------------------------------------------------------------
def _page_number(text: str, data_type: str) -> float:
    """A slider value as the page holds it: a number, or for a date or time slider
    an ISO text (Streamlit reads both) in microseconds."""
    try:
        return float(text)
    except ValueError:
        pass
    if data_type not in TIMELIKE:
        raise ValueError(f"{text!r} is not a number")
    # Streamlit's _try_parse_iso_to_micros: any ISO form, no time zone.
    if "T" in text:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is not None:
            raise ValueError("a time zone in the URL")
        return to_micros(moment, "datetime")
    if "-" in text:
        return to_micros(date.fromisoformat(text), "date")
    if ":" in text:
        clock = time.fromisoformat(text)
        if clock.tzinfo is not None:
            raise ValueError("a time zone in the URL")
        return to_micros(clock, "time")
    raise ValueError(f"{text!r} is not a date or a time")


def _page_text(page: float, data_type: str) -> str:
    if data_type not in TIMELIKE:
        return number_text(page)
    wall = from_micros(int(page), data_type, None)
    if isinstance(wall, datetime):
        return datetime_text(wall)
    if isinstance(wall, time):
        return time_text(wall)
    return date_text(wall)


def slider_codec(
    data_type: str,
    *,
    size: int,
    lo: float,
    hi: float,
    to_page: Callable[[Any], Any],
    from_page: Callable[[Any], Any],
) -> UrlCodec:
    """``st.slider``: *size* values (one, or two for a range), each within the bounds
    (as the page holds them: *lo*, *hi*); *to_page* / *from_page* are the slider's
    own conversions."""

    def parse(parts: list[str]) -> Any:
        if len(parts) != size:
            raise ValueError(f"{size} value(s) expected")
        pages = [_page_number(text, data_type) for text in parts]
        for page in pages:
            if not math.isfinite(page) or page < lo or page > hi:
                raise ValueError("out of range")
        return from_page(pages if size != 1 else pages[0])

    def format_value(value: Any) -> list[str]:
        pages = to_page(value)
        return [_page_text(p, data_type) for p in (pages if isinstance(pages, list) else [pages])]

    return UrlCodec(
        parse=parse, format=format_value, canon=lambda text: _page_number(text, data_type)
    )


def select_slider_codec(
    options: Sequence[Any],
    labels: Sequence[str],
    label: Label,
    *,
    default_indices: Sequence[int],
) -> UrlCodec:
    """``st.select_slider``: one label, or two for a range (the same one twice is a
    range of one); an unknown label takes the default's place, and a range comes
    back in order, as Streamlit's ``SelectSliderSerde`` does."""
    is_range = len(default_indices) == 2

    def parse(parts: list[str]) -> Any:
        if len(parts) != (2 if is_range else 1):
            raise ValueError("wrong number of values")
        last = len(default_indices) - 1
        found = [
            labels.index(text) if text in labels else default_indices[min(i, last)]
            for i, text in enumerate(parts)
        ]
        if not is_range:
            return options[found[0]]
        return tuple(options[i] for i in sorted(found))

    def format_value(value: Any) -> list[str]:
        values = list(value) if is_range else [value]
        return [str(label(v)) for v in values]

    return UrlCodec(parse=parse, format=format_value)
