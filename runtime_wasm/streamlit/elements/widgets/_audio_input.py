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
from ..._widget import Key
from ..lib._media_capture import captured_file
from ..lib._uploaded_file import UploadedFile

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
        return captured_file(
            self,
            "audio_input",
            label=label,
            help=help,
            key=key,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            label_visibility=label_visibility,
            settings={"sample_rate": sample_rate},
        )
