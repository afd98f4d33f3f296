"""Chat: ``st.chat_input`` and ``st.chat_message``.

``chat_input`` returns what the visitor submitted for exactly one run, then
``None``, as in Streamlit. The page sends the text (or, with ``accept_file``,
``{"text", "files"}``); Python stores it marked as fresh, and the first read in a
run hands it out and stores the plain value, which later runs read as consumed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...._context import current
from ...._errors import FORM_DOCS_INFO, StreamlitAPIException, StreamlitValueError
from ...._tree import Element
from ..._base import DGBase
from ..._widget import Key, widget
from ..lib._one_run_value import Fresh
from ..lib._root_blocks import bottom_dg
from ..lib._uploaded_file import FileEntries, UploadedFile

if TYPE_CHECKING:
    from ..._dg import DeltaGenerator

__all__ = ["ChatInputValue", "ChatMixin"]

_PRESETS = {"user", "assistant", "ai", "human"}


@dataclass
class ChatInputValue:
    """What ``st.chat_input(accept_file=True)`` returns: the text and the files."""

    text: str
    files: list[UploadedFile] = field(default_factory=list)

    def __getitem__(self, key: str) -> Any:
        if key not in ("text", "files"):
            raise KeyError(f"Invalid key: {key}")
        return getattr(self, key)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "files": self.files}


def _is_emoji(text: str) -> bool:
    return 0 < len(text) <= 4 and all(ord(c) > 0x2000 for c in text)


class ChatMixin(DGBase):
    def chat_input(
        self,
        placeholder: str = "Your message",
        *,
        key: Key | None = None,
        max_chars: int | None = None,
        max_upload_size: int | None = None,
        accept_file: bool | str = False,
        file_type: str | Sequence[str] | None = None,
        accept_audio: bool = False,
        audio_sample_rate: int | None = 16000,
        disabled: bool = False,
        submit_mode: str = "submit",
        on_submit: Callable[..., Any] | None = None,
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        width: Any = "stretch",
        height: Any = "content",
    ) -> Any:
        if accept_file not in (True, False, "multiple", "directory"):
            raise StreamlitValueError(
                "accept_file",
                ["True", "False", "'multiple'", "'directory'"],
                detail=f"Got {accept_file!r}.",
            )
        if submit_mode not in ("submit", "disable", "stop"):
            raise StreamlitValueError("submit_mode", ["'submit'", "'disable'", "'stop'"])
        if self._current_form_id() is not None:
            raise StreamlitAPIException(
                f"`st.chat_input()` can't be used in a `st.form()`.{FORM_DOCS_INFO}"
            )
        files = FileEntries(True)

        def deserialize(raw: Any) -> Any:
            if raw is None:
                return None
            if accept_file:
                text = raw.get("text", "") if isinstance(raw, dict) else str(raw)
                attached = files.deserialize(raw.get("files") if isinstance(raw, dict) else [])
                return Fresh(ChatInputValue(text, attached))
            return Fresh(str(raw))

        def coerce(v: Any) -> Any:
            # The first read of a fresh submission returns it; a consumed one is None.
            return v.value if isinstance(v, Fresh) else None

        def serialize(v: Any) -> Any:
            if isinstance(v, ChatInputValue):
                return {"text": v.text, "files": files.serialize(v.files)}
            return None if v is None else str(v)

        # As Streamlit: called in the main body outside any block, the box goes into
        # the bottom container (the tree shows it there, after the sidebar); in a
        # block, or in st.bottom, it stays where it was called.
        at_bottom = self._active_is_main_body()
        value = widget(
            bottom_dg() if at_bottom else self,
            "chat_input",
            key=key,
            shared={"placeholder": placeholder, "max_chars": max_chars},
            default=None,
            serialize=serialize,  # the page ignores it: the box is empty after a submit
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_submit,
            args=args,
            kwargs=kwargs,
            props={
                "disabled": disabled,
                "accept_file": accept_file,
                "file_type": file_type if not isinstance(file_type, str) else [file_type],
            },
        )
        return value

    def _active_is_main_body(self) -> bool:
        active = self._active(current())
        return active._root == "main"

    def chat_message(
        self,
        name: str,
        *,
        avatar: Any = None,
        width: Any = "stretch",
    ) -> DeltaGenerator:
        if name is None:
            raise StreamlitAPIException("The `name` parameter is required.")
        if avatar is None and (name.lower() in _PRESETS or _is_emoji(name)):
            avatar = name.lower()
        if avatar is not None and not isinstance(avatar, str):
            raise StreamlitAPIException("Failed to load the provided avatar value as an image.")
        role = {"ai": "assistant", "human": "user"}.get(str(avatar), avatar)
        return self._enqueue(Element("chat_message", {"name": name, "avatar": role}, children=[]))
