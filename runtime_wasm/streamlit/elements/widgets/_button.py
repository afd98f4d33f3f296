"""Buttons: ``st.button``, ``st.form_submit_button``, ``st.link_button`` and
``st.download_button``: trigger widgets, ``True`` for the one run after a click.

``download_button``'s data goes to the page once per content through the media store
(``runtime_wasm._media_store``, as images do); the props name it by ``media`` id, so a
rerun re-sends a few bytes of JSON, not the file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any, Literal

from ...._context import current
from ...._errors import (
    FORM_DOCS_INFO,
    StreamlitAPIException,
    StreamlitValueError,
)
from ...._media_store import session_store
from ...._tree import Element
from ..._base import DGBase
from ..._widget import Key, widget

__all__ = ["ButtonMixin"]


ButtonType = Literal["primary", "secondary", "tertiary"]


def _check_button_type(type: str) -> None:
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(
            f'The type argument to st.button must be "primary", "secondary", or '
            f'"tertiary". \nThe argument passed was "{type}".'
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


def _check_on_click(on_click: Any) -> None:
    if on_click not in ("rerun", "ignore", None) and not callable(on_click):
        raise StreamlitValueError("on_click", ["'rerun'", "'ignore'", "a callable", "None"])


class ButtonMixin(DGBase):
    def _button(
        self,
        kind: str,
        label: str,
        help: str | None,
        type: ButtonType,
        icon: str | None,
        key: Key | None,
        on_click: Any,
        args: Any,
        kwargs: Any,
        disabled: bool,
        use_container_width: bool | None,
    ) -> bool:
        """``st.button`` and ``st.form_submit_button``: one trigger widget, two kinds."""
        return bool(
            widget(
                self,
                kind,
                key=key,
                shared={"label": label, "help": help, "type": type, "icon": icon},
                default=False,
                on_change=on_click,
                args=args,
                kwargs=kwargs,
                trigger=True,
                props={
                    "disabled": disabled,
                    "use_container_width": bool(use_container_width),
                    "label_visibility": "visible",
                },
            )
        )

    def button(
        self,
        label: str,
        key: Key | None = None,
        help: str | None = None,
        on_click: Callable[..., Any] | None = None,
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        type: ButtonType = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        _check_button_type(type)
        return self._button(
            "button", label, help, type, icon, key, on_click, args, kwargs, disabled,
            use_container_width,
        )  # fmt: skip

    def form_submit_button(
        self,
        label: str = "Submit",
        help: str | None = None,
        on_click: Callable[..., Any] | None = None,
        args: Sequence[Any] | None = None,
        kwargs: dict[str, Any] | None = None,
        *,
        key: Key | None = None,
        type: ButtonType = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        self._require_form("st.form_submit_button")
        _check_button_type(type)
        return self._button(
            "form_submit_button", label, help, type, icon, key, on_click, args, kwargs, disabled,
            use_container_width,
        )  # fmt: skip

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
        shared = {"label": label, "url": url, "help": help, "type": type, "icon": icon}
        props = {
            "disabled": disabled,
            "use_container_width": bool(use_container_width),
            "rerun": on_click != "ignore",
        }
        if on_click == "ignore" and key is None:  # a plain link, not a widget
            return self._enqueue(Element("link_button", {**shared, **props}))
        return bool(
            widget(
                self,
                "link_button",
                key=key,
                shared=shared,
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
                shared={"label": label, "icon": icon, "help": help, "type": type},
                identity={"file_name": file_name, "mime": mime},
                default=False,
                on_change=on_click,
                args=args,
                kwargs=kwargs,
                trigger=True,
                props={
                    "disabled": disabled,
                    "use_container_width": bool(use_container_width),
                    "file_name": file_name or "download",
                    "mime": mime or inferred,
                    "media": media,
                    "rerun": on_click != "ignore",
                },
            )
        )
