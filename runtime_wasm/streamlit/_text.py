"""Text elements: write, title/header/subheader, markdown, text, caption, code,
divider, json, metric, the four alerts and exception."""

from __future__ import annotations

import contextlib
import functools
import json as _json
import re
import textwrap
from collections import ChainMap, UserDict
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from .._context import current
from .._errors import StreamlitAPIException
from .._script import describe_exception
from .._tree import Element
from . import _types, _write
from ._base import DGBase

if TYPE_CHECKING:
    from ._dg import DeltaGenerator

__all__ = ["TextMixin"]


def _body(body: Any) -> str:
    """Streamlit's ``clean_text``: the text, dedented and stripped."""
    return textwrap.dedent(str(body)).strip()


def _json_value(body: Any) -> Any:
    """What of ``body`` ``st.json`` shows, as Streamlit's: its own mappings, namedtuples,
    Pydantic models and mapping views as dicts, every list-like as a list."""
    if _types.is_custom_dict(body):
        body = body.to_dict()
    if _types.is_namedtuple(body):
        body = body._asdict()
    if isinstance(body, ChainMap | MappingProxyType | UserDict) or _types.is_pydantic_model(body):
        body = dict(body)
    if _types.is_list_like(body):
        if _types.is_sequence_of_pydantic_models(body):
            try:
                body = [_pydantic_dump(item) for item in body]
            except AttributeError:  # not all of them models
                body = list(body)
        else:
            body = list(body)
    return body


def _pydantic_dump(model: Any) -> Any:
    if _types.has_callable_attr(model, "model_dump"):
        return model.model_dump(mode="json")
    return model.dict()  # Pydantic 1


def _json_default(obj: Any) -> Any:
    """Sets as lists, anything else JSON cannot say as its ``repr``."""
    return list(obj) if isinstance(obj, set) else repr(obj)


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
        body = _json_value(body)
        dump = functools.partial(_json.dumps, default=_json_default, indent=2, ensure_ascii=False)
        try:
            text = dump(body)
        except TypeError as err:  # keys JSON cannot have: left out, with Streamlit's warning
            self.warning(
                "Warning: this data structure was not fully serializable as JSON due to "
                f"one or more unexpected keys.  (Error was: {err})"
            )
            text = dump(body, skipkeys=True)
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
        """Write each argument the way its type asks for, as ``st.write`` does (``_write``)."""
        if len(args) == 1 and isinstance(args[0], str):
            self.markdown(args[0], unsafe_allow_html=unsafe_allow_html)
            return
        dg = self._active(current())
        replaces = dg._slot is not None or (dg._block is not None and dg._block.kind == "empty")
        if replaces and len(args) > 1:
            raise StreamlitAPIException(
                "Cannot replace a single element with multiple elements.\n\n"
                "The `write()` method only supports multiple elements when inserting "
                "elements rather than replacing. That is, only when called as "
                "`st.write()` or `st.sidebar.write()`."
            )
        _write.write(cast("DeltaGenerator", self), args, unsafe_allow_html)
