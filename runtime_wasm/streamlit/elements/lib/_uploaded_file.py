"""What file widgets return: ``UploadedFile``, and the serde that turns the page's file
entries into them (``st.file_uploader``, ``st.camera_input``, ``st.audio_input`` and
``st.chat_input(accept_file=...)`` share it).

There is no server to hold files, so bytes travel inside the one JSON protocol: the page
reads each chosen file with ``FileReader`` and sends ``[{file_id, name, type, size, data}]``
(``data`` base64, a third bigger than the file). What Python sends back to the page
(``value``) is the same list *without* ``data``; when the page re-sends a file it already
sent (removing another one), it sends the entry without ``data`` and Python finds the
bytes by ``file_id``.
"""

from __future__ import annotations

import base64
import io
from typing import Any

__all__ = ["FileEntries", "UploadedFile"]


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


class FileEntries:
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
