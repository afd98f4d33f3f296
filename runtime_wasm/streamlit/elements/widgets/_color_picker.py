"""``st.color_picker``: a color as ``"#rrggbb"`` (or ``"#rgb"``) on the wire and in Python."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ...._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
)
from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._url_codecs import text_codec

__all__ = ["ColorPickerMixin"]


_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


class ColorPickerMixin(DGBase):
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
                shared={"label": label, "help": help},
                identity={"value": value},
                default=value,
                deserialize=str,
                coerce=coerce,
                on_change=on_change,
                args=args,
                kwargs=kwargs,
                props={"disabled": disabled, "label_visibility": label_visibility},
                bind=bind,
                url=text_codec(clearable=False, parse=_url_color),
            )
        )


def _url_color(text: str) -> str:
    """A color from the URL, where ``#`` is often left out (``?c=ff0000``)."""
    color = text if text.startswith("#") else f"#{text}"
    if not _HEX.match(color):
        raise ValueError(f"{text!r} is not a hex color")
    return color
