"""``st.camera_input``: a photo taken in the page, returned as an ``UploadedFile``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..._base import DGBase
from ..._widget import Key
from ..lib._media_capture import captured_file
from ..lib._uploaded_file import UploadedFile

__all__ = ["CameraInputMixin"]


class CameraInputMixin(DGBase):
    def camera_input(
        self,
        label: str,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        resolution: Any = None,
        width: Any = "stretch",
    ) -> UploadedFile | None:
        return captured_file(
            self,
            "camera_input",
            label=label,
            help=help,
            key=key,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
        )
