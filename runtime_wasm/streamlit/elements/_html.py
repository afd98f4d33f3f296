"""``st.html`` and ``st.iframe``, and the frames of ``components.v1.html`` and
``components.v1.iframe`` (the main area's ``_html`` and ``_iframe``, as in Streamlit)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._errors import StreamlitAPIException
from ..._tree import Element
from .._base import DGBase

if TYPE_CHECKING:
    from .._dg import DeltaGenerator

__all__ = ["HtmlMixin"]

_STYLE_ONLY = re.compile(r"^(\s*<style\b[^>]*>.*?</style>\s*)+$", re.S | re.I)


def _html_text(body: Any) -> str:
    if isinstance(body, Path):
        text = body.read_text(encoding="utf-8")
        return f"<style>{text}</style>" if body.suffix.lower() == ".css" else text
    repr_html = getattr(body, "_repr_html_", None)
    if callable(repr_html) and not isinstance(body, str):
        return str(repr_html())
    return textwrap.dedent(str(body)).strip("\n") if isinstance(body, str) else str(body)


class HtmlMixin(DGBase):
    def html(
        self,
        body: Any,
        *,
        width: Any = "stretch",
        unsafe_allow_javascript: bool = False,
    ) -> DeltaGenerator:
        text = _html_text(body)
        if text == "":
            raise StreamlitAPIException("The `body` parameter is required.")
        style_only = bool(_STYLE_ONLY.match(text))
        return self._enqueue(
            Element(
                "html",
                {
                    "body": text,
                    "unsafe_allow_javascript": unsafe_allow_javascript and not style_only,
                    "style_only": style_only,
                },
            )
        )

    def iframe(
        self,
        src: str | Path,
        *,
        width: Any = "stretch",
        height: Any = "content",
        tab_index: int | None = None,
        alt: str | None = None,
    ) -> DeltaGenerator:
        props: dict[str, Any] = {"width": width, "height": height, "tab_index": tab_index}
        if isinstance(src, Path) or (isinstance(src, str) and _is_local_html(src)):
            props["srcdoc"] = Path(src).read_text(encoding="utf-8")
        elif isinstance(src, str) and "<" in src:
            props["srcdoc"] = src
        else:
            props["src"] = str(src)
        props["alt"] = alt
        return self._enqueue(Element("iframe", props))

    def _html(
        self,
        html: str,
        width: int | None = None,
        height: int | None = None,
        scrolling: bool = False,
        *,
        tab_index: int | None = None,
    ) -> DeltaGenerator:
        """``components.v1.html``: a sandboxed iframe of ``html`` (150 px high by default)."""
        return self._frame(srcdoc=str(html), width=width, height=height, scrolling=scrolling)

    def _iframe(
        self,
        src: str,
        width: int | None = None,
        height: int | None = None,
        scrolling: bool = False,
        *,
        tab_index: int | None = None,
    ) -> DeltaGenerator:
        """``components.v1.iframe``: an iframe of ``src``."""
        return self._frame(src=str(src), width=width, height=height, scrolling=scrolling)

    def _frame(self, *, width: Any, height: Any, scrolling: bool, **source: str) -> DeltaGenerator:
        props = {
            **source,
            "width": width if width is not None else "stretch",
            "height": height if height is not None else 150,
            "scrolling": scrolling,
        }
        return self._enqueue(Element("iframe", props))


def _is_local_html(src: str) -> bool:
    if src.startswith(("http://", "https://", "data:", "//")) or "<" in src or "\n" in src:
        return False
    try:
        return Path(src).is_file()
    except OSError:
        return False
