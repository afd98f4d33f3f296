"""Value widgets: slider, text_input, text_area, number_input.

Numbers keep Streamlit's typing rules: a widget is an int widget when every number
given is an int, a float widget when any is a float; mixing is an API error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .._errors import StreamlitAPIException
from ._base import DGBase
from ._widget import Key, check_label_visibility, widget

__all__ = ["InputsMixin"]

Number = int | float


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def _as(data_type: str, x: Any) -> Number:
    return int(x) if data_type == "int" else float(x)


def _invalid_type(provided: str, expected: str) -> StreamlitAPIException:
    return StreamlitAPIException(
        f"Invalid `value` type. Expected one of: {expected}. Provided type: {provided}."
    )


class InputsMixin(DGBase):
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
        if not all(_is_number(x) for x in (min_value, max_value, step, *values) if x is not None):
            raise StreamlitAPIException(
                "stc supports sliders over int and float values; date and time sliders "
                "are not available yet."
            )
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
        defaults = [_as(data_type, v) for v in values]
        default: Any = tuple(defaults) if is_range else defaults[0]

        def serialize(v: Any) -> Any:
            return list(v) if is_range else v

        def deserialize(raw: Any) -> Any:
            if is_range:
                return tuple(_as(data_type, x) for x in raw)
            return _as(data_type, raw)

        def coerce(v: Any) -> Any:
            parts = list(v) if is_range else [v]
            if not all(_is_number(x) and lo <= x <= hi for x in parts):
                raise ValueError(v)
            return deserialize(parts if is_range else v)

        return widget(
            self,
            "slider",
            key=key,
            identity={
                "label": label,
                "min": lo,
                "max": hi,
                "value": default,
                "step": st_step,
                "format": format,
                "help": help,
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
                "min": lo,
                "max": hi,
                "step": st_step,
                "format": format,
                "data_type": data_type,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def _text(
        self,
        kind: str,
        label: str,
        value: Any,
        max_chars: int | None,
        key: Key | None,
        help: str | None,
        on_change: Any,
        args: Any,
        kwargs: Any,
        label_visibility: str,
        props: dict[str, Any],
    ) -> str | None:
        check_label_visibility(label_visibility)

        def text(raw: Any) -> str | None:
            # Streamlit cuts a longer value (default or session_state) to max_chars.
            return None if raw is None else str(raw)[:max_chars]

        default = text(value)

        result = widget(
            self,
            kind,
            key=key,
            identity={
                "label": label,
                "value": default,
                "max_chars": max_chars,
                "help": help,
                **{k: v for k, v in props.items() if k in ("type", "placeholder")},
            },
            default=default,
            deserialize=text,
            coerce=text,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "max_chars": max_chars,
                "help": help,
                "label_visibility": label_visibility,
                **props,
            },
        )
        return result if result is None else str(result)

    def text_input(
        self,
        label: str,
        value: Any = "",
        max_chars: int | None = None,
        key: Key | None = None,
        type: str = "default",
        help: str | None = None,
        autocomplete: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        icon: str | None = None,
        validate: Any = None,
        live: str | bool = False,
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> str | None:
        if type not in ("default", "password", "email", "url", "phone", "search"):
            raise StreamlitAPIException(
                f"'{type}' is not a valid text_input type. Valid types are 'default', "
                "'password', 'email', 'url', 'phone' and 'search'."
            )
        return self._text(
            "text_input",
            label,
            value,
            max_chars,
            key,
            help,
            on_change,
            args,
            kwargs,
            label_visibility,
            {
                "type": type,
                "autocomplete": autocomplete,
                "placeholder": placeholder,
                "disabled": disabled,
            },
        )

    def text_area(
        self,
        label: str,
        value: Any = "",
        height: Any = None,
        max_chars: int | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> str | None:
        return self._text(
            "text_area",
            label,
            value,
            max_chars,
            key,
            help,
            on_change,
            args,
            kwargs,
            label_visibility,
            {
                "height": height if isinstance(height, int) else None,
                "placeholder": placeholder,
                "disabled": disabled,
            },
        )

    def number_input(
        self,
        label: str,
        min_value: Number | None = None,
        max_value: Number | None = None,
        value: Any = "min",
        step: Number | None = None,
        format: str | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        icon: str | None = None,
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> Number | None:
        check_label_visibility(label_visibility)
        given = [x for x in (min_value, max_value, step) if x is not None]
        if value not in ("min", None):
            given.append(value)
        if not all(_is_number(x) for x in given):
            raise StreamlitAPIException(
                "All numerical arguments must be of the same type (int or float)."
            )
        kinds = {isinstance(x, float) for x in given}
        if len(kinds) > 1:
            message = "All numerical arguments must be of the same type."
            for name, x in (
                ("value", value),
                ("min_value", min_value),
                ("max_value", max_value),
                ("step", step),
            ):
                if x is not None:
                    message += f"\n`{name}` has {type(x).__name__} type."
            raise StreamlitAPIException(message)
        # With no number given at all, Streamlit makes a float widget.
        data_type = "int" if kinds == {False} else "float"
        if value == "min":
            default: Number | None = min_value if min_value is not None else _as(data_type, 0)
        else:
            default = value
        if min_value is not None and max_value is not None and min_value > max_value:
            raise StreamlitAPIException(
                f"The `min_value`, set to {min_value}, cannot be greater than the "
                f"`max_value`, set to {max_value}."
            )
        if default is not None and min_value is not None and default < min_value:
            raise StreamlitAPIException(
                f"The `value` {default} is less than the `min_value` {min_value}."
            )
        if default is not None and max_value is not None and default > max_value:
            raise StreamlitAPIException(
                f"The `value` {default} is greater than the `max_value` {max_value}."
            )
        st_step = step if step is not None else (1 if data_type == "int" else 0.01)

        def number(raw: Any) -> Number | None:
            return None if raw is None else _as(data_type, raw)

        def coerce(v: Any) -> Number | None:
            if v is None:
                return None
            if not _is_number(v):
                raise ValueError(v)
            return _as(data_type, v)

        result: Number | None = widget(
            self,
            "number_input",
            key=key,
            identity={
                "label": label,
                "min": min_value,
                "max": max_value,
                "value": default,
                "step": st_step,
                "format": format,
                "help": help,
            },
            default=default,
            deserialize=number,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "min": min_value,
                "max": max_value,
                "step": st_step,
                "format": format,
                "data_type": data_type,
                "placeholder": placeholder,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
        return result
