"""Text extras: html, latex, badge, help, iframe (and the ``components.v1`` frames),
space, and the module-level ``st.echo``.

``st.badge`` is Markdown, as in Streamlit: a ``:color-badge[label]`` directive that
``js/markdown.mjs`` draws. ``st.latex`` is drawn with KaTeX, which the page loads
only when the first formula appears.
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
import textwrap
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._context import current
from .._errors import StreamlitAPIException, StreamlitValueError
from .._script import ORIGINALS
from .._tree import Element
from ._base import DGBase

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

__all__ = ["ExtrasMixin", "echo"]

BADGE_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary")
SPACE_SIZES = ("stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
# st.help()'s default is the streamlit module (this package, half-initialised here).
_STREAMLIT = sys.modules[__package__]
_STYLE_ONLY = re.compile(r"^(\s*<style\b[^>]*>.*?</style>\s*)+$", re.S | re.I)


def _html_text(body: Any) -> str:
    if isinstance(body, Path):
        text = body.read_text(encoding="utf-8")
        return f"<style>{text}</style>" if body.suffix.lower() == ".css" else text
    repr_html = getattr(body, "_repr_html_", None)
    if callable(repr_html) and not isinstance(body, str):
        return str(repr_html())
    return textwrap.dedent(str(body)).strip("\n") if isinstance(body, str) else str(body)


class ExtrasMixin(DGBase):
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

    def space(self, size: Any = "small") -> DeltaGenerator:
        valid = (isinstance(size, str) and size in SPACE_SIZES) or (
            isinstance(size, int) and not isinstance(size, bool) and size > 0
        )
        if not valid:
            raise StreamlitAPIException(
                "Invalid `size` value. Supported values: "
                + ", ".join([*(f"'{s}'" for s in SPACE_SIZES), "a positive integer"])
                + f". Got {size!r}."
            )
        return self._enqueue(Element("space", {"size": size}))


def _is_local_html(src: str) -> bool:
    if src.startswith(("http://", "https://", "data:", "//")) or "<" in src or "\n" in src:
        return False
    try:
        return Path(src).is_file()
    except OSError:
        return False


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


# -- st.echo ------------------------------------------------------------------------


def _source_lines(filename: str) -> list[str]:
    """The file's lines, from the original the compiler kept when it rewrote the file."""
    path = Path(filename)
    app_dir = Path(current().script_path).parent
    try:
        original = app_dir / ORIGINALS / path.resolve().relative_to(app_dir.resolve())
        if original.is_file():
            path = original
    except ValueError:
        pass
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _echo_block(lines: list[str], with_line: int) -> str:
    nodes: dict[int, Any] = {}

    def collect(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if hasattr(child, "lineno"):
                nodes.setdefault(child.lineno, child)
            collect(child)

    collect(ast.parse("".join(lines)))
    node = nodes[with_line]
    first = node.body[0]
    start = min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", [])])
    return textwrap.dedent("".join(lines[start - 1 : node.end_lineno]))


@contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """Run the ``with`` block and show its source code above (or below) its output."""
    import runtime_wasm.streamlit as st_module

    placeholder = None if code_location == "below" else st_module.empty()
    code_string: str | None = None
    error: str | None = None
    try:
        frame = traceback.extract_stack()[-3]
        code_string = _echo_block(_source_lines(frame.filename), frame.lineno or 0)
    except (OSError, SyntaxError, KeyError, AttributeError, IndexError) as exc:
        error = f"Unable to display code. {exc}"
    yield
    target: Any = st_module if placeholder is None else placeholder
    if code_string is not None:
        target.code(code_string, "python")
    elif error is not None:
        target.warning(error)
