"""``st.pills`` and ``st.segmented_control``: one button-group widget in two styles.

Wire value, as in Streamlit: an option index (or ``None``), or a list of indices with
``selection_mode="multi"``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from ...._errors import (
    StreamlitAPIException,
    StreamlitValueError,
)
from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._options import default_indices, locate, to_options
from ..lib._url_codecs import choices_codec

__all__ = ["ButtonGroupMixin"]

ButtonGroupStyle = Literal["pills", "segmented_control"]


class ButtonGroupMixin(DGBase):
    def _internal_button_group(
        self,
        options: Any,
        *,
        style: ButtonGroupStyle,
        label: str,
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
        bind: Any = None,
    ) -> Any:
        """The widget ``st.pills`` and ``st.segmented_control`` are, drawn in *style*
        (Streamlit's ``_internal_button_group``). The style is the element's kind, so
        it is part of the widget's id, as in Streamlit."""
        check_label_visibility(label_visibility)
        if required and selection_mode == "multi":
            raise StreamlitAPIException(
                "`required=True` and `selection_mode='multi'` cannot be used together. "
                "`required` is only supported for single-select mode."
            )
        if selection_mode not in ("single", "multi"):
            raise StreamlitValueError("selection_mode", ["'single'", "'multi'"])
        multi = selection_mode == "multi"
        opts = to_options(options)
        fmt = format_func if format_func is not None else str
        labels = [str(fmt(o)) for o in opts]
        given = [opts[i] for i in default_indices(opts, default)]
        if not multi and len(given) > 1:
            raise StreamlitAPIException(
                f"The default argument to `st.{style}` must be a single value when "
                "`selection_mode='single'`."
            )
        if not multi and required and not given and opts:
            given = [opts[0]]
        first: Any = given[0] if given else None
        initial: Any = given if multi else first

        def serialize(v: Any) -> Any:
            if multi:
                return [locate(opts, labels, fmt, x) for x in (v or [])]
            return None if v is None else locate(opts, labels, fmt, v)

        def deserialize(raw: Any) -> Any:
            if multi:
                return [opts[int(i)] for i in (raw or [])]
            return None if raw is None else opts[int(raw)]

        return widget(
            self,
            style,
            key=key,
            shared={
                "label": label,
                "options": labels,
                "help": help,
                "selection_mode": selection_mode,
            },
            identity={"default": serialize(initial)},
            default=initial,
            serialize=serialize,
            deserialize=deserialize,
            coerce=lambda v: deserialize(serialize(v)),
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "required": required,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
            bind=bind,
            url=choices_codec(opts, labels, fmt, max_length=None if multi else 1, single=not multi),
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
        return self._internal_button_group(
            options,
            style="pills",
            label=label,
            selection_mode=selection_mode,
            default=default,
            required=required,
            format_func=format_func,
            key=key,
            help=help,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            bind=bind,
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
        return self._internal_button_group(
            options,
            style="segmented_control",
            label=label,
            selection_mode=selection_mode,
            default=default,
            required=required,
            format_func=format_func,
            key=key,
            help=help,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            bind=bind,
        )
