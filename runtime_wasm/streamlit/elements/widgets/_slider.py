"""``st.slider`` and ``st.select_slider``.

A slider's type is its value's, as in Streamlit: int (any ``numbers.Integral``, NumPy's
too), float (``numbers.Real``), date, datetime or time; the bounds and step must match
it, and the errors for mixing are Streamlit's. A number slider's wire value is the
number; a date or time slider's is microseconds since the epoch (``_epoch_micros``),
shown on the page through its moment.js ``format``. A ``select_slider``'s wire value
is an option index, or ``[start, end]`` for a range.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from numbers import Integral, Real
from typing import Any

from ...._context import current
from ...._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from ..._base import DGBase
from ..._widget import Key, check_label_visibility, to_key, widget
from ..lib._epoch_micros import (
    TIMELIKE,
    check_safe,
    delta_micros,
    from_micros,
    to_micros,
    window_around,
)
from ..lib._options import index_of, locate, to_options
from ..lib._url_codecs import select_slider_codec, slider_codec

__all__ = ["SliderMixin"]

_VALUE_KINDS = ["int", "float", "date", "time", "datetime"]
_QUARTER_HOUR = timedelta(minutes=15)
# Types a value stored in session state may have for a slider of the other type.
_INTERCHANGEABLE = ({"int", "float"}, {"date", "datetime"})
# Streamlit's defaults per type: min, max, step and format (dates and times: moment.js)
_NUMBER_DEFAULTS: dict[str, tuple[Any, Any, Any, str]] = {
    "int": (0, 100, 1, "%d"),
    "float": (0.0, 1.0, 0.01, "%0.2f"),
}


def _kind(value: Any) -> str | None:
    """The slider type a value makes (Streamlit's ``value_to_generic_type``)."""
    if isinstance(value, Integral):
        return "int"
    if isinstance(value, Real):
        return "float"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, time):
        return "time"
    return None


def _timelike_defaults(data_type: str, first: Any) -> tuple[Any, Any, timedelta, str]:
    if data_type == "time":
        tz = first.tzinfo
        return time.min.replace(tzinfo=tz), time.max.replace(tzinfo=tz), _QUARTER_HOUR, "HH:mm"
    low, high = window_around(first, timedelta(days=14))
    return low, high, timedelta(days=1), "YYYY-MM-DD"


def _to_page(data_type: str, v: Any) -> Any:
    """One value as the page holds it: a Python number, or microseconds."""
    if data_type in TIMELIKE:
        return to_micros(v, data_type)
    return int(v) if data_type == "int" else float(v)


class _OutOfBounds(ValueError):
    """A stored value outside the slider's bounds, with Streamlit's message for it."""


@dataclass(frozen=True)
class _Serde:
    """A slider's values between Python and the page, and the check a value stored in
    session state must pass (within the bounds, of the slider's type and shape)."""

    data_type: str
    is_range: bool
    size: int
    tz: tzinfo | None
    lo: float
    hi: float

    def one_to_page(self, v: Any) -> Any:
        return _to_page(self.data_type, v)

    def one_from_page(self, raw: Any) -> Any:
        if self.data_type in TIMELIKE:
            return from_micros(int(raw), self.data_type, self.tz)
        return int(raw) if self.data_type == "int" else float(raw)

    def to_page(self, v: Any) -> Any:
        return [self.one_to_page(x) for x in v] if self.is_range else self.one_to_page(v)

    def from_page(self, raw: Any) -> Any:
        if self.is_range:
            return tuple(self.one_from_page(x) for x in raw)
        return self.one_from_page(raw)

    def coerce(self, v: Any) -> Any:
        parts = list(v) if self.is_range and isinstance(v, list | tuple) else [v]
        if self.is_range != isinstance(v, list | tuple) or len(parts) != self.size:
            raise ValueError(v)
        for x in parts:
            kind = _kind(x)
            if kind != self.data_type and {kind, self.data_type} not in _INTERCHANGEABLE:
                raise ValueError(v)
            page = self.one_to_page(x)
            if page < self.lo:
                raise _OutOfBounds(
                    f"The `value` {self.one_from_page(page)} is less than the `min_value` "
                    f"{self.one_from_page(self.lo)}."
                )
            if page > self.hi:
                raise _OutOfBounds(
                    f"The `value` {self.one_from_page(page)} is greater than the `max_value` "
                    f"{self.one_from_page(self.hi)}."
                )
        return self.from_page(self.to_page(v))


