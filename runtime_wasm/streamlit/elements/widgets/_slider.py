"""``st.slider`` and ``st.select_slider``.

Numbers keep Streamlit's typing rules: a slider is an int slider when every number
given is an int, a float slider when any is a float; mixing is an API error. A
``select_slider``'s wire value is an option index, or ``[start, end]`` for a range.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...._errors import (
    StreamlitAPIException,
)
from ...._unsupported import refused
from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._numbers import as_number, is_number
from ..lib._options import index_of, locate, to_options

__all__ = ["SliderMixin"]


def _invalid_type(provided: str, expected: str) -> StreamlitAPIException:
    return StreamlitAPIException(
        f"Invalid `value` type. Expected one of: {expected}. Provided type: {provided}."
    )


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
        is_range = isinstance(value, list | tuple)
        if value is None:
            value = min_value if min_value is not None else 0
        values = list(value) if is_range else [value]
        if is_range and len(values) > 2:
            raise StreamlitAPIException(
                "Invalid `value` value. Expected one of: int, float, date, time, datetime, "
                "a list containing up to two such values, a tuple containing up to two such "
                "values."
            )
        if not all(is_number(x) for x in (min_value, max_value, step, *values) if x is not None):
            raise StreamlitAPIException(refused("streamlit.slider").message)
        if len({isinstance(x, float) for x in values}) > 1:
            raise _invalid_type(
                ", ".join(type(x).__name__ for x in values),
                "list or tuple containing values of the same type",
            )
        # As in Streamlit: the value decides the type, the bounds must match it.
        data_type = "float" if values and isinstance(values[0], float) else "int"
        lo = min_value if min_value is not None else (0 if data_type == "int" else 0.0)
        hi = max_value if max_value is not None else (100 if data_type == "int" else 1.0)
        st_step = step if step is not None else (1 if data_type == "int" else 0.01)
        bounds = (lo, hi, st_step)
        int_args = all(isinstance(x, int) for x in bounds)
        float_args = all(isinstance(x, float) for x in bounds)
        if not int_args and not float_args:
            raise _invalid_type(
                f"min_value={type(lo).__name__}, max_value={type(hi).__name__}, "
                f"step={type(st_step).__name__}",
                "matching numeric types, matching date/time types",
            )
        if (data_type == "int") != int_args:
            raise _invalid_type(
                f"value={type(value).__name__}, min_value={type(min_value).__name__}, "
                f"max_value={type(max_value).__name__}",
                "value and arguments with matching types",
            )
        # Streamlit swaps reversed bounds and widens them to include the value.
        lo, hi = min(lo, hi), max(lo, hi)
        if not values:
            values = [lo, hi]
        values = sorted(values)
        lo, hi = min(lo, values[0]), max(hi, values[-1])
        if lo == hi:
            raise StreamlitAPIException(
                f"The `min_value` and `max_value` parameters are both set to {lo}. "
                "They must not be equal."
            )
        defaults = [as_number(data_type, v) for v in values]
        default: Any = tuple(defaults) if is_range else defaults[0]

        def serialize(v: Any) -> Any:
            return list(v) if is_range else v

        def deserialize(raw: Any) -> Any:
            if is_range:
                return tuple(as_number(data_type, x) for x in raw)
            return as_number(data_type, raw)

        def coerce(v: Any) -> Any:
            parts = list(v) if is_range else [v]
            if not all(is_number(x) and lo <= x <= hi for x in parts):
                raise ValueError(v)
            return deserialize(parts if is_range else v)

        return widget(
            self,
            "slider",
            key=key,
            shared={
                "label": label,
                "min": lo,
                "max": hi,
                "step": st_step,
                "format": format,
                "help": help,
            },
            identity={"value": default},
            default=default,
            serialize=serialize,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "data_type": data_type,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
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
        )
