"""More value widgets: select_slider, color_picker, pills, segmented_control and
feedback (the date and time widgets are in ``_dates``).

Wire values (what the page sends and receives as ``value``), as in Streamlit:
select_slider an option index or ``[start, end]``; colors ``"#rrggbb"``; pills and
segmented_control an option index (``None``) or a list of indices; feedback the
selected index.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
_FEEDBACK = {"thumbs": 2, "faces": 5, "stars": 5}


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
