"""Text elements: title, header, subheader, markdown, text, caption, code, divider,
latex, badge and help.

``st.badge`` is Markdown, as in Streamlit: a ``:color-badge[label]`` directive that
``js/markdown.mjs`` draws. ``st.latex`` is drawn with KaTeX, which the page loads
only when the first formula appears.
"""

from __future__ import annotations

import inspect
import re
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from ..._errors import StreamlitValueError
from ..._tree import Element
from .._base import DGBase
from .lib._text_utils import clean_text

if TYPE_CHECKING:
    from .._dg import DeltaGenerator

__all__ = ["TextMixin"]

BADGE_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary")
# st.help()'s default is the streamlit module (the API package, half-initialised here).
_STREAMLIT = sys.modules[__name__.rsplit(".", 2)[0]]


class TextMixin(DGBase):
    def _text_el(self, kind: str, **props: Any) -> DeltaGenerator:
        return self._enqueue(Element(kind, props))

    def title(
        self,
        body: Any,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        icon: str | None = None,
        width: Any = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        return self._text_el(
            "title", body=clean_text(body), anchor=anchor, help=help, divider=False, icon=icon
        )

    def header(
        self,
        body: Any,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        icon: str | None = None,
        divider: bool | str = False,
        width: Any = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        return self._text_el(
            "header", body=clean_text(body), anchor=anchor, help=help, divider=divider, icon=icon
        )

    def subheader(
        self,
        body: Any,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        icon: str | None = None,
        divider: bool | str = False,
        width: Any = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        return self._text_el(
            "subheader", body=clean_text(body), anchor=anchor, help=help, divider=divider, icon=icon
        )

    def markdown(
        self,
        body: Any,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: Any = "auto",
        text_alignment: str = "left",
        anchors: bool = True,
        wrap: bool = True,
    ) -> DeltaGenerator:
        return self._text_el(
            "markdown", body=clean_text(body), unsafe_allow_html=unsafe_allow_html, help=help
        )

    def text(
        self,
        body: Any,
        *,
        help: str | None = None,
        width: Any = "content",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        return self._text_el("text", body=clean_text(body), help=help)

    def caption(
        self,
        body: Any,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: Any = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> DeltaGenerator:
        return self._text_el(
            "caption", body=clean_text(body), unsafe_allow_html=unsafe_allow_html, help=help
        )

    def code(
        self,
        body: Any,
        language: str | None = "python",
        *,
        line_numbers: bool = False,
        wrap_lines: bool = False,
        height: Any = "content",
        width: Any = "stretch",
    ) -> DeltaGenerator:
        return self._text_el(
            "code",
            body=re.sub(r"\n\Z", "", re.sub(r"\A\n", "", str(body))),  # one newline each end
            language=language,
            line_numbers=line_numbers,
            wrap_lines=wrap_lines,
        )

    def divider(self, *, width: Any = "stretch") -> DeltaGenerator:
        return self._text_el("divider")

    def latex(
        self, body: Any, *, help: str | None = None, width: Any = "stretch"
    ) -> DeltaGenerator:
        if type(body).__module__.split(".")[0] == "sympy":
            import sympy  # type: ignore[import-untyped, import-not-found, unused-ignore]

            body = sympy.latex(body)
        text = textwrap.dedent(str(body)).strip()
        return self._enqueue(Element("latex", {"body": text, "help": help}))

    def badge(
        self,
        label: str,
        *,
        icon: str | None = None,
        color: str = "blue",
        width: Any = "content",
        help: str | None = None,
    ) -> DeltaGenerator:
        if color not in BADGE_COLORS:
            raise StreamlitValueError("color", [f"'{c}'" for c in BADGE_COLORS])
        icon_str = f"{icon} " if icon else ""
        escaped = str(label).replace("[", "\\[").replace("]", "\\]")
        body = f":{color}-badge[{icon_str}{escaped}]"
        return self._enqueue(Element("markdown", {"body": body, "help": help, "badge": True}))

    def help(self, obj: Any = _STREAMLIT, *, width: Any = "stretch") -> DeltaGenerator:
        return self._enqueue(Element("help", _describe(obj)))


def _describe(obj: Any) -> dict[str, Any]:
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if isinstance(name, str) and name.startswith("runtime_wasm.streamlit"):
        name = name.removeprefix("runtime_wasm.")  # the module the app imported
    kind = type(obj)
    type_name = (
        kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
    )
    doc = inspect.getdoc(obj)
    if doc is None and kind not in (type,) and not inspect.isfunction(obj):
        doc = inspect.getdoc(kind)
    value: str | None
    if inspect.isclass(obj) or callable(obj):
        try:
            value = f"{name or ''}{inspect.signature(obj)}"
        except (TypeError, ValueError):
            value = None
    else:
        value = repr(obj)
    members = []
    if not isinstance(obj, str | int | float | bool | bytes | type(None)):
        for member in dir(obj):
            if member.startswith("_"):
                continue
            try:
                attr = getattr(obj, member)
            except Exception:
                continue
            summary = (
                (inspect.getdoc(attr) or "").split("\n", 1)[0] if callable(attr) else repr(attr)
            )
            members.append({"name": member, "type": type(attr).__name__, "value": summary[:200]})
    return {
        "name": name,
        "type": type_name,
        "doc": doc.strip() if doc else None,
        "value": value,
        "members": members[:200],
    }
