"""Files in and out: link_button, download_button, file_uploader, camera_input.

There is no server to hold files, so bytes travel inside the one JSON protocol:

* ``download_button``: the data goes to the page once per content through the media
  store (``runtime_wasm._media_store``, as images do); the props name it by ``media``
  id, so a rerun re-sends a few bytes of JSON, not the file. The page downloads the
  object URL it keeps for that id.
* ``file_uploader`` / ``camera_input``: the page reads each chosen file with
  ``FileReader`` and sends ``[{file_id, name, type, size, data}]`` (``data`` base64,
  again a third bigger than the file). Python returns ``UploadedFile`` objects. What
  Python sends back to the page (``value``) is the same list *without* ``data``;
  when the page re-sends a file it already sent (removing another one), it sends
  the entry without ``data`` and Python finds the bytes by ``file_id``.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Sequence
from typing import Any

from .._context import current
from .._errors import FORM_DOCS_INFO, StreamlitAPIException, StreamlitValueError
from .._media_store import session_store
from .._tree import Element
from ._base import DGBase
from ._selection import _check_button_type
from ._widget import Key, check_label_visibility, widget

__all__ = ["FilesMixin", "UploadedFile"]


class UploadedFile(io.BytesIO):
    """A file the visitor uploaded: a ``BytesIO`` with ``name``, ``type``, ``size``
    and ``file_id``, equal to another by ``file_id`` (as Streamlit's)."""

    def __init__(self, data: bytes, *, file_id: str, name: str, type: str) -> None:
        super().__init__(data)
        self.file_id = file_id
        self.name = name
        self.type = type
        self.size = len(data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.file_id == other.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return (
            f"UploadedFile(file_id={self.file_id!r}, name={self.name!r}, "
            f"type={self.type!r}, size={self.size})"
        )


def _to_bytes(data: Any) -> tuple[bytes, str]:
    """``data`` as bytes and the MIME type Streamlit infers for it."""
    if callable(data):
        data = data()  # Streamlit defers this to the click; stc has no server to call
    if isinstance(data, str):
        return data.encode("utf-8"), "text/plain"
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data), "application/octet-stream"
    if isinstance(data, io.TextIOWrapper | io.StringIO):
        data.seek(0)
        return data.read().encode("utf-8"), "text/plain"
    if hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        raw = data.read()
        if isinstance(raw, str):
            return raw.encode("utf-8"), "text/plain"
        return bytes(raw), "application/octet-stream"
    raise StreamlitAPIException(f"Invalid binary data format: {type(data)}")


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


class _Files:
    """Serde for a file widget: wire entries <-> ``UploadedFile``, remembering the
    files it has seen so an entry without ``data`` finds its bytes."""

    def __init__(self, multiple: bool) -> None:
        self.multiple = multiple
        self.known: dict[str, UploadedFile] = {}

    def deserialize(self, raw: Any) -> Any:
        files: list[UploadedFile] = []
        for entry in raw or []:
            file_id = str(entry.get("file_id") or entry.get("name"))
            if entry.get("data") is not None:
                data = base64.b64decode(entry["data"])
                f = UploadedFile(
                    data,
                    file_id=file_id,
                    name=str(entry.get("name", "")),
                    type=str(entry.get("type") or "application/octet-stream"),
                )
                self.known[file_id] = f
                files.append(f)
            elif file_id in self.known:
                files.append(self.known[file_id])
        if self.multiple:
            return files
        return files[0] if files else None

    def serialize(self, value: Any) -> list[dict[str, Any]]:
        files = value if isinstance(value, list) else ([] if value is None else [value])
        for f in files:
            self.known[f.file_id] = f
        return [
            {"file_id": f.file_id, "name": f.name, "type": f.type, "size": f.size} for f in files
        ]

    def coerce(self, value: Any) -> Any:
        files = value if isinstance(value, list) else ([] if value is None else [value])
        if not all(isinstance(f, UploadedFile) for f in files):
            raise ValueError(value)
        for f in files:
            self.known[f.file_id] = f
            f.seek(0)  # Streamlit hands out a fresh file object each run
        if self.multiple:
            return list(files)
        return files[0] if files else None


def _check_on_click(on_click: Any) -> None:
    if on_click not in ("rerun", "ignore", None) and not callable(on_click):
        raise StreamlitValueError("on_click", ["'rerun'", "'ignore'", "a callable", "None"])


class FilesMixin(DGBase):
    def link_button(
        self,
        label: str,
        url: str,
        *,
        key: Key | None = None,
        on_click: Callable[..., Any] | str = "ignore",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        help: str | None = None,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> Any:
        _check_button_type(type)
        if on_click not in ("rerun", "ignore") and not callable(on_click):
            raise StreamlitValueError("on_click", ["'rerun'", "'ignore'", "a callable"])
        props = {
            "label": label,
            "url": url,
            "help": help,
            "type": type,
            "icon": icon,
            "disabled": disabled,
            "use_container_width": bool(use_container_width),
            "rerun": on_click != "ignore",
        }
        if on_click == "ignore" and key is None:
            return self._enqueue(Element("link_button", props))
        return bool(
            widget(
                self,
                "link_button",
                key=key,
                identity={"label": label, "url": url, "help": help, "type": type, "icon": icon},
                default=False,
                on_change=on_click,
                args=args,
                kwargs=kwargs,
                trigger=True,
                props=props,
            )
        )

    def download_button(
        self,
        label: str,
        data: Any,
        file_name: str | None = None,
        mime: str | None = None,
        key: Key | None = None,
        help: str | None = None,
        on_click: Callable[..., Any] | str | None = "rerun",
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        _check_button_type(type)
        _check_on_click(on_click)
        if self._current_form_id() is not None:
            raise StreamlitAPIException(
                f"`st.download_button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}"
            )
        if file_name is None and isinstance(getattr(data, "name", None), str):
            file_name = data.name.replace("\\", "/").rsplit("/", 1)[-1]
        raw, inferred = _to_bytes(data)
        # The bytes go to the page once per content (the media store), not in the
        # props of every render.
        media = session_store(current().state).add(raw, mime or inferred)
        return bool(
            widget(
                self,
                "download_button",
                key=key,
                identity={
                    "label": label,
                    "icon": icon,
                    "file_name": file_name,
                    "mime": mime,
                    "help": help,
                    "type": type,
                },
                default=False,
                on_change=on_click,
                args=args,
                kwargs=kwargs,
                trigger=True,
                props={
                    "label": label,
                    "help": help,
                    "type": type,
                    "icon": icon,
                    "disabled": disabled,
                    "use_container_width": bool(use_container_width),
                    "file_name": file_name or "download",
                    "mime": mime or inferred,
                    "media": media,
                    "rerun": on_click != "ignore",
                },
            )
        )

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
        serde = _Files(multiple)
        return widget(
            self,
            "file_uploader",
            key=key,
            identity={
                "label": label,
                "type": types,
                "accept_multiple_files": accept_multiple_files,
                "help": help,
            },
            default=[] if multiple else None,
            serialize=serde.serialize,
            deserialize=serde.deserialize,
            coerce=serde.coerce,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            props={
                "label": label,
                "types": types,
                "multiple": multiple,
                "directory": accept_multiple_files == "directory",
                "max_upload_size": max_upload_size or 200,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

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
        serde = _Files(False)
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