class SliderMixin(DGBase):
    def slider(
        self,
        label: str,
        min_value: Any = None,
        max_value: Any = None,
        value: Any = None,
        step: Any = None,
        format: str | None = None,
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
        if value is None:
            value = _value_from_bounds(key, min_value, max_value)
        single = _kind(value) is not None
        if not single and not (isinstance(value, list | tuple) and len(value) <= 2):
            if isinstance(value, list | tuple):
                raise StreamlitValueError(
                    "value",
                    [
                        *_VALUE_KINDS,
                        "a list containing up to two such values",
                        "a tuple containing up to two such values",
                    ],
                )
            raise StreamlitInvalidParameterTypeError(
                "value", type(value).__name__, [*_VALUE_KINDS, "list", "tuple"]
            )
        values: list[Any] = [value] if single else list(value)
        kinds = {_kind(v) for v in values}
        if len(kinds) > 1 or None in kinds:
            raise StreamlitInvalidParameterTypeError(
                "value",
                ", ".join(type(v).__name__ for v in values),
                ["list or tuple containing values of the same type"],
            )
        data_type = (_kind(values[0]) if values else None) or "int"
        timelike = data_type in TIMELIKE
        if timelike:
            d_lo, d_hi, d_step, d_format = _timelike_defaults(data_type, values[0])
        else:
            d_lo, d_hi, d_step, d_format = _NUMBER_DEFAULTS[data_type]
        lo = min_value if min_value is not None else d_lo
        hi = max_value if max_value is not None else d_hi
        if step is None:
            step = d_step
            # A date range shorter than a day moves in quarter hours, as in Streamlit.
            if data_type in ("date", "datetime") and _span(lo, hi) < timedelta(days=1):
                step = _QUARTER_HOUR
        _check_types(data_type, value, lo, hi, step)
        # Streamlit swaps reversed bounds and widens them to include the value.
        if lo > hi:
            lo, hi = hi, lo
        if values:
            values = sorted(values)
            lo, hi = min(lo, values[0]), max(hi, values[-1])
        else:
            values = [lo, hi]
        if lo == hi:
            _raise_equal_bounds(data_type, lo)
        lo_page, hi_page = _to_page(data_type, lo), _to_page(data_type, hi)
        if timelike:
            check_safe("`min_value`", lo_page)
            check_safe("`max_value`", hi_page)
        # Times and datetimes come back in the zone of the (first) value given.
        orig_tz = getattr(values[0], "tzinfo", None) if data_type in ("datetime", "time") else None
        serde = _Serde(data_type, not single, len(values), orig_tz, lo_page, hi_page)
        if data_type == "float":
            default: Any = values[0] if single else tuple(values)  # as given, as Streamlit
        else:
            default = serde.from_page(serde.to_page(values[0] if single else values))
        step_page = delta_micros(step) if timelike else _to_page(data_type, step)

        def coerce(v: Any) -> Any:
            # A value the app assigned out of bounds is an error, as in Streamlit; one
            # the page sent (an older slider's) gives way to the default.
            try:
                return serde.coerce(v)
            except _OutOfBounds as e:
                if current().state.assigned_this_run(to_key(key)):
                    raise StreamlitAPIException(str(e)) from None
                raise

        return widget(
            self,
            "slider",
            key=key,
            shared={
                "label": label,
                "min": lo_page,
                "max": hi_page,
                "step": step_page,
                "format": format if format is not None or not timelike else d_format,
                "help": help,
            },
            identity={"value": serde.to_page(default)},
            default=default,
            serialize=serde.to_page,
            deserialize=serde.from_page,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "data_type": data_type,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
            bind=bind,
            url=slider_codec(
                data_type,
                size=serde.size,
                lo=lo_page,
                hi=hi_page,
                to_page=serde.to_page,
                from_page=serde.from_page,
            ),
        )

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
        opts = to_options(options)
        if not opts:
            raise StreamlitAPIException(
                "The `options` parameter is required. Provide at least one option."
            )
        is_range = isinstance(value, list | tuple) and len(value) == 2
        if is_range:
            indices = sorted(index_of(opts, v) for v in value)
        else:
            try:
                indices = [index_of(opts, value)]
            except ValueError:
                if value is not None:
                    raise
                indices = [0]
        labels = [str(format_func(o)) for o in opts]

        def from_indices(idx: list[int]) -> Any:
            return tuple(opts[i] for i in idx) if is_range else opts[idx[0]]

        def serialize(v: Any) -> Any:
            if is_range:
                return sorted(locate(opts, labels, format_func, x) for x in v)
            return locate(opts, labels, format_func, v)

        def deserialize(raw: Any) -> Any:
            return from_indices([int(i) for i in raw] if is_range else [int(raw)])

        return widget(
            self,
            "select_slider",
            key=key,
            shared={"label": label, "options": labels, "help": help},
            identity={"value": indices},
            default=from_indices(indices),
            serialize=serialize,
            deserialize=deserialize,
            coerce=lambda v: deserialize(serialize(v)),
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={"disabled": disabled, "label_visibility": label_visibility},
            bind=bind,
            url=select_slider_codec(opts, labels, format_func, default_indices=indices),
        )


def _value_from_bounds(key: Key | None, min_value: Any, max_value: Any) -> Any:
    """The value of a slider given none: its ``min_value``, or the whole range when
    the value session state holds under its key is a range (as in Streamlit)."""
    state = current().state
    user_key = to_key(key)
    if user_key is not None and user_key in state and _kind(state[user_key]) is None:
        return [
            min_value if min_value is not None else 0,
            max_value if max_value is not None else 100,
        ]
    return min_value if min_value is not None else 0


def _raise_equal_bounds(data_type: str, bound: Any) -> None:
    shown = bound  # as Streamlit shows it: a date or time as the datetime it sends
    if data_type == "time":
        shown = datetime.combine(date(2000, 1, 1), bound)
    elif data_type == "date":
        shown = datetime.combine(bound, time())
    raise StreamlitAPIException(
        f"The `min_value` and `max_value` parameters are both set to {shown}. "
        "They must not be equal."
    )


def _span(lo: Any, hi: Any) -> timedelta:
    try:
        return abs(hi - lo)  # type: ignore[no-any-return]
    except TypeError:  # bounds of other types: _check_types says so
        return timedelta.max


def _check_types(data_type: str, value: Any, lo: Any, hi: Any, step: Any) -> None:
    """Streamlit's checks, in its order: no zero step, bounds and step of one type, and
    that type the value's."""
    if isinstance(step, timedelta):
        if step == timedelta(0):
            raise StreamlitValueError("step", ["a timedelta"], detail="Zero is not allowed.")
    elif step == 0:
        raise StreamlitValueError("step", ["a number"], detail="Zero is not allowed.")
    bounds = (lo, hi, step)
    int_args = all(isinstance(a, Integral) for a in bounds)
    float_args = all(isinstance(a, Real) and not isinstance(a, Integral) for a in bounds)
    timelike_args = data_type in TIMELIKE and isinstance(step, timedelta) and type(lo) is type(hi)
    if not int_args and not float_args and not timelike_args:
        raise StreamlitInvalidParameterTypeError(
            "value",
            f"min_value={type(lo).__name__}, max_value={type(hi).__name__}, "
            f"step={type(step).__name__}",
            ["matching numeric types", "matching date/time types"],
        )
    if not (
        (data_type == "int" and int_args)
        or (data_type == "float" and float_args)
        or (data_type in TIMELIKE and timelike_args)
    ):
        raise StreamlitInvalidParameterTypeError(
            "value",
            f"value={type(value).__name__}, min_value={type(lo).__name__}, "
            f"max_value={type(hi).__name__}",
            ["value and arguments with matching types"],
        )
