"""What ``st.camera_input`` and ``st.audio_input`` share: a widget whose value is the one
file the page captured (a photo, a WAV recording), sent as an upload is (see
``_uploaded_file``) and returned as an ``UploadedFile``, or ``None`` before a capture."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ._uploaded_file import FileEntries, UploadedFile

__all__ = ["captured_file"]


def captured_file(
    dg: DGBase,
    kind: str,
    *,
    label: str,
    help: str | None,
    key: Key | None,
    on_change: Any,
    args: Any,
    kwargs: Any,
    disabled: bool,
    label_visibility: str,
    settings: Mapping[str, Any] | None = None,
) -> UploadedFile | None:
    """Register the capture widget *kind*; *settings* (``sample_rate``…) define it as
    its label does, and go to the page."""
    check_label_visibility(label_visibility)
    entries = FileEntries(False)
    settings = dict(settings or {})
    result: UploadedFile | None = widget(
        dg,
        kind,
        key=key,
        shared={"label": label, "help": help},
        identity={**settings},
        default=None,
        serialize=entries.serialize,
        deserialize=entries.deserialize,
        coerce=entries.coerce,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        props={**settings, "disabled": disabled, "label_visibility": label_visibility},
    )
    return result
