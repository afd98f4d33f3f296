"""Buttons and choice widgets: button, form_submit_button, checkbox, toggle, radio,
selectbox, multiselect.

Choice widgets send option *indices* to the page and get indices back: the page
never needs the Python objects, and ``format_func`` runs only in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from .._errors import StreamlitAPIException
from ._base import DGBase
from ._widget import Key, check_label_visibility, widget

__all__ = ["SelectionMixin"]

ButtonType = Literal["primary", "secondary", "tertiary"]


def _options(options: Any) -> list[Any]:
    if options is None:
        return []
    if isinstance(options, dict):
        return list(options.keys())
    if hasattr(options, "columns") and hasattr(options, "iloc"):  # a pandas DataFrame
        return list(options.iloc[:, 0])
    return list(options)


def _index_of(options: list[Any], value: Any) -> int:
    for i, option in enumerate(options):
        if option is value or option == value:
            return i
    raise ValueError(value)


def _locate(
    options: list[Any], labels: list[str], format_func: Callable[[Any], Any], value: Any
) -> int:
    """Index of ``value``, else of the option with the same label. Streamlit matches
    stored values by their formatted label, so an option object from an earlier run
    (an instance of a class the script defines anew each run) still finds its option.
    """
    try:
        return _index_of(options, value)
    except ValueError:
        pass
    try:
        return labels.index(str(format_func(value)))
    except Exception:
        raise ValueError(value) from None


def _check_max_selections(selected: list[Any], max_selections: int | None) -> None:
    count = len(selected)
    if max_selections is None or count <= max_selections:
        return
    raise StreamlitAPIException(
        f"Multiselect has {count} {'option' if count == 1 else 'options'} selected but "
        f"`max_selections` is set to {max_selections}. This happened because you either "
        "gave too many options to `default` or you manipulated the widget's state through "
        "`st.session_state`. Note that the latter can happen before the line indicated in "
        f"the traceback. Please select at most {max_selections} "
        f"{'option' if max_selections == 1 else 'options'}."
    )


def _check_button_type(type: str) -> None:
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(
            f'The type argument to st.button must be "primary", "secondary", or '
            f'"tertiary". \nThe argument passed was "{type}".'
        )


class SelectionMixin(DGBase):
    def button(
        self,
        label: str,
        key: Key | None = None,
        help: str | None = None,
        on_click: Callable[..., Any] | None = None,
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        type: ButtonType = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        _check_button_type(type)
        return bool(
            widget(
                self,
                "button",
                key=key,
                identity={"label": label, "help": help, "type": type, "icon": icon},
                default=False,
                on_change=on_click,
                args=args,
                kwargs=kwargs,
                trigger=True,
                props={
                    "label": label,
                    "help": help,
                    "type": type,
                    "icon": icon,
                    "disabled": disabled,
                    "use_container_width": bool(use_container_width),
                    "label_visibility": "visible",
                },
            )
        )

    def form_submit_button(
        self,
        label: str = "Submit",
        help: str | None = None,
        on_click: Callable[..., Any] | None = None,
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        key: Key | None = None,
        type: ButtonType = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        self._require_form("st.form_submit_button")
        _check_button_type(type)
        return bool(
            widget(
                self,
                "form_submit_button",
                key=key,
                identity={"label": label, "help": help, "type": type, "icon": icon},
                default=False,
                on_change=on_click,
                args=args,
                kwargs=kwargs,
                trigger=True,
                props={
                    "label": label,
                    "help": help,
                    "type": type,
                    "icon": icon,
                    "disabled": disabled,
                    "use_container_width": bool(use_container_width),
                    "label_visibility": "visible",
                },
            )
        )

    def _bool_widget(
        self,
        kind: str,
        label: str,
        value: bool,
        key: Key | None,
        help: str | None,
        on_change: Any,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
    ) -> bool:
        check_label_visibility(label_visibility)
        return bool(
            widget(
                self,
                kind,
                key=key,
                identity={"label": label, "value": bool(value), "help": help},
                default=bool(value),
                deserialize=bool,
                coerce=bool,
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

    def checkbox(
        self,
        label: str,
        value: bool = False,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        wrap: bool | None = None,
        bind: Any = None,
        persist_state: Any = None,
    ) -> bool:
        return self._bool_widget(
            "checkbox", label, value, key, help, on_change, args, kwargs, disabled, label_visibility
        )

    def toggle(
        self,
        label: str,
        value: bool = False,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        wrap: bool | None = None,
        bind: Any = None,
        persist_state: Any = None,
    ) -> bool:
        return self._bool_widget(
            "toggle", label, value, key, help, on_change, args, kwargs, disabled, label_visibility
        )

    def _single_choice(
        self,
        kind: str,
        label: str,
        options: Any,
        index: int | None,
        format_func: Callable[[Any], Any],
        key: Key | None,
        help: str | None,
        on_change: Any,
        args: Any,
        kwargs: Any,
        label_visibility: str,
        props: dict[str, Any],
    ) -> Any:
        check_label_visibility(label_visibility)
        opts = _options(options)
        if index is not None:
            if not isinstance(index, int) or isinstance(index, bool):
                raise StreamlitAPIException(
                    f"Selectbox Value has invalid type: {type(index).__name__}"
                )
            if opts and not 0 <= index < len(opts):
                raise StreamlitAPIException(
                    "Selectbox index must be greater than or equal to 0 "
                    "and less than the length of options."
                )
        default = opts[index] if (opts and index is not None) else None
        labels = [str(format_func(o)) for o in opts]

        def serialize(value: Any) -> int | None:
            return None if value is None else _index_of(opts, value)

        def deserialize(raw: Any) -> Any:
            return None if raw is None else opts[int(raw)]

        def coerce(value: Any) -> Any:
            return None if value is None else opts[_locate(opts, labels, format_func, value)]

        return widget(
            self,
            kind,
            key=key,
            identity={"label": label, "options": labels, "index": index, "help": help},
            default=default,
            serialize=serialize,
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "options": labels,
                "help": help,
                "label_visibility": label_visibility,
                **props,
            },
        )

    def radio(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], Any] = str,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        horizontal: bool = False,
        captions: Sequence[str] | None = None,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: Any = None,
        persist_state: Any = None,
    ) -> Any:
        return self._single_choice(
            "radio",
            label,
            options,
            index,
            format_func,
            key,
            help,
            on_change,
            args,
            kwargs,
            label_visibility,
            {
                "disabled": disabled,
                "horizontal": horizontal,
                "captions": list(captions) if captions is not None else None,
            },
        )

    def selectbox(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], str] = str,
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
        accept_new_options: bool = False,
        filter_mode: str = "fuzzy",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: Any = None,
    ) -> Any:
        return self._single_choice(
            "selectbox",
            label,
            options,
            index,
            format_func,
            key,
            help,
            on_change,
            args,
            kwargs,
            label_visibility,
            {
                "disabled": disabled,
                "placeholder": placeholder if placeholder is not None else "Choose an option",
            },
        )

    def multiselect(
        self,
        label: str,
        options: Any,
        default: Any | None = None,
        format_func: Callable[[Any], str] = str,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        max_selections: int | None = None,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        accept_new_options: bool = False,
        filter_mode: str = "fuzzy",
        select_all: bool | int = 1000,
        width: Any = "stretch",
        wrap: bool | None = None,
        bind: Any = None,
        persist_state: Any = None,
    ) -> list[Any]:
        check_label_visibility(label_visibility)
        opts = _options(options)
        if default is None:
            defaults: list[Any] = []
        elif isinstance(default, str) or not isinstance(default, Iterable):
            defaults = [default]
        else:
            defaults = list(default)
        for d in defaults:
            try:
                _index_of(opts, d)
            except ValueError:
                raise StreamlitAPIException(
                    f"The default value '{d}' is not part of the options. "
                    "Please make sure that every default values also exists in the options."
                ) from None
        _check_max_selections(defaults, max_selections)
        labels = [str(format_func(o)) for o in opts]

        def serialize(values: list[Any]) -> list[int]:
            return [_index_of(opts, v) for v in values]

        def deserialize(raw: Any) -> list[Any]:
            return [opts[int(i)] for i in (raw or [])]

        def coerce(values: Any) -> list[Any]:
            return [opts[_locate(opts, labels, format_func, v)] for v in values]

        selected = list(
            widget(
                self,
                "multiselect",
                key=key,
                identity={
                    "label": label,
                    "options": labels,
                    "default": serialize(defaults),
                    "help": help,
                    "max_selections": max_selections,
                },
                default=defaults,
                serialize=serialize,
                deserialize=deserialize,
                coerce=coerce,
                on_change=on_change,
                args=args,
                kwargs=kwargs,
                props={
                    "label": label,
                    "options": labels,
                    "help": help,
                    "max_selections": max_selections,
                    "placeholder": placeholder if placeholder is not None else "Choose options",
                    "disabled": disabled,
                    "label_visibility": label_visibility,
                },
            )
        )
        _check_max_selections(selected, max_selections)  # also a value set via session_state
        return selected
