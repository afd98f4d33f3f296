"""``st.feedback``: thumbs, faces or stars; the selected index on the wire."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...._errors import (
    StreamlitValueError,
    StreamlitValueOutOfRangeError,
)
from ..._base import DGBase
from ..._widget import Key, widget
from ..lib._url_codecs import text_codec

__all__ = ["FeedbackMixin"]


_FEEDBACK = {"thumbs": 2, "faces": 5, "stars": 5}


class FeedbackMixin(DGBase):
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
            shared={"options": options},
            identity={"default": default},
            default=default,
            deserialize=index,
            coerce=index,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={"count": count, "disabled": disabled},
            bind=bind,
            url=text_codec(parse=index, format=str),
        )
        return result
