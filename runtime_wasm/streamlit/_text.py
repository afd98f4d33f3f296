"""Text elements: write, title/header/subheader, markdown, text, caption, code,
divider, json, metric, the four alerts and exception."""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import json as _json
import re
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._context import current
from .._errors import StreamlitAPIException
from .._script import describe_exception
from .._tree import Element
from ._base import DGBase

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

__all__ = ["TextMixin"]


def _body(body: Any) -> str:
    """Streamlit's ``clean_text``: the text, dedented and stripped."""
    return textwrap.dedent(str(body)).strip()


def _json_default(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, Mapping):
        return dict(obj)
    if isinstance(obj, set | frozenset | tuple | map | enumerate):
        return list(obj)
    return str(obj)


def _longest_run(text: str, char: str) -> int:
    return max((len(m) for m in re.findall(f"{re.escape(char)}+", text)), default=0)


def _metric_text(value: Any, name: str) -> str:
    if value is None:
        return "—" if name == "value" else ""
    if isinstance(value, str):
        return textwrap.dedent(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if hasattr(value, "item"):  # numpy scalars
        return str(value.item())
    raise StreamlitAPIException(
        f"'{value}' is of type {type(value)}, which is not an accepted type. {name} only "
        "accepts: int, float, str, or None. Please convert the value to an accepted type."
    )


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
            "title", body=_body(body), anchor=anchor, help=help, divider=False, icon=icon
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
            "header", body=_body(body), anchor=anchor, help=help, divider=divider, icon=icon
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
            "subheader", body=_body(body), anchor=anchor, help=help, divider=divider, icon=icon
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
            "markdown", body=_body(body), unsafe_allow_html=unsafe_allow_html, help=help
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
        return self._text_el("text", body=_body(body), help=help)

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
            "caption", body=_body(body), unsafe_allow_html=unsafe_allow_html, help=help
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

    def json(
        self, body: object, *, expanded: bool | int = True, width: Any = "stretch"
    ) -> DeltaGenerator:
        if isinstance(body, str):
            with contextlib.suppress(ValueError):
                body = _json.loads(body)
        text = _json.dumps(body, default=_json_default, indent=2, ensure_ascii=False)
        return self._text_el("json", body=text, expanded=expanded)

    def metric(
        self,
        label: str,
        value: Any,
        delta: Any = None,
        delta_color: str = "normal",
        *,
        help: str | None = None,
        icon: str | None = None,
        label_visibility: str = "visible",
        border: bool = False,
        width: Any = "stretch",
        height: Any = "content",
        chart_data: Any = None,
        chart_type: str = "line",
        delta_arrow: str = "auto",
        format: Any = None,
        delta_description: str | None = None,
    ) -> DeltaGenerator:
        colors = (
            "normal",
            "inverse",
            "off",
            "red",
            "orange",
            "yellow",
            "green",
            "blue",
            "violet",
            "gray",
            "grey",
            "primary",
        )
        if delta_color not in colors:
            raise StreamlitAPIException(
                f"'{delta_color}' is not an accepted value. delta_color only accepts: "
                "'normal', 'inverse', or 'off'"
            )
        delta_text = _metric_text(delta, "delta")
        return self._text_el(
            "metric",
            label=str(label),
            value=_metric_text(value, "value"),
            delta=delta_text or None,
            delta_color=delta_color,
            help=help,
            label_visibility=label_visibility,
            border=border,
            icon=icon,
        )

    def _alert(self, kind: str, body: Any, icon: str | None, title: Any = None) -> DeltaGenerator:
        return self._text_el(
            kind, body=_body(body), icon=icon, title=None if title is None else str(title)
        )

    def success(
        self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None
    ) -> DeltaGenerator:
        return self._alert("success", body, icon, title)

    def info(
        self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None
    ) -> DeltaGenerator:
        return self._alert("info", body, icon, title)

    def warning(
        self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None
    ) -> DeltaGenerator:
        return self._alert("warning", body, icon, title)

    def error(
        self, body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None
    ) -> DeltaGenerator:
        return self._alert("error", body, icon, title)

    def exception(self, exception: BaseException, width: Any = "stretch") -> DeltaGenerator:
        info = describe_exception(exception)
        return self._text_el(
            "exception",
            type=info.type,
            message=info.message,
            traceback=info.traceback,
            is_api_error=info.is_api_error,
        )

    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        """Write each argument the way its type asks for, as ``st.write`` does."""
        dg = self._active(current())
        replaces = dg._slot is not None or (dg._block is not None and dg._block.kind == "empty")
        if replaces and len(args) > 1:
            raise StreamlitAPIException(
                "Cannot replace a single element with multiple elements.\n\n"
                "The `write()` method only supports multiple elements when inserting "
                "elements rather than replacing. That is, only when called as "
                "`st.write()` or `st.sidebar.write()`."
            )
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                self.markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
                buffer.clear()

        for arg in args:
            if isinstance(arg, str):
                buffer.append(arg)
            elif isinstance(arg, BaseException):
                flush()
                self.exception(arg)
            elif _is_plotly_figure(arg):
                flush()
                self.plotly_chart(arg)  # type: ignore[attr-defined]
            elif _is_dataframe_like(arg):
                flush()
                self.dataframe(arg)  # type: ignore[attr-defined]
            elif isinstance(arg, dict | list | Mapping | map | enumerate) or _is_namedtuple(arg):
                flush()
                self.json(arg._asdict() if _is_namedtuple(arg) else arg)
            elif dataclasses.is_dataclass(arg) and not isinstance(arg, type):
                flush()
                self.json(dataclasses.asdict(arg))
            elif unsafe_allow_html and callable(getattr(arg, "_repr_html_", None)):
                flush()
                self.markdown(arg._repr_html_(), unsafe_allow_html=True)
            elif inspect.isclass(arg) or inspect.isfunction(arg) or inspect.ismodule(arg):
                flush()
                self.code(_describe(arg), language="python")
            else:
                text = str(arg)
                fence = "`" * max(3 if "\n" in text else 1, _longest_run(text, "`") + 1)
                sep = "\n" if "\n" in text else ""
                buffer.append(f"{fence}{sep}{text}{sep}{fence}")
        flush()


def _is_namedtuple(x: Any) -> bool:
    return isinstance(x, tuple) and hasattr(x, "_fields")


def _is_plotly_figure(x: Any) -> bool:
    return type(x).__module__.startswith("plotly.") and hasattr(x, "to_plotly_json")


def _is_dataframe_like(x: Any) -> bool:
    name = type(x).__module__.split(".")[0]
    return name in ("pandas", "polars", "pyarrow", "numpy") and hasattr(x, "shape")


def _describe(obj: Any) -> str:
    name = getattr(obj, "__qualname__", getattr(obj, "__name__", repr(obj)))
    try:
        signature = str(inspect.signature(obj))
    except (TypeError, ValueError):
        signature = ""
    doc = inspect.getdoc(obj) or ""
    return f"{name}{signature}\n\n{doc}".strip()
