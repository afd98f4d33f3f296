"""``st.number_input``: an int widget when every number given is an int, a float
widget when any is a float (or none is given); mixing is an API error, as in Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...._errors import (
    StreamlitAPIException,
)
from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._numbers import Number, as_number, is_integral, is_number
from ..lib._url_codecs import number_codec

__all__ = ["NumberInputMixin"]


_DEFAULT_FORMAT = {"int": "%d", "float": "%0.2f"}


class NumberInputMixin(DGBase):
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
        given = [x for x in (min_value, max_value, step, value) if not isinstance(x, str | None)]
        # As Streamlit: ints are any numbers.Integral (np.int64 too), floats only float
        # (np.float64 is one, np.float32 is not).
        all_int = all(is_integral(x) for x in given)
        if not all_int and not all(isinstance(x, float) for x in given):
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
        if isinstance(value, str) and value != "min":
            raise StreamlitAPIException(f"`value` ({value}) is not a float")
        kinds = {not is_integral(x) for x in given}
        # With no number given at all, Streamlit makes a float widget.
        data_type = "int" if kinds == {False} else "float"
        if isinstance(value, str) and value == "min":
            default: Number | None = min_value if min_value is not None else as_number(data_type, 0)
        else:
            default = value
        # As Streamlit's: an int widget returns a Python int (an np.int64 value too), a
        # float widget the float it was given until the page sends another.
        if data_type == "int" and default is not None:
            default = as_number("int", default)
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
            return None if raw is None else as_number(data_type, raw)

        def plain(x: Any) -> Number | None:  # for the page, where np.int64 would be text
            return None if x is None else as_number(data_type, x)

        def coerce(v: Any) -> Number | None:
            if v is None:
                return None
            if not is_number(v):
                raise ValueError(v)
            return as_number(data_type, v)

        result: Number | None = widget(
            self,
            "number_input",
            key=key,
            shared={
                "label": label,
                "min": plain(min_value),
                "max": plain(max_value),
                "step": plain(st_step),
                "help": help,
            },
            identity={"value": default, "format": format},
            default=default,
            serialize=plain,
            deserialize=number,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                # Streamlit shows a float as %0.2f (3.50) and an int as %d unless told
                "format": format if format is not None else _DEFAULT_FORMAT[data_type],
                "data_type": data_type,
                "placeholder": placeholder,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
            bind=bind,
            url=number_codec(
                integer=data_type == "int",
                min_value=min_value,
                max_value=max_value,
                clearable=value is None,
            ),
        )
        return result
