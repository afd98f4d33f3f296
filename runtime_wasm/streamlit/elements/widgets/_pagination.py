"""``st.pagination``: an int widget, the page from 1 to ``num_pages``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...._errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueOutOfRangeError,
)
from ..._base import DGBase
from ..._url_binding import UrlCodec
from ..._widget import Key, widget
from ..lib._numbers import is_int

__all__ = ["PaginationMixin"]


class PaginationMixin(DGBase):
    def pagination(
        self,
        num_pages: int,
        *,
        default: int = 1,
        max_visible_pages: int | None = 7,
        width: Any = "content",
        key: Key | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        disabled: bool = False,
        bind: Any = None,
        persist_state: Any = None,
    ) -> int:
        if not is_int(num_pages) or num_pages < 1:
            raise StreamlitAPIException(
                f"`num_pages` must be an integer of at least 1. Got {num_pages}."
            )
        if not is_int(default):
            raise StreamlitInvalidParameterTypeError("default", type(default).__name__, ["int"])
        if not 1 <= default <= num_pages:
            raise StreamlitValueOutOfRangeError("default", default, 1, num_pages)
        if max_visible_pages is not None and (
            not is_int(max_visible_pages) or max_visible_pages < 0
        ):
            raise StreamlitAPIException(
                "`max_visible_pages` must be a non-negative integer or None. "
                f"Got {max_visible_pages}."
            )

        def coerce(value: Any) -> int:
            return value if is_int(value) and 1 <= value <= num_pages else default

        value: int = widget(
            self,
            "pagination",
            key=key,
            shared={"num_pages": num_pages},
            identity={"default": default, "max": max_visible_pages},
            default=default,
            deserialize=coerce,
            coerce=coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={"max_visible_pages": max_visible_pages, "disabled": disabled},
            bind=bind,
            url=UrlCodec(parse=lambda parts: int(parts[-1]), format=str, canon=int),
        )
        return value
