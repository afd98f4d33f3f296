"""``st.camera_input``: a photo taken in the page, returned as an ``UploadedFile``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._uploaded_file import FileEntries, UploadedFile

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
        check_label_visibility(label_visibility)
        serde = FileEntries(False)
        result: UploadedFile | None = widget(
            self,
            "camera_input",
            key=key,
            identity={"label": label, "help": help},
            default=None,
            serialize=serde.serialize,
            deserialize=serde.deserialize,
            coerce=serde.coerce,
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
        return result
