"""``st.file_uploader``: the files the visitor chose, as ``UploadedFile`` objects
(see ``lib/_uploaded_file`` for how their bytes travel).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..._base import DGBase
from ..._widget import Key, check_label_visibility, widget
from ..lib._uploaded_file import FileEntries

__all__ = ["FileUploaderMixin"]


def _file_types(type: str | Sequence[str] | None) -> list[str] | None:
    if type is None:
        return None
    types = [type] if isinstance(type, str) else list(type)
    out: list[str] = []
    for t in types:
        t = t.lower().strip()
        if "/" not in t and not t.startswith("."):
            t = "." + t
        out.append(t)
        if t == ".jpg" and ".jpeg" not in out:
            out.append(".jpeg")
    return out


class FileUploaderMixin(DGBase):
    def file_uploader(
        self,
        label: str,
        type: str | Sequence[str] | None = None,
        accept_multiple_files: bool | str = False,
        key: Key | None = None,
        help: str | None = None,
        on_change: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        max_upload_size: int | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
    ) -> Any:
        check_label_visibility(label_visibility)
        types = _file_types(type)
        multiple = bool(accept_multiple_files)
        serde = FileEntries(multiple)
        return widget(
            self,
            "file_uploader",
            key=key,
            shared={"label": label, "help": help},
            identity={"type": types, "accept_multiple_files": accept_multiple_files},
            default=[] if multiple else None,
            serialize=serde.serialize,
            deserialize=serde.deserialize,
            coerce=serde.coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "types": types,
                "multiple": multiple,
                "directory": accept_multiple_files == "directory",
                "max_upload_size": max_upload_size or 200,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
