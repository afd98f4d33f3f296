"""Chat: ``st.chat_input``, ``st.chat_message`` and ``st.write_stream``.

``chat_input`` returns what the visitor submitted for exactly one run, then
``None``, as in Streamlit. The page sends the text (or, with ``accept_file``,
``{"text", "files"}``); Python stores it marked as fresh, and the first read in a
run hands it out and stores the plain value, which later runs read as consumed.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._errors import (
    FORM_DOCS_INFO,
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from .._tree import Element
from ._base import DGBase
from ._files import UploadedFile, _Files
from ._types import is_dataframe_like, is_openai_chunk, is_openai_response_event, is_type
from ._widget import Key, widget
from ._write import StreamingOutput

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

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


class _Fresh:
    """A submitted value not yet handed to the script. Never equal to anything, so
    sending the same message twice still counts as a change."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__


def _is_emoji(text: str) -> bool:
    return 0 < len(text) <= 4 and all(ord(c) > 0x2000 for c in text)


# Responses API events that carry text; the others (lifecycle, tool calls…) carry none.
_OPENAI_TEXT_EVENTS = frozenset({"response.output_text.delta", "response.refusal.delta"})


def _chunk_text(chunk: Any) -> Any:
    """OpenAI chat-completion chunks and Responses API events, and LangChain message
    chunks, as their text (Streamlit's rules); any other chunk as it is."""
    if is_openai_chunk(chunk):
        try:
            empty = len(chunk.choices) == 0 or chunk.choices[0].delta is None
            chunk = "" if empty else chunk.choices[0].delta.content or ""
        except AttributeError as err:
            raise _parse_failed("OpenAI ChatCompletionChunk", "chunk", "OpenAI") from err
    elif is_openai_response_event(chunk):
        try:
            chunk = (chunk.delta or "") if chunk.type in _OPENAI_TEXT_EVENTS else ""
        except AttributeError as err:
            raise _parse_failed("OpenAI Response stream event", "event", "OpenAI") from err
    if is_type(chunk, "langchain_core.messages.ai.AIMessageChunk"):
        try:
            chunk = chunk.content or ""
        except AttributeError as err:
            raise _parse_failed("LangChain AIMessageChunk", "chunk", "LangChain") from err
    return chunk


def _parse_failed(what: str, part: str, library: str) -> StreamlitAPIException:
    return StreamlitAPIException(
        f"Failed to parse the {what}. The most likely cause is a change of the {part} "
        f"object structure due to a recent {library} update. You might be able to fix "
        f"this by downgrading the {library} library or upgrading Streamlit. Also, please "
        "report this issue to: https://github.com/streamlit/streamlit/issues."
    )


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
        files = _Files(True)

        def deserialize(raw: Any) -> Any:
            if raw is None:
                return None
            if accept_file:
                text = raw.get("text", "") if isinstance(raw, dict) else str(raw)
                attached = files.deserialize(raw.get("files") if isinstance(raw, dict) else [])
                return _Fresh(ChatInputValue(text, attached))
            return _Fresh(str(raw))

        def coerce(v: Any) -> Any:
            # The first read of a fresh submission returns it; a consumed one is None.
            return v.value if isinstance(v, _Fresh) else None

        def serialize(v: Any) -> Any:
            if isinstance(v, ChatInputValue):
                return {"text": v.text, "files": files.serialize(v.files)}
            return None if v is None else str(v)

        ctx_main = self._active_is_main_body()
        value = widget(
            self,
            "chat_input",
            key=key,
            identity={"placeholder": placeholder, "max_chars": max_chars},
            default=None,
            serialize=serialize,  # the page ignores it: the box is empty after a submit
            deserialize=deserialize,
            coerce=coerce,
            on_change=on_submit,
            args=args,
            kwargs=kwargs,
            props={
                "placeholder": placeholder,
                "max_chars": max_chars,
                "disabled": disabled,
                "accept_file": accept_file,
                "file_type": file_type if not isinstance(file_type, str) else [file_type],
                "pinned": ctx_main,
            },
        )
        return value

    def _active_is_main_body(self) -> bool:
        from .._context import current

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

    def write_stream(
        self,
        stream: Any,
        *,
        cursor: str | None = None,
    ) -> list[Any] | str:
        if isinstance(stream, str) or is_dataframe_like(stream):
            raise StreamlitInvalidParameterTypeError(
                "stream",
                type(stream).__name__,
                ["generator", "stream-like object"],
                detail="Please use `st.write` instead for this data type.",
            )
        if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
            stream = stream()
        if inspect.isasyncgen(stream):
            raise StreamlitAPIException(
                "stc cannot iterate an async generator inside a synchronous "
                "`st.write_stream()` call in the browser; use a plain generator."
            )
        try:
            iterator = iter(stream)
        except TypeError as exc:
            raise StreamlitAPIException(
                f"The provided input (type: {type(stream)}) cannot be iterated. "
                "Please make sure that it is a generator, generator function or iterable."
            ) from exc
        written = StreamingOutput()
        text = ""
        slot: Any = None
        for chunk in iterator:
            chunk = _chunk_text(chunk)
            if isinstance(chunk, str):
                if not chunk:
                    continue
                first = slot is None
                if first:
                    slot = self.empty()  # type: ignore[attr-defined]
                text += chunk
                slot.markdown(text + ("" if first else (cursor or "")))
            else:
                if slot is not None:
                    slot.markdown(text)
                    written.append(text)
                    slot, text = None, ""
                if callable(chunk):
                    chunk()
                else:
                    self.write(chunk)  # type: ignore[attr-defined]
                    written.append(chunk)
        if slot is not None:
            slot.markdown(text)
            written.append(text)
        if not written:
            return ""
        if len(written) == 1 and isinstance(written[0], str):
            return str(written[0])
        return written
