"""``st.audio_input``: a recording made with ``MediaRecorder`` in the page and sent as a
WAV entry like ``camera_input``'s photo; Python returns an ``UploadedFile``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...._errors import (
    StreamlitValueError,
)
from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._uploaded_file import FileEntries, UploadedFile

__all__ = ["AudioInputMixin"]


_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


class AudioInputMixin(DGBase):
    def audio_input(
        self,
        label: str,
        *,
        sample_rate: int | None = 16000,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
    ) -> UploadedFile | None:
        if sample_rate is not None and sample_rate not in _SAMPLE_RATES:
            raise StreamlitValueError("sample_rate", [*map(str, _SAMPLE_RATES), "None"])
        check_label_visibility(label_visibility)
        serde = FileEntries(False)
        result: UploadedFile | None = widget(
            self,
            "audio_input",
            key=key,
            identity={"label": label, "help": help, "sample_rate": sample_rate},
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
                "sample_rate": sample_rate,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
        return result
